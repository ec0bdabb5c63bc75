// Rules in words and proposals by number. The sentence builder reads the
// expression text again into a small tree of its own: the compiled form in
// expr.cpp is built for fast evaluation and keeps no names, and a rule that
// reached the screen has already been checked by the loader.
#include "core/wording.hpp"

#include <cctype>
#include <charconv>
#include <memory>
#include <optional>

#include "core/game.hpp"
#include "core/scenario.hpp"
#include "core/text.hpp"

namespace samenspel {

namespace {

// [SECTION] Reading the expression ---------------------------------------------

struct Node {
    enum class Kind { Number, Name, Negate, Not, And, Or, Compare, Arithmetic };
    Kind kind = Kind::Number;
    double number = 0;
    std::string text; // a name, or the operator of Compare / Arithmetic
    std::vector<std::unique_ptr<Node>> children;
};
using NodePtr = std::unique_ptr<Node>;

NodePtr makeNode(Node::Kind kind, std::string text = {}) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->text = std::move(text);
    return n;
}

constexpr int kMaxDepth = 64;

class Reader {
  public:
    explicit Reader(std::string_view s) : s_(s) {}

    NodePtr read() {
        NodePtr n = orExpr();
        skip();
        return ok_ && i_ == s_.size() ? std::move(n) : nullptr;
    }

  private:
    std::string_view s_;
    std::size_t i_ = 0;
    int depth_ = 0;
    bool ok_ = true;

    void skip() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_])))
            ++i_;
    }
    static bool nameStart(char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
    }
    static bool nameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

    bool word(std::string_view w) {
        skip();
        if (s_.substr(i_, w.size()) != w)
            return false;
        const std::size_t end = i_ + w.size();
        if (end < s_.size() && nameChar(s_[end]))
            return false;
        i_ = end;
        return true;
    }
    bool symbol(std::string_view sym) {
        skip();
        if (s_.substr(i_, sym.size()) != sym)
            return false;
        i_ += sym.size();
        return true;
    }
    NodePtr fail() {
        ok_ = false;
        return nullptr;
    }
    NodePtr binary(Node::Kind kind, std::string op, NodePtr left, NodePtr right) {
        if (!left || !right)
            return fail();
        NodePtr n = makeNode(kind, std::move(op));
        n->children.push_back(std::move(left));
        n->children.push_back(std::move(right));
        return n;
    }

    NodePtr orExpr() {
        if (++depth_ > kMaxDepth)
            return fail();
        NodePtr left = andExpr();
        while (ok_ && word("or"))
            left = binary(Node::Kind::Or, "", std::move(left), andExpr());
        --depth_;
        return left;
    }
    NodePtr andExpr() {
        NodePtr left = notExpr();
        while (ok_ && word("and"))
            left = binary(Node::Kind::And, "", std::move(left), notExpr());
        return left;
    }
    NodePtr notExpr() {
        if (word("not")) {
            if (++depth_ > kMaxDepth)
                return fail();
            NodePtr inner = notExpr();
            --depth_;
            if (!inner)
                return fail();
            NodePtr n = makeNode(Node::Kind::Not);
            n->children.push_back(std::move(inner));
            return n;
        }
        return comparison();
    }
    NodePtr comparison() {
        NodePtr left = sum();
        for (const char* op : {"==", "!=", "<=", ">=", "<", ">"})
            if (symbol(op))
                return binary(Node::Kind::Compare, op, std::move(left), sum());
        return left;
    }
    NodePtr sum() {
        NodePtr left = product();
        while (ok_) {
            if (symbol("+"))
                left = binary(Node::Kind::Arithmetic, "+", std::move(left), product());
            else if (symbol("-"))
                left = binary(Node::Kind::Arithmetic, "-", std::move(left), product());
            else
                break;
        }
        return left;
    }
    NodePtr product() {
        NodePtr left = unary();
        while (ok_) {
            if (symbol("*"))
                left = binary(Node::Kind::Arithmetic, "*", std::move(left), unary());
            else if (symbol("/"))
                left = binary(Node::Kind::Arithmetic, "/", std::move(left), unary());
            else
                break;
        }
        return left;
    }
    NodePtr unary() {
        if (symbol("-")) {
            if (++depth_ > kMaxDepth)
                return fail();
            NodePtr inner = unary();
            --depth_;
            if (!inner)
                return fail();
            NodePtr n = makeNode(Node::Kind::Negate);
            n->children.push_back(std::move(inner));
            return n;
        }
        return primary();
    }
    NodePtr primary() {
        skip();
        if (i_ >= s_.size())
            return fail();
        if (symbol("(")) {
            NodePtr inner = orExpr();
            if (!symbol(")"))
                return fail();
            return inner;
        }
        const char c = s_[i_];
        if (nameStart(c)) {
            const std::size_t start = i_;
            while (i_ < s_.size() && nameChar(s_[i_]))
                ++i_;
            return makeNode(Node::Kind::Name, std::string(s_.substr(start, i_ - start)));
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            double v = 0;
            const auto [end, ec] = std::from_chars(s_.data() + i_, s_.data() + s_.size(), v);
            if (ec != std::errc())
                return fail();
            i_ = static_cast<std::size_t>(end - s_.data());
            NodePtr n = makeNode(Node::Kind::Number);
            n->number = v;
            return n;
        }
        return fail();
    }
};

