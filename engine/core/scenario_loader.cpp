// Loads a scenario file (format v1, DESIGN.md) into a Scenario. Two passes:
// the first reads every definition (ids, names, texts, numbers), the second
// resolves every reference (value ids, expressions, roles in events, ...)
// against all definitions, so the order of sections in the file does not
// matter and every problem of a file is reported in one run.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include "core/scenario.hpp"
#include "core/scenario_loader_internal.hpp"
#include "core/yaml_prescan.hpp"
#include "core/yaml_reader.hpp"

namespace samenspel {

namespace loader {

std::vector<std::string> allPhaseIds() {
    std::vector<std::string> ids;
    for (int i = 0; i < kPhaseKindCount; ++i)
        ids.push_back(phaseId(static_cast<PhaseKind>(i)));
    return ids;
}

int indexIn(const std::vector<std::string>& ids, const std::string& id) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == id)
            return static_cast<int>(i);
    return -1;
}

// Length in the file of the escape sequence at raw[j] in a double-quoted
// scalar ("\\t" is 2, "\\x41" is 4, "\\u20ac" is 6, "\\U0001f600" is 10).
std::size_t escapeLength(const std::string& raw, std::size_t j) {
    if (j + 1 >= raw.size())
        return 1;
    switch (raw[j + 1]) {
    case 'x':
        return 4;
    case 'u':
        return 6;
    case 'U':
        return 10;
    default:
        return 2;
    }
}

// File position of every byte of a scalar's value, found by walking the raw
// text from the node's mark: quotes, block indicators, escapes and folded
// line breaks are in the file but not in the value, and are skipped.
std::vector<SourcePos> scalarPositions(const std::string& raw, const YAML::Mark& mark,
                                       const std::string& value) {
    const SourcePos start{mark.line + 1, mark.column + 1};
    std::vector<SourcePos> positions;
    positions.reserve(value.size() + 1);
    SourcePos pos = start;
    std::size_t j = mark.pos >= 0 ? static_cast<std::size_t>(mark.pos) : raw.size();
    const bool doubleQuoted = j < raw.size() && raw[j] == '"';
    const std::size_t limit = std::min(raw.size(), j + value.size() * 10 + 4096);
    const auto advance = [&](std::size_t count) {
        for (; count > 0 && j < limit; --count, ++j) {
            if (raw[j] == '\n') {
                ++pos.line;
                pos.column = 1;
            } else {
                ++pos.column;
            }
        }
    };
    if (doubleQuoted)
        advance(1);
    for (std::size_t i = 0; i < value.size();) {
        if (doubleQuoted && j < limit && raw[j] == '\\' && j + 1 < limit && raw[j + 1] != '\n' &&
            raw[j + 1] != '\r') {
            // One escape gives one character of one or more UTF-8 bytes.
            std::size_t bytes = 1;
            while (i + bytes < value.size() && (value[i + bytes] & 0xC0) == 0x80)
                ++bytes;
            for (std::size_t k = 0; k < bytes; ++k)
                positions.push_back(pos);
            i += bytes;
            advance(escapeLength(raw, j));
            continue;
        }
        while (j < limit && raw[j] != value[i])
            advance(1);
        if (j >= limit) {
            // Lost track: point at the start of the scalar for the rest.
            while (positions.size() < value.size())
                positions.push_back(start);
            break;
        }
        positions.push_back(pos);
        advance(1);
        ++i;
    }
    positions.push_back(pos);
    return positions;
}

const std::string& tooDeepMessage() {
    static const std::string message = "the file nests deeper than " +
                                       std::to_string(kMaxScenarioNesting) +
                                       " levels; a scenario never needs that much";
    return message;
}

DocumentScan scanDocuments(const std::string& text) {
    DocumentScan scan;
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentShape first;
    DocumentShape second;
    bool inFirst = true;
    try {
        if (!parser.HandleNextDocument(first))
            return scan;
        inFirst = false;
        if (parser.HandleNextDocument(second))
            scan.secondDocument = second.mark.value_or(YAML::Mark());
    } catch (const DocumentShape::TooDeep& e) {
        scan.tooDeep = e.mark;
    } catch (const YAML::DeepRecursion& e) {
        scan.tooDeep = e.mark;
    } catch (const YAML::Exception& e) {
        if (!inFirst) // one in the first document is YAML::Load's to report
            scan.laterError = e;
    }
    return scan;
}

