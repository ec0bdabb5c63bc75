#pragma once
// Small scenarios built directly in C++ (no YAML), one-line action makers,
// and the one way the tests apply an action, for the rules, scoring and log
// tests.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/action.hpp"
#include "core/game.hpp"
#include "core/log.hpp"
#include "core/scenario.hpp"

namespace samenspel::testing {

struct OptionSpec {
    std::string id;
    std::map<std::string, double> attributes;
    std::map<std::string, int> effects;
    bool available = true;
};

struct PreconditionSpec {
    std::string id;
    std::string require;
};

class ScenarioBuilder {
  public:
    ScenarioBuilder() {
        sc_.id = "test";
        sc_.title = LocalizedText::plain("Test");
        sc_.phases = {{PhaseKind::Kennismaken, 5}, {PhaseKind::Perspectief, 5},
                      {PhaseKind::Waarden, 10},    {PhaseKind::Randvoorwaarden, 10},
                      {PhaseKind::Voorstel, 15},   {PhaseKind::Besluit, 5},
                      {PhaseKind::Reflectie, 10}};
        sc_.contentHash = "0000000000000000";
    }

    ScenarioBuilder& values(const std::vector<std::string>& ids) {
        for (const auto& id : ids)
            sc_.values.push_back({id, LocalizedText::plain(id), {}});
        return *this;
    }
    ScenarioBuilder& attribute(const std::string& id) {
        sc_.attributes.push_back({id, LocalizedText::plain(id), ""});
        return *this;
    }
    ScenarioBuilder& resource(const std::string& id, double start) {
        sc_.resourceNames.push_back(id);
        sc_.resourceValues.push_back(start);
        return *this;
    }
    ScenarioBuilder& issue(const std::string& id, const std::vector<OptionSpec>& options) {
        Issue issue;
        issue.id = id;
        issue.name = LocalizedText::plain(id);
        for (const OptionSpec& spec : options) {
            Option o;
            o.id = spec.id;
            o.name = LocalizedText::plain(spec.id);
            o.available = spec.available;
            o.attributes.assign(sc_.attributes.size(), 0.0);
            for (const auto& [name, amount] : spec.attributes)
                o.attributes[static_cast<std::size_t>(attributeIndex(name))] = amount;
            o.effects.assign(sc_.values.size(), 0);
            for (const auto& [name, effect] : spec.effects)
                o.effects[static_cast<std::size_t>(valueIndex(name))] = effect;
            issue.options.push_back(std::move(o));
        }
        sc_.issues.push_back(std::move(issue));
        return *this;
    }
    ScenarioBuilder& role(const std::string& id, RoleKind kind,
                          const std::map<std::string, int>& weights,
                          const std::vector<PreconditionSpec>& preconditions = {}, int votes = 1,
                          double reservation = 0.0) {
        Role r;
        r.id = id;
        r.kind = kind;
        r.name = LocalizedText::plain(id);
        r.secret = LocalizedText::plain("secret of " + id);
        r.weights.assign(sc_.values.size(), 0);
        for (const auto& [name, w] : weights)
            r.weights[static_cast<std::size_t>(valueIndex(name))] = w;
        r.votes = votes;
        r.reservation = reservation;
        sc_.roles.push_back(std::move(r));
        pendingPreconditions_.push_back(preconditions);
        return *this;
    }
    ScenarioBuilder& phaseEvent(const std::string& id, PhaseKind phase,
                                std::vector<EventEffect> effects) {
        Event e = event(id, std::move(effects));
        e.trigger = Event::Trigger::Phase;
        for (std::size_t i = 0; i < sc_.phases.size(); ++i)
            if (sc_.phases[i].kind == phase)
                e.phase = static_cast<int>(i);
        sc_.events.push_back(std::move(e));
        return *this;
    }
    ScenarioBuilder& minuteEvent(const std::string& id, double minute,
                                 std::vector<EventEffect> effects) {
        Event e = event(id, std::move(effects));
        e.trigger = Event::Trigger::Minute;
        e.minute = minute;
        sc_.events.push_back(std::move(e));
        return *this;
    }
    ScenarioBuilder& conditionEvent(const std::string& id, const std::string& condition,
                                    std::vector<EventEffect> effects) {
        Event e = event(id, std::move(effects));
        e.trigger = Event::Trigger::Condition;
        pendingConditions_.emplace_back(sc_.events.size(), condition);
        sc_.events.push_back(std::move(e));
        return *this;
    }
    ScenarioBuilder& phases(std::vector<Phase> phases) {
        sc_.phases = std::move(phases);
        return *this;
    }
    ScenarioBuilder& rule(DecisionRule rule, double minSupport = 0.0) {
        sc_.rule = rule;
        sc_.minSupport = minSupport;
        return *this;
    }
    ScenarioBuilder& publicValue(const std::map<std::string, int>& weights) {
        sc_.publicValue.assign(sc_.values.size(), 0);
        for (const auto& [name, w] : weights)
            sc_.publicValue[static_cast<std::size_t>(valueIndex(name))] = w;
        return *this;
    }

