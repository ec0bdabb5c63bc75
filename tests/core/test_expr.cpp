// The expression language of `require`, `condition` and ja-mits conditions:
// what a scenario author writes, what it evaluates to, and where an error in
// it is reported.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "core/expr.hpp"

using namespace samenspel;

// malloc/free back the counting operator new below; GCC cannot see that pair.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

// Counts allocations while a test asks for it, to check that evaluation does
// not allocate (analysis evaluates expressions tens of millions of times).
namespace {
std::atomic<bool> gCountAllocations{false};
std::atomic<long> gAllocations{0};
} // namespace

void* operator new(std::size_t size) {
    if (gCountAllocations.load(std::memory_order_relaxed))
        gAllocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
// The nothrow forms too (std::stable_sort's buffer uses them): every form of
// new and delete must come from one allocator, or ASan sees a mismatch.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    if (gCountAllocations.load(std::memory_order_relaxed))
        gAllocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}

namespace {

ExprNames names() {
    ExprNames n;
    n.attributes = {"cost", "months"};
    n.resources = {"budget"};
    n.issues = {"locatie", "beheer"};
    n.options = {{"huidige_plek", "sportpark"}, {"gemeente", "skaters"}};
    return n;
}

struct World {
    std::vector<double> attributes = {12000, 3};
    std::vector<double> resources = {25000};
    Package package = {1, 0}; // sportpark, gemeente
    ExprInputs inputs() const { return {&attributes, &resources, &package}; }
};

double eval(const std::string& text, const World& world = World()) {
    const ExprParseResult parsed = parseExpression(text, names(), false);
    INFO(text << ": " << (parsed.errors.empty() ? "" : parsed.errors[0].format()));
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.expression.valid());
    return parsed.expression.evaluate(world.inputs());
}

// The single error of `text`, as "COL: MESSAGE" with the text starting at column 1.
std::string errorOf(const std::string& text, bool wantBoolean = true) {
    const ExprParseResult parsed = parseExpression(text, names(), wantBoolean, "f.yaml", {1, 1});
    if (parsed.errors.empty())
        return "(no error)";
    CHECK_FALSE(parsed.expression.valid());
    return std::to_string(parsed.errors[0].pos.column) + ": " + parsed.errors[0].message;
}

} // namespace

TEST_CASE("expressions: arithmetic follows the usual precedence") {
    CHECK(eval("1 + 2 * 3") == 7);
    CHECK(eval("(1 + 2) * 3") == 9);
    CHECK(eval("10 - 4 - 3") == 3); // left to right
    CHECK(eval("12 / 4 / 3") == 1);
    CHECK(eval("-2 * -3") == 6);
    CHECK(eval("- (2 + 3) * 2") == -10);
    CHECK(eval("2.5 * 2") == 5);
    CHECK(eval(".5 + .25") == 0.75);
}

TEST_CASE("expressions: comparisons and logic give 1 or 0") {
    CHECK(eval("1 < 2") == 1);
    CHECK(eval("2 <= 1") == 0);
    CHECK(eval("3 >= 3 and 4 > 3") == 1);
    CHECK(eval("1 == 1 and 1 != 2") == 1);
    // and binds tighter than or; not binds looser than comparison.
    CHECK(eval("1 < 2 or 1 > 2 and 0 > 1") == 1);
    CHECK(eval("(1 < 2 or 1 > 2) and 0 > 1") == 0);
    CHECK(eval("not 1 > 2") == 1);
    CHECK(eval("not 1 < 2 or 2 < 3") == 1);
    CHECK(eval("not (1 < 2 or 2 < 3)") == 0);
    CHECK(eval("not not 1 < 2") == 1);
}

