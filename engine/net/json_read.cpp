#include "net/json_read.hpp"

#include <cmath>
#include <cstdlib>

namespace samenspel::net {

const JsonValue* JsonValue::find(const std::string& key) const {
    if (kind != Kind::Object)
        return nullptr;
    for (const auto& [k, v] : members)
        if (k == key)
            return &v;
    return nullptr;
}

std::string JsonValue::stringOr(const std::string& key, const std::string& fallback) const {
    const JsonValue* v = find(key);
    return v && v->isString() ? v->text : fallback;
}

std::int64_t JsonValue::intOr(const std::string& key, std::int64_t fallback) const {
    const JsonValue* v = find(key);
    if (!v || !v->isNumber() || !std::isfinite(v->number) || std::fabs(v->number) > 9.0e15)
        return fallback;
    return static_cast<std::int64_t>(v->number);
}

bool JsonValue::boolOr(const std::string& key, bool fallback) const {
    const JsonValue* v = find(key);
    return v && v->kind == Kind::Bool ? v->boolean : fallback;
}

namespace {

class Parser {
  public:
    Parser(const std::string& text, int maxDepth) : s_(text), maxDepth_(maxDepth) {}

    JsonParse run() {
        JsonParse result;
        JsonValue v;
        if (!parseValue(v, 0)) {
            result.error = error_ + " at byte " + std::to_string(pos_);
            return result;
        }
        skipSpace();
        if (pos_ != s_.size()) {
            result.error = "unexpected text after the JSON value at byte " + std::to_string(pos_);
            return result;
        }
        result.value = std::move(v);
        return result;
    }

  private:
    const std::string& s_;
    int maxDepth_;
    std::size_t pos_ = 0;
    std::string error_;

    bool fail(const char* message) {
        error_ = message;
        return false;
    }
    void skipSpace() {
        while (pos_ < s_.size() &&
               (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
            ++pos_;
    }
    bool literal(const char* word) {
        std::size_t i = 0;
        for (; word[i]; ++i)
            if (pos_ + i >= s_.size() || s_[pos_ + i] != word[i])
                return fail("invalid literal");
        pos_ += i;
        return true;
    }

    bool parseValue(JsonValue& v, int depth) {
        if (depth > maxDepth_)
            return fail("nesting too deep");
        skipSpace();
        if (pos_ >= s_.size())
            return fail("unexpected end of text");
        v.begin = pos_;
        bool ok = false;
        switch (s_[pos_]) {
        case '{':
            ok = parseObject(v, depth);
            break;
        case '[':
            ok = parseArray(v, depth);
            break;
        case '"':
            v.kind = JsonValue::Kind::String;
            ok = parseString(v.text);
            break;
        case 't':
            v.kind = JsonValue::Kind::Bool;
            v.boolean = true;
            ok = literal("true");
            break;
        case 'f':
            v.kind = JsonValue::Kind::Bool;
            ok = literal("false");
            break;
        case 'n':
            ok = literal("null");
            break;
        default:
            ok = parseNumber(v);
            break;
        }
        v.end = pos_;
        return ok;
    }

    bool parseObject(JsonValue& v, int depth) {
        v.kind = JsonValue::Kind::Object;
        ++pos_; // {
        skipSpace();
        if (pos_ < s_.size() && s_[pos_] == '}') {
            ++pos_;
            return true;
        }
        while (true) {
            skipSpace();
            if (pos_ >= s_.size() || s_[pos_] != '"')
                return fail("expected a member name");
            std::string key;
            if (!parseString(key))
                return false;
            skipSpace();
            if (pos_ >= s_.size() || s_[pos_] != ':')
                return fail("expected ':'");
            ++pos_;
            JsonValue member;
            if (!parseValue(member, depth + 1))
                return false;
            v.members.emplace_back(std::move(key), std::move(member));
            skipSpace();
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < s_.size() && s_[pos_] == '}') {
                ++pos_;
                return true;
            }
            return fail("expected ',' or '}'");
        }
    }

    bool parseArray(JsonValue& v, int depth) {
        v.kind = JsonValue::Kind::Array;
        ++pos_; // [
        skipSpace();
        if (pos_ < s_.size() && s_[pos_] == ']') {
            ++pos_;
            return true;
        }
        while (true) {
            JsonValue item;
            if (!parseValue(item, depth + 1))
                return false;
            v.items.push_back(std::move(item));
            skipSpace();
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < s_.size() && s_[pos_] == ']') {
                ++pos_;
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    static void appendUtf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(unsigned& out) {
        if (pos_ + 4 > s_.size())
            return fail("truncated \\u escape");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            char c = s_[pos_++];
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                out |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                out |= static_cast<unsigned>(c - 'A' + 10);
            else
                return fail("invalid \\u escape");
        }
        return true;
    }

    bool parseString(std::string& out) {
        ++pos_; // opening quote
        while (pos_ < s_.size()) {
            char c = s_[pos_++];
            if (c == '"')
                return true;
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("control character in string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= s_.size())
                return fail("truncated escape");
            char e = s_[pos_++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00 && pos_ + 1 < s_.size() && s_[pos_] == '\\' &&
                    s_[pos_ + 1] == 'u') {
                    pos_ += 2;
                    unsigned low = 0;
                    if (!hex4(low))
                        return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail("invalid surrogate pair");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                    return fail("lone surrogate");
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                return fail("invalid escape");
            }
        }
        return fail("unterminated string");
    }

    bool parseNumber(JsonValue& v) {
        std::size_t start = pos_;
        if (pos_ < s_.size() && s_[pos_] == '-')
            ++pos_;
        bool digits = false;
        while (pos_ < s_.size() &&
               ((s_[pos_] >= '0' && s_[pos_] <= '9') || s_[pos_] == '.' || s_[pos_] == 'e' ||
                s_[pos_] == 'E' || s_[pos_] == '+' || s_[pos_] == '-')) {
            if (s_[pos_] >= '0' && s_[pos_] <= '9')
                digits = true;
            ++pos_;
        }
        if (!digits)
            return fail("unexpected character");
        std::string token = s_.substr(start, pos_ - start);
        char* endp = nullptr;
        double d = std::strtod(token.c_str(), &endp);
        if (!endp || *endp != '\0' || !std::isfinite(d))
            return fail("invalid number");
        v.kind = JsonValue::Kind::Number;
        v.number = d;
        return true;
    }
};

} // namespace

JsonParse parseJson(const std::string& text, int maxDepth) {
    return Parser(text, maxDepth).run();
}

} // namespace samenspel::net
