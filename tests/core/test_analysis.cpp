// `analyze` numbers against small scenarios computed by hand. The arithmetic
// is in the comments so a reader can check it without running anything.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/scenario.hpp"

using namespace samenspel;

namespace {

Scenario load(const std::string& yaml) {
    LoadResult r = loadScenarioText(yaml, "inline.yaml");
    for (const Diagnostic& d : r.errors)
        MESSAGE(d.format());
    REQUIRE(r.ok());
    return *r.scenario;
}

// `text` with the first `from` replaced by `to` (which must be there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

bool hasWarning(const AnalysisResult& r, const std::string& part) {
    for (const AnalysisWarning& w : r.warnings)
        if (w.text.find(part) != std::string::npos)
            return true;
    return false;
}

// The ids of the event warnings, in order.
std::vector<std::string> warningIds(const EventsAnalysis& e) {
    std::vector<std::string> ids;
    for (const AnalysisWarning& w : e.warnings)
        ids.push_back(w.id);
    return ids;
}

// Two issues of two options, two values, a resident and a council member.
//   x1 {a: 3}   x2 {b: 3}   y1 {a: 1, b: -1}   y2 {b: 2}       n = 2
//   r1 weighs a 2, b 1 (sum 3): S1 = 100 (2 Ea + Eb) / 18
//   r2 weighs b 3      (sum 3): S2 = 100 (3 Eb) / 18, and needs x2 or y2
// package   Ea Eb   S1            S2             feasible
// x1 y1     4  -1   700/18=38.9   -300/18=-16.7  no (r2)
// x1 y2     3   2   800/18=44.4    600/18=33.3   yes
// x2 y1     1   2   400/18=22.2    600/18=33.3   yes
// x2 y2     0   5   500/18=27.8   1500/18=83.3   yes
// min_support 30 and council_majority (r2 votes yes when it accepts, i.e.
// can accept and S2 >= 0): only x1 y2 has min >= 30, so 1 gedragen.
// maxmin: minima -16.7, 33.3, 22.2, 27.8 -> x1 y2 with 33.3 (r1 44.4, r2 33.3).
// nash over feasible, prod (S + 100): 144.4*133.3=19259, 122.2*133.3=16296,
// 127.8*183.3=23426 -> x2 y2.
// pareto: x1 y2 beats x1 y1 and x2 y1 on both roles; x1 y2 and x2 y2 stand -> 2.
const char* kTwoByTwo = R"(samenspel: 1
id: twee
title: Twee bij twee
values:
  - {id: a, name: A}
  - {id: b, name: B}
issues:
  - id: x
    name: X
    options:
      - {id: x1, name: X1, effects: {a: 3}}
      - {id: x2, name: X2, effects: {b: 3}}
  - id: y
    name: Y
    options:
      - {id: y1, name: Y1, effects: {a: 1, b: -1}}
      - {id: y2, name: Y2, effects: {b: 2}}
roles:
  - {id: r1, kind: resident, values: {a: 2, b: 1}}
  - id: r2
    kind: council
    values: {b: 3}
    preconditions:
      - {id: p, name: P, require: "x == x2 or y == y2"}
decision: {rule: council_majority, min_support: 30}
)";

} // namespace

TEST_CASE("analyze counts packages, feasible and gedragen ones as computed by hand") {
    const Scenario sc = load(kTwoByTwo);
    const AnalysisResult r = analyzeScenario(sc);
    CHECK(r.exhaustive);
    CHECK(r.packagesText == "4");
    CHECK(r.packages == 4);
    CHECK(r.feasible == 3);
    CHECK(r.gedragen == 1);
    CHECK(r.paretoCount == 2);
    CHECK(r.evaluations == 8); // 4 packages x 2 roles
    REQUIRE(r.maxminPackage);
    CHECK(*r.maxminPackage == Package{0, 1});
    CHECK(r.maxminSupport == doctest::Approx(600.0 / 18.0));
    REQUIRE(r.maxminSupportByRole.size() == 2);
    CHECK(r.maxminSupportByRole[0] == doctest::Approx(800.0 / 18.0));
    CHECK(r.maxminSupportByRole[1] == doctest::Approx(600.0 / 18.0));
    REQUIRE(r.nashPackage);
    CHECK(*r.nashPackage == Package{1, 1});
    CHECK(r.warnings.empty());
}

