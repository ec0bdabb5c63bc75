#include "core/yaml_prescan.hpp"

#include <cstdio>

namespace samenspel {

std::string scenarioSizeText(std::size_t bytes) {
    char size[64];
    if (bytes >= 1024 * 1024)
        std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    else
        std::snprintf(size, sizeof size, "%zu KB", (bytes + 1023) / 1024);
    return size;
}

std::string tooLargeMessage(std::size_t bytes) {
    return "scenario file is too large (" + scenarioSizeText(bytes) + "); the limit is " +
           scenarioSizeText(kMaxScenarioBytes) + " (real scenarios are 15-40 KB)";
}

namespace {

// Length of the valid UTF-8 sequence at `i`, or 0 when it is not valid.
std::size_t utf8Length(const std::string& text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    std::size_t length = 0;
    unsigned int codepoint = 0;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0) {
        length = 2;
        codepoint = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        length = 3;
        codepoint = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        length = 4;
        codepoint = c & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        codepoint = (codepoint << 6) | (byte(i + k) & 0x3F);
    }
    const unsigned int minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codepoint < minimum[length] || codepoint > 0x10FFFF ||
        (codepoint >= 0xD800 && codepoint <= 0xDFFF))
        return 0;
    return length;
}

std::optional<Diagnostic> checkText(const std::string& text, const std::string& file) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const bool control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        const std::size_t length = control ? 0 : utf8Length(text, i);
        if (length == 0) {
            const std::string what = c == 0    ? "a NUL byte"
                                     : control ? "a control character"
                                               : "bytes that are not UTF-8";
            return Diagnostic{file,
                              positionIn(text, i),
                              "not a text file: found " + what +
                                  "; a scenario is a YAML text file in UTF-8",
                              {}};
        }
        i += length;
    }
    return std::nullopt;
}

bool onlyComments(const std::string& text) {
    bool lineStart = true;
    bool inComment = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            lineStart = true;
            inComment = false;
            continue;
        }
        if (inComment || c == ' ' || c == '\t' || c == '\r')
            continue;
        if (c == '#') {
            inComment = true;
            continue;
        }
        // A document marker alone ("---", "...") holds no content either.
        if (lineStart && (text.compare(i, 3, "---") == 0 || text.compare(i, 3, "...") == 0) &&
            (i + 3 >= text.size() || text[i + 3] == '\n' || text[i + 3] == ' ' ||
             text[i + 3] == '\r')) {
            i += 2;
            continue;
        }
        // A UTF-8 byte order mark is not content.
        if (i == 0 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
            i += 2;
            continue;
        }
        return false;
    }
    return true;
}

} // namespace

std::optional<Diagnostic> prescanScenarioText(const std::string& text, const std::string& file) {
    if (text.size() > kMaxScenarioBytes)
        return Diagnostic{file, {}, tooLargeMessage(text.size()), {}};
    if (auto problem = checkText(text, file))
        return problem;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return Diagnostic{file, {}, "the file is empty; a scenario starts with 'samenspel: 1'", {}};
    if (onlyComments(text))
        return Diagnostic{
            file, {}, "the file holds only comments; a scenario starts with 'samenspel: 1'", {}};
    return std::nullopt;
}

} // namespace samenspel
