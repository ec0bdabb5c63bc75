#include "i18n.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/catalog_files.hpp"

namespace samenspel {

bool Catalog::load(const std::string& i18nDir, const std::string& lang,
                   std::vector<std::string>& problems) {
    lang_ = lang;
    texts_.clear();
    missing_.clear();
    return readCatalogFolder(i18nDir, lang, texts_, problems);
}

bool Catalog::has(std::string_view key) const {
    return texts_.find(key) != texts_.end();
}

void Catalog::noteMissing(std::string_view key) const {
    if (missing_.find(key) == missing_.end())
        missing_.emplace(key);
}

std::string Catalog::tr(std::string_view key) const {
    const auto it = texts_.find(key);
    if (it == texts_.end()) {
        noteMissing(key);
        return std::string(key);
    }
    return it->second;
}

std::string Catalog::trArgs(std::string_view key, const std::vector<std::string>& args) const {
    const auto it = texts_.find(key);
    if (it == texts_.end()) {
        noteMissing(key);
        // Show the arguments too, so a missing text still says something.
        std::string shown(key);
        for (const auto& a : args)
            shown += " " + a;
        return shown;
    }
    return fillArgs(it->second, args);
}

std::string Catalog::argText(double v) const {
    return formatShort(v, lang_);
}

std::string Catalog::trCount(std::string_view key, long long count,
                             const std::vector<std::string>& args) const {
    std::vector<std::string> all;
    all.reserve(args.size() + 1);
    all.push_back(formatNumber(static_cast<double>(count), 0, lang_));
    all.insert(all.end(), args.begin(), args.end());
    const std::string form = std::string(key) + (count == 1 ? ".one" : ".other");
    return has(form) ? trArgs(form, all) : trArgs(key, all);
}

std::string Catalog::word(const std::string& key) const {
    const auto it = texts_.find(key);
    return it == texts_.end() ? std::string() : it->second;
}

std::vector<std::string> Catalog::languages(const std::string& i18nDir) {
    std::vector<std::string> langs;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(i18nDir, ec), end; !ec && it != end;
         it.increment(ec))
        if (it->is_directory(ec))
            langs.push_back(it->path().filename().string());
    std::sort(langs.begin(), langs.end());
    return langs;
}

// [SECTION] Shared words ---------------------------------------------------------

namespace {
std::string proposalWords(const Catalog& catalog, const GameState& state, int proposalId,
                          const char* plainKey, const char* versionKey) {
    const ProposalNumber n = proposalNumber(state, proposalId);
    return n.version > 1 ? catalog.tr(versionKey, n.number, n.version)
                         : catalog.tr(plainKey, n.number);
}
} // namespace

std::string proposalTitle(const Catalog& catalog, const GameState& state, int proposalId) {
    return proposalWords(catalog, state, proposalId, "proposal.title", "proposal.title_version");
}

std::string proposalRef(const Catalog& catalog, const GameState& state, int proposalId) {
    return proposalWords(catalog, state, proposalId, "proposal.ref", "proposal.ref_version");
}

std::string sessionMoment(const Catalog& catalog, std::int64_t ms) {
    const int minute = sessionMinute(ms);
    return minute < 1 ? catalog.tr("time.at_start") : catalog.tr("time.after_minutes", minute);
}

} // namespace samenspel