SourcePos positionOf(const YAML::Mark& m) {
    return m.line >= 0 ? SourcePos{m.line + 1, m.column + 1} : SourcePos{1, 1};
}

// yaml-cpp's messages name the parser's state; say what the author can do.
std::string syntaxHint(const std::string& message) {
    if (message.find("end of sequence") != std::string::npos)
        return " (a '[' is not closed with ']')";
    if (message.find("end of map") != std::string::npos)
        return " (a '{' is not closed with '}')";
    if (message.find("illegal map value") != std::string::npos)
        return " (a ': ' where no key can start; put text holding ': ' in quotes)";
    if (message.find("end of quoted scalar") != std::string::npos)
        return " (a quote is not closed)";
    if (message.find("bad indentation") != std::string::npos ||
        message.find("block") != std::string::npos)
        return " (check the indentation: keys of one map line up exactly, with spaces)";
    return "";
}

std::optional<Scenario> ScenarioLoader::load() {
    // YAML::Load reads one document; YAML::LoadAll is not used because
    // yaml-cpp 0.7 loops forever on a stray ',' at the start of a document
    // (yaml-cpp issue #1040, fixed after 0.7).
    const DocumentScan scan = scanDocuments(text_);
    if (scan.tooDeep) {
        r_.error(positionOf(*scan.tooDeep), "", tooDeepMessage());
        return std::nullopt;
    }
    YAML::Node document;
    try {
        document = YAML::Load(text_);
    } catch (const YAML::Exception& e) {
        reportSyntaxError(e);
        return std::nullopt;
    }
    if (!document.IsDefined() || document.IsNull()) {
        r_.error({1, 1}, "",
                 "no scenario found: the file does not start with a YAML map like "
                 "'samenspel: 1'");
        return std::nullopt;
    }
    // A second document ("---") would be ignored silently; say so instead.
    if (scan.laterError)
        reportSyntaxError(*scan.laterError);
    else if (scan.secondDocument)
        r_.error(positionOf(*scan.secondDocument), "",
                 "a scenario file holds one YAML document, but a second one starts here");
    const YamlField root = r_.root(document);
    if (!root.node.IsMap()) {
        error(root, "a scenario is a map of keys such as 'samenspel', 'id' and 'roles', but "
                    "this file holds " +
                        YamlReader::describe(root.node));
        return std::nullopt;
    }
    auto top = r_.map(root, "a scenario", kTopKeys);
    if (!top)
        return std::nullopt;
    if (!readVersion(*top))
        return std::nullopt;

    // First pass: every definition.
    readHeader(*top);
    readAttributes(*top);
    readValues(*top);
    readResources(*top);
    readIssues(*top);
    readPhases(*top);
    readRoles(*top);
    readEvents(*top);
    checkExpressionNames();

    // Second pass: every reference, now that all names are known.
    for (auto& step : secondPass_)
        step();
    readDecision(*top);
    readPublicValue(*top);
    checkWhole(*top);

    for (const Diagnostic& d : errors_)
        if (!d.warning)
            return std::nullopt;
    return std::move(sc_);
}

bool ScenarioLoader::readVersion(const YamlMap& top) {
    const YamlField* field = top.find("samenspel");
    if (!field) {
        r_.error(top.self.pos, "samenspel",
                 "missing 'samenspel: 1' (the format version) at the top of the scenario");
        return true; // go on: the rest of the file may still show useful errors
    }
    if (!field->node.IsScalar()) {
        error(*field, "expected the format version number for 'samenspel', got " +
                          YamlReader::describe(field->node));
        return false;
    }
    if (field->node.Scalar() != std::to_string(kScenarioFormatVersion)) {
        error(*field, "scenario format version '" + field->node.Scalar() +
                          "' is not supported; this version of Samenspel reads format " +
                          std::to_string(kScenarioFormatVersion) +
                          " (samenspel: " + std::to_string(kScenarioFormatVersion) + ")");
        return false;
    }
    sc_.format = kScenarioFormatVersion;
    return true;
}

