// The measurements of DESIGN.md against numbers worked out by hand on the
// tiny scenario of test_helpers.hpp (n = 2 issues, so S = 100 * sum w E / (6 * sum w)).
#include <doctest/doctest.h>

#include <cmath>

#include "core/scoring.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

// {huidige_plek, jongeren}: E = ontmoeting 1, rust -1, eigen_regie 3, rechtmatigheid -1;
// cost 10000, months 3.
const Package kPlekJongeren = {tiny::huidige_plek, tiny::jongeren};
// {sportpark, gemeente}: E = ontmoeting 2, rust 2, eigen_regie -2, rechtmatigheid 2;
// cost 35000, months 9.
const Package kParkGemeente = {tiny::sportpark, tiny::gemeente};

} // namespace

TEST_CASE("value and attribute totals add up the chosen options") {
    auto sc = tinyScenario();
    CHECK(valueTotals(*sc, kPlekJongeren) == std::vector<int>{1, -1, 3, -1});
    CHECK(valueTotals(*sc, kParkGemeente) == std::vector<int>{2, 2, -2, 2});
    CHECK(attributeTotals(*sc, kPlekJongeren) == std::vector<double>{10000, 3});
    CHECK(attributeTotals(*sc, kParkGemeente) == std::vector<double>{35000, 9});
}

TEST_CASE("support per role matches the hand-computed formula") {
    auto sc = tinyScenario();
    const World w = World::initial(*sc);
    // skaters  (ontmoeting 3, eigen_regie 2; sum 5): 3*1 + 2*3 = 9   -> 100*9/30  = 30
    CHECK(supportOf(*sc, w, tiny::skaters, kPlekJongeren) == doctest::Approx(30.0));
    // buren    (rust 3, ontmoeting 1; sum 4):       3*-1 + 1*1 = -2 -> 100*-2/24 = -8.333
    CHECK(supportOf(*sc, w, tiny::buren, kPlekJongeren) == doctest::Approx(-25.0 / 3.0));
    // ambtenaar (rechtmatigheid 3, rust 1; sum 4):  3*-1 + 1*-1 = -4 -> -16.667
    CHECK(supportOf(*sc, w, tiny::ambtenaar, kPlekJongeren) == doctest::Approx(-50.0 / 3.0));
    // raad_a   (ontmoeting 2, rust 2; sum 4):       2*1 + 2*-1 = 0   -> 0
    CHECK(supportOf(*sc, w, tiny::raad_a, kPlekJongeren) == doctest::Approx(0.0));
    // raad_b   (rechtmatigheid 2, eigen_regie 1; 3): 2*-1 + 1*3 = 1  -> 100/18 = 5.556
    CHECK(supportOf(*sc, w, tiny::raad_b, kPlekJongeren) == doctest::Approx(50.0 / 9.0));

    // The other package: skaters 3*2 + 2*-2 = 2 -> 200/30 = 6.667; buren 3*2 + 1*2 = 8
    // -> 800/24 = 33.333; raad_b 2*2 + 1*-2 = 2 -> 200/18 = 11.111.
    CHECK(supportOf(*sc, w, tiny::skaters, kParkGemeente) == doctest::Approx(20.0 / 3.0));
    CHECK(supportOf(*sc, w, tiny::buren, kParkGemeente) == doctest::Approx(100.0 / 3.0));
    CHECK(supportOf(*sc, w, tiny::raad_b, kParkGemeente) == doctest::Approx(100.0 / 9.0));
}

TEST_CASE("support stays within -100..100 and is 0 for a role without weights") {
    ScenarioBuilder b;
    b.values({"a", "b"})
        .issue("x", {{"best", {}, {{"a", 3}, {"b", 3}}}, {"worst", {}, {{"a", -3}, {"b", -3}}}})
        .role("fan", RoleKind::Resident, {{"a", 2}, {"b", 1}})
        .role("indifferent", RoleKind::Resident, {});
    auto sc = b.build();
    const World w = World::initial(*sc);
    // One issue: 100 * (2*3 + 1*3) / (3 * 1 * 3) = 100.
    CHECK(supportOf(*sc, w, 0, {0}) == doctest::Approx(100.0));
    CHECK(supportOf(*sc, w, 0, {1}) == doctest::Approx(-100.0));
    CHECK(supportOf(*sc, w, 1, {0}) == 0.0);
}

