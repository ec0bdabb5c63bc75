// Texts from outside made safe: invalid UTF-8 replaced by U+FFFD (one per
// maximal invalid subpart), controls and bidi overrides removed, cut on a
// character boundary. Bytes are written as escapes so that no invisible
// character hides in this file; a literal is split after an escape that a
// hex digit follows.
#include <doctest/doctest.h>

#include <string>

#include "core/safe_text.hpp"

using namespace samenspel;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";     // U+FFFD REPLACEMENT CHARACTER
const std::string kEuml = "\xC3\xAB";         // ë, two bytes
const std::string kEuro = "\xE2\x82\xAC";     // €, three bytes
const std::string kGrin = "\xF0\x9F\x98\x80"; // U+1F600, four bytes

} // namespace

TEST_CASE("clean text: a valid text within the limit is kept as it is") {
    CHECK(cleanText("Anna de Vries", 60) == "Anna de Vries");
    CHECK(cleanText("Zo" + kEuml + " " + kEuro + kGrin, 60) == "Zo" + kEuml + " " + kEuro + kGrin);
    // Right-to-left letters and the invisible marks LRM/RLM are no override.
    CHECK(cleanText("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\x8F", 60) ==
          "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\x8F");
    CHECK(cleanText("", 60).empty());
}

TEST_CASE("clean text: a name is cut between characters, never inside one") {
    // 79 ASCII letters and an "ë": cutting at 80 bytes, as the host did, left
    // half of the "ë"; cutting at 80 characters keeps it whole.
    const std::string name = std::string(79, 'a') + kEuml;
    CHECK(name.size() == 81);
    CHECK(cleanText(name, 80) == name);
    CHECK(cleanText(name, 79) == std::string(79, 'a'));
    CHECK(cleanText("Zo" + kEuml, 3) == "Zo" + kEuml);
    CHECK(cleanText("Zo" + kEuml, 2) == "Zo");
    CHECK(cleanText(kEuro + kEuro + kEuro, 2) == kEuro + kEuro);
    CHECK(cleanText(kGrin + kGrin, 1) == kGrin);
    CHECK(cleanText("abc", 0).empty());
    // A name that arrives already cut inside its last character.
    CHECK(cleanText("Zo\xC3", 60) == "Zo" + kFffd);
    CHECK(cleanText("Zo"
                    "\xE2\x82",
                    60) == "Zo" + kFffd);
}

TEST_CASE("clean text: each maximal invalid subpart becomes one U+FFFD") {
    CHECK(cleanText("a\xFF"
                    "b",
                    60) == "a" + kFffd + "b");
    CHECK(cleanText("\x80\x80", 60) == kFffd + kFffd);             // lone continuations
    CHECK(cleanText("\xC0\xAF", 60) == kFffd + kFffd);             // overlong "/"
    CHECK(cleanText("\xE0\x80\xAF", 60) == kFffd + kFffd + kFffd); // overlong, three bytes
    CHECK(cleanText("\xED\xA0\x80", 60) == kFffd + kFffd + kFffd); // a UTF-16 surrogate
    CHECK(cleanText("\xF4\x90\x80\x80", 60) == kFffd + kFffd + kFffd + kFffd); // past U+10FFFF
    CHECK(cleanText("\xE2\x82x", 60) == kFffd + "x");              // cut short, then a letter
    CHECK(cleanText("\xF0\x9F\x98" + kEuml, 60) == kFffd + kEuml); // cut short, then a letter
    // A replacement counts as a character towards the limit.
    CHECK(cleanText("\xFF\xFF\xFF", 2) == kFffd + kFffd);
}

TEST_CASE("clean text: controls and bidi overrides go, line breaks become spaces") {
    CHECK(cleanText(std::string("An\0na", 5), 60) == "Anna");
    CHECK(cleanText("\x1b[31mrood\x1b[0m", 60) == "[31mrood[0m");
    CHECK(cleanText("a\x7F"
                    "b\x01"
                    "c",
                    60) == "abc");
    CHECK(cleanText("a\xC2\x85"
                    "b\xC2\x9F"
                    "c",
                    60) == "abc"); // C1 controls
    CHECK(cleanText("twee\nregels\r\nen\ttab", 60) == "twee regels  en tab");
    CHECK(cleanText("goed \xE2\x80\xAE"
                    "dees",
                    60) == "goed dees");
    CHECK(cleanText("\xE2\x80\xAA"
                    "a\xE2\x80\xAB"
                    "b\xE2\x80\xAC"
                    "c\xE2\x80\xAD"
                    "d",
                    60) == "abcd");
    CHECK(cleanText("\xE2\x81\xA6"
                    "a\xE2\x81\xA7"
                    "b\xE2\x81\xA8"
                    "c\xE2\x81\xA9",
                    60) == "abc");
    // What is removed does not count towards the limit.
    CHECK(cleanText("\xE2\x80\xAE\xE2\x80\xAE"
                    "ab"
                    "\xE2\x80\xAE"
                    "c",
                    2) == "ab");
}

TEST_CASE("inspect text: the first problem and the length in characters") {
    const TextInspection fine = inspectText("Zo" + kEuml + kGrin);
    CHECK(fine.problem == TextInspection::Problem::None);
    CHECK(fine.chars == 4);
    const TextInspection bidi = inspectText("a\xE2\x80\xAE"
                                            "b\n");
    CHECK(bidi.problem == TextInspection::Problem::UnsafeCharacter);
    CHECK(bidi.unsafe == 0x202E);
    CHECK(bidi.chars == 4);
    CHECK(inspectText(std::string("\0", 1)).problem == TextInspection::Problem::UnsafeCharacter);
    // Invalid UTF-8 weighs more than an unsafe character before it.
    CHECK(inspectText("\xE2\x80\xAE"
                      "a\xC3")
              .problem == TextInspection::Problem::InvalidUtf8);
    CHECK(inspectText("").problem == TextInspection::Problem::None);
    CHECK(isUnsafeCharacter(U'\t'));
    CHECK_FALSE(isUnsafeCharacter(U' '));
    CHECK_FALSE(isUnsafeCharacter(0x200F));
    CHECK(codePointName(0x202E) == "U+202E");
    CHECK(codePointName(0x0A) == "U+000A");
    CHECK(codePointName(0x1F600) == "U+1F600");
}
