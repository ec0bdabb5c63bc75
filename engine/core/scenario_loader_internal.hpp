#pragma once
// The scenario loader's insides, shared by its files:
//   scenario_loader.cpp           reading the file, the header, checks, results
//   scenario_loader_sections.cpp  attributes, values, resources, issues, phases,
//                                 the decision rule and public value
//   scenario_loader_roles.cpp     roles, their players and weights, and events
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>

#include "core/scenario.hpp"
#include "core/yaml_reader.hpp"

namespace samenspel::loader {

inline const std::vector<std::string> kTopKeys = {
    "samenspel",      "version",     "id",     "title",
    "summary",        "case",        "stage",  "duration_minutes",
    "learning_goals", "attributes",  "values", "issues",
    "resources",      "roles",       "events", "phases",
    "decision",       "public_value"};
inline const std::vector<std::string> kStages = {"signaleren", "agenderen", "ontwerpen",
                                                 "uitwerken",  "beslissen", "evalueren"};
inline const std::vector<std::string> kRoleKinds = {"resident", "official", "council"};
inline const std::vector<std::string> kRules = {"consensus", "council_majority",
                                                "unanimous_council"};
inline const std::vector<std::string> kEffectKinds = {
    "set_resource",  "add_resource",   "add_value_weight", "set_value_weight",
    "enable_option", "disable_option", "reveal_secret"};
inline const std::vector<std::string> kTriggers = {"phase", "minute", "condition"};

// The default phase plan: the DemoCreatie order and times.
inline const std::vector<Phase> kDefaultPhases = {
    {PhaseKind::Kennismaken, 5},      {PhaseKind::Perspectief, 5}, {PhaseKind::Waarden, 10},
    {PhaseKind::Randvoorwaarden, 10}, {PhaseKind::Voorstel, 15},   {PhaseKind::Besluit, 5},
    {PhaseKind::Reflectie, 10}};

std::vector<std::string> allPhaseIds();
int indexIn(const std::vector<std::string>& ids, const std::string& id);
std::size_t escapeLength(const std::string& raw, std::size_t j);
std::vector<SourcePos> scalarPositions(const std::string& raw, const YAML::Mark& mark,
                                       const std::string& value);
std::string syntaxHint(const std::string& message);

template <typename T> std::vector<std::string> idsOf(const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const T& item : items)
        ids.push_back(item.id);
    return ids;
}

// How deeply a scenario may nest; a real one stays below ten. yaml-cpp guards
// its own recursion (YAML::DeepRecursion) too, but only far deeper than this.
constexpr int kMaxScenarioNesting = 64;

const std::string& tooDeepMessage();

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

DocumentScan scanDocuments(const std::string& text);
SourcePos positionOf(const YAML::Mark& m);

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
    // A role's `icon`: one of roleIconNames(), else reported and empty (by kind).
    std::string roleIconName(const YamlField& field);
    void readPlayers(const YamlField& field, Role& role);
    void checkInWords(const YamlField& field, const LocalizedText& text);
    void readEvents(const YamlMap& top);
    void readTrigger(const YamlField& field, int eventIndex);
    void readEffect(const YamlField& field, int eventIndex);
    void readDecision(const YamlMap& top);
    void readPublicValue(const YamlMap& top);
    void checkExpressionNames();
    void checkWhole(const YamlMap& top);
    void checkDuration(const YamlMap& top);
    void checkCouncil(const YamlMap& top);
    void warnSkippableMinute(const YamlField& minute, const Event& event);

    std::vector<int> valueWeights(const YamlField& field, const std::string& what);
};

LoadResult finish(Diagnostics errors, std::optional<Scenario> scenario);

} // namespace samenspel::loader