TEST_CASE("preconditions decide can-accept, accepts and feasible") {
    auto sc = tinyScenario();
    const World w = World::initial(*sc);
    // {plek, jongeren}: months 3 <= 6 and cost 10000 <= budget 20000: everyone can accept.
    CHECK(feasible(*sc, w, kPlekJongeren));
    // ...but the buren (support -8.3) do not accept it: support is below reservation 0.
    CHECK(canAccept(*sc, w, tiny::buren, kPlekJongeren));
    CHECK_FALSE(accepts(*sc, w, tiny::buren, kPlekJongeren));
    CHECK(accepts(*sc, w, tiny::skaters, kPlekJongeren));
    // {sportpark, gemeente}: months 9 breaks "snel", cost 35000 breaks the budget.
    CHECK_FALSE(preconditionHolds(*sc, w, tiny::skaters, 0, kParkGemeente));
    CHECK_FALSE(canAccept(*sc, w, tiny::skaters, kParkGemeente));
    CHECK_FALSE(canAccept(*sc, w, tiny::ambtenaar, kParkGemeente));
    CHECK_FALSE(feasible(*sc, w, kParkGemeente));
    // A raised budget makes the official's red line hold.
    World richer = w;
    richer.resources[0] = 40000;
    CHECK(canAccept(*sc, richer, tiny::ambtenaar, kParkGemeente));
}

TEST_CASE("draagvlak is the lowest support with the mean beside it") {
    auto sc = tinyScenario();
    const Draagvlak d = draagvlak(*sc, World::initial(*sc), kPlekJongeren);
    // min = ambtenaar -16.667; mean = (30 - 8.333 - 16.667 + 0 + 5.556) / 5 = 2.111
    CHECK(d.minimum == doctest::Approx(-50.0 / 3.0));
    CHECK(d.mean == doctest::Approx((30.0 - 25.0 / 3.0 - 50.0 / 3.0 + 0.0 + 50.0 / 9.0) / 5.0));
}

TEST_CASE("decision rules by acceptance and gedragen") {
    auto sc = tinyScenario();
    const World w = World::initial(*sc);
    // Both council roles accept {plek, jongeren} (raad_a at exactly 0 >= 0, raad_b 5.6):
    // 2 of 2 votes is a majority; but min support -16.7 < min_support 0: not gedragen.
    CHECK(passesRuleByAcceptance(*sc, w, kPlekJongeren));
    CHECK_FALSE(gedragenByAcceptance(*sc, w, kPlekJongeren));

    auto lenient = tinyScenarioBuilder().rule(DecisionRule::CouncilMajority, -20).build();
    CHECK(gedragenByAcceptance(*lenient, World::initial(*lenient), kPlekJongeren));

    // Consensus needs every role to accept: the buren (-8.3) do not.
    auto consensus = tinyScenarioBuilder().rule(DecisionRule::Consensus, -20).build();
    CHECK_FALSE(passesRuleByAcceptance(*consensus, World::initial(*consensus), kPlekJongeren));

    // raad_a with weights changed by an event: rust 3 -> 2*1 + 3*-1 = -1 -> -100/30;
    // now only raad_b (1 of 2 votes) accepts: no majority, not unanimous either.
    World later = w;
    later.weights[tiny::raad_a][tiny::rust] = 3;
    CHECK(supportOf(*sc, later, tiny::raad_a, kPlekJongeren) == doctest::Approx(-10.0 / 3.0));
    CHECK_FALSE(passesRuleByAcceptance(*sc, later, kPlekJongeren));
    auto unanimous = tinyScenarioBuilder().rule(DecisionRule::UnanimousCouncil).build();
    CHECK(passesRuleByAcceptance(*unanimous, w, kPlekJongeren));
    CHECK_FALSE(passesRuleByAcceptance(*unanimous, later, kPlekJongeren));
}

