// The seat view's words: conditions in a sentence and numbers in the
// language's own way of writing them.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "core/scenario.hpp"
#include "core/text.hpp"
#include "net/seat_view.hpp"

namespace samenspel::net {

namespace {

std::string lookup(const TextLookup& text, const std::string& key) {
    return text ? text(key) : std::string();
}

bool isNameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

void skipSpaces(std::string_view s, std::size_t& i) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
}

// "name OP operand" and nothing else.
struct Comparison {
    std::string left;
    std::string op;
    std::string right;
};

std::optional<Comparison> comparison(std::string_view s) {
    Comparison c;
    std::size_t i = 0;
    skipSpaces(s, i);
    if (i >= s.size() || !isNameStart(s[i]))
        return std::nullopt;
    const std::size_t start = i;
    while (i < s.size() && isNameChar(s[i]))
        ++i;
    c.left = std::string(s.substr(start, i - start));
    skipSpaces(s, i);
    for (const char* op : {"==", "!=", "<=", ">=", "<", ">"}) {
        const std::string_view o(op);
        if (s.substr(i, o.size()) == o) {
            c.op = op;
            i += o.size();
            break;
        }
    }
    if (c.op.empty())
        return std::nullopt;
    skipSpaces(s, i);
    const std::size_t rightStart = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
    c.right = std::string(s.substr(rightStart, i - rightStart));
    skipSpaces(s, i);
    if (c.right.empty() || i != s.size())
        return std::nullopt;
    return c;
}

std::optional<double> number(const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// Splits "a and b and c" at the word "and"; nothing when the expression
// has parentheses, "or" or "not" (then the words could change its meaning).
std::optional<std::vector<std::string_view>> conjuncts(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t partStart = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '(' || s[i] == ')')
            return std::nullopt;
        if (!isNameStart(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && isNameChar(s[j]))
            ++j;
        const std::string_view word = s.substr(i, j - i);
        if (word == "or" || word == "not")
            return std::nullopt;
        if (word == "and") {
            parts.push_back(s.substr(partStart, i - partStart));
            partStart = j;
        }
        i = j;
    }
    parts.push_back(s.substr(partStart));
    return parts;
}

std::string localName(const LocalizedText& name, const std::string& id, const std::string& lang) {
    return name.empty() ? id : name.get(lang);
}

// One comparison in words, or nothing.
std::optional<std::string> sentence(const Scenario& sc, std::string_view part,
                                    const std::string& lang, const TextLookup& text) {
    const std::optional<Comparison> c = comparison(part);
    if (!c)
        return std::nullopt;
    const auto fill = [&](const char* key, const std::string& a,
                          const std::string& b) -> std::optional<std::string> {
        const std::string pattern = lookup(text, key);
        if (pattern.empty())
            return std::nullopt;
        return fillArgs(pattern, {a, b});
    };
    if (c->op == "==" || c->op == "!=") {
        const int issue = sc.issueIndex(c->left);
        if (issue < 0)
            return std::nullopt;
        const int option = sc.optionIndex(issue, c->right);
        if (option < 0)
            return std::nullopt;
        const Issue& is = sc.issues[static_cast<std::size_t>(issue)];
        const Option& o = is.options[static_cast<std::size_t>(option)];
        return fill(c->op == "==" ? "web.cond.is" : "web.cond.is_not",
                    localName(is.name, is.id, lang), localName(o.name, o.id, lang));
    }
    for (const Attribute& attribute : sc.attributes) {
        if (attribute.id != c->left)
            continue;
        const std::optional<double> n = number(c->right);
        if (!n)
            return std::nullopt;
        std::string amount = formatNumberFor(*n, text);
        if (!attribute.unit.empty())
            amount += " " + attribute.unit;
        const char* key = c->op == "<="   ? "web.cond.at_most"
                          : c->op == ">=" ? "web.cond.at_least"
                          : c->op == "<"  ? "web.cond.below"
                                          : "web.cond.above";
        return fill(key, localName(attribute.name, attribute.id, lang), amount);
    }
    return std::nullopt;
}

} // namespace

std::string readableCondition(const Scenario& sc, const std::string& expression,
                              const std::string& lang, const TextLookup& text) {
    const auto parts = conjuncts(expression);
    if (!parts)
        return expression;
    std::optional<std::string> out;
    for (std::string_view part : *parts) {
        std::optional<std::string> words = sentence(sc, part, lang, text);
        if (!words)
            return expression;
        if (!out) {
            out = std::move(words);
            continue;
        }
        const std::string joiner = lookup(text, "web.cond.and");
        if (joiner.empty())
            return expression;
        out = fillArgs(joiner, {*out, *words});
    }
    return out ? *out : expression;
}

std::string formatNumberFor(double value, const TextLookup& text) {
    if (!std::isfinite(value))
        return "–";
    std::string group = lookup(text, "web.number.group");
    std::string decimal = lookup(text, "web.number.decimal");
    if (decimal.empty())
        decimal = ".";
    if (group.empty() && decimal == ".")
        group = ",";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", std::fabs(value));
    std::string digits = buf;
    std::string fraction = digits.substr(digits.find('.') + 1);
    digits.erase(digits.find('.'));
    while (!fraction.empty() && fraction.back() == '0')
        fraction.pop_back();
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += group;
        grouped += digits[i];
    }
    const bool negative = value < 0 && (grouped != "0" || !fraction.empty());
    return (negative ? "-" : "") + grouped + (fraction.empty() ? "" : decimal + fraction);
}

} // namespace samenspel::net