TEST_CASE("analyze --json has exactly the keys of the issue, supports to one decimal") {
    const Scenario sc = load(kTwoByTwo);
    CHECK(analysisJson(sc, analyzeScenario(sc)) ==
          "{\"packages\":4,\"feasible\":3,\"gedragen\":1,\"maxmin_support\":33.3,"
          "\"maxmin_package\":{\"x\":\"x1\",\"y\":\"y2\"},"
          "\"maxmin_support_by_role\":{\"r1\":44.4,\"r2\":33.3},"
          "\"maxmin_feasible_support\":33.3,"
          "\"maxmin_feasible_package\":{\"x\":\"x1\",\"y\":\"y2\"},"
          "\"maxmin_feasible_support_by_role\":{\"r1\":44.4,\"r2\":33.3},"
          "\"nash_package\":{\"x\":\"x2\",\"y\":\"y2\"},\"pareto_count\":2,\"warnings\":[]}\n");
}

TEST_CASE("a scenario without a gedragen decision gets the warning") {
    // Same space with min_support 50: the best minimum is 33.3 (above), so
    // nothing is gedragen. Value c is weighed by nobody.
    const std::string yaml =
        replaced(replaced(kTwoByTwo, "min_support: 30", "min_support: 50"),
                 "  - {id: b, name: B}\n", "  - {id: b, name: B}\n  - {id: c, name: C}\n");
    const Scenario sc = load(yaml);
    const AnalysisResult r = analyzeScenario(sc);
    CHECK(r.gedragen == 0);
    CHECK(r.feasible == 3);
    CHECK(hasWarning(r, "no gedragen decision exists"));
    CHECK(hasWarning(r, "min_support 50"));
    CHECK(hasWarning(r, "value 'c' is weighed by no role"));
}

TEST_CASE("analyze names roles whose preconditions exclude each other and unused options") {
    // r1 needs x1, r2 needs x2: each alone is satisfiable, never both, so no
    // package is feasible and both roles are named.
    const Scenario sc = load(R"(samenspel: 1
id: botsing
title: Botsing
values:
  - {id: a, name: A}
issues:
  - id: x
    name: X
    options:
      - {id: x1, name: X1, effects: {a: 1}}
      - {id: x2, name: X2, effects: {a: 2}}
roles:
  - id: r1
    kind: resident
    values: {a: 1}
    preconditions: [{id: een, name: Een, require: "x == x1"}]
  - id: r2
    kind: council
    values: {a: 1}
    preconditions: [{id: twee, name: Twee, require: "x == x2"}]
decision: {rule: consensus}
)");
    const AnalysisResult r = analyzeScenario(sc);
    CHECK(r.feasible == 0);
    CHECK(r.gedragen == 0);
    CHECK_FALSE(r.nashPackage);
    CHECK_FALSE(r.maxminFeasiblePackage);
    const std::string json = analysisJson(sc, r);
    CHECK(json.find("\"maxmin_feasible_support\":null,\"maxmin_feasible_package\":null,"
                    "\"maxmin_feasible_support_by_role\":null") != std::string::npos);
    CHECK(analysisText(sc, r).find("feasible max  none (no package is feasible)") !=
          std::string::npos);
    CHECK(hasWarning(r, "roles 'r1' and 'r2' have preconditions that exclude each other"));
    CHECK(hasWarning(r, "no package is feasible"));
    CHECK(hasWarning(r, "no gedragen decision exists"));
}

