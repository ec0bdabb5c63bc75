// Loads a scenario file (format v1, DESIGN.md) into a Scenario. Two passes:
// the first reads every definition (ids, names, texts, numbers), the second
// resolves every reference (value ids, expressions, roles in events, ...)
// against all definitions, so the order of sections in the file does not
// matter and every problem of a file is reported in one run.
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include "core/scenario.hpp"
#include "core/yaml_prescan.hpp"
#include "core/yaml_reader.hpp"

namespace samenspel {

namespace {

const std::vector<std::string> kTopKeys = {"samenspel",
                                           "id",
                                           "title",
                                           "summary",
                                           "case",
                                           "stage",
                                           "duration_minutes",
                                           "learning_goals",
                                           "attributes",
                                           "values",
                                           "issues",
                                           "resources",
                                           "roles",
                                           "events",
                                           "phases",
                                           "decision",
                                           "public_value"};
const std::vector<std::string> kStages = {"signaleren", "agenderen", "ontwerpen",
                                          "uitwerken",  "beslissen", "evalueren"};
const std::vector<std::string> kRoleKinds = {"resident", "official", "council"};
const std::vector<std::string> kRules = {"consensus", "council_majority", "unanimous_council"};
const std::vector<std::string> kEffectKinds = {
    "set_resource",  "add_resource",   "add_value_weight", "set_value_weight",
    "enable_option", "disable_option", "reveal_secret"};
const std::vector<std::string> kTriggers = {"phase", "minute", "condition"};

// The default phase plan: the DemoCreatie order and times.
const std::vector<Phase> kDefaultPhases = {
    {PhaseKind::Kennismaken, 5},      {PhaseKind::Perspectief, 5}, {PhaseKind::Waarden, 10},
    {PhaseKind::Randvoorwaarden, 10}, {PhaseKind::Voorstel, 15},   {PhaseKind::Besluit, 5},
    {PhaseKind::Reflectie, 10}};

std::vector<std::string> allPhaseIds() {
    std::vector<std::string> ids;
    for (int i = 0; i < kPhaseKindCount; ++i)
        ids.push_back(phaseId(static_cast<PhaseKind>(i)));
    return ids;
}

template <typename T> std::vector<std::string> idsOf(const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const T& item : items)
        ids.push_back(item.id);
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

// How deeply a scenario may nest; a real one stays below ten. yaml-cpp guards
// its own recursion (YAML::DeepRecursion) too, but only far deeper than this.
constexpr int kMaxScenarioNesting = 64;

const std::string& tooDeepMessage() {
    static const std::string message = "the file nests deeper than " +
                                       std::to_string(kMaxScenarioNesting) +
                                       " levels; a scenario never needs that much";
    return message;
}

// Follows one document through the parser's events: where its first node
// starts, and where it first nests deeper than a scenario may (it stops the
// parser there, before yaml-cpp builds anything).
class DocumentShape : public YAML::EventHandler {
  public:
    struct TooDeep {
        YAML::Mark mark;
    };
    std::optional<YAML::Mark> mark;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t) override { note(m); }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { note(m); }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  const std::string&) override {
        note(m);
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        open(m);
    }
    void OnSequenceEnd() override { --depth_; }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        open(m);
    }
    void OnMapEnd() override { --depth_; }

  private:
    int depth_ = 0;

    void note(const YAML::Mark& m) {
        if (!mark)
            mark = m;
    }
    void open(const YAML::Mark& m) {
        note(m);
        if (++depth_ > kMaxScenarioNesting)
            throw TooDeep{m};
    }
};

// What one pass over the parser's events finds before YAML::Load builds the
// first document. The parser is asked for at most two documents, which also
// keeps clear of the endless loop described at ScenarioLoader::load.
struct DocumentScan {
    std::optional<YAML::Mark> tooDeep;         // where the nesting first goes too deep
    std::optional<YAML::Mark> secondDocument;  // where a second document starts
    std::optional<YAML::Exception> laterError; // a syntax error after the first document
};

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

