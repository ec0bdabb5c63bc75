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
