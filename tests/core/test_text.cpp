// engine/core/text: the one placeholder filler behind the catalog, the report
// and the engine's English refusals.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text.hpp"

using namespace samenspel;

TEST_CASE("fillArgs: every {n} takes argument n, in any order and as often as it appears") {
    CHECK(fillArgs("{1} voor {0}", {"a", "b"}) == "b voor a");
    CHECK(fillArgs("{0} en nog eens {0}", {"x"}) == "x en nog eens x");
    CHECK(fillArgs("{0}{0}{1}", {"a", "b"}) == "aab");
    CHECK(fillArgs("{10}", {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "tien"}) == "tien");
    CHECK(fillArgs("zonder plaatshouders", {"x"}) == "zonder plaatshouders");
    CHECK(fillArgs("", {"x"}).empty());
}

TEST_CASE("fillArgs: a placeholder without an argument stays visible instead of vanishing") {
    CHECK(fillArgs("{0} of {1}", {"a"}) == "a of {1}");
    CHECK(fillArgs("{0}", {}) == "{0}");
    CHECK(fillArgs("{2} blijft", {"x"}) == "{2} blijft");
}

TEST_CASE("fillArgs: braces that are not placeholders are plain text") {
    CHECK(fillArgs("{{0}} en {0}", {"x"}) == "{0}} en x"); // "{{" is a literal "{"
    CHECK(fillArgs("{{", {}) == "{");
    CHECK(fillArgs("{} {x} { 0} {-1} {0x} }{", {"a"}) == "{} {x} { 0} {-1} {0x} }{");
    CHECK(fillArgs("open {0", {"a"}) == "open {0");
    CHECK(fillArgs("eind {", {"a"}) == "eind {");
    CHECK(fillArgs("{1234}", {"a"}) == "{1234}"); // at most three digits
}

TEST_CASE("fillArgs: arguments go in as they are, never read as placeholders") {
    CHECK(fillArgs("{0} {1}", {"{1}", "b"}) == "{1} b");
    CHECK(fillArgs("€ {0} – “{1}”", {"12", "{{"}) == "€ 12 – “{{”");
}

TEST_CASE("formatQuantity: amounts as a Dutch and an English reader write them") {
    CHECK(formatQuantity(33000, "€", "nl") == "€ 33.000");
    CHECK(formatQuantity(33000, "€", "en") == "€33,000");
    CHECK(formatQuantity(1234567.5, "€", "nl") == "€ 1.234.567,5");
    CHECK(formatQuantity(-500, "€", "nl") == "-€ 500");
    CHECK(formatQuantity(7, "mnd", "nl") == "7 mnd");
    CHECK(formatQuantity(2.5, "µg/m³", "en") == "2.5 µg/m³");
    CHECK(formatQuantity(12000, "", "nl") == "12.000");
    CHECK(formatQuantity(40000, "EUR", "en") == "€40,000");
}

TEST_CASE("formatNumber: the decimal comma in Dutch, the point in English, and no minus zero") {
    CHECK(formatNumber(17.66, 1, "nl") == "17,7");
    CHECK(formatNumber(17.66, 1, "en") == "17.7");
    CHECK(formatNumber(0.456, 2, "nl") == "0,46");
    CHECK(formatNumber(-0.01, 1, "nl") == "0,0");
    CHECK(formatNumber(-12.6, 0, "en") == "-13");
    CHECK(formatNumber(999, 0, "nl") == "999");
    CHECK(formatNumber(1000, 0, "nl") == "1.000");
    CHECK(formatNumber(1.0 / 0.0, 1, "nl") == "–");
    CHECK(formatShort(62.5, "nl") == "62,5");
    CHECK(formatShort(62.0, "nl") == "62");
    // A language without a style of its own writes like English.
    CHECK(formatNumber(1234.5, 1, "de") == "1,234.5");
}

TEST_CASE("sessionMinute: the whole minutes that had passed") {
    CHECK(sessionMinute(0) == 0);
    CHECK(sessionMinute(59'999) == 0);
    CHECK(sessionMinute(17 * 60'000 + 30'000) == 17);
    CHECK(sessionMinute(-5) == 0);
}
