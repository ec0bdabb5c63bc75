#include "net/redact.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "core/json.hpp"

namespace samenspel::net {

RedactionView RedactionView::of(const Game& game, int role) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    RedactionView view;
    view.role = role;
    view.revealAll = st.finished;
    view.secretRevealed.assign(sc.roles.size(), false);
    for (std::size_t r = 0; r < sc.roles.size() && r < st.secretRevealed.size(); ++r)
        view.secretRevealed[r] = st.secretRevealed[r];
    view.preconditionShown.resize(sc.roles.size());
    for (std::size_t r = 0; r < sc.roles.size(); ++r)
        view.preconditionShown[r].assign(sc.roles[r].preconditions.size(), false);
    for (const SharedPrecondition& shared : st.sharedPreconditions) {
        if (shared.role < 0 || shared.role >= static_cast<int>(sc.roles.size()))
            continue;
        auto& shown = view.preconditionShown[static_cast<std::size_t>(shared.role)];
        if (shared.precondition >= 0 && shared.precondition < static_cast<int>(shown.size()))
            shown[static_cast<std::size_t>(shared.precondition)] = true;
    }
    // The copy needs an entry for every index an action it receives names
    // (a shared precondition, a precondition given as a reason), and no more:
    // a longer list would tell how many are still hidden.
    view.preconditionSlots.assign(sc.roles.size(), 0);
    for (std::size_t r = 0; r < sc.roles.size(); ++r) {
        const std::vector<bool>* cited =
            r < st.preconditionCited.size() ? &st.preconditionCited[r] : nullptr;
        for (std::size_t k = 0; k < sc.roles[r].preconditions.size(); ++k)
            if (view.preconditionShown[r][k] || (cited && k < cited->size() && (*cited)[k]))
                view.preconditionSlots[r] = static_cast<int>(k) + 1;
    }
    view.eventFired.assign(sc.events.size(), false);
    for (std::size_t e = 0; e < sc.events.size() && e < st.eventFired.size(); ++e)
        view.eventFired[e] = st.eventFired[e];

    view.valueUsed.assign(sc.roles.size(), std::vector<bool>(sc.values.size(), false));
    auto use = [&](int r, int v) {
        if (r >= 0 && r < static_cast<int>(sc.roles.size()) && v >= 0 &&
            v < static_cast<int>(sc.values.size()))
            view.valueUsed[static_cast<std::size_t>(r)][static_cast<std::size_t>(v)] = true;
    };
    auto roleOf = [&](int seat) {
        return seat >= 0 && seat < game.seatCount() ? game.roleOfSeat(seat) : -1;
    };
    auto useReason = [&](int seat, const Reason& reason) {
        if (reason.kind == Reason::Kind::Value)
            use(roleOf(seat), reason.index);
    };
    for (const SharedValue& shared : st.sharedValues)
        use(shared.role, shared.value);
    for (const Question& q : st.questions)
        if (q.status == Question::Status::Answered)
            use(q.targetRole, q.answerValue);
    for (const Proposal& p : st.proposals) {
        for (const Reaction& r : p.reactions) {
            useReason(r.seat, r.reason);
            for (const MitsCondition& c : r.conditions)
                useReason(r.seat, c.protects);
        }
        for (const CastVote& v : p.votes) {
            useReason(v.seat, v.reason);
            for (const MitsCondition& c : v.conditions)
                useReason(v.seat, c.protects);
        }
    }
    return view;
}

RedactionView RedactionView::initial(const Scenario& sc, int role) {
    RedactionView view;
    view.role = role;
    view.secretRevealed.assign(sc.roles.size(), false);
    view.preconditionShown.resize(sc.roles.size());
    for (std::size_t r = 0; r < sc.roles.size(); ++r)
        view.preconditionShown[r].assign(sc.roles[r].preconditions.size(), false);
    view.preconditionSlots.assign(sc.roles.size(), 0);
    view.eventFired.assign(sc.events.size(), false);
    view.valueUsed.assign(sc.roles.size(), std::vector<bool>(sc.values.size(), false));
    return view;
}