// [SECTION] Writing it in words ---------------------------------------------------

class Writer {
  public:
    Writer(const Scenario& sc, std::string_view lang, const WordLookup& words,
           const std::vector<double>* resources)
        : sc_(sc), lang_(lang), words_(words),
          resources_(resources ? *resources : sc.resourceValues) {}

    // The whole rule in words, or nothing when a word is missing.
    std::optional<std::string> sentence(const Node& n) {
        std::optional<std::string> s = claim(n, false);
        if (!s || missing_)
            return std::nullopt;
        // "niet tegelijk ..." opens a line on a card: capitalise it.
        if (!s->empty() && std::islower(static_cast<unsigned char>((*s)[0])))
            (*s)[0] = static_cast<char>(std::toupper(static_cast<unsigned char>((*s)[0])));
        return s;
    }

  private:
    const Scenario& sc_;
    std::string lang_;
    const WordLookup& words_;
    const std::vector<double>& resources_;
    bool missing_ = false;

    std::string pattern(const std::string& key) {
        std::string text = words_ ? words_(key) : std::string();
        if (text.empty() || text == key) {
            missing_ = true;
            return {};
        }
        return text;
    }
    std::string fill(const std::string& key, const std::vector<std::string>& args) {
        return fillArgs(pattern(key), args);
    }

    static std::string nameIn(const LocalizedText& name, const std::string& id,
                              const std::string& lang) {
        const std::string& text = name.empty() ? id : name.get(lang);
        return text.empty() ? id : text;
    }
    int attributeOf(const std::string& id) const {
        for (std::size_t a = 0; a < sc_.attributes.size(); ++a)
            if (sc_.attributes[a].id == id)
                return static_cast<int>(a);
        return -1;
    }

    // The unit a side of a comparison is counted in: the first attribute in it.
    std::string unitOf(const Node& n) const {
        if (n.kind == Node::Kind::Name) {
            const int a = attributeOf(n.text);
            return a >= 0 ? sc_.attributes[static_cast<std::size_t>(a)].unit : std::string();
        }
        for (const NodePtr& child : n.children)
            if (std::string u = unitOf(*child); !u.empty())
                return u;
        return {};
    }

