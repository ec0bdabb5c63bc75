#include "core/text.hpp"

namespace samenspel {

const std::string& LocalizedText::get(const std::string& lang) const {
    static const std::string kEmpty;
    for (const std::string& key : {lang, std::string("en"), std::string("nl"), std::string()}) {
        auto it = byLang.find(key);
        if (it != byLang.end())
            return it->second;
    }
    return byLang.empty() ? kEmpty : byLang.begin()->second;
}

LocalizedText LocalizedText::plain(std::string s) {
    LocalizedText text;
    text.byLang.emplace("", std::move(s));
    return text;
}

} // namespace samenspel