TEST_CASE("an option in no feasible package and a space without tension are reported") {
    // One issue, three options, one role weighing a (sum 1), n = 1:
    //   o1 {a: 3} -> S = 100, o2 {a: 2} -> 66.7, o3 {a: 1} -> 33.3 (but o3 costs 9
    //   and the budget precondition says cost <= 5). Consensus, min_support 0:
    //   o1 and o2 gedragen = 2 of 3 packages (66.7%): no "no tension" warning.
    const char* yaml = R"(samenspel: 1
id: spanning
title: Spanning
attributes:
  cost: {name: Kosten}
values:
  - {id: a, name: A}
issues:
  - id: x
    name: X
    options:
      - {id: o1, name: O1, attributes: {cost: 1}, effects: {a: 3}}
      - {id: o2, name: O2, attributes: {cost: 2}, effects: {a: 2}}
      - {id: o3, name: O3, attributes: {cost: 9}, effects: {a: 1}}
resources: {budget: 5}
roles:
  - id: r1
    kind: resident
    values: {a: 1}
    preconditions: [{id: budget, name: Budget, require: "cost <= budget"}]
decision: {rule: consensus}
)";
    const AnalysisResult r = analyzeScenario(load(yaml));
    CHECK(r.packages == 3);
    CHECK(r.feasible == 2);
    CHECK(r.gedragen == 2);
    CHECK(hasWarning(r, "option 'o3' of issue 'x' is in no feasible package"));
    CHECK_FALSE(hasWarning(r, "almost every package"));

    // With a budget of 10 all three (100%) are gedragen: nothing to play for.
    const AnalysisResult all = analyzeScenario(load(replaced(yaml, "budget: 5}", "budget: 10}")));
    CHECK(all.gedragen == 3);
    CHECK(hasWarning(all, "almost every package is gedragen (100%)"));
}

TEST_CASE("options that are not available at the start are not counted") {
    // x2 only comes in through an event: 1 x 2 = 2 packages, not 4.
    const AnalysisResult r = analyzeScenario(
        load(replaced(kTwoByTwo, "effects: {b: 3}}", "effects: {b: 3}, available: false}")));
    CHECK(r.packages == 2);
    CHECK(r.feasible == 1); // only x1 y2 satisfies r2
}

TEST_CASE("a space too large to enumerate is searched instead, and says so") {
    // With the limit set below 4 packages the search runs on the hand-computed
    // space: coordinate ascent from every start reaches x1 y2 (maxmin 33.3).
    const Scenario sc = load(kTwoByTwo);
    AnalysisOptions options;
    options.enumerationLimit = 3;
    options.restarts = 8;
    const AnalysisResult r = analyzeScenario(sc, options);
    CHECK_FALSE(r.exhaustive);
    CHECK(hasWarning(r, "the space has 4 packages, more than 3"));
    REQUIRE(r.maxminPackage);
    CHECK(r.maxminSupport == doctest::Approx(600.0 / 18.0));
    // x1 y2 is feasible too, so the search for the best feasible deal ends there.
    REQUIRE(r.maxminFeasiblePackage);
    CHECK(*r.maxminFeasiblePackage == Package{0, 1});
    CHECK(r.maxminFeasibleSupport == doctest::Approx(600.0 / 18.0));
    const std::string json = analysisJson(sc, r);
    CHECK(json.find("\"feasible\":null") != std::string::npos);
    CHECK(json.find("\"pareto_count\":null") != std::string::npos);
    CHECK(json.find("\"maxmin_support\":33.3") != std::string::npos);
}