TEST_CASE("public value uses the scenario's public_value weights") {
    auto sc = tinyScenario();
    // pv: ontmoeting 2, rust 1, rechtmatigheid 1 (sum 4).
    // {plek, jongeren}: 2*1 + 1*-1 + 1*-1 = 0 -> 0
    CHECK(publicValue(*sc, kPlekJongeren) == doctest::Approx(0.0));
    // {sportpark, gemeente}: 2*2 + 1*2 + 1*2 = 8 -> 800/24 = 33.333
    CHECK(publicValue(*sc, kParkGemeente) == doctest::Approx(100.0 / 3.0));
}

TEST_CASE("packages with disabled or missing options are not available") {
    auto sc = tinyScenario();
    World w = World::initial(*sc);
    CHECK(packageAvailable(*sc, w, kPlekJongeren));
    CHECK_FALSE(packageAvailable(*sc, w, {tiny::buurtplein, tiny::gemeente})); // not yet enabled
    CHECK_FALSE(packageAvailable(*sc, w, {tiny::huidige_plek}));               // one issue missing
    CHECK_FALSE(packageAvailable(*sc, w, {7, 0}));                             // no option 7
    w.optionEnabled[0][tiny::buurtplein] = true;
    CHECK(packageAvailable(*sc, w, {tiny::buurtplein, tiny::gemeente}));
}

TEST_CASE("top values include every value tied at the cut") {
    // 3,2,2,2: the third place is a tie of three twos -> all four count.
    CHECK(topValues({3, 2, 2, 2, 0}) == std::vector<int>{0, 1, 2, 3});
    // 3,2,1,1,1: the cut falls among the ones -> all five.
    CHECK(topValues({3, 2, 1, 1, 1}) == std::vector<int>{0, 1, 2, 3, 4});
    // No tie at the cut: the three heaviest.
    CHECK(topValues({1, 3, 2, 0, 3}) == std::vector<int>{1, 2, 4});
    // Fewer than three weighted values: all of them, never a weight-0 value.
    CHECK(topValues({0, 3, 0, 1}) == std::vector<int>{1, 3});
    CHECK(topValues({0, 0}).empty());
}

TEST_CASE("prediction accuracy counts hits in top(r) over min(3, values weighed)") {
    // top = {0,1,2,3}; predicting {1,2,4} hits 1 and 2: 2/3.
    CHECK(predictionAccuracy({1, 2, 4}, {3, 2, 2, 2, 0}) == doctest::Approx(2.0 / 3.0));
    CHECK(predictionAccuracy({0}, {3, 2, 2, 2, 0}) == doctest::Approx(1.0 / 3.0));
    // Only two values weighed: both found is perfect, whatever the third pick.
    CHECK(predictionAccuracy({1, 3, 0}, {0, 3, 0, 1}) == doctest::Approx(1.0));
    CHECK(predictionAccuracy({0, 2}, {0, 3, 0, 1}) == doctest::Approx(0.0));
}

TEST_CASE("inclusie is one minus the Gini coefficient") {
    CHECK(oneMinusGini({1, 1, 1, 1}) == doctest::Approx(1.0));
    CHECK(oneMinusGini({0, 0, 0, 0}) == doctest::Approx(1.0));
    // 0,0,0,4: G = 2*(4*4)/(4*4) - 5/4 = 0.75 -> 0.25
    CHECK(oneMinusGini({0, 4, 0, 0}) == doctest::Approx(0.25));
    // 1,3: sum |xi - xj| = 4 over 2 n^2 mean = 2*4*2 = 16 -> G = 0.25 -> 0.75
    CHECK(oneMinusGini({3, 1}) == doctest::Approx(0.75));
}

TEST_CASE("support is reported with one decimal") {
    CHECK(roundSupport(-25.0 / 3.0) == doctest::Approx(-8.3));
    CHECK(roundSupport(50.0 / 3.0) == doctest::Approx(16.7));
    CHECK(roundSupport(0.05) == doctest::Approx(0.1));
    CHECK(std::signbit(roundSupport(-0.04)) == false);
}