std::string RedactionView::fingerprint() const {
    std::string key = revealAll ? "A" : "a";
    key += std::to_string(role) + ':';
    for (bool b : secretRevealed)
        key += b ? '1' : '0';
    key += ':';
    for (const auto& role : preconditionShown) {
        for (bool b : role)
            key += b ? '1' : '0';
        key += '/';
    }
    key += ':';
    for (int n : preconditionSlots)
        key += std::to_string(n) + '/';
    key += ':';
    for (bool b : eventFired)
        key += b ? '1' : '0';
    return key;
}

std::string hiddenPreconditionId(int index) {
    return "verborgen_" + std::to_string(index + 1);
}

namespace {

// What the emitter may show of one role / event.
struct Visibility {
    bool all = false;
    const RedactionView* view = nullptr;

    bool roleOpen(int role) const { return all || (view && view->role == role); }
    bool secret(int role) const {
        return roleOpen(role) || (view && role < static_cast<int>(view->secretRevealed.size()) &&
                                  view->secretRevealed[static_cast<std::size_t>(role)]);
    }
    bool precondition(int role, int index) const {
        if (roleOpen(role))
            return true;
        if (!view || role >= static_cast<int>(view->preconditionShown.size()))
            return false;
        const auto& shown = view->preconditionShown[static_cast<std::size_t>(role)];
        return index < static_cast<int>(shown.size()) && shown[static_cast<std::size_t>(index)];
    }
    // How many precondition entries of `role` the text holds.
    std::size_t preconditionCount(int role, std::size_t real) const {
        if (roleOpen(role))
            return real;
        if (!view || role >= static_cast<int>(view->preconditionSlots.size()))
            return 0;
        return std::min(real, static_cast<std::size_t>(std::max(
                                  0, view->preconditionSlots[static_cast<std::size_t>(role)])));
    }
    bool eventText(int event) const {
        return all || (view && event < static_cast<int>(view->eventFired.size()) &&
                       view->eventFired[static_cast<std::size_t>(event)]);
    }
};

void emitText(YAML::Emitter& out, const LocalizedText& text) {
    if (text.byLang.size() == 1 && text.byLang.begin()->first.empty()) {
        out << YAML::DoubleQuoted << text.byLang.begin()->second;
        return;
    }
    out << YAML::BeginMap;
    for (const auto& [lang, s] : text.byLang) {
        if (lang.empty())
            continue;
        out << YAML::Key << lang << YAML::Value << YAML::DoubleQuoted << s;
    }
    // A player's laptop shows the plain-language texts when its player asks.
    if (!text.plainLanguage.empty()) {
        out << YAML::Key << "plain" << YAML::Value << YAML::BeginMap;
        for (const auto& [lang, s] : text.plainLanguage)
            out << YAML::Key << lang << YAML::Value << YAML::DoubleQuoted << s;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

void textField(YAML::Emitter& out, const char* key, const LocalizedText& text) {
    if (text.empty())
        return;
    out << YAML::Key << key << YAML::Value;
    emitText(out, text);
}

std::string number(double d) {
    return formatNumber(d, 6);
}

void emitWeights(YAML::Emitter& out, const Scenario& sc, const std::vector<int>& weights) {
    out << YAML::Flow << YAML::BeginMap;
    for (std::size_t v = 0; v < weights.size() && v < sc.values.size(); ++v)
        if (weights[v] != 0)
            out << YAML::Key << sc.values[v].id << YAML::Value << weights[v];
    out << YAML::EndMap;
}

void emitHeader(YAML::Emitter& out, const Scenario& sc) {
    out << YAML::Key << "samenspel" << YAML::Value << sc.format;
    if (sc.version > 0)
        out << YAML::Key << "version" << YAML::Value << sc.version;
    out << YAML::Key << "id" << YAML::Value << sc.id;
    textField(out, "title", sc.title);
    textField(out, "summary", sc.summary);
    textField(out, "case", sc.caseText);
    if (!sc.stage.empty())
        out << YAML::Key << "stage" << YAML::Value << sc.stage;
    out << YAML::Key << "duration_minutes" << YAML::Value << sc.durationMinutes;
    if (!sc.learningGoals.empty()) {
        out << YAML::Key << "learning_goals" << YAML::Value << YAML::BeginSeq;
        for (const LocalizedText& goal : sc.learningGoals)
            emitText(out, goal);
        out << YAML::EndSeq;
    }
}

void emitAttributesValuesIssues(YAML::Emitter& out, const Scenario& sc) {
    if (!sc.attributes.empty()) {
        out << YAML::Key << "attributes" << YAML::Value << YAML::BeginMap;
        for (const Attribute& a : sc.attributes) {
            out << YAML::Key << a.id << YAML::Value << YAML::BeginMap;
            textField(out, "name", a.name);
            if (!a.unit.empty())
                out << YAML::Key << "unit" << YAML::Value << YAML::DoubleQuoted << a.unit;
            out << YAML::EndMap;
        }
        out << YAML::EndMap;
    }
    out << YAML::Key << "values" << YAML::Value << YAML::BeginSeq;
    for (const Value& v : sc.values) {
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << v.id;
        textField(out, "name", v.name);
        textField(out, "description", v.description);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "issues" << YAML::Value << YAML::BeginSeq;
    for (const Issue& issue : sc.issues) {
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << issue.id;
        textField(out, "name", issue.name);
        textField(out, "description", issue.description);
        out << YAML::Key << "options" << YAML::Value << YAML::BeginSeq;
        for (const Option& o : issue.options) {
            out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << o.id;
            if (!o.available)
                out << YAML::Key << "available" << YAML::Value << false;
            textField(out, "name", o.name);
            textField(out, "description", o.description);
            out << YAML::Key << "attributes" << YAML::Value << YAML::Flow << YAML::BeginMap;
            for (std::size_t a = 0; a < o.attributes.size() && a < sc.attributes.size(); ++a)
                if (o.attributes[a] != 0.0)
                    out << YAML::Key << sc.attributes[a].id << YAML::Value
                        << number(o.attributes[a]);
            out << YAML::EndMap;
            out << YAML::Key << "effects" << YAML::Value;
            emitWeights(out, sc, o.effects);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitRoles(YAML::Emitter& out, const Scenario& sc, const Visibility& vis) {
    out << YAML::Key << "roles" << YAML::Value << YAML::BeginSeq;
    for (std::size_t ri = 0; ri < sc.roles.size(); ++ri) {
        const Role& role = sc.roles[ri];
        const int r = static_cast<int>(ri);
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << role.id;
        const char* kind = role.kind == RoleKind::Resident   ? "resident"
                           : role.kind == RoleKind::Official ? "official"
                                                             : "council";
        out << YAML::Key << "kind" << YAML::Value << kind;
        textField(out, "name", role.name);
        if (!role.icon.empty())
            out << YAML::Key << "icon" << YAML::Value << role.icon;
        out << YAML::Key << "players" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
            << "min" << YAML::Value << role.minPlayers << YAML::Key << "max" << YAML::Value
            << role.maxPlayers << YAML::EndMap;
        textField(out, "briefing", role.briefing);
        if (vis.secret(r)) {
            textField(out, "secret", role.secret);
        } else {
            // A stand-in, so that an event's reveal_secret still loads; for
            // every hidden role alike, so it does not tell whether one exists.
            out << YAML::Key << "secret" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
                << "nl" << YAML::Value << "Nog geheim" << YAML::Key << "en" << YAML::Value
                << "Still secret" << YAML::EndMap;
        }
        if (vis.roleOpen(r)) {
            out << YAML::Key << "values" << YAML::Value;
            emitWeights(out, sc, role.weights);
            if (role.reservation != 0.0)
                out << YAML::Key << "reservation" << YAML::Value << number(role.reservation);
        }
        if (role.kind == RoleKind::Council)
            out << YAML::Key << "votes" << YAML::Value << role.votes;
        const std::size_t preconditions = vis.preconditionCount(r, role.preconditions.size());
        if (preconditions > 0) {
            out << YAML::Key << "preconditions" << YAML::Value << YAML::BeginSeq;
            for (std::size_t pi = 0; pi < preconditions; ++pi) {
                const Precondition& pre = role.preconditions[pi];
                out << YAML::BeginMap;
                if (vis.precondition(r, static_cast<int>(pi))) {
                    out << YAML::Key << "id" << YAML::Value << pre.id;
                    textField(out, "name", pre.name);
                    out << YAML::Key << "require" << YAML::Value << YAML::DoubleQuoted
                        << pre.require.source();
                } else {
                    // Same index, nothing of its content: a condition that always holds.
                    out << YAML::Key << "id" << YAML::Value
                        << hiddenPreconditionId(static_cast<int>(pi));
                    out << YAML::Key << "name" << YAML::Value << YAML::Flow << YAML::BeginMap
                        << YAML::Key << "nl" << YAML::Value << "Nog niet op tafel" << YAML::Key
                        << "en" << YAML::Value << "Not on the table yet" << YAML::EndMap;
                    out << YAML::Key << "require" << YAML::Value << YAML::DoubleQuoted << "0 <= 1";
                }
                out << YAML::EndMap;
            }
            out << YAML::EndSeq;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

// One effect as `- kind: {args}`; false when the viewer may not see it.
bool emitEffect(YAML::Emitter& out, const Scenario& sc, const EventEffect& fx,
                const Visibility& vis) {
    auto idOf = [](const auto& items, int i) -> std::string {
        return i >= 0 && i < static_cast<int>(items.size()) ? items[static_cast<std::size_t>(i)].id
                                                            : std::string();
    };
    const std::string resource =
        fx.resource >= 0 && fx.resource < static_cast<int>(sc.resourceNames.size())
            ? sc.resourceNames[static_cast<std::size_t>(fx.resource)]
            : std::string();
    using K = EventEffect::Kind;
    if ((fx.kind == K::AddValueWeight || fx.kind == K::SetValueWeight) && !vis.roleOpen(fx.role))
        return false;
    out << YAML::BeginMap;
    switch (fx.kind) {
    case K::SetResource:
    case K::AddResource:
        out << YAML::Key << (fx.kind == K::SetResource ? "set_resource" : "add_resource")
            << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << resource << YAML::Value
            << number(fx.amount) << YAML::EndMap;
        break;
    case K::AddValueWeight:
    case K::SetValueWeight: {
        const bool add = fx.kind == K::AddValueWeight;
        out << YAML::Key << (add ? "add_value_weight" : "set_value_weight") << YAML::Value
            << YAML::Flow << YAML::BeginMap << YAML::Key << "role" << YAML::Value
            << idOf(sc.roles, fx.role) << YAML::Key << "value" << YAML::Value
            << idOf(sc.values, fx.value) << YAML::Key << (add ? "delta" : "weight") << YAML::Value
            << number(fx.amount) << YAML::EndMap;
        break;
    }
    case K::EnableOption:
    case K::DisableOption: {
        std::string option;
        if (fx.issue >= 0 && fx.issue < static_cast<int>(sc.issues.size()))
            option = idOf(sc.issues[static_cast<std::size_t>(fx.issue)].options, fx.option);
        out << YAML::Key << (fx.kind == K::EnableOption ? "enable_option" : "disable_option")
            << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "issue" << YAML::Value
            << idOf(sc.issues, fx.issue) << YAML::Key << "option" << YAML::Value << option
            << YAML::EndMap;
        break;
    }
    case K::RevealSecret:
        out << YAML::Key << "reveal_secret" << YAML::Value << YAML::Flow << YAML::BeginMap
            << YAML::Key << "role" << YAML::Value << idOf(sc.roles, fx.role) << YAML::EndMap;
        break;
    }
    out << YAML::EndMap;
    return true;
}

void emitEvents(YAML::Emitter& out, const Scenario& sc, const Visibility& vis) {
    if (sc.events.empty())
        return;
    out << YAML::Key << "events" << YAML::Value << YAML::BeginSeq;
    for (std::size_t ei = 0; ei < sc.events.size(); ++ei) {
        const Event& ev = sc.events[ei];
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << ev.id;
        out << YAML::Key << "when" << YAML::Value << YAML::Flow << YAML::BeginMap;
        switch (ev.trigger) {
        case Event::Trigger::Phase: {
            const bool valid = ev.phase >= 0 && ev.phase < static_cast<int>(sc.phases.size());
            out << YAML::Key << "phase" << YAML::Value
                << (valid ? phaseId(sc.phases[static_cast<std::size_t>(ev.phase)].kind) : "");
            break;
        }
        case Event::Trigger::Minute:
            out << YAML::Key << "minute" << YAML::Value << number(ev.minute);
            if (ev.phase >= 0 && ev.phase < static_cast<int>(sc.phases.size()))
                out << YAML::Key << "phase" << YAML::Value
                    << phaseId(sc.phases[static_cast<std::size_t>(ev.phase)].kind);
            break;
        case Event::Trigger::Condition:
            out << YAML::Key << "condition" << YAML::Value << YAML::DoubleQuoted
                << ev.condition.source();
            break;
        }
        out << YAML::EndMap;
        if (vis.eventText(static_cast<int>(ei))) {
            textField(out, "title", ev.title);
            textField(out, "text", ev.text);
        } else {
            out << YAML::Key << "text" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
                << "nl" << YAML::Value << "Nog niet gebeurd" << YAML::Key << "en" << YAML::Value
                << "Not happened yet" << YAML::EndMap;
        }
        // The effects list is written even when some are hidden from this viewer.
        out << YAML::Key << "effects" << YAML::Value << YAML::BeginSeq;
        for (const EventEffect& fx : ev.effects)
            emitEffect(out, sc, fx, vis);
        out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitTail(YAML::Emitter& out, const Scenario& sc) {
    if (!sc.resourceNames.empty()) {
        out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
        for (std::size_t i = 0; i < sc.resourceNames.size(); ++i)
            out << YAML::Key << sc.resourceNames[i] << YAML::Value
                << number(i < sc.resourceValues.size() ? sc.resourceValues[i] : 0.0);
        out << YAML::EndMap;
    }
    out << YAML::Key << "phases" << YAML::Value << YAML::BeginSeq;
    for (const Phase& ph : sc.phases)
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << phaseId(ph.kind)
            << YAML::Key << "minutes" << YAML::Value << ph.minutes << YAML::EndMap;
    out << YAML::EndSeq;
    out << YAML::Key << "decision" << YAML::Value << YAML::BeginMap << YAML::Key << "rule"
        << YAML::Value << decisionRuleId(sc.rule) << YAML::Key << "min_support" << YAML::Value
        << number(sc.minSupport) << YAML::EndMap;
    out << YAML::Key << "public_value" << YAML::Value;
    emitWeights(out, sc, sc.publicValue);
}

std::string emitScenario(const Scenario& sc, const Visibility& vis) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    emitHeader(out, sc);
    emitAttributesValuesIssues(out, sc);
    emitTail(out, sc);
    emitRoles(out, sc, vis);
    emitEvents(out, sc, vis);
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

} // namespace

std::string scenarioToYaml(const Scenario& scenario) {
    Visibility vis;
    vis.all = true;
    return emitScenario(scenario, vis);
}

std::string redactedScenarioYaml(const Scenario& scenario, const RedactionView& view) {
    Visibility vis;
    vis.all = view.revealAll;
    vis.view = &view;
    return emitScenario(scenario, vis);
}

std::vector<int> publicValuesOf(const Action& a) {
    std::vector<int> out;
    auto reason = [&](const Reason& r) {
        if (r.kind == Reason::Kind::Value && r.index >= 0)
            out.push_back(r.index);
    };
    switch (a.type) {
    case ActionType::ShareValue:
    case ActionType::Answer:
        if (a.value >= 0)
            out.push_back(a.value);
        break;
    case ActionType::React:
    case ActionType::Vote:
        reason(a.reason);
        for (const MitsCondition& c : a.conditions)
            reason(c.protects);
        break;
    default:
        break;
    }
    return out;
}

bool actionVisibleTo(const Action& action, int viewerSeat, bool sessionEnded) {
    if (action.type == ActionType::Predict || action.type == ActionType::AnswerItem)
        return sessionEnded || action.seat == viewerSeat;
    return true;
}

} // namespace samenspel::net