void ScenarioLoader::readHeader(const YamlMap& top) {
    if (const YamlField* field = r_.required(top, "id", "the scenario"))
        if (auto id = r_.id(*field))
            sc_.id = *id;
    if (auto title = requiredText(top, "title", "the scenario"))
        sc_.title = *title;
    if (auto summary = optionalText(top, "summary"))
        sc_.summary = *summary;
    if (auto caseText = optionalText(top, "case"))
        sc_.caseText = *caseText;
    if (const YamlField* field = top.find("stage")) {
        if (auto stage = r_.scalar(*field, "a stage")) {
            if (indexIn(kStages, *stage) >= 0) {
                sc_.stage = *stage;
            } else {
                std::string message = "unknown stage '" + *stage + "'";
                const std::string suggestion = closestMatch(*stage, kStages);
                message += suggestion.empty() ? "; expected " + quoteList(kStages)
                                              : "; did you mean '" + suggestion + "'?";
                error(*field, message);
            }
        }
    }
    if (const YamlField* field = top.find("version"))
        if (auto version = r_.wholeNumber(*field, 1, 1000000))
            sc_.version = *version;
    if (const YamlField* field = top.find("duration_minutes"))
        if (auto minutes = r_.wholeNumber(*field, 1, 600))
            sc_.durationMinutes = *minutes;
    if (const YamlField* field = top.find("learning_goals")) {
        if (auto goals = r_.list(*field, "texts")) {
            for (const YamlField& goal : *goals)
                if (auto text = r_.text(goal))
                    sc_.learningGoals.push_back(*text);
        }
    }
}

void ScenarioLoader::readOption(const YamlField& field, Issue& issue, int issueIndex,
                                std::vector<std::pair<std::string, SourcePos>>& seen) {
    auto body = r_.map(field, "an option",
                       {"id", "name", "description", "attributes", "effects", "available"});
    if (!body)
        return;
    const YamlField* idField = r_.required(*body, "id", "an option");
    auto id = idField ? r_.id(*idField) : std::nullopt;
    if (!id || !uniqueId(seen, "option", *id, *idField))
        return;
    Option option;
    option.id = *id;
    if (auto name = requiredText(*body, "name", "option '" + *id + "'"))
        option.name = *name;
    if (auto description = optionalText(*body, "description"))
        option.description = *description;
    if (const YamlField* available = body->find("available"))
        if (auto flag = r_.boolean(*available))
            option.available = *flag;
    const int optionIndex = static_cast<int>(issue.options.size());
    issue.options.push_back(std::move(option));

    const YamlField* attributes = body->find("attributes");
    const YamlField* effects = body->find("effects");
    secondPass_.push_back([this, issueIndex, optionIndex,
                           attributes =
                               attributes ? std::optional<YamlField>(*attributes) : std::nullopt,
                           effects = effects ? std::optional<YamlField>(*effects) : std::nullopt] {
        Option& option = sc_.issues[issueIndex].options[optionIndex];
        option.attributes.assign(sc_.attributes.size(), 0.0);
        option.effects.assign(sc_.values.size(), 0);
        if (attributes && !attributes->isNull()) {
            if (auto map = r_.freeMap(*attributes, "attribute amounts")) {
                for (const auto& [name, value] : map->entries) {
                    const int index =
                        resolve(keyField(name, value), "attribute", idsOf(sc_.attributes));
                    if (index < 0)
                        continue;
                    if (auto amount = r_.number(value, -1e12, 1e12))
                        option.attributes[index] = *amount;
                }
            }
        }
        if (effects && !effects->isNull()) {
            if (auto map = r_.freeMap(*effects, "effects on values")) {
                for (const auto& [name, value] : map->entries) {
                    const int index = resolve(keyField(name, value), "value", idsOf(sc_.values));
                    if (index < 0)
                        continue;
                    auto effect = r_.wholeNumber(value, -1000000, 1000000);
                    if (!effect)
                        continue;
                    if (*effect < -3 || *effect > 3)
                        error(value, "effect " + std::to_string(*effect) + " on value '" + name +
                                         "' is out of range -3..3");
                    else
                        option.effects[index] = *effect;
                }
            }
        }
    });
}

// Attribute, resource and issue names share one namespace in expressions, so
// the same name in two of them would make an expression ambiguous.
void ScenarioLoader::checkExpressionNames() {
    for (std::size_t i = 0; i < expressionNames_.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            const NameDefinition& later = expressionNames_[i];
            const NameDefinition& first = expressionNames_[j];
            if (later.name != first.name || later.kind == first.kind)
                continue;
            r_.error(later.pos, later.path,
                     later.kind + " '" + later.name + "' has the same name as " + first.kind +
                         " '" + first.name + "' (line " + std::to_string(first.pos.line) +
                         "); expressions could not tell them apart");
            break;
        }
    }
}

void ScenarioLoader::checkWhole(const YamlMap& top) {
    checkDuration(top);
    checkCouncil(top);
}