TEST_CASE("expressions: attributes, resources and choices come from the inputs") {
    World world;
    CHECK(eval("cost", world) == 12000);
    CHECK(eval("cost <= budget", world) == 1);
    CHECK(eval("cost / months", world) == 4000);
    CHECK(eval("budget - cost > 10000 and months <= 6", world) == 1);
    CHECK(eval("locatie == sportpark", world) == 1);
    CHECK(eval("locatie == huidige_plek", world) == 0);
    CHECK(eval("locatie != huidige_plek", world) == 1);
    CHECK(eval("sportpark == locatie", world) == 1);
    CHECK(eval("locatie == sportpark and beheer == gemeente", world) == 1);
    world.attributes = {30000, 9};
    world.package = {0, 1};
    CHECK(eval("cost <= budget", world) == 0);
    CHECK(eval("locatie == sportpark or beheer == skaters", world) == 1);
}

TEST_CASE("expressions: division by zero gives 0 instead of infinity") {
    World world;
    world.attributes = {12000, 0};
    CHECK(eval("cost / months", world) == 0);
    CHECK(eval("cost / months < 1000", world) == 1);
    CHECK(eval("1 / 0") == 0);
}

TEST_CASE("expressions: without a proposal no choice holds, either way") {
    const ExprParseResult is = parseExpression("locatie == sportpark", names(), true);
    const ExprParseResult isNot = parseExpression("locatie != sportpark", names(), true);
    REQUIRE(is.expression.valid());
    REQUIRE(isNot.expression.valid());
    const std::vector<double> resources = {25000};
    const ExprInputs noProposal{nullptr, &resources, nullptr};
    CHECK_FALSE(is.expression.holds(noProposal));
    CHECK_FALSE(isNot.expression.holds(noProposal));
    const ExprParseResult budget = parseExpression("budget > 100", names(), true);
    CHECK(budget.expression.holds(noProposal));
}

TEST_CASE("expressions: an expression knows its source, start and type") {
    const ExprParseResult parsed =
        parseExpression("cost <= budget", names(), true, "f.yaml", {12, 18});
    REQUIRE(parsed.expression.valid());
    CHECK(parsed.expression.source() == "cost <= budget");
    CHECK(parsed.expression.pos().line == 12);
    CHECK(parsed.expression.pos().column == 18);
    CHECK(parsed.expression.isBoolean());
    const ExprParseResult number = parseExpression("cost * 2", names(), false);
    REQUIRE(number.expression.valid());
    CHECK_FALSE(number.expression.isBoolean());
    CHECK_FALSE(Expression().valid());
    CHECK(Expression().evaluate({}) == 0);
}

TEST_CASE("expressions: errors are reported at their column in the file") {
    const ExprParseResult parsed =
        parseExpression("cost <= budgte", names(), true, "s.yaml", {7, 20});
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].format() ==
          "s.yaml:7:28: error: unknown name 'budgte'; did you mean 'budget'?");
}

TEST_CASE("expressions: unknown names, issues and options") {
    CHECK(errorOf("cots <= 5") == "1: unknown name 'cots'; did you mean 'cost'?");
    CHECK(errorOf("prijs <= 5") ==
          "1: unknown name 'prijs'; expressions can use attribute, resource and issue names");
    CHECK(errorOf("locatie == sportpak") ==
          "12: 'sportpak' is not an option of issue 'locatie'; did you mean 'sportpark'?");
    CHECK(errorOf("locatie == skaters") ==
          "12: 'skaters' is not an option of issue 'locatie'; its options are huidige_plek, "
          "sportpark");
    CHECK(errorOf("sportpark") ==
          "1: 'sportpark' is an option of issue 'locatie'; write 'locatie == sportpark'");
    CHECK(errorOf("locatie") == "1: 'locatie' is an issue; compare it with one of its options, "
                                "like 'locatie == huidige_plek'");
    CHECK(errorOf("locatie == 3") == "12: 'locatie' can only be compared with one of its options "
                                     "by name, like 'locatie == huidige_plek'");
    CHECK(errorOf("locatie < sportpark") == "1: 'locatie' is an issue; compare it with one of its "
                                            "options, like 'locatie == huidige_plek'");
}

