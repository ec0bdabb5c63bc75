// Roles (with their players, weights, preconditions and secrets) and events
// (triggers and effects).
#include "core/scenario_loader_internal.hpp"

namespace samenspel::loader {

std::string ScenarioLoader::roleIconName(const YamlField& field) {
    auto name = r_.scalar(field, "an icon name");
    if (!name)
        return "";
    const std::vector<std::string>& icons = roleIconNames();
    if (indexIn(icons, *name) >= 0)
        return *name;
    // Unlike other names, the icons are not the author's own: always say which exist.
    const std::string suggestion = closestMatch(*name, icons);
    error(field, "unknown role icon '" + *name + "'; " +
                     (suggestion.empty() ? "expected one of " + quoteList(icons)
                                         : "did you mean '" + suggestion + "'?"));
    return "";
}

void ScenarioLoader::readRoles(const YamlMap& top) {
    std::vector<std::pair<std::string, SourcePos>> seen;
    for (const YamlField& item : section(top, "roles", "roles", true)) {
        auto body = r_.map(item, "a role",
                           {"id", "kind", "name", "players", "briefing", "secret", "values",
                            "preconditions", "votes", "reservation", "icon"});
        if (!body)
            continue;
        const YamlField* idField = r_.required(*body, "id", "a role");
        auto id = idField ? r_.id(*idField) : std::nullopt;
        if (!id || !uniqueId(seen, "role", *id, *idField))
            continue;
        Role role;
        role.id = *id;
        if (const YamlField* kind = r_.required(*body, "kind", "role '" + *id + "'")) {
            const int index = resolve(*kind, "role kind", kRoleKinds);
            if (index >= 0)
                role.kind = static_cast<RoleKind>(index);
            else
                someRoleKindUnknown_ = true;
        } else {
            someRoleKindUnknown_ = true;
        }
        auto name = optionalText(*body, "name");
        role.name = name ? *name : LocalizedText::plain(*id);
        if (const YamlField* players = body->find("players"))
            readPlayers(*players, role);
        if (auto briefing = optionalText(*body, "briefing"))
            role.briefing = *briefing;
        if (auto secret = optionalText(*body, "secret"))
            role.secret = *secret;
        if (const YamlField* votes = body->find("votes"))
            if (auto n = r_.wholeNumber(*votes, 0, 100))
                role.votes = *n;
        if (const YamlField* reservation = body->find("reservation"))
            if (auto n = r_.number(*reservation, -100, 100))
                role.reservation = *n;
        if (const YamlField* icon = body->find("icon"))
            role.icon = roleIconName(*icon);
        const int roleIndex = static_cast<int>(sc_.roles.size());
        sc_.roles.push_back(std::move(role));

        const YamlField* values = body->find("values");
        const YamlField* preconditions = body->find("preconditions");
        secondPass_.push_back([this, roleIndex,
                               values = values ? std::optional<YamlField>(*values) : std::nullopt,
                               preconditions = preconditions
                                                   ? std::optional<YamlField>(*preconditions)
                                                   : std::nullopt] {
            Role& role = sc_.roles[roleIndex];
            role.weights.assign(sc_.values.size(), 0);
            if (values && !values->isNull())
                role.weights = valueWeights(*values, "value weights");
            if (!preconditions)
                return;
            auto items = r_.list(*preconditions, "preconditions");
            if (!items)
                return;
            std::vector<std::pair<std::string, SourcePos>> seen;
            for (const YamlField& item : *items) {
                auto body = r_.map(item, "a precondition", {"id", "name", "require", "in_words"});
                if (!body)
                    continue;
                const YamlField* idField = r_.required(*body, "id", "a precondition");
                auto id = idField ? r_.id(*idField) : std::nullopt;
                if (!id || !uniqueId(seen, "precondition", *id, *idField))
                    continue;
                Precondition precondition;
                precondition.id = *id;
                auto name = optionalText(*body, "name");
                precondition.name = name ? *name : LocalizedText::plain(*id);
                if (const YamlField* require =
                        r_.required(*body, "require", "precondition '" + *id + "'"))
                    precondition.require = expression(*require, true);
                if (auto inWords = optionalText(*body, "in_words")) {
                    precondition.inWords = *inWords;
                    checkInWords(*body->find("in_words"), *inWords);
                }
                role.preconditions.push_back(std::move(precondition));
            }
        });
    }
}

// The sentence stands in for the rule in front of players: a rule's symbols
// in it would bring back exactly what it is there to replace.
void ScenarioLoader::checkInWords(const YamlField& field, const LocalizedText& text) {
    for (const auto& [lang, sentence] : text.byLang)
        for (const char* symbol : {"==", "!=", "<=", ">="})
            if (sentence.find(symbol) != std::string::npos) {
                error(field, "'in_words' is the rule in a sentence for the players; write '" +
                                 std::string(symbol) +
                                 "' in words, like 'ten hoogste' or 'at most'");
                return;
            }
}

void ScenarioLoader::readPlayers(const YamlField& field, Role& role) {
    auto body = r_.map(field, "'players'", {"min", "max"});
    if (!body)
        return;
    const YamlField* minField = body->find("min");
    const YamlField* maxField = body->find("max");
    std::optional<int> min = minField ? r_.wholeNumber(*minField, 1, 100) : 1;
    std::optional<int> max = maxField ? r_.wholeNumber(*maxField, 1, 100) : std::nullopt;
    if (!min)
        return;
    if (!maxField)
        max = *min; // "players: {min: 2}" means exactly two
    if (!max)
        return;
    if (*min > *max) {
        error(*minField, "players.min (" + std::to_string(*min) + ") is larger than players.max (" +
                             std::to_string(*max) + ")");
        return;
    }
    role.minPlayers = *min;
    role.maxPlayers = *max;
}

std::vector<int> ScenarioLoader::valueWeights(const YamlField& field, const std::string& what) {
    std::vector<int> weights(sc_.values.size(), 0);
    auto map = r_.freeMap(field, what);
    if (!map)
        return weights;
    for (const auto& [name, value] : map->entries) {
        const int index = resolve(keyField(name, value), "value", idsOf(sc_.values));
        if (index < 0)
            continue;
        auto weight = r_.wholeNumber(value, -1000000, 1000000);
        if (!weight)
            continue;
        if (*weight < 0 || *weight > 3)
            error(value, "weight " + std::to_string(*weight) + " of value '" + name +
                             "' is out of range 0..3");
        else
            weights[index] = *weight;
    }
    return weights;
}

void ScenarioLoader::readEvents(const YamlMap& top) {
    std::vector<std::pair<std::string, SourcePos>> seen;
    for (const YamlField& item : section(top, "events", "events", false)) {
        auto body = r_.map(item, "an event", {"id", "title", "text", "when", "effects"});
        if (!body)
            continue;
        const YamlField* idField = r_.required(*body, "id", "an event");
        auto id = idField ? r_.id(*idField) : std::nullopt;
        if (!id || !uniqueId(seen, "event", *id, *idField))
            continue;
        Event event;
        event.id = *id;
        if (auto title = optionalText(*body, "title"))
            event.title = *title;
        if (auto text = requiredText(*body, "text", "event '" + *id + "'"))
            event.text = *text;
        const int eventIndex = static_cast<int>(sc_.events.size());
        sc_.events.push_back(std::move(event));
        if (const YamlField* when = r_.required(*body, "when", "event '" + *id + "'"))
            secondPass_.push_back(
                [this, eventIndex, when = *when] { readTrigger(when, eventIndex); });
        if (const YamlField* effects = body->find("effects")) {
            if (auto list = r_.list(*effects, "effects")) {
                for (const YamlField& effect : *list)
                    secondPass_.push_back(
                        [this, eventIndex, effect] { readEffect(effect, eventIndex); });
            }
        }
    }
}

void ScenarioLoader::readTrigger(const YamlField& field, int eventIndex) {
    Event& event = sc_.events[eventIndex];
    auto body = r_.map(field, "'when'", kTriggers);
    if (!body)
        return;
    if (body->entries.empty()) {
        if (body->suggested.empty())
            error(field, "'when' needs one of phase, minute or condition");
        return;
    }
    const YamlField* minute = body->find("minute");
    const YamlField* phase = body->find("phase");
    // {minute, phase}: whichever comes first, so an event meant for a phase
    // still comes when the phases before it end early.
    const bool minuteOrPhase = minute && phase && body->entries.size() == 2;
    if (body->entries.size() > 1 && !minuteOrPhase) {
        const auto& [second, secondField] = body->entries[1];
        r_.error(secondField.keyPos, secondField.path,
                 "'when' takes one of phase, minute or condition (or minute and phase together: "
                 "whichever comes first), but has both '" +
                     body->entries[0].first + "' and '" + second + "'");
        return;
    }
    if (phase) {
        event.trigger = Event::Trigger::Phase;
        const int kind = resolve(*phase, "phase", allPhaseIds());
        if (kind < 0)
            return;
        event.phase = sc_.phaseIndex(static_cast<PhaseKind>(kind));
        if (event.phase < 0)
            error(*phase, "phase '" + phase->node.Scalar() +
                              "' is not among this scenario's phases, so the event would never "
                              "fire");
    }
    if (minute) {
        event.trigger = Event::Trigger::Minute;
        if (auto m = r_.number(*minute, 0, 1440)) {
            event.minute = *m;
            if (!phase)
                warnSkippableMinute(*minute, event);
        }
    }
    if (!minute && !phase) {
        event.trigger = Event::Trigger::Condition;
        event.condition = expression(body->entries[0].second, true);
    }
}

// Every phase ends early once every seat is done (the default, see
// Rules::apply), so a session can be past the phase a minute was meant for,
// or over, before the minute comes.
void ScenarioLoader::warnSkippableMinute(const YamlField& minute, const Event& event) {
    if (event.minute <= 0 || sc_.phases.empty())
        return;
    // The phase the minute falls in by the plan (the last one when it lies beyond).
    std::size_t meant = sc_.phases.size() - 1;
    int start = 0;
    for (std::size_t p = 0; p < sc_.phases.size(); ++p) {
        if (event.minute < start + sc_.phases[p].minutes) {
            meant = p;
            break;
        }
        start += sc_.phases[p].minutes;
    }
    const std::string m = std::to_string(static_cast<int>(event.minute));
    const std::string phase = phaseId(sc_.phases[meant].kind);
    Diagnostic d{r_.file(), minute.pos,
                 "event '" + event.id + "' comes only at minute " + m +
                     ", but phases end early when everyone is done, so a session can be past "
                     "that point or over by then; to have it come in phase '" +
                     phase + "' in any case, write {minute: " + m + ", phase: " + phase + "}",
                 minute.path};
    d.warning = true;
    errors_.push_back(std::move(d));
}

void ScenarioLoader::readEffect(const YamlField& field, int eventIndex) {
    auto body = r_.map(field, "an event effect", kEffectKinds);
    if (!body)
        return;
    if (body->entries.empty()) {
        if (body->suggested.empty())
            error(field, "an effect needs one of " + quoteList(kEffectKinds));
        return;
    }
    if (body->entries.size() > 1) {
        const auto& second = body->entries[1].second;
        r_.error(second.keyPos, second.path,
                 "an effect does one thing; start a new list entry ('- ') for '" +
                     body->entries[1].first + "'");
        return;
    }
    const auto& [kindName, args] = body->entries[0];
    const auto kind = static_cast<EventEffect::Kind>(indexIn(kEffectKinds, kindName));
    Event& event = sc_.events[eventIndex];
    const std::vector<std::string> resources = sc_.resourceNames;

    if (kind == EventEffect::Kind::SetResource || kind == EventEffect::Kind::AddResource) {
        auto map = r_.freeMap(args, "a resource and an amount, like {budget: 20000}");
        if (!map)
            return;
        if (map->entries.empty())
            error(args, "'" + kindName + "' needs a resource and an amount, like {budget: 20000}");
        for (const auto& [name, value] : map->entries) {
            EventEffect effect;
            effect.kind = kind;
            effect.resource = resolve(keyField(name, value), "resource", resources);
            auto amount = r_.number(value, -1e12, 1e12);
            if (effect.resource < 0 || !amount)
                continue;
            effect.amount = *amount;
            event.effects.push_back(effect);
        }
        return;
    }

    std::vector<std::string> keys;
    switch (kind) {
    case EventEffect::Kind::AddValueWeight:
        keys = {"role", "value", "delta"};
        break;
    case EventEffect::Kind::SetValueWeight:
        keys = {"role", "value", "weight"};
        break;
    case EventEffect::Kind::EnableOption:
    case EventEffect::Kind::DisableOption:
        keys = {"issue", "option"};
        break;
    default:
        keys = {"role"};
        break;
    }
    auto map = r_.map(args, "'" + kindName + "'", keys);
    if (!map)
        return;
    EventEffect effect;
    effect.kind = kind;
    bool complete = true;
    const std::string what = "'" + kindName + "'";
    for (const std::string& key : keys) {
        const YamlField* arg = r_.required(*map, key, what);
        if (!arg) {
            complete = false;
            continue;
        }
        if (key == "role") {
            effect.role = resolve(*arg, "role", idsOf(sc_.roles));
            complete = complete && effect.role >= 0;
        } else if (key == "value") {
            effect.value = resolve(*arg, "value", idsOf(sc_.values));
            complete = complete && effect.value >= 0;
        } else if (key == "issue") {
            effect.issue = resolve(*arg, "issue", idsOf(sc_.issues));
            complete = complete && effect.issue >= 0;
        } else if (key == "option") {
            if (effect.issue < 0) {
                complete = false;
                continue;
            }
            const Issue& issue = sc_.issues[effect.issue];
            effect.option =
                resolve(*arg, "option", idsOf(issue.options), " in issue '" + issue.id + "'");
            complete = complete && effect.option >= 0;
        } else if (key == "delta") {
            auto delta = r_.wholeNumber(*arg, -3, 3);
            complete = complete && delta.has_value();
            effect.amount = delta.value_or(0);
        } else if (key == "weight") {
            auto weight = r_.wholeNumber(*arg, 0, 3);
            complete = complete && weight.has_value();
            effect.amount = weight.value_or(0);
        }
    }
    if (!complete)
        return;
    if (kind == EventEffect::Kind::RevealSecret && sc_.roles[effect.role].secret.empty())
        error(*map->find("role"), "role '" + sc_.roles[effect.role].id +
                                      "' has no 'secret' for reveal_secret to reveal");
    // An option that starts withdrawn is what enable_option is for.
    event.effects.push_back(effect);
}

} // namespace samenspel::loader