// The advertised length is what a facilitator plans the afternoon by, and the
// phases are what the clock runs: they must agree.
void ScenarioLoader::checkDuration(const YamlMap& top) {
    int planned = 0;
    for (const Phase& phase : sc_.phases)
        planned += phase.minutes;
    const YamlField* field = top.find("duration_minutes");
    if (!field) {
        sc_.durationMinutes = planned;
        return;
    }
    if (sc_.phases.empty() || sc_.durationMinutes == planned)
        return;
    for (const Diagnostic& d : errors_)
        if (d.pos.line == field->pos.line && d.pos.column == field->pos.column)
            return; // the number itself is wrong, and said so already
    const bool ownPlan = top.find("phases") != nullptr;
    error(*field, "duration_minutes is " + std::to_string(sc_.durationMinutes) + ", but the " +
                      (ownPlan ? "phases" : "default phases (the file has no 'phases')") +
                      " add up to " + std::to_string(planned) + " minutes; make them agree");
}

void ScenarioLoader::checkCouncil(const YamlMap& top) {
    if (sc_.rule == DecisionRule::Consensus)
        return;
    for (const Role& role : sc_.roles)
        if (role.kind == RoleKind::Council)
            return;
    // Without roles, or with a role whose kind is unreadable, the missing
    // council is not news: the real mistake is reported already.
    if (sc_.roles.empty() || someRoleKindUnknown_)
        return;
    const bool explicitRule = top.find("decision") != nullptr;
    r_.error(explicitRule ? decisionRulePos_ : top.self.pos, decisionRulePath_,
             std::string("the decision rule '") + decisionRuleId(sc_.rule) + "'" +
                 (explicitRule ? "" : " (the default when 'decision' is absent)") +
                 " needs at least one role of kind council; add one or use 'rule: consensus'");
}

LoadResult finish(Diagnostics diagnostics, std::optional<Scenario> scenario) {
    LoadResult result;
    std::stable_sort(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
        });
    for (Diagnostic& d : diagnostics)
        (d.warning ? result.warnings : result.errors).push_back(std::move(d));
    if (result.errors.empty())
        result.scenario = std::move(scenario);
    return result;
}

} // namespace loader

using loader::finish;
using loader::ScenarioLoader;

LoadResult loadScenarioText(const std::string& text, const std::string& name) {
    Diagnostics errors;
    if (auto problem = prescanScenarioText(text, name)) {
        errors.push_back(*problem);
        return finish(std::move(errors), std::nullopt);
    }
    std::optional<Scenario> scenario;
    try {
        ScenarioLoader loader(text, name, errors);
        scenario = loader.load();
    } catch (const YamlTooManyEntries& e) {
        errors.push_back({name,
                          {},
                          "the scenario holds more than " + std::to_string(e.limit) +
                              " entries (counting what aliases repeat); no scenario "
                              "needs that many",
                          {}});
    } catch (const YAML::Exception& e) {
        const SourcePos pos =
            e.mark.line >= 0 ? SourcePos{e.mark.line + 1, e.mark.column + 1} : SourcePos{};
        errors.push_back({name, pos, "could not read the scenario: " + e.msg, {}});
    } catch (const std::exception& e) {
        errors.push_back({name, {}, std::string("could not read the scenario: ") + e.what(), {}});
    }
    const bool anyError =
        std::any_of(errors.begin(), errors.end(), [](const Diagnostic& d) { return !d.warning; });
    if (scenario && !anyError) {
        scenario->sourcePath = name;
        scenario->contentHash = contentHashOf(text);
    }
    return finish(std::move(errors), std::move(scenario));
}

LoadResult loadScenarioFile(const std::string& path) {
    namespace fs = std::filesystem;
    const auto fail = [&](std::string message) {
        LoadResult result;
        result.errors.push_back({path, {}, std::move(message), {}});
        return result;
    };
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return fail("file not found");
    if (fs::is_directory(status))
        return fail("this is a directory, not a scenario file");
    const auto size = fs::file_size(path, ec);
    if (!ec && size > kMaxScenarioBytes)
        return fail(tooLargeMessage(static_cast<std::size_t>(size)));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail("cannot open the file for reading");
    // Read at most one byte past the limit: a file that grows, or a device
    // without a size, still cannot make us read without end.
    std::string text(kMaxScenarioBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad())
        return fail("cannot read the file");
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxScenarioBytes)
        return fail(tooLargeMessage(text.size()));
    return loadScenarioText(text, path);
}

} // namespace samenspel