    // A number-valued part; `unit` is the unit of the other side, for
    // numbers and resources that stand for an amount of it.
    std::string amount(const Node& n, const std::string& unit) {
        switch (n.kind) {
        case Node::Kind::Number:
            return formatQuantity(n.number, unit, lang_);
        case Node::Kind::Name: {
            if (const int a = attributeOf(n.text); a >= 0)
                return nameIn(sc_.attributes[static_cast<std::size_t>(a)].name, n.text, lang_);
            if (const int r = sc_.resourceIndex(n.text);
                r >= 0 && r < static_cast<int>(resources_.size()))
                return formatQuantity(resources_[static_cast<std::size_t>(r)], unit, lang_);
            return n.text;
        }
        case Node::Kind::Negate:
            return fill("cond.negative", {amount(*n.children[0], unit)});
        case Node::Kind::Arithmetic: {
            const char* key = n.text == "+"   ? "cond.plus"
                              : n.text == "-" ? "cond.minus"
                              : n.text == "*" ? "cond.times"
                                              : "cond.divided_by";
            // A divisor or factor is a count, not an amount of the unit.
            const bool scale = n.text == "*" || n.text == "/";
            return fill(key, {amount(*n.children[0], unit),
                              amount(*n.children[1], scale ? std::string() : unit)});
        }
        default:
            missing_ = true;
            return {};
        }
    }

    // An issue compared with one of its options, either way round.
    std::optional<std::string> choice(const Node& n, bool negated) {
        const Node& l = *n.children[0];
        const Node& r = *n.children[1];
        if (l.kind != Node::Kind::Name || r.kind != Node::Kind::Name)
            return std::nullopt;
        for (const Node* issueNode : {&l, &r}) {
            const Node* optionNode = issueNode == &l ? &r : &l;
            const int issue = sc_.issueIndex(issueNode->text);
            if (issue < 0)
                continue;
            const int option = sc_.optionIndex(issue, optionNode->text);
            if (option < 0)
                continue;
            const Issue& is = sc_.issues[static_cast<std::size_t>(issue)];
            const Option& o = is.options[static_cast<std::size_t>(option)];
            const bool is_ = (n.text == "==") != negated;
            return fill(is_ ? "cond.is" : "cond.is_not",
                        {nameIn(is.name, is.id, lang_), nameIn(o.name, o.id, lang_)});
        }
        return std::nullopt;
    }

    std::string compare(const Node& n, bool negated) {
        if (n.text == "==" || n.text == "!=")
            if (std::optional<std::string> c = choice(n, negated))
                return *c;
        // "not (a <= 5)" reads as "a hoger dan 5".
        std::string op = n.text;
        if (negated)
            op = op == "=="   ? "!="
                 : op == "!=" ? "=="
                 : op == "<=" ? ">"
                 : op == ">=" ? "<"
                 : op == "<"  ? ">="
                              : "<=";
        const std::string leftUnit = unitOf(*n.children[0]);
        const std::string rightUnit = unitOf(*n.children[1]);
        const std::string left = amount(*n.children[0], rightUnit);
        const std::string right = amount(*n.children[1], leftUnit);
        const char* key = op == "=="   ? "cond.equals"
                          : op == "!=" ? "cond.differs"
                          : op == "<=" ? "cond.at_most"
                          : op == ">=" ? "cond.at_least"
                          : op == "<"  ? "cond.below"
                                       : "cond.above";
        return fill(key, {left, right});
    }

    // Every part of a chain of the same kind ("a and b and c"), in order.
    static void flatten(const Node& n, Node::Kind kind, std::vector<const Node*>& out) {
        if (n.kind == kind) {
            for (const NodePtr& child : n.children)
                flatten(*child, kind, out);
            return;
        }
        out.push_back(&n);
    }

    // "a, b en c" / "a, b of c".
    std::string list(const std::vector<std::string>& parts, const char* lastKey) {
        std::string out = parts.front();
        for (std::size_t i = 1; i < parts.size(); ++i)
            out = fill(i + 1 == parts.size() ? lastKey : "cond.comma", {out, parts[i]});
        return out;
    }

    // A part inside a list of the other kind ("a of (b en c)") is grouped.
    std::optional<std::string> part(const Node& n, bool negated, Node::Kind outer) {
        std::optional<std::string> s = claim(n, negated);
        if (!s)
            return s;
        const bool inner =
            (n.kind == Node::Kind::And || n.kind == Node::Kind::Or) && (n.kind != outer || negated);
        return inner ? fill("cond.group", {*s}) : *s;
    }