class ScenarioLoader {
  public:
    ScenarioLoader(const std::string& text, const std::string& file, Diagnostics& errors)
        : text_(text), r_(file, errors), errors_(errors) {}

    std::optional<Scenario> load();

  private:
    const std::string& text_;
    YamlReader r_;
    Diagnostics& errors_;
    Scenario sc_;
    std::vector<std::function<void()>> secondPass_;
    struct NameDefinition {
        std::string name;
        std::string kind; // attribute, resource or issue
        SourcePos pos;
        std::string path;
    };
    std::vector<NameDefinition> expressionNames_;
    bool someRoleKindUnknown_ = false;
    SourcePos decisionRulePos_{1, 1};
    std::string decisionRulePath_ = "decision";

    // --- helpers --------------------------------------------------------------

    void error(const YamlField& at, std::string message) { r_.error(at, std::move(message)); }

    // The key of a map entry as a field of its own, for keys that are ids.
    // Built field by field: assigning to a YAML::Node that already refers to a
    // document node would overwrite that node in the document.
    static YamlField keyField(const std::string& name, const YamlField& value) {
        return YamlField{YAML::Node(name), value.keyPos, value.keyPos, value.path, value.label};
    }

    // Checks that an id read into `id` is new among `seen`; reports a duplicate.
    bool uniqueId(std::vector<std::pair<std::string, SourcePos>>& seen, const std::string& kind,
                  const std::string& id, const YamlField& at) {
        for (const auto& [other, pos] : seen) {
            if (other == id) {
                error(at, "duplicate " + kind + " id '" + id + "' (first defined at line " +
                              std::to_string(pos.line) + ")");
                return false;
            }
        }
        seen.emplace_back(id, at.pos);
        return true;
    }

    // Resolves a reference to one of `ids`; reports an unknown one with a
    // suggestion or the list of what exists.
    int resolve(const YamlField& field, const std::string& kind,
                const std::vector<std::string>& ids, const std::string& where = "") {
        auto name = r_.scalar(field, "a " + kind + " id");
        if (!name)
            return -1;
        const int index = indexIn(ids, *name);
        if (index >= 0)
            return index;
        std::string message = "unknown " + kind + " '" + *name + "'" + where;
        const std::string suggestion = closestMatch(*name, ids);
        if (!suggestion.empty())
            message += "; did you mean '" + suggestion + "'?";
        else if (ids.empty())
            message += "; the scenario defines no " + kind + "s";
        else if (ids.size() <= 10)
            message += "; expected " + quoteList(ids);
        error(field, message);
        return -1;
    }

    Expression expression(const YamlField& field, bool wantBoolean) {
        auto source = r_.scalar(field, "an expression");
        if (!source)
            return {};
        const auto positions = scalarPositions(text_, field.node.Mark(), *source);
        ExprParseResult parsed =
            parseExpression(*source, sc_.exprNames(), wantBoolean, r_.file(), positions);
        for (Diagnostic& d : parsed.errors) {
            d.keyPath = field.path;
            r_.error(d.pos, d.keyPath, d.message);
        }
        return parsed.expression;
    }

    std::optional<LocalizedText> optionalText(const YamlMap& map, const std::string& key) {
        const YamlField* field = map.find(key);
        if (!field)
            return std::nullopt;
        return r_.text(*field);
    }

    std::optional<LocalizedText> requiredText(const YamlMap& map, const std::string& key,
                                              const std::string& what) {
        const YamlField* field = r_.required(map, key, what);
        if (!field)
            return std::nullopt;
        return r_.text(*field);
    }

    // A list that must hold at least one entry when `needed`.
    std::vector<YamlField> section(const YamlMap& top, const std::string& key,
                                   const std::string& what, bool needed) {
        const YamlField* field = needed ? r_.required(top, key, "the scenario") : top.find(key);
        if (!field)
            return {};
        auto items = r_.list(*field, what);
        if (!items)
            return {};
        if (items->empty() && needed)
            error(*field, "'" + key + "' is empty; a scenario needs at least one");
        return *items;
    }