TEST_CASE("expressions: type errors name the side that is wrong") {
    CHECK(errorOf("(cost < 5) + 1 > 0") ==
          "1: the left side of '+' is a condition (true or false), not a number");
    CHECK(errorOf("cost and budget") == "1: the left side of 'and' is a number, not a condition");
    CHECK(errorOf("1 < 2 or budget") == "10: the right side of 'or' is a number, not a condition");
    CHECK(errorOf("not cost") == "5: what follows 'not' is a number, not a condition");
    CHECK(errorOf("-(1 < 2) < 0") ==
          "2: what follows '-' is a condition (true or false), not a number");
    CHECK(errorOf("(1 < 2) == (2 < 3)") ==
          "1: '==' compares numbers, but its left side is a condition (true or false), not a "
          "number");
    CHECK(errorOf("cost + 10") == "1: expected a condition that is true or false, like 'cost <= "
                                  "budget', but 'cost + 10' is a number");
    CHECK(errorOf("cost + 10", false) == "(no error)");
}

TEST_CASE("expressions: syntax errors say what was expected") {
    CHECK(errorOf("") == "1: the expression is empty");
    CHECK(errorOf("cost <=") ==
          "8: the expression ends too early: expected a number or a name after '<='");
    CHECK(errorOf("(cost <= 5") == "11: expected ')' to close the '(' at column 1, found the end "
                                   "of the expression");
    CHECK(errorOf("cost <= 5)") == "10: ')' has no matching '('");
    CHECK(errorOf("cost 5 < 1") ==
          "6: expected an operator or the end of the expression, found '5'");
    CHECK(errorOf("cost = 5") == "6: use '==' to compare; a single '=' is not an operator");
    CHECK(errorOf("cost < 5 && months < 2") == "10: use 'and' instead of '&&'");
    CHECK(errorOf("cost < 5 || months < 2") == "10: use 'or' instead of '||'");
    CHECK(errorOf("!(cost < 5)") == "1: use 'not' instead of '!'");
    CHECK(errorOf("cost <= 5 €") == "11: unexpected character '€' in expression");
    CHECK(errorOf("1 < cost < 5") ==
          "10: comparisons cannot be chained; combine them with 'and', like 'a < b and b < c'");
    CHECK(errorOf("2x > 1") == "1: '2x' is not a number or a name (a name starts with a letter)");
    CHECK(errorOf("cost < and") == "8: expected a number or a name, found 'and'");
}

TEST_CASE("expressions: absurd nesting is an error, not a stack overflow") {
    const std::string parens = std::string(5000, '(') + "1" + std::string(5000, ')') + " > 0";
    CHECK(errorOf(parens).find("nested too deeply") != std::string::npos);
    std::string nots;
    for (int i = 0; i < 5000; ++i)
        nots += "not ";
    CHECK(errorOf(nots + "1 < 2").find("nested too deeply") != std::string::npos);
    std::string minus(5000, '-');
    CHECK(errorOf(minus + "1 < 2").find("nested too deeply") != std::string::npos);
    // Long flat expressions are fine.
    std::string sum = "0";
    for (int i = 0; i < 2000; ++i)
        sum += " + 1";
    CHECK(eval(sum) == 2000);
}

TEST_CASE("expressions: evaluation does not allocate") {
    const ExprParseResult parsed = parseExpression(
        "(cost / months <= budget and locatie == sportpark) or not (beheer != gemeente)", names(),
        true);
    REQUIRE(parsed.expression.valid());
    World world;
    const ExprInputs inputs = world.inputs();
    double sum = 0;
    gAllocations = 0;
    gCountAllocations = true;
    for (int i = 0; i < 1000; ++i)
        sum += parsed.expression.evaluate(inputs);
    gCountAllocations = false;
    CHECK(gAllocations.load() == 0);
    CHECK(sum == 1000);
}
