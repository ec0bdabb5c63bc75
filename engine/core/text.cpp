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

std::string fillArgs(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '{') {
            std::size_t j = i + 1;
            std::size_t index = 0;
            bool digits = false;
            while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9' && j - i < 4) {
                index = index * 10 + static_cast<std::size_t>(pattern[j] - '0');
                digits = true;
                ++j;
            }
            if (digits && j < pattern.size() && pattern[j] == '}' && index < args.size()) {
                out += args[index];
                i = j;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace samenspel