namespace {

// Two roles, two issues, one event that enables y3. n = 2.
//   x1 {a: 2, b: 2}  x2 {a: 1}  y1 {a: 1, b: 1}  y2 {a: -1, b: 1}  y3 {a: 2} (event)
//   r1 weighs a 1: S1 = 100 Ea / 6;  r2 (council) weighs b 1: S2 = 100 Eb / 6,
//   and cannot accept y1. council_majority, min_support 10.
// package  Ea Eb  S1    S2    feasible  gedragen (r2 accepts, min >= 10)
// x1 y1    3  3   50    50    no
// x1 y2    1  3   16.7  50    yes       yes
// x2 y1    2  1   33.3  16.7  no
// x2 y2    0  1   0     16.7  yes       no (min 0)
// after the event also:
// x1 y3    4  2   66.7  33.3  yes       yes
// x2 y3    3  0   50    0     yes       no (min 0)
// maxmin: x1 y1 (50) before and after, and it is infeasible.
// feasible maxmin: before x1 y2 (16.7: r1 16.7, r2 50); after x1 y3 (33.3:
// r1 66.7, r2 33.3). Feasible 2 -> 4 (2 newly, 0 no longer), gedragen 1 -> 2.
// Best per role after: r1 66.7 (x1 y3), r2 50 (x1 y1, x1 y2): no package is
// best for both, and 2 of 6 gedragen is not most: not trivially gedragen.
const char* kGate = R"(samenspel: 1
id: poort
title: Poort
values:
  - {id: a, name: A}
  - {id: b, name: B}
issues:
  - id: x
    name: X
    options:
      - {id: x1, name: X1, effects: {a: 2, b: 2}}
      - {id: x2, name: X2, effects: {a: 1}}
  - id: y
    name: Y
    options:
      - {id: y1, name: Y1, effects: {a: 1, b: 1}}
      - {id: y2, name: Y2, effects: {a: -1, b: 1}}
      - {id: y3, name: Y3, effects: {a: 2}, available: false}
roles:
  - {id: r1, kind: resident, values: {a: 1}}
  - id: r2
    kind: council
    values: {b: 1}
    preconditions:
      - {id: geen_y1, name: Geen Y1, require: "y != y1"}
events:
  - id: kans
    when: {phase: voorstel}
    title: Kans
    text: Y3 kan ook.
    effects:
      - enable_option: {issue: y, option: y3}
decision: {rule: council_majority, min_support: 10}
)";

} // namespace

TEST_CASE("feasible maxmin before and after an event that enables an option, by hand") {
    const Scenario sc = load(kGate);
    const AnalysisResult start = analyzeScenario(sc);
    REQUIRE(start.maxminPackage);
    CHECK(*start.maxminPackage == Package{0, 0});
    CHECK_FALSE(start.maxminIsFeasible);
    REQUIRE(start.maxminFeasiblePackage);
    CHECK(*start.maxminFeasiblePackage == Package{0, 1});
    CHECK(start.maxminFeasibleSupport == doctest::Approx(100.0 / 6.0));
    CHECK(start.maxminFeasibleSupportByRole[1] == doctest::Approx(50.0));
    CHECK(start.feasible == 2);
    CHECK(start.gedragen == 1);

    // Searched instead of enumerated, coordinate ascent on (roles that can
    // accept, lowest support) ends at x1 y2 from every start.
    AnalysisOptions searched;
    searched.enumerationLimit = 3;
    searched.restarts = 8;
    const AnalysisResult search = analyzeScenario(sc, searched);
    CHECK_FALSE(search.exhaustive);
    REQUIRE(search.maxminFeasiblePackage);
    CHECK(*search.maxminFeasiblePackage == Package{0, 1});
    // Searched, what an event opens or closes is unknown, not empty.
    const EventsAnalysis searchedEvents = analyzeEvents(sc, search, searched);
    CHECK(searchedEvents.warnings.empty());
    const std::string searchedJson = analysisJson(sc, search, &searchedEvents, true);
    CHECK(searchedJson.find("\"newly_feasible\":null,\"no_longer_feasible\":null,"
                            "\"options_opened\":null,\"options_closed\":null") !=
          std::string::npos);

    const EventsAnalysis events = analyzeEvents(sc, start);
    const AnalysisResult& after = events.afterEvents;
    CHECK(after.packages == 6);
    CHECK(after.feasible == 4);
    CHECK(after.gedragen == 2);
    CHECK(after.newlyFeasible == 2);
    CHECK(after.noLongerFeasible == 0);
    CHECK(*after.maxminPackage == Package{0, 0});
    REQUIRE(after.maxminFeasiblePackage);
    CHECK(*after.maxminFeasiblePackage == Package{0, 2});
    CHECK(after.maxminFeasibleSupport == doctest::Approx(200.0 / 6.0));
    CHECK(after.maxminFeasibleSupportByRole[0] == doctest::Approx(400.0 / 6.0));
    REQUIRE(events.perEvent.size() == 1);
    CHECK(events.perEvent[0].result.feasible == 4);
    CHECK(warningIds(events) == std::vector<std::string>{"option_only_by_event"});
    REQUIRE(events.warnings.size() == 1);
    CHECK(events.warnings[0].text == "option 'y3' of issue 'y' is in no feasible package at the "
                                     "start; only event 'kans' makes it feasible");

    const std::string json = analysisJson(sc, start, &events, true);
    CHECK(json.find("\"maxmin_feasible_support\":16.7,\"maxmin_feasible_package\":{\"x\":\"x1\","
                    "\"y\":\"y2\"}") != std::string::npos);
    CHECK(json.find("\"after_events\":{\"events\":[\"kans\"],\"packages\":6,\"feasible\":4,"
                    "\"gedragen\":2,") != std::string::npos);
    CHECK(json.find("\"maxmin_feasible_support\":33.3,\"maxmin_feasible_package\":{\"x\":\"x1\","
                    "\"y\":\"y3\"}") != std::string::npos);
    CHECK(json.find("\"per_event\":[{\"event\":\"kans\",\"packages\":6,") != std::string::npos);
    CHECK(json.find("\"newly_feasible\":2,\"no_longer_feasible\":0,\"options_opened\":[\"y=y3\"],"
                    "\"options_closed\":[]") != std::string::npos);
    CHECK(json.find("{\"id\":\"option_only_by_event\",\"text\":") != std::string::npos);
    // Without --after-events the warning stays, the event figures do not show.
    const std::string plain = analysisJson(sc, start, &events, false);
    CHECK(plain.find("after_events") == std::string::npos);
    CHECK(plain.find("option_only_by_event") != std::string::npos);
}

