#pragma once
// The text catalog: every user-facing string of the interface, per language,
// from assets/i18n/<lang>/*.yaml (flat maps key: text, one file per part,
// merged). A missing key comes back as the key itself, so a gap is visible on
// screen and never a crash. Arguments fill {0}, {1}, ... in the text.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/text.hpp" // fillArgs
#include "core/wording.hpp"

namespace samenspel {

class Catalog {
  public:
    // Loads every *.yaml in `i18nDir`/`lang`/ (sorted by file name; a later
    // file's key wins, with a warning). Problems (unreadable file, YAML error,
    // a value that is not a string) go to `problems` as file:line:col messages
    // and the rest still loads. Returns false when the folder has no files.
    bool load(const std::string& i18nDir, const std::string& lang,
              std::vector<std::string>& problems);
    // Adds or replaces one text (tests, built-in fallbacks).
    void set(const std::string& key, const std::string& text) { texts_[key] = text; }
    void setLang(const std::string& lang) { lang_ = lang; }

    const std::string& lang() const { return lang_; }
    bool has(std::string_view key) const;
    std::size_t size() const { return texts_.size(); }
    const std::map<std::string, std::string, std::less<>>& texts() const { return texts_; }

    // The text of `key`, or `key` itself when missing.
    std::string tr(std::string_view key) const;
    std::string trArgs(std::string_view key, const std::vector<std::string>& args) const;
    template <class... Args> std::string tr(std::string_view key, const Args&... args) const {
        return trArgs(key, {argText(args)...});
    }

    // Languages with a folder in `i18nDir` ("en", "nl"), sorted.
    static std::vector<std::string> languages(const std::string& i18nDir);

    static std::string argText(const std::string& s) { return s; }
    static std::string argText(std::string_view s) { return std::string(s); }
    static std::string argText(const char* s) { return s ? s : ""; }
    template <class T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
    static std::string argText(T v) {
        return std::to_string(v);
    }
    // Whole, or with one decimal, in the catalog language's own way.
    std::string argText(double v) const;

    // A text about `count` things: "key.one" when count is 1, else
    // "key.other" (Dutch and English share that rule); {0} is the count,
    // `args` are {1}, {2}, ... A key without plural forms is used as it is.
    std::string trCount(std::string_view key, long long count,
                        const std::vector<std::string>& args = {}) const;
    template <class... Args>
    std::string trCount(std::string_view key, long long count, const Args&... args) const {
        return trCount(key, count, std::vector<std::string>{argText(args)...});
    }
    // The lookup engine/core's wording functions take.
    std::string word(const std::string& key) const;

    // Keys asked for but not in the catalog since it was loaded: autoplay
    // runs report them, so a text missing in one language fails a test
    // instead of showing up as a raw key in front of a room.
    const std::set<std::string, std::less<>>& missingKeys() const { return missing_; }

  private:
    void noteMissing(std::string_view key) const;
    std::string lang_ = "nl";
    std::map<std::string, std::string, std::less<>> texts_;
    mutable std::set<std::string, std::less<>> missing_;
};

struct GameState;

// [SECTION] The words the screens and the report share.
// "Voorstel 3" / "Voorstel 3, versie 2" (proposal.title*), numbered as in
// core/wording's proposalNumber.
std::string proposalTitle(const Catalog& catalog, const GameState& state, int proposalId);
// The same inside a sentence: "voorstel 3, versie 2".
std::string proposalRef(const Catalog& catalog, const GameState& state, int proposalId);
// A moment of the session: "na 17 min", "aan het begin".
std::string sessionMoment(const Catalog& catalog, std::int64_t ms);

} // namespace samenspel
