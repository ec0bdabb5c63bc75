#include "core/yaml_prescan.hpp"

#include <cstdio>
#include <vector>

namespace samenspel {

std::string tooLargeMessage(std::size_t bytes) {
    char size[64];
    std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return "scenario file is too large (" + std::string(size) + "); the limit is " +
           std::to_string(kMaxScenarioBytes / (1024 * 1024)) + " MB";
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

// Estimates how deeply the YAML nests: indentation levels, "- " entries
// starting on the same line, and flow brackets. It errs on the high side but
// a real scenario stays far below the limit.
class NestingScanner {
  public:
    NestingScanner(const std::string& text) : text_(text) {}

    // Offset where the nesting first exceeds the limit, or npos.
    std::size_t scan() {
        std::size_t lineStart = 0;
        while (lineStart < text_.size()) {
            std::size_t lineEnd = text_.find('\n', lineStart);
            if (lineEnd == std::string::npos)
                lineEnd = text_.size();
            if (scanLine(lineStart, lineEnd))
                return failedAt_;
            lineStart = lineEnd + 1;
        }
        return std::string::npos;
    }

  private:
    const std::string& text_;
    std::vector<std::size_t> indents_; // block indentation levels (columns)
    int flowDepth_ = 0;
    char quote_ = 0;              // inside a quoted scalar that continues on the next line
    long blockScalarIndent_ = -1; // inside a | or > block scalar owned by this indentation
    std::size_t failedAt_ = std::string::npos;

    int depth() const { return static_cast<int>(indents_.size()) + flowDepth_; }

    bool tooDeep(std::size_t offset) {
        if (depth() > kMaxScenarioNesting) {
            failedAt_ = offset;
            return true;
        }
        return false;
    }

    void pushIndent(std::size_t column) {
        while (!indents_.empty() && indents_.back() > column)
            indents_.pop_back();
        if (indents_.empty() || indents_.back() < column)
            indents_.push_back(column);
    }

    static bool spaceOrEnd(const std::string& t, std::size_t i, std::size_t end) {
        return i >= end || t[i] == ' ' || t[i] == '\t' || t[i] == '\r';
    }

    // Returns true when the limit is exceeded.
    bool scanLine(std::size_t begin, std::size_t end) {
        std::size_t i = begin;
        while (i < end && text_[i] == ' ')
            ++i;
        const std::size_t indent = i - begin;
        const bool blank = i >= end || text_[i] == '\r' || text_[i] == '#';
        if (blockScalarIndent_ >= 0) {
            if (blank || static_cast<long>(indent) > blockScalarIndent_)
                return false;
            blockScalarIndent_ = -1;
        }
        bool atValueStart = true;
        if (quote_ == 0 && flowDepth_ == 0) {
            if (blank)
                return false;
            pushIndent(indent);
            if (tooDeep(i))
                return true;
        }
        for (; i < end; ++i) {
            const char c = text_[i];
            if (quote_ != 0) {
                if (quote_ == '"' && c == '\\') {
                    ++i;
                } else if (c == quote_) {
                    if (quote_ == '\'' && i + 1 < end && text_[i + 1] == '\'')
                        ++i;
                    else
                        quote_ = 0;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r')
                continue;
            if (c == '#' && (i == begin || text_[i - 1] == ' ' || text_[i - 1] == '\t'))
                return false;
            if (atValueStart && flowDepth_ == 0 && (c == '-' || c == '?') &&
                spaceOrEnd(text_, i + 1, end)) {
                pushIndent(i - begin + 1);
                if (tooDeep(i))
                    return true;
                continue;
            }
            if (atValueStart && (c == '"' || c == '\'')) {
                quote_ = c;
                atValueStart = false;
                continue;
            }
            if ((atValueStart || flowDepth_ > 0) && (c == '[' || c == '{')) {
                ++flowDepth_;
                if (tooDeep(i))
                    return true;
                atValueStart = true;
                continue;
            }
            if (flowDepth_ > 0 && (c == ']' || c == '}')) {
                --flowDepth_;
                atValueStart = false;
                continue;
            }
            if (flowDepth_ > 0 && c == ',') {
                atValueStart = true;
                continue;
            }
            if (c == ':' && (flowDepth_ > 0 || spaceOrEnd(text_, i + 1, end))) {
                atValueStart = true;
                continue;
            }
            if (atValueStart && flowDepth_ == 0 && (c == '|' || c == '>')) {
                blockScalarIndent_ = static_cast<long>(indent);
                return false;
            }
            if (atValueStart && (c == '&' || c == '!')) {
                while (i + 1 < end && !spaceOrEnd(text_, i + 1, end))
                    ++i;
                continue;
            }
            atValueStart = false;
        }
        return false;
    }
};

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
    NestingScanner scanner(text);
    const std::size_t tooDeepAt = scanner.scan();
    if (tooDeepAt != std::string::npos)
        return Diagnostic{file,
                          positionIn(text, tooDeepAt),
                          "the file nests deeper than " + std::to_string(kMaxScenarioNesting) +
                              " levels; a scenario never needs that much",
                          {}};
    return std::nullopt;
}

} // namespace samenspel