TEST_CASE("an event after which one gedragen package is best for every role is flagged") {
    // y3 {a: 1, b: 2} instead: x1 y3 has Ea 3, Eb 4: S1 50, S2 66.7, feasible,
    // min 50 >= 10, r2 accepts: gedragen. r1's best is 50 (x1 y1, x1 y3), r2's
    // 66.7 (x1 y3): x1 y3 is best for both.
    const Scenario sc =
        load(replaced(kGate, "effects: {a: 2}, available", "effects: {a: 1, b: 2}, available"));
    const AnalysisResult start = analyzeScenario(sc);
    const EventsAnalysis events = analyzeEvents(sc, start);
    CHECK(events.perEvent[0].result.bestForAllGedragen);
    CHECK(warningIds(events) ==
          std::vector<std::string>{"event_trivially_gedragen", "option_only_by_event"});
    CHECK(events.warnings[0].text ==
          "event 'kans' makes the decision trivially gedragen: after it one gedragen package "
          "gives every role the highest support any package gives it, so nothing is left to "
          "negotiate");

    // An event that changes only a weight opens nothing: y3 available from
    // the start, the event lowers r1's weight of a to 0 (r1 then supports
    // nothing: S1 = 0 everywhere, min <= 0 < 10: nothing gedragen after it).
    const Scenario quiet =
        load(replaced(replaced(kGate, "effects: {a: 2}, available: false", "effects: {a: 2}"),
                      "enable_option: {issue: y, option: y3}",
                      "set_value_weight: {role: r1, value: a, weight: 0}"));
    const AnalysisResult quietStart = analyzeScenario(quiet);
    const EventsAnalysis quietEvents = analyzeEvents(quiet, quietStart);
    CHECK(quietEvents.afterEvents.gedragen == 0);
    CHECK(quietEvents.warnings.empty());
}

