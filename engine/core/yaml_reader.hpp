#pragma once
// Typed reading of yaml-cpp nodes with errors as values: every problem becomes
// a Diagnostic at the node's 1-based line and column with its key path, and
// reading goes on so one run reports every problem of a file.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/diagnostics.hpp"
#include "core/text.hpp"

namespace samenspel {

// A value in the document with where it is and how to name it.
struct YamlField {
    YAML::Node node;
    SourcePos pos;     // the value, or its key when the value is empty
    SourcePos keyPos;  // the key (same as pos for list items)
    std::string path;  // roles[2].preconditions[0].require
    std::string label; // 'require', or 'roles[2]' for a list item

    YamlField() = default;
    YamlField(YAML::Node n, SourcePos p, SourcePos k, std::string pa, std::string la)
        : node(std::move(n)), pos(p), keyPos(k), path(std::move(pa)), label(std::move(la)) {}
    YamlField(const YamlField&) = default;
    // YAML::Node's own assignment writes through to the node it refers to,
    // which would overwrite the document; reset() only rebinds.
    YamlField& operator=(const YamlField& other) {
        if (this != &other) {
            node.reset(other.node);
            pos = other.pos;
            keyPos = other.keyPos;
            path = other.path;
            label = other.label;
        }
        return *this;
    }

    bool present() const { return node.IsDefined(); }
    bool isNull() const { return !node.IsDefined() || node.IsNull(); }
};

struct YamlMap {
    YamlField self;
    std::vector<std::pair<std::string, YamlField>> entries; // in file order, duplicates dropped
    std::vector<std::string> suggested; // keys offered as "did you mean" for an unknown key

    const YamlField* find(const std::string& key) const;
};

// Thrown when a document holds more entries than any scenario could need;
// aliases can make a small file expand into billions of them.
struct YamlTooManyEntries {
    std::size_t limit;
};
inline constexpr std::size_t kMaxYamlEntries = 200000;

class YamlReader {
  public:
    YamlReader(std::string file, Diagnostics& errors) : file_(std::move(file)), errors_(errors) {}

    const std::string& file() const { return file_; }
    void error(SourcePos pos, const std::string& path, std::string message);
    void error(const YamlField& at, std::string message) { error(at.pos, at.path, message); }

    SourcePos posOf(const YAML::Node& node, SourcePos fallback = {}) const;
    YamlField root(const YAML::Node& node) const;
    YamlField item(const YamlField& list, const YAML::Node& node, std::size_t index) const;

    // Description of what a node holds, for "expected X, got Y".
    static std::string describe(const YAML::Node& node);

    // A map whose keys must come from `allowed` (unknown keys are reported
    // with a "did you mean"); `what` names it in messages ("a role").
    std::optional<YamlMap> map(const YamlField& field, const std::string& what,
                               const std::vector<std::string>& allowed);
    // A map with free keys (ids, value names): only duplicates are reported.
    std::optional<YamlMap> freeMap(const YamlField& field, const std::string& what);
    // A list; a missing or empty value gives an empty list.
    std::optional<std::vector<YamlField>> list(const YamlField& field, const std::string& what);

    // Reports a required key that is absent; returns the field when present.
    const YamlField* required(const YamlMap& map, const std::string& key, const std::string& what);

    std::optional<double> number(const YamlField& field, double low, double high);
    std::optional<int> wholeNumber(const YamlField& field, int low, int high);
    std::optional<bool> boolean(const YamlField& field);
    std::optional<std::string> scalar(const YamlField& field, const std::string& what);
    // A lower_snake_case id.
    std::optional<std::string> id(const YamlField& field);
    // Plain string or {nl: ..., en: ...}, the map optionally with
    // plain: {nl: ..., en: ...} (the same text in plain language).
    std::optional<LocalizedText> text(const YamlField& field);

    // True after so many errors that more would only bury the first ones.
    bool full() const;

  private:
    void plainLanguageText(const YamlField& field, const std::string& label, LocalizedText& into);
    void countEntry();
    std::size_t entries_ = 0;
    std::string file_;
    Diagnostics& errors_;
};

std::string joinPath(const std::string& path, const std::string& key);
bool isSnakeCaseId(const std::string& id);
std::string quoteList(const std::vector<std::string>& words);

} // namespace samenspel