    // Parses the expressions against the finished name lists.
    std::shared_ptr<const Scenario> build() {
        Scenario sc = sc_;
        if (sc.publicValue.empty())
            sc.publicValue.assign(sc.values.size(), 0);
        const ExprNames names = sc.exprNames();
        for (std::size_t r = 0; r < sc.roles.size(); ++r) {
            for (const PreconditionSpec& spec : pendingPreconditions_[r]) {
                Precondition pc;
                pc.id = spec.id;
                pc.name = LocalizedText::plain(spec.id);
                pc.require = parse(spec.require, names);
                sc.roles[r].preconditions.push_back(std::move(pc));
            }
        }
        for (const auto& [index, text] : pendingConditions_)
            sc.events[index].condition = parse(text, names);
        return std::make_shared<const Scenario>(std::move(sc));
    }

  private:
    static Expression parse(const std::string& text, const ExprNames& names) {
        ExprParseResult r = parseExpression(text, names, true);
        if (!r.errors.empty())
            throw std::runtime_error("test scenario expression '" + text +
                                     "': " + r.errors.front().message);
        return r.expression;
    }
    Event event(const std::string& id, std::vector<EventEffect> effects) {
        Event e;
        e.id = id;
        e.title = LocalizedText::plain(id);
        e.text = LocalizedText::plain(id);
        e.effects = std::move(effects);
        return e;
    }
    int valueIndex(const std::string& id) const {
        for (std::size_t i = 0; i < sc_.values.size(); ++i)
            if (sc_.values[i].id == id)
                return static_cast<int>(i);
        throw std::runtime_error("test scenario: unknown value " + id);
    }
    int attributeIndex(const std::string& id) const {
        for (std::size_t i = 0; i < sc_.attributes.size(); ++i)
            if (sc_.attributes[i].id == id)
                return static_cast<int>(i);
        throw std::runtime_error("test scenario: unknown attribute " + id);
    }