TEST_CASE("events fire in planned order: by the minute of their phase, conditions last") {
    // Default phases: kennismaken 5, perspectief 5, waarden 10, randvoorwaarden
    // 10, voorstel 15: voorstel starts at minute 30, so minute 20 comes first.
    const std::string yaml =
        replaced(kGate, "decision:",
                 "  - {id: later, when: {condition: \"y == y2\"}, title: L, text: L, effects: []}\n"
                 "  - {id: twintig, when: {minute: 20}, title: T, text: T, effects: []}\n"
                 "decision:");
    CHECK(plannedEventOrder(load(yaml)) == std::vector<int>{2, 0, 1});
}

TEST_CASE("an event that withdraws every option of an issue leaves no package") {
    // Both x options withdrawn: no package at all, so the 2 feasible packages
    // of the start (x1 y2, x2 y2) are no longer feasible.
    const Scenario sc = load(replaced(kGate, "      - enable_option: {issue: y, option: y3}\n",
                                      "      - disable_option: {issue: x, option: x1}\n"
                                      "      - disable_option: {issue: x, option: x2}\n"));
    const AnalysisResult start = analyzeScenario(sc);
    const EventsAnalysis events = analyzeEvents(sc, start);
    CHECK(events.afterEvents.packages == 0);
    CHECK(events.afterEvents.noLongerFeasible == 2);
    CHECK_FALSE(events.afterEvents.maxminFeasiblePackage);
    CHECK(analysisJson(sc, start, &events, true)
              .find("\"after_events\":{\"events\":[\"kans\"],\"packages\":0,\"feasible\":0,"
                    "\"gedragen\":0,\"maxmin_support\":null") != std::string::npos);
}

TEST_CASE("an event after which most packages are gedragen is flagged") {
    // One issue, n = 1, S = 100 E / 3. r1 weighs a, r2 weighs b:
    //   x1 {a: 1, b: 3}: 33.3, 100   x2 {a: 2, b: 2}: 66.7, 66.7   x3 {a: 3, b: 1}: 100, 33.3
    // Every minimum >= 30, but r2 needs cost <= budget (costs 1, 2, 3). Budget 1:
    // only x1 is feasible, 1 of 3 gedragen. The event adds 1: x1 and x2, 2 of 3
    // (more than half). r1 likes x3 best, r2 x1: no package is best for both.
    const Scenario sc = load(R"(samenspel: 1
id: meeste
title: Meeste
attributes:
  cost: {name: Kosten}
values:
  - {id: a, name: A}
  - {id: b, name: B}
issues:
  - id: x
    name: X
    options:
      - {id: x1, name: X1, attributes: {cost: 1}, effects: {a: 1, b: 3}}
      - {id: x2, name: X2, attributes: {cost: 2}, effects: {a: 2, b: 2}}
      - {id: x3, name: X3, attributes: {cost: 3}, effects: {a: 3, b: 1}}
resources: {budget: 1}
roles:
  - {id: r1, kind: resident, values: {a: 1}}
  - id: r2
    kind: resident
    values: {b: 1}
    preconditions: [{id: budget, name: Budget, require: "cost <= budget"}]
events:
  - id: subsidie
    when: {phase: voorstel}
    title: Subsidie
    text: Er is meer geld.
    effects:
      - add_resource: {budget: 1}
decision: {rule: consensus, min_support: 30}
)");
    const AnalysisResult start = analyzeScenario(sc);
    CHECK(start.gedragen == 1);
    const EventsAnalysis events = analyzeEvents(sc, start);
    CHECK(events.perEvent[0].result.gedragen == 2);
    CHECK_FALSE(events.perEvent[0].result.bestForAllGedragen);
    // x2 is feasible only after the event, so that warning comes too.
    CHECK(warningIds(events) ==
          std::vector<std::string>{"event_trivially_gedragen", "option_only_by_event"});
    CHECK(events.warnings[0].text ==
          "event 'subsidie' makes the decision trivially gedragen: after it 2 of 3 packages "
          "(66.7%) are gedragen, against 1 of 3 at the start");
}
