#pragma once
// Text from outside the program (a player's name from the network, a reason
// typed at the table, a line of a log) made safe to keep and to show: valid
// UTF-8, no control characters, no characters that turn the direction of the
// text around (a name with U+202E shows the next seat's text reversed), and
// of a bounded length counted in characters.
//
// The choices:
// - Invalid UTF-8 is replaced by cleanText, not dropped: one U+FFFD for each maximal
//   invalid subpart (the Unicode and WHATWG practice), so a person sees that
//   something was there and "a\xffb" does not become the different word "ab".
// - Unsafe characters: the C0 controls (NUL included), DEL, the C1 controls,
//   and the bidi embeddings, overrides and isolates U+202A-U+202E and
//   U+2066-U+2069. Newlines and tabs are unsafe too: every input of a name,
//   reason or note is one line and every screen, report and command-line
//   listing shows them on one line, where a newline would only break the
//   layout or forge a line of output.
#include <cstddef>
#include <string>
#include <string_view>

namespace samenspel {

// Whether `c` is never kept in a text from outside (see above).
bool isUnsafeCharacter(char32_t c);

// The text made safe: invalid UTF-8 replaced by U+FFFD, tab, line feed,
// vertical tab, form feed and carriage return turned into a space (so words
// do not run together), every other unsafe character removed, then cut to at
// most `maxChars` characters, always between two characters.
std::string cleanText(std::string_view text, std::size_t maxChars);

// What the rules check of a text an action carries, without changing it:
// the first problem, and the length in characters (when valid UTF-8).
struct TextInspection {
    enum class Problem { None, InvalidUtf8, UnsafeCharacter };
    Problem problem = Problem::None;
    char32_t unsafe = 0;   // the first unsafe character, for UnsafeCharacter
    std::size_t chars = 0; // code points, for None and UnsafeCharacter
};
TextInspection inspectText(std::string_view text);

// "U+202E": how a refusal names a character a person cannot see.
std::string codePointName(char32_t c);

} // namespace samenspel