    std::optional<std::string> claim(const Node& n, bool negated) {
        switch (n.kind) {
        case Node::Kind::Compare:
            return compare(n, negated);
        case Node::Kind::Not:
            return claim(*n.children[0], !negated);
        case Node::Kind::And:
        case Node::Kind::Or: {
            std::vector<const Node*> nodes;
            flatten(n, n.kind, nodes);
            // Not (a or b) is neither: every part turned round, joined by "and".
            const bool both = n.kind == Node::Kind::And;
            const bool partsNegated = negated && !both;
            const Node::Kind joined = both || negated ? Node::Kind::And : Node::Kind::Or;
            std::vector<std::string> parts;
            for (const Node* child : nodes) {
                std::optional<std::string> s = part(*child, partsNegated, joined);
                if (!s)
                    return s;
                parts.push_back(*s);
            }
            const std::string all = list(parts, joined == Node::Kind::And ? "cond.and" : "cond.or");
            // Not (a and b): "niet tegelijk a en b".
            if (negated && both)
                return fill(parts.size() == 2 ? "cond.not_both" : "cond.not_all", {all});
            return all;
        }
        default:
            // A bare number or name where a yes/no belongs: the loader refuses
            // it, so this is a rule from somewhere else. Leave it to the caller.
            return std::nullopt;
        }
    }
};

// The rule with names for ids and nothing else changed: readable when the
// catalog lacks the words, or the text is not a rule the loader accepts.
std::string namesOnly(const Scenario& sc, std::string_view expression, const std::string& lang) {
    const auto nameOf = [&](const std::string& id) -> std::string {
        for (const Issue& issue : sc.issues) {
            if (issue.id == id)
                return issue.name.empty() ? id : issue.name.get(lang);
            for (const Option& option : issue.options)
                if (option.id == id)
                    return option.name.empty() ? id : option.name.get(lang);
        }
        for (const Attribute& attribute : sc.attributes)
            if (attribute.id == id)
                return attribute.name.empty() ? id : attribute.name.get(lang);
        return id;
    };
    std::string out;
    for (std::size_t i = 0; i < expression.size();) {
        const char ch = expression[i];
        if (std::isalpha(static_cast<unsigned char>(ch)) || ch == '_') {
            std::size_t j = i;
            while (
                j < expression.size() &&
                (std::isalnum(static_cast<unsigned char>(expression[j])) || expression[j] == '_'))
                ++j;
            out += nameOf(std::string(expression.substr(i, j - i)));
            i = j;
            continue;
        }
        out += ch;
        ++i;
    }
    return out;
}

} // namespace

std::string conditionSentence(const Scenario& sc, std::string_view expression,
                              std::string_view lang, const WordLookup& words,
                              const std::vector<double>* resources) {
    const std::string language(lang);
    if (NodePtr tree = Reader(expression).read()) {
        Writer writer(sc, language, words, resources);
        if (std::optional<std::string> s = writer.sentence(*tree))
            return *s;
    }
    return namesOnly(sc, expression, language);
}

std::string preconditionSentence(const Scenario& sc, const Precondition& precondition,
                                 std::string_view lang, const WordLookup& words,
                                 const std::vector<double>* resources) {
    const std::string language(lang);
    if (!precondition.inWords.empty()) {
        const std::string& own = precondition.inWords.get(language);
        if (!own.empty())
            return own;
    }
    return conditionSentence(sc, precondition.require.source(), lang, words, resources);
}

ProposalNumber proposalNumber(const GameState& state, int proposalId) {
    ProposalNumber out;
    if (proposalId < 0 || proposalId >= static_cast<int>(state.proposals.size()))
        return out;
    int root = proposalId;
    // Guarded walk: a parent always comes before its amendment, so the
    // index strictly falls; anything else is a damaged state.
    while (state.proposals[static_cast<std::size_t>(root)].parent >= 0 &&
           state.proposals[static_cast<std::size_t>(root)].parent < root)
        root = state.proposals[static_cast<std::size_t>(root)].parent;
    for (int i = 0; i <= root; ++i)
        if (state.proposals[static_cast<std::size_t>(i)].parent < 0)
            ++out.number;
    out.version = state.proposals[static_cast<std::size_t>(proposalId)].version;
    return out;
}

} // namespace samenspel
