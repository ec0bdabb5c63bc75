// The scenario sections every role refers to: attributes, values,
// resources, issues with their options, phases, the decision rule and the
// public value.
#include "core/scenario_loader_internal.hpp"

namespace samenspel::loader {

void ScenarioLoader::readAttributes(const YamlMap& top) {
    const YamlField* field = top.find("attributes");
    if (!field || field->isNull())
        return;
    auto attributes = r_.freeMap(*field, "attributes");
    if (!attributes)
        return;
    for (const auto& [name, value] : attributes->entries) {
        if (!r_.id(keyField(name, value)))
            continue;
        expressionNames_.push_back({name, "attribute", value.keyPos, value.path});
        Attribute attribute;
        attribute.id = name;
        if (auto body = r_.map(value, "an attribute", {"name", "unit"})) {
            if (auto text = requiredText(*body, "name", "attribute '" + name + "'"))
                attribute.name = *text;
            if (const YamlField* unit = body->find("unit"))
                if (auto s = r_.scalar(*unit, "a unit such as '€' or 'months'"))
                    attribute.unit = *s;
        }
        sc_.attributes.push_back(std::move(attribute));
    }
}

void ScenarioLoader::readValues(const YamlMap& top) {
    std::vector<std::pair<std::string, SourcePos>> seen;
    for (const YamlField& item : section(top, "values", "values", true)) {
        auto body = r_.map(item, "a value", {"id", "name", "description"});
        if (!body)
            continue;
        const YamlField* idField = r_.required(*body, "id", "a value");
        auto id = idField ? r_.id(*idField) : std::nullopt;
        if (!id || !uniqueId(seen, "value", *id, *idField))
            continue;
        Value value;
        value.id = *id;
        if (auto name = requiredText(*body, "name", "value '" + *id + "'"))
            value.name = *name;
        if (auto description = optionalText(*body, "description"))
            value.description = *description;
        sc_.values.push_back(std::move(value));
    }
}

void ScenarioLoader::readResources(const YamlMap& top) {
    const YamlField* field = top.find("resources");
    if (!field || field->isNull())
        return;
    auto resources = r_.freeMap(*field, "resources");
    if (!resources)
        return;
    for (const auto& [name, value] : resources->entries) {
        if (!r_.id(keyField(name, value)))
            continue;
        expressionNames_.push_back({name, "resource", value.keyPos, value.path});
        // Kept even when the amount is wrong, so references to it do not
        // report a second, misleading "unknown resource".
        const auto amount = r_.number(value, -1e12, 1e12);
        sc_.resourceNames.push_back(name);
        sc_.resourceValues.push_back(amount.value_or(0.0));
    }
}

void ScenarioLoader::readIssues(const YamlMap& top) {
    std::vector<std::pair<std::string, SourcePos>> seen;
    for (const YamlField& item : section(top, "issues", "issues", true)) {
        auto body = r_.map(item, "an issue", {"id", "name", "description", "options"});
        if (!body)
            continue;
        const YamlField* idField = r_.required(*body, "id", "an issue");
        auto id = idField ? r_.id(*idField) : std::nullopt;
        if (!id || !uniqueId(seen, "issue", *id, *idField))
            continue;
        expressionNames_.push_back({*id, "issue", idField->pos, idField->path});
        Issue issue;
        issue.id = *id;
        if (auto name = requiredText(*body, "name", "issue '" + *id + "'"))
            issue.name = *name;
        if (auto description = optionalText(*body, "description"))
            issue.description = *description;
        const int issueIndex = static_cast<int>(sc_.issues.size());
        std::vector<std::pair<std::string, SourcePos>> optionIds;
        if (const YamlField* options = r_.required(*body, "options", "issue '" + *id + "'")) {
            if (auto list = r_.list(*options, "options")) {
                if (list->empty())
                    error(*options, "issue '" + *id + "' has no options; it needs at least one");
                for (const YamlField& option : *list)
                    readOption(option, issue, issueIndex, optionIds);
            }
        }
        sc_.issues.push_back(std::move(issue));
        // Checked after the second pass, once enable_option effects are known.
        secondPass_.push_back([this, issueIndex, field = *idField] {
            const Issue& issue = sc_.issues[issueIndex];
            bool anyAvailable = issue.options.empty(); // an empty list is reported already
            for (const Option& option : issue.options)
                anyAvailable = anyAvailable || option.available;
            if (!anyAvailable)
                error(field, "issue '" + issue.id +
                                 "' has no available option; at least one option must not "
                                 "have 'available: false'");
        });
    }
}

void ScenarioLoader::readPhases(const YamlMap& top) {
    const YamlField* field = top.find("phases");
    if (!field || field->isNull()) {
        sc_.phases = kDefaultPhases;
        return;
    }
    auto items = r_.list(*field, "phases");
    if (!items)
        return;
    if (items->empty()) {
        error(*field, "'phases' is empty; leave it out to use the default order");
        return;
    }
    std::vector<std::pair<std::string, SourcePos>> seen;
    const std::vector<std::string> known = allPhaseIds();
    for (const YamlField& item : *items) {
        auto body = r_.map(item, "a phase", {"id", "minutes"});
        if (!body)
            continue;
        const YamlField* idField = r_.required(*body, "id", "a phase");
        if (!idField)
            continue;
        const int kind = resolve(*idField, "phase", known);
        if (kind < 0 || !uniqueId(seen, "phase", known[kind], *idField))
            continue;
        Phase phase;
        phase.kind = static_cast<PhaseKind>(kind);
        phase.minutes = kDefaultPhases[kind].minutes;
        if (const YamlField* minutes = body->find("minutes"))
            if (auto m = r_.wholeNumber(*minutes, 1, 600))
                phase.minutes = *m;
        sc_.phases.push_back(phase);
    }
}

void ScenarioLoader::readDecision(const YamlMap& top) {
    const YamlField* field = top.find("decision");
    if (!field)
        return;
    decisionRulePos_ = field->pos;
    decisionRulePath_ = field->path;
    auto body = r_.map(*field, "'decision'", {"rule", "min_support"});
    if (!body)
        return;
    if (const YamlField* rule = r_.required(*body, "rule", "'decision'")) {
        decisionRulePos_ = rule->pos;
        decisionRulePath_ = rule->path;
        const int index = resolve(*rule, "decision rule", kRules);
        if (index == 0)
            sc_.rule = DecisionRule::Consensus;
        else if (index == 1)
            sc_.rule = DecisionRule::CouncilMajority;
        else if (index == 2)
            sc_.rule = DecisionRule::UnanimousCouncil;
    }
    if (const YamlField* minSupport = body->find("min_support"))
        if (auto n = r_.number(*minSupport, -100, 100))
            sc_.minSupport = *n;
}

void ScenarioLoader::readPublicValue(const YamlMap& top) {
    sc_.publicValue.assign(sc_.values.size(), 0);
    if (const YamlField* field = top.find("public_value"); field && !field->isNull())
        sc_.publicValue = valueWeights(*field, "public value weights");
}

} // namespace samenspel::loader