    void reportSyntaxError(const YAML::Exception& e) {
        if (dynamic_cast<const YAML::DeepRecursion*>(&e)) {
            r_.error(positionOf(e.mark), "", tooDeepMessage());
            return;
        }
        const SourcePos pos =
            e.mark.line >= 0 ? SourcePos{e.mark.line + 1, e.mark.column + 1} : SourcePos{};
        r_.error(pos, "", "YAML syntax error: " + e.msg + syntaxHint(e.msg));
    }

    // --- sections ---------------------------------------------------------------

    bool readVersion(const YamlMap& top);
    void readHeader(const YamlMap& top);
    void readAttributes(const YamlMap& top);
    void readValues(const YamlMap& top);
    void readResources(const YamlMap& top);
    void readIssues(const YamlMap& top);
    void readOption(const YamlField& field, Issue& issue, int issueIndex,
                    std::vector<std::pair<std::string, SourcePos>>& seen);
    void readPhases(const YamlMap& top);
    void readRoles(const YamlMap& top);
    void readPlayers(const YamlField& field, Role& role);
    void readEvents(const YamlMap& top);
    void readTrigger(const YamlField& field, int eventIndex);
    void readEffect(const YamlField& field, int eventIndex);
    void readDecision(const YamlMap& top);
    void readPublicValue(const YamlMap& top);
    void checkExpressionNames();
    void checkWhole(const YamlMap& top);

    std::vector<int> valueWeights(const YamlField& field, const std::string& what);
};

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

    if (!errors_.empty())
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

void ScenarioLoader::readRoles(const YamlMap& top) {
    std::vector<std::pair<std::string, SourcePos>> seen;
    for (const YamlField& item : section(top, "roles", "roles", true)) {
        auto body = r_.map(item, "a role",
                           {"id", "kind", "name", "players", "briefing", "secret", "values",
                            "preconditions", "votes", "reservation"});
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
        const int roleIndex = static_cast<int>(sc_.roles.size());
        sc_.roles.push_back(std::move(role));

        const YamlField* values = body->find("values");
        const YamlField* preconditions = body->find("preconditions");
        secondPass_.push_back(
            [this, roleIndex, values = values ? std::optional<YamlField>(*values) : std::nullopt,
             preconditions =
                 preconditions ? std::optional<YamlField>(*preconditions) : std::nullopt] {
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
                    auto body = r_.map(item, "a precondition", {"id", "name", "require"});
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
                    role.preconditions.push_back(std::move(precondition));
                }
            });
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
    if (body->entries.size() > 1) {
        const auto& [second, secondField] = body->entries[1];
        r_.error(secondField.keyPos, secondField.path,
                 "'when' takes exactly one of phase, minute or condition, but has both '" +
                     body->entries[0].first + "' and '" + second + "'");
        return;
    }
    const auto& [trigger, value] = body->entries[0];
    if (trigger == "phase") {
        event.trigger = Event::Trigger::Phase;
        const int kind = resolve(value, "phase", allPhaseIds());
        if (kind < 0)
            return;
        event.phase = sc_.phaseIndex(static_cast<PhaseKind>(kind));
        if (event.phase < 0)
            error(value, "phase '" + value.node.Scalar() +
                             "' is not among this scenario's phases, so the event would never "
                             "fire");
    } else if (trigger == "minute") {
        event.trigger = Event::Trigger::Minute;
        if (auto minute = r_.number(value, 0, 1440))
            event.minute = *minute;
    } else {
        event.trigger = Event::Trigger::Condition;
        event.condition = expression(value, true);
    }
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

LoadResult finish(Diagnostics errors, std::optional<Scenario> scenario) {
    LoadResult result;
    std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
    });
    result.errors = std::move(errors);
    if (result.errors.empty())
        result.scenario = std::move(scenario);
    return result;
}

} // namespace

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
    if (scenario && errors.empty()) {
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
        return fail("scenario file is too large (more than " +
                    std::to_string(kMaxScenarioBytes / (1024 * 1024)) + " MB); the limit is " +
                    std::to_string(kMaxScenarioBytes / (1024 * 1024)) + " MB");
    return loadScenarioText(text, path);
}

} // namespace samenspel
