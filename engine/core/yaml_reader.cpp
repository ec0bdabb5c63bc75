#include "core/yaml_reader.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace samenspel {

namespace {

constexpr std::size_t kMaxErrors = 200;

std::string shortened(const std::string& s) {
    std::string oneLine = s.substr(0, 40);
    for (char& c : oneLine)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    return s.size() > 40 ? oneLine + "..." : oneLine;
}

std::string lowerCase(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// "Rust in de buurt" -> "rust_in_de_buurt": a hint for a badly written id.
std::string snakeCaseHint(const std::string& id) {
    std::string out;
    for (char c : id) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out += static_cast<char>(std::tolower(u));
        else if ((c == ' ' || c == '-' || c == '_' || c == '.') && !out.empty() &&
                 out.back() != '_')
            out += '_';
    }
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    return isSnakeCaseId(out) ? out : std::string();
}

} // namespace

std::string joinPath(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

bool isSnakeCaseId(const std::string& id) {
    if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z'))
        return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

std::string quoteList(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

const YamlField* YamlMap::find(const std::string& key) const {
    for (const auto& [name, field] : entries)
        if (name == key)
            return &field;
    return nullptr;
}

void YamlReader::error(SourcePos pos, const std::string& path, std::string message) {
    if (errors_.size() >= kMaxErrors)
        return;
    errors_.push_back({file_, pos, std::move(message), path});
}

void YamlReader::countEntry() {
    if (++entries_ > kMaxYamlEntries)
        throw YamlTooManyEntries{kMaxYamlEntries};
}

bool YamlReader::full() const {
    return errors_.size() >= kMaxErrors;
}

SourcePos YamlReader::posOf(const YAML::Node& node, SourcePos fallback) const {
    if (!node.IsDefined())
        return fallback;
    const YAML::Mark mark = node.Mark();
    if (mark.line < 0 || mark.column < 0)
        return fallback;
    return {mark.line + 1, mark.column + 1};
}

YamlField YamlReader::root(const YAML::Node& node) const {
    YamlField field;
    field.node.reset(node);
    field.pos = posOf(node, {1, 1});
    field.keyPos = field.pos;
    return field;
}

YamlField YamlReader::item(const YamlField& list, const YAML::Node& node, std::size_t index) const {
    YamlField field;
    field.node.reset(node);
    field.path = list.path + "[" + std::to_string(index) + "]";
    field.label = list.label + "[" + std::to_string(index) + "]";
    field.pos = posOf(node, list.pos);
    field.keyPos = field.pos;
    return field;
}

std::string YamlReader::describe(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull())
        return "nothing";
    if (node.IsSequence())
        return "a list";
    if (node.IsMap())
        return "a map";
    if (node.Scalar().empty())
        return "an empty value";
    return "'" + shortened(node.Scalar()) + "'";
}

std::optional<YamlMap> YamlReader::freeMap(const YamlField& field, const std::string& what) {
    if (!field.node.IsMap()) {
        error(field, "expected " + what + " (a map) for '" + field.label + "', got " +
                         describe(field.node));
        return std::nullopt;
    }
    YamlMap map;
    map.self = field;
    for (auto it = field.node.begin(); it != field.node.end(); ++it) {
        countEntry();
        const YAML::Node key = it->first;
        const SourcePos keyPos = posOf(key, field.pos);
        if (!key.IsScalar()) {
            error(keyPos, field.path,
                  "a key in '" + field.label + "' must be a plain word, got " + describe(key));
            continue;
        }
        const std::string name = key.Scalar();
        if (const YamlField* first = map.find(name)) {
            error(keyPos, joinPath(field.path, name),
                  "duplicate key '" + name + "' (first at line " +
                      std::to_string(first->keyPos.line) + ")");
            continue;
        }
        YamlField value;
        value.node.reset(it->second);
        value.keyPos = keyPos;
        value.pos = value.node.IsNull() ? keyPos : posOf(value.node, keyPos);
        value.path = joinPath(field.path, name);
        value.label = name;
        map.entries.emplace_back(name, value);
    }
    return map;
}

std::optional<YamlMap> YamlReader::map(const YamlField& field, const std::string& what,
                                       const std::vector<std::string>& allowed) {
    auto result = freeMap(field, what);
    if (!result)
        return result;
    auto& entries = result->entries;
    for (auto it = entries.begin(); it != entries.end();) {
        bool known = false;
        for (const std::string& key : allowed)
            known = known || key == it->first;
        if (known) {
            ++it;
            continue;
        }
        std::string message = "unknown key '" + it->first + "' in " + what;
        const std::string suggestion = closestMatch(it->first, allowed);
        if (!suggestion.empty()) {
            message += "; did you mean '" + suggestion + "'?";
            result->suggested.push_back(suggestion);
        } else {
            message += "; expected " + quoteList(allowed);
        }
        error(it->second.keyPos, it->second.path, message);
        it = entries.erase(it);
    }
    return result;
}

std::optional<std::vector<YamlField>> YamlReader::list(const YamlField& field,
                                                       const std::string& what) {
    std::vector<YamlField> items;
    if (field.isNull())
        return items;
    if (!field.node.IsSequence()) {
        error(field, "expected a list of " + what + " for '" + field.label + "', got " +
                         describe(field.node));
        return std::nullopt;
    }
    std::size_t index = 0;
    for (auto it = field.node.begin(); it != field.node.end(); ++it, ++index) {
        countEntry();
        items.push_back(item(field, *it, index));
    }
    return items;
}

const YamlField* YamlReader::required(const YamlMap& map, const std::string& key,
                                      const std::string& what) {
    if (const YamlField* field = map.find(key))
        return field;
    // A misspelt key was already reported with this one as its suggestion.
    for (const std::string& suggestion : map.suggested)
        if (suggestion == key)
            return nullptr;
    error(map.self.pos, joinPath(map.self.path, key), what + " is missing '" + key + "'");
    return nullptr;
}

std::optional<double> YamlReader::number(const YamlField& field, double low, double high) {
    if (!field.node.IsScalar()) {
        error(field, "expected a number for '" + field.label + "', got " + describe(field.node));
        return std::nullopt;
    }
    std::string s = field.node.Scalar();
    const char* begin = s.data();
    const char* end = s.data() + s.size();
    if (begin != end && *begin == '+')
        ++begin;
    double value = 0.0;
    const auto result = std::from_chars(begin, end, value);
    if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) {
        error(field, "expected a number for '" + field.label + "', got " + describe(field.node));
        return std::nullopt;
    }
    if (value < low || value > high) {
        // The bounds as written ("-1000000000000"): a cast to int would be
        // undefined for bounds beyond its range (found by fuzz_scenario).
        const auto bound = [](double v) {
            char text[40];
            std::snprintf(text, sizeof text, "%.15g", v);
            return std::string(text);
        };
        error(field, "'" + field.label + "' must be between " + bound(low) + " and " + bound(high) +
                         ", got " + s);
        return std::nullopt;
    }
    return value;
}

std::optional<int> YamlReader::wholeNumber(const YamlField& field, int low, int high) {
    if (!field.node.IsScalar()) {
        error(field,
              "expected a whole number for '" + field.label + "', got " + describe(field.node));
        return std::nullopt;
    }
    // Parse without a range first, so "1.5" is a type error and "150" a range error.
    const std::size_t before = errors_.size();
    const auto value = number(field, -1e300, 1e300);
    if (!value) {
        if (errors_.size() > before)
            errors_.back().message =
                "expected a whole number for '" + field.label + "', got " + describe(field.node);
        return std::nullopt;
    }
    if (std::floor(*value) != *value) {
        error(field,
              "expected a whole number for '" + field.label + "', got " + field.node.Scalar());
        return std::nullopt;
    }
    if (*value < low || *value > high) {
        error(field, "'" + field.label + "' must be between " + std::to_string(low) + " and " +
                         std::to_string(high) + ", got " + field.node.Scalar());
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

std::optional<bool> YamlReader::boolean(const YamlField& field) {
    if (field.node.IsScalar()) {
        const std::string s = lowerCase(field.node.Scalar());
        if (s == "true" || s == "yes")
            return true;
        if (s == "false" || s == "no")
            return false;
    }
    error(field, "expected true or false for '" + field.label + "', got " + describe(field.node));
    return std::nullopt;
}

std::optional<std::string> YamlReader::scalar(const YamlField& field, const std::string& what) {
    if (!field.node.IsScalar()) {
        error(field,
              "expected " + what + " for '" + field.label + "', got " + describe(field.node));
        return std::nullopt;
    }
    return field.node.Scalar();
}

std::optional<std::string> YamlReader::id(const YamlField& field) {
    auto value = scalar(field, "an id");
    if (!value)
        return std::nullopt;
    if (!isSnakeCaseId(*value)) {
        std::string message = "'" + shortened(*value) +
                              "' is not a valid id: use lower_snake_case (a-z, 0-9 and _, "
                              "starting with a letter, at most 64 characters)";
        const std::string hint = snakeCaseHint(*value);
        if (!hint.empty())
            message += ", like '" + hint + "'";
        error(field, message);
        return std::nullopt;
    }
    return value;
}

std::optional<LocalizedText> YamlReader::text(const YamlField& field) {
    if (field.node.IsScalar()) {
        if (field.node.Scalar().empty()) {
            error(field, "'" + field.label + "' is empty");
            return std::nullopt;
        }
        return LocalizedText::plain(field.node.Scalar());
    }
    if (!field.node.IsMap()) {
        error(field, "expected text for '" + field.label +
                         "' (a string, or a map like {nl: ..., en: ...}), got " +
                         describe(field.node));
        return std::nullopt;
    }
    static const std::vector<std::string> kTextKeys = {"nl", "en", "plain"};
    auto languages = freeMap(field, "a text");
    if (!languages)
        return std::nullopt;
    std::optional<YamlField> plainField;
    for (auto it = languages->entries.begin(); it != languages->entries.end();) {
        const auto& [lang, value] = *it;
        if (lang == "nl" || lang == "en") {
            ++it;
            continue;
        }
        if (lang == "plain") {
            plainField = value;
            it = languages->entries.erase(it);
            continue;
        }
        const std::string previous =
            it == languages->entries.begin() ? std::string() : std::prev(it)->first;
        if (value.isNull() && !previous.empty()) {
            // {nl: Per blok, door bewoners, en: ...}: the comma ended the text.
            error(value.keyPos, value.path,
                  "a ',' inside {...} ends a text, so '" + shortened(lang) +
                      "' became a key of its own; put the " + previous + " text in quotes, like " +
                      previous + ": \"...\"");
        } else {
            std::string message = "unknown language '" + lang + "' in '" + field.label + "'";
            const std::string suggestion = closestMatch(lang, kTextKeys);
            message += suggestion.empty() ? "; a text has only nl and en"
                                          : "; did you mean '" + suggestion + "'?";
            error(value.keyPos, value.path, message);
        }
        it = languages->entries.erase(it);
    }
    LocalizedText result;
    for (const auto& [lang, value] : languages->entries) {
        if (!value.node.IsScalar() || value.node.Scalar().empty()) {
            error(value, "expected the " + lang + " text for '" + field.label + "', got " +
                             describe(value.node));
            continue;
        }
        result.byLang[lang] = value.node.Scalar();
    }
    if (result.empty()) {
        if (languages->entries.empty())
            error(field, "'" + field.label + "' holds no text; give nl and/or en");
        return std::nullopt;
    }
    if (plainField)
        plainLanguageText(*plainField, field.label, result);
    return result;
}

// `plain: {nl: ..., en: ...}` inside a text: the same text in plain language,
// for a language the text itself has.
void YamlReader::plainLanguageText(const YamlField& field, const std::string& label,
                                   LocalizedText& into) {
    if (!field.node.IsMap()) {
        error(field, "expected the plain-language text of '" + label +
                         "' as a map like plain: {nl: ..., en: ...}, got " + describe(field.node));
        return;
    }
    static const std::vector<std::string> kLanguages = {"nl", "en"};
    auto languages = freeMap(field, "a plain-language text");
    if (!languages)
        return;
    for (const auto& [lang, value] : languages->entries) {
        if (lang != "nl" && lang != "en") {
            std::string message =
                "unknown language '" + lang + "' in the plain-language text of '" + label + "'";
            const std::string suggestion = closestMatch(lang, kLanguages);
            message += suggestion.empty() ? "; a text has only nl and en"
                                          : "; did you mean '" + suggestion + "'?";
            error(value.keyPos, value.path, message);
        } else if (!value.node.IsScalar() || value.node.Scalar().empty()) {
            error(value, "expected the plain-language " + lang + " text for '" + label + "', got " +
                             describe(value.node));
        } else if (!into.byLang.count(lang)) {
            error(value.keyPos, value.path,
                  "'" + label + "' has a plain-language " + lang + " text but no " + lang +
                      " text; write the " + lang + " text beside it");
        } else {
            into.plainLanguage[lang] = value.node.Scalar();
        }
    }
}

} // namespace samenspel