    Scenario sc_;
    std::vector<std::vector<PreconditionSpec>> pendingPreconditions_;
    std::vector<std::pair<std::size_t, std::string>> pendingConditions_;
};

// Indices of the tiny scenario, so tests read as the case they play.
namespace tiny {
enum Value { ontmoeting, rust, eigen_regie, rechtmatigheid };
enum Role { skaters, buren, ambtenaar, raad_a, raad_b };
enum Locatie { huidige_plek, sportpark, buurtplein };
enum Beheer { gemeente, jongeren };
enum Event { klacht, plein_vrij, duur_plan };
} // namespace tiny

inline EventEffect effect(EventEffect::Kind kind, int role = -1, int value = -1,
                          double amount = 0.0, int resource = -1, int issue = -1, int option = -1) {
    EventEffect e;
    e.kind = kind;
    e.role = role;
    e.value = value;
    e.amount = amount;
    e.resource = resource;
    e.issue = issue;
    e.option = option;
    return e;
}

// Five roles (two residents, an official, two council members), two issues,
// one option that only an event brings in, and one event of each trigger.
inline ScenarioBuilder tinyScenarioBuilder() {
    using K = EventEffect::Kind;
    ScenarioBuilder b;
    b.values({"ontmoeting", "rust", "eigen_regie", "rechtmatigheid"})
        .attribute("cost")
        .attribute("months")
        .resource("budget", 20000)
        .issue(
            "locatie",
            {{"huidige_plek", {{"cost", 10000}, {"months", 3}}, {{"ontmoeting", 1}, {"rust", -1}}},
             {"sportpark",
              {{"cost", 30000}, {"months", 9}},
              {{"ontmoeting", 2}, {"rust", 2}, {"eigen_regie", -1}}},
             {"buurtplein", {{"cost", 15000}, {"months", 6}}, {{"ontmoeting", 2}}, false}})
        .issue("beheer",
               {{"gemeente", {{"cost", 5000}}, {{"rechtmatigheid", 2}, {"eigen_regie", -1}}},
                {"jongeren", {}, {{"eigen_regie", 3}, {"rechtmatigheid", -1}}}})
        .role("skaters", RoleKind::Resident, {{"ontmoeting", 3}, {"eigen_regie", 2}},
              {{"snel", "months <= 6"}})
        .role("buren", RoleKind::Resident, {{"rust", 3}, {"ontmoeting", 1}})
        .role("ambtenaar", RoleKind::Official, {{"rechtmatigheid", 3}, {"rust", 1}},
              {{"binnen_budget", "cost <= budget"}})
        .role("raad_a", RoleKind::Council, {{"ontmoeting", 2}, {"rust", 2}})
        .role("raad_b", RoleKind::Council, {{"rechtmatigheid", 2}, {"eigen_regie", 1}})
        .phaseEvent("klacht", PhaseKind::Randvoorwaarden,
                    {effect(K::AddValueWeight, tiny::raad_a, tiny::rust, 1),
                     effect(K::SetResource, -1, -1, 18000, 0)})
        .minuteEvent("plein_vrij", 20,
                     {effect(K::EnableOption, -1, -1, 0, -1, 0, tiny::buurtplein)})
        .conditionEvent("duur_plan", "cost > 25000", {effect(K::RevealSecret, tiny::ambtenaar)})
        .rule(DecisionRule::CouncilMajority, 0)
        .publicValue({{"ontmoeting", 2}, {"rust", 1}, {"rechtmatigheid", 1}});
    return b;
}

inline std::shared_ptr<const Scenario> tinyScenario() {
    return tinyScenarioBuilder().build();
}

// [SECTION] Actions --------------------------------------------------------------

namespace act {

inline Action make(ActionType type, int seat) {
    Action a;
    a.type = type;
    a.seat = seat;
    return a;
}
inline Action shareValue(int seat, int value) {
    Action a = make(ActionType::ShareValue, seat);
    a.value = value;
    return a;
}
inline Action ask(int seat, int role, int value = -1) {
    Action a = make(ActionType::Ask, seat);
    a.targetRole = role;
    a.value = value;
    return a;
}
inline Action answer(int seat, int question, int value) {
    Action a = make(ActionType::Answer, seat);
    a.question = question;
    a.value = value;
    return a;
}
inline Action decline(int seat, int question, std::string why) {
    Action a = make(ActionType::Decline, seat);
    a.question = question;
    a.reasonText = std::move(why);
    return a;
}
inline Action sharePrecondition(int seat, int precondition) {
    Action a = make(ActionType::SharePrecondition, seat);
    a.precondition = precondition;
    return a;
}
inline Action predict(int seat, int role, std::vector<int> values) {
    Action a = make(ActionType::Predict, seat);
    a.targetRole = role;
    a.values = std::move(values);
    return a;
}
inline Action answerItem(int seat, int role, int kind, int choice) {
    Action a = make(ActionType::AnswerItem, seat);
    a.targetRole = role;
    a.itemKind = kind;
    a.choice = choice;
    return a;
}
inline Action propose(int seat, Package p, std::string note = "") {
    Action a = make(ActionType::Propose, seat);
    a.package = std::move(p);
    a.reasonText = std::move(note);
    return a;
}
inline Action amend(int seat, int proposal, Package p) {
    Action a = make(ActionType::Amend, seat);
    a.proposal = proposal;
    a.package = std::move(p);
    return a;
}
inline Reason valueReason(int value) {
    return {Reason::Kind::Value, value};
}
inline Reason preconditionReason(int index) {
    return {Reason::Kind::Precondition, index};
}
inline Action react(int seat, int proposal, ReactionKind kind, Reason why,
                    std::vector<MitsCondition> conditions = {}) {
    Action a = make(ActionType::React, seat);
    a.proposal = proposal;
    a.reaction = kind;
    a.reason = why;
    a.conditions = std::move(conditions);
    return a;
}
inline Action vote(int seat, int proposal, VoteKind kind,
                   std::vector<MitsCondition> conditions = {}, Reason why = {}) {
    Action a = make(ActionType::Vote, seat);
    a.proposal = proposal;
    a.vote = kind;
    a.conditions = std::move(conditions);
    a.reason = why;
    return a;
}
inline Action done(int seat) {
    return make(ActionType::Done, seat);
}
inline Action advance(int seat = kFacilitator) {
    return make(ActionType::Advance, seat);
}
inline Action pause() {
    return make(ActionType::Pause, kFacilitator);
}
inline Action resume() {
    return make(ActionType::Resume, kFacilitator);
}
inline Action extend(int seconds) {
    Action a = make(ActionType::Extend, kFacilitator);
    a.seconds = seconds;
    return a;
}
inline Action inject(int event, int seat = kFacilitator) {
    Action a = make(ActionType::InjectEvent, seat);
    a.event = event;
    return a;
}
inline Action endWhenAllDone(bool on, int seat = kFacilitator) {
    Action a = make(ActionType::SetEndWhenAllDone, seat);
    a.enabled = on;
    return a;
}
inline Action at(Action a, std::int64_t timeMs) {
    a.timeMs = timeMs;
    return a;
}

} // namespace act

// [SECTION] Applying actions -------------------------------------------------------

// The rules suite runs twice (tests/core_through_log.cmake): as written, and
// compiled with SAMENSPEL_TEST_THROUGH_LOG, where every action is encoded to
// the log format and decoded again before it is applied, as a replay reads
// it. What the log loses or changes makes the second run differ.
#ifdef SAMENSPEL_TEST_THROUGH_LOG
inline constexpr bool kThroughLog = true;
#else
inline constexpr bool kThroughLog = false;
#endif

inline ApplyResult applyAction(Game& game, const Action& action) {
    if (!kThroughLog)
        return game.apply(action);
    const std::string line = encodeAction(action);
    std::string error;
    const std::optional<Action> decoded = decodeAction(line, error);
    REQUIRE_MESSAGE(decoded, "the log does not read back " << line << ": " << error);
    return game.apply(*decoded);
}

// The facilitator skips ahead until `phase` has started.
inline void advanceTo(Game& game, PhaseKind phase) {
    for (int guard = 0; guard < 20 && !game.state().finished && game.currentPhase() != phase;
         ++guard)
        applyAction(game, act::advance());
}

} // namespace samenspel::testing
