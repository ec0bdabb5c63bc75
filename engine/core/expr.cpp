// The expression language: a recursive-descent parser that type-checks while
// it parses, and compiles to a flat array of plain nodes. Evaluation walks
// that array by index and never allocates, because analysis evaluates
// preconditions tens of millions of times a second.
#include "core/expr.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>

namespace samenspel {

struct ExprInstr {
    enum class Op : std::uint8_t {
        Number,
        Attribute,
        Resource,
        IssueIs,    // a = issue, b = option
        IssueIsNot, // a = issue, b = option
        Negate,
        Not,
        Add,
        Subtract,
        Multiply,
        Divide,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Equal,
        NotEqual,
        And,
        Or,
    };
    Op op = Op::Number;
    int a = -1; // child index, or attribute/resource/issue index
    int b = -1; // child index, or option index
    double number = 0.0;
};

struct ExprNode {
    std::vector<ExprInstr> code;
    int root = -1;
    bool boolean = false;
};

namespace {

using Op = ExprInstr::Op;

double evalAt(const ExprInstr* code, int i, const ExprInputs& in) {
    const ExprInstr& n = code[i];
    switch (n.op) {
    case Op::Number:
        return n.number;
    case Op::Attribute:
        return in.attributeTotals && n.a < static_cast<int>(in.attributeTotals->size())
                   ? (*in.attributeTotals)[n.a]
                   : 0.0;
    case Op::Resource:
        return in.resources && n.a < static_cast<int>(in.resources->size()) ? (*in.resources)[n.a]
                                                                            : 0.0;
    case Op::IssueIs:
    case Op::IssueIsNot: {
        // Without a package nothing has been chosen yet: neither "is" nor
        // "is not" holds, so a condition on a choice never fires early.
        if (!in.package || n.a >= static_cast<int>(in.package->size()))
            return 0.0;
        const bool chosen = (*in.package)[n.a] == n.b;
        return (n.op == Op::IssueIs) == chosen ? 1.0 : 0.0;
    }
    case Op::Negate:
        return -evalAt(code, n.a, in);
    case Op::Not:
        return evalAt(code, n.a, in) != 0.0 ? 0.0 : 1.0;
    case Op::Add:
        return evalAt(code, n.a, in) + evalAt(code, n.b, in);
    case Op::Subtract:
        return evalAt(code, n.a, in) - evalAt(code, n.b, in);
    case Op::Multiply:
        return evalAt(code, n.a, in) * evalAt(code, n.b, in);
    case Op::Divide: {
        // Division by zero gives 0: a scenario author's "cost / months" with an
        // option of 0 months must not turn into infinity or NaN, which would
        // make every comparison after it silently false and differ between
        // platforms. 0 is deterministic and easy to explain.
        const double divisor = evalAt(code, n.b, in);
        return divisor == 0.0 ? 0.0 : evalAt(code, n.a, in) / divisor;
    }
    case Op::Less:
        return evalAt(code, n.a, in) < evalAt(code, n.b, in) ? 1.0 : 0.0;
    case Op::LessEqual:
        return evalAt(code, n.a, in) <= evalAt(code, n.b, in) ? 1.0 : 0.0;
    case Op::Greater:
        return evalAt(code, n.a, in) > evalAt(code, n.b, in) ? 1.0 : 0.0;
    case Op::GreaterEqual:
        return evalAt(code, n.a, in) >= evalAt(code, n.b, in) ? 1.0 : 0.0;
    case Op::Equal:
        return evalAt(code, n.a, in) == evalAt(code, n.b, in) ? 1.0 : 0.0;
    case Op::NotEqual:
        return evalAt(code, n.a, in) != evalAt(code, n.b, in) ? 1.0 : 0.0;
    case Op::And:
        return evalAt(code, n.a, in) != 0.0 && evalAt(code, n.b, in) != 0.0 ? 1.0 : 0.0;
    case Op::Or:
        return evalAt(code, n.a, in) != 0.0 || evalAt(code, n.b, in) != 0.0 ? 1.0 : 0.0;
    }
    return 0.0;
}

enum class TokenKind { Number, Name, Symbol, End };

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    size_t offset = 0;
    double number = 0.0;
};

enum class Type { Number, Boolean, Issue, Unknown, Error };

struct Operand {
    int node = -1;
    Type type = Type::Error;
    size_t offset = 0;
    std::string name; // set when the operand is a bare name (issue, option or unknown)
    int issue = -1;
};

constexpr int kMaxDepth = 64;

struct SyntaxError {};

} // namespace

struct ExprParser {
    const std::string& text;
    const ExprNames& names;
    const std::string& file;
    const std::vector<SourcePos>& positions;
    Diagnostics errors;
    std::vector<Token> tokens;
    size_t current = 0;
    int depth = 0;
    ExprNode program;

    SourcePos posAt(size_t offset) const {
        if (positions.empty())
            return {};
        return positions[std::min(offset, positions.size() - 1)];
    }

    void error(size_t offset, std::string message) {
        errors.push_back({file, posAt(offset), std::move(message), {}});
    }

    [[noreturn]] void fail(size_t offset, std::string message) {
        error(offset, std::move(message));
        throw SyntaxError{};
    }

    // --- tokens -------------------------------------------------------------

    static bool isNameStart(char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
    }
    static bool isNameChar(char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    }

    void tokenize() {
        size_t i = 0;
        while (i < text.size()) {
            const char c = text[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++i;
                continue;
            }
            Token token;
            token.offset = i;
            if (std::isdigit(static_cast<unsigned char>(c)) ||
                (c == '.' && i + 1 < text.size() &&
                 std::isdigit(static_cast<unsigned char>(text[i + 1])))) {
                size_t end = i;
                while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])))
                    ++end;
                if (end < text.size() && text[end] == '.') {
                    ++end;
                    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])))
                        ++end;
                }
                if (end < text.size() && isNameChar(text[end]))
                    fail(i, "'" + text.substr(i, end - i + 1) +
                                "' is not a number or a name (a name starts with a letter)");
                token.kind = TokenKind::Number;
                token.text = text.substr(i, end - i);
                const auto result =
                    std::from_chars(text.data() + i, text.data() + end, token.number);
                if (result.ec != std::errc())
                    fail(i, "the number '" + token.text + "' is too large");
                i = end;
            } else if (isNameStart(c)) {
                size_t end = i;
                while (end < text.size() && isNameChar(text[end]))
                    ++end;
                token.kind = TokenKind::Name;
                token.text = text.substr(i, end - i);
                i = end;
            } else {
                const std::string two = text.substr(i, 2);
                token.kind = TokenKind::Symbol;
                if (two == "==" || two == "!=" || two == "<=" || two == ">=") {
                    token.text = two;
                    i += 2;
                } else if (two == "&&") {
                    fail(i, "use 'and' instead of '&&'");
                } else if (two == "||") {
                    fail(i, "use 'or' instead of '||'");
                } else if (c == '=') {
                    fail(i, "use '==' to compare; a single '=' is not an operator");
                } else if (c == '!') {
                    fail(i, "use 'not' instead of '!'");
                } else if (std::string("+-*/<>()").find(c) != std::string::npos) {
                    token.text = std::string(1, c);
                    ++i;
                } else {
                    size_t length = 1;
                    // Show a whole UTF-8 character, not one byte of it.
                    while (i + length < text.size() && (text[i + length] & 0xC0) == 0x80)
                        ++length;
                    fail(i, "unexpected character '" + text.substr(i, length) + "' in expression");
                }
            }
            tokens.push_back(std::move(token));
        }
        Token end;
        end.offset = text.size();
        tokens.push_back(end);
    }

    const Token& peek() const { return tokens[current]; }
    bool peekSymbol(const char* symbol) const {
        return peek().kind == TokenKind::Symbol && peek().text == symbol;
    }
    bool peekWord(const char* word) const {
        return peek().kind == TokenKind::Name && peek().text == word;
    }

    std::string describe(const Token& t) const {
        return t.kind == TokenKind::End ? std::string("the end of the expression")
                                        : "'" + t.text + "'";
    }

    // --- nodes --------------------------------------------------------------

    int emit(ExprInstr instr) {
        program.code.push_back(instr);
        return static_cast<int>(program.code.size()) - 1;
    }

    int emitBinary(Op op, int a, int b) {
        ExprInstr instr;
        instr.op = op;
        instr.a = a;
        instr.b = b;
        return emit(instr);
    }

    // --- type checks --------------------------------------------------------

    // Reports a bare name that cannot stand on its own here; returns false
    // when the operand is unusable.
    bool settleName(Operand& operand) {
        if (operand.type == Type::Unknown) {
            reportUnknownName(operand);
            operand.type = Type::Error;
        } else if (operand.type == Type::Issue) {
            const auto& options = names.options[operand.issue];
            error(operand.offset,
                  "'" + operand.name + "' is an issue; compare it with one of its options, like '" +
                      operand.name + " == " + (options.empty() ? "option" : options.front()) + "'");
            operand.type = Type::Error;
        }
        return operand.type != Type::Error;
    }

    void reportUnknownName(const Operand& operand) {
        for (size_t i = 0; i < names.options.size(); ++i) {
            for (const std::string& option : names.options[i]) {
                if (option == operand.name) {
                    error(operand.offset, "'" + operand.name + "' is an option of issue '" +
                                              names.issues[i] + "'; write '" + names.issues[i] +
                                              " == " + operand.name + "'");
                    return;
                }
            }
        }
        std::vector<std::string> all = names.attributes;
        all.insert(all.end(), names.resources.begin(), names.resources.end());
        all.insert(all.end(), names.issues.begin(), names.issues.end());
        std::string message = "unknown name '" + operand.name + "'";
        const std::string suggestion = closestMatch(operand.name, all);
        if (!suggestion.empty())
            message += "; did you mean '" + suggestion + "'?";
        else if (all.empty())
            message += "; this scenario has no attributes, resources or issues to refer to";
        else
            message += "; expressions can use attribute, resource and issue names";
        error(operand.offset, message);
    }

    void requireType(Operand& operand, Type wanted, const std::string& what) {
        if (!settleName(operand))
            return;
        if (operand.type != wanted) {
            error(operand.offset, what + (operand.type == Type::Boolean
                                              ? " is a condition (true or false), not a number"
                                              : " is a number, not a condition"));
            operand.type = Type::Error;
        }
    }

    // --- grammar ------------------------------------------------------------
    // or < and < not < comparison < + - < * / < unary minus < primary

    struct DepthGuard {
        ExprParser& parser;
        DepthGuard(ExprParser& p, size_t offset) : parser(p) {
            if (++parser.depth > kMaxDepth)
                parser.fail(offset, "the expression is nested too deeply (more than 64 levels)");
        }
        ~DepthGuard() { --parser.depth; }
    };

    Operand parseOr() {
        DepthGuard guard(*this, peek().offset);
        Operand left = parseAnd();
        while (peekWord("or")) {
            const size_t at = peek().offset;
            ++current;
            Operand right = parseAnd();
            left = logical(Op::Or, "or", left, right, at);
        }
        return left;
    }

    Operand parseAnd() {
        Operand left = parseNot();
        while (peekWord("and")) {
            const size_t at = peek().offset;
            ++current;
            Operand right = parseNot();
            left = logical(Op::And, "and", left, right, at);
        }
        return left;
    }

    Operand logical(Op op, const std::string& word, Operand& left, Operand& right, size_t) {
        requireType(left, Type::Boolean, "the left side of '" + word + "'");
        requireType(right, Type::Boolean, "the right side of '" + word + "'");
        Operand result;
        result.offset = left.offset;
        result.node = emitBinary(op, left.node, right.node);
        result.type =
            left.type == Type::Error || right.type == Type::Error ? Type::Error : Type::Boolean;
        return result;
    }

    Operand parseNot() {
        if (peekWord("not")) {
            DepthGuard guard(*this, peek().offset);
            const size_t at = peek().offset;
            ++current;
            Operand inner = parseNot();
            requireType(inner, Type::Boolean, "what follows 'not'");
            Operand result;
            result.offset = at;
            result.node = emitBinary(Op::Not, inner.node, -1);
            result.type = inner.type == Type::Error ? Type::Error : Type::Boolean;
            return result;
        }
        return parseComparison();
    }

    static bool isComparison(const Token& t) {
        if (t.kind != TokenKind::Symbol)
            return false;
        return t.text == "==" || t.text == "!=" || t.text == "<" || t.text == "<=" ||
               t.text == ">" || t.text == ">=";
    }

    Operand parseComparison() {
        Operand left = parseSum();
        if (!isComparison(peek()))
            return left;
        const Token opToken = peek();
        ++current;
        Operand right = parseSum();
        if (isComparison(peek()))
            fail(peek().offset, "comparisons cannot be chained; combine them with 'and', like "
                                "'a < b and b < c'");
        const bool equality = opToken.text == "==" || opToken.text == "!=";
        if (equality && (left.type == Type::Issue || right.type == Type::Issue))
            return issueComparison(opToken, left, right);
        const std::string what = "'" + opToken.text + "' compares numbers, but its ";
        requireType(left, Type::Number, what + "left side");
        requireType(right, Type::Number, what + "right side");
        Op op = Op::Equal;
        if (opToken.text == "!=")
            op = Op::NotEqual;
        else if (opToken.text == "<")
            op = Op::Less;
        else if (opToken.text == "<=")
            op = Op::LessEqual;
        else if (opToken.text == ">")
            op = Op::Greater;
        else if (opToken.text == ">=")
            op = Op::GreaterEqual;
        Operand result;
        result.offset = left.offset;
        result.node = emitBinary(op, left.node, right.node);
        result.type =
            left.type == Type::Error || right.type == Type::Error ? Type::Error : Type::Boolean;
        return result;
    }

    Operand issueComparison(const Token& opToken, Operand& left, Operand& right) {
        Operand& issue = left.type == Type::Issue ? left : right;
        Operand& option = left.type == Type::Issue ? right : left;
        Operand result;
        result.offset = left.offset;
        result.type = Type::Error;
        if (option.name.empty()) {
            error(option.offset,
                  "'" + issue.name +
                      "' can only be compared with one of its "
                      "options by name, like '" +
                      issue.name + " == " +
                      (names.options[issue.issue].empty() ? std::string("option")
                                                          : names.options[issue.issue].front()) +
                      "'");
            return result;
        }
        const auto& options = names.options[issue.issue];
        int optionIndex = -1;
        for (size_t i = 0; i < options.size(); ++i)
            if (options[i] == option.name)
                optionIndex = static_cast<int>(i);
        if (optionIndex < 0) {
            std::string message =
                "'" + option.name + "' is not an option of issue '" + issue.name + "'";
            const std::string suggestion = closestMatch(option.name, options);
            if (!suggestion.empty())
                message += "; did you mean '" + suggestion + "'?";
            else {
                message += "; its options are ";
                for (size_t i = 0; i < options.size(); ++i)
                    message += (i ? ", " : "") + options[i];
            }
            error(option.offset, message);
            return result;
        }
        ExprInstr instr;
        instr.op = opToken.text == "==" ? Op::IssueIs : Op::IssueIsNot;
        instr.a = issue.issue;
        instr.b = optionIndex;
        result.node = emit(instr);
        result.type = Type::Boolean;
        return result;
    }

    Operand parseSum() {
        Operand left = parseProduct();
        while (peekSymbol("+") || peekSymbol("-")) {
            const std::string symbol = peek().text;
            ++current;
            Operand right = parseProduct();
            left = arithmetic(symbol == "+" ? Op::Add : Op::Subtract, symbol, left, right);
        }
        return left;
    }

    Operand parseProduct() {
        Operand left = parseUnary();
        while (peekSymbol("*") || peekSymbol("/")) {
            const std::string symbol = peek().text;
            ++current;
            Operand right = parseUnary();
            left = arithmetic(symbol == "*" ? Op::Multiply : Op::Divide, symbol, left, right);
        }
        return left;
    }

    Operand arithmetic(Op op, const std::string& symbol, Operand& left, Operand& right) {
        requireType(left, Type::Number, "the left side of '" + symbol + "'");
        requireType(right, Type::Number, "the right side of '" + symbol + "'");
        Operand result;
        result.offset = left.offset;
        result.node = emitBinary(op, left.node, right.node);
        result.type =
            left.type == Type::Error || right.type == Type::Error ? Type::Error : Type::Number;
        return result;
    }

    Operand parseUnary() {
        if (peekSymbol("-")) {
            DepthGuard guard(*this, peek().offset);
            const size_t at = peek().offset;
            ++current;
            Operand inner = parseUnary();
            requireType(inner, Type::Number, "what follows '-'");
            Operand result;
            result.offset = at;
            result.node = emitBinary(Op::Negate, inner.node, -1);
            result.type = inner.type == Type::Error ? Type::Error : Type::Number;
            return result;
        }
        return parsePrimary();
    }

    Operand parsePrimary() {
        const Token token = peek();
        Operand result;
        result.offset = token.offset;
        if (token.kind == TokenKind::Number) {
            ++current;
            ExprInstr instr;
            instr.op = Op::Number;
            instr.number = token.number;
            result.node = emit(instr);
            result.type = Type::Number;
            return result;
        }
        if (token.kind == TokenKind::Name && token.text != "and" && token.text != "or" &&
            token.text != "not") {
            ++current;
            return resolveName(token);
        }
        if (token.kind == TokenKind::Symbol && token.text == "(") {
            DepthGuard guard(*this, token.offset);
            ++current;
            Operand inner = parseOr();
            if (!peekSymbol(")"))
                fail(peek().offset, "expected ')' to close the '(' at column " +
                                        std::to_string(posAt(token.offset).column) + ", found " +
                                        describe(peek()));
            ++current;
            inner.offset = token.offset;
            inner.name.clear(); // "(locatie)" is not a bare name any more
            if (inner.type == Type::Issue || inner.type == Type::Unknown) {
                Operand copy = inner;
                settleName(copy);
                inner.type = Type::Error;
            }
            return inner;
        }
        if (token.kind == TokenKind::End) {
            if (current == 0)
                fail(token.offset, "the expression is empty");
            fail(token.offset, "the expression ends too early: expected a number or a name after " +
                                   describe(tokens[current - 1]));
        }
        fail(token.offset, "expected a number or a name, found " + describe(token));
    }

    Operand resolveName(const Token& token) {
        Operand result;
        result.offset = token.offset;
        result.name = token.text;
        for (size_t i = 0; i < names.attributes.size(); ++i) {
            if (names.attributes[i] == token.text) {
                ExprInstr instr;
                instr.op = Op::Attribute;
                instr.a = static_cast<int>(i);
                result.node = emit(instr);
                result.type = Type::Number;
                return result;
            }
        }
        for (size_t i = 0; i < names.resources.size(); ++i) {
            if (names.resources[i] == token.text) {
                ExprInstr instr;
                instr.op = Op::Resource;
                instr.a = static_cast<int>(i);
                result.node = emit(instr);
                result.type = Type::Number;
                return result;
            }
        }
        for (size_t i = 0; i < names.issues.size() && i < names.options.size(); ++i) {
            if (names.issues[i] == token.text) {
                result.type = Type::Issue;
                result.issue = static_cast<int>(i);
                return result;
            }
        }
        result.type = Type::Unknown;
        return result;
    }

    void parse(bool wantBoolean) {
        tokenize();
        Operand top = parseOr();
        if (peek().kind != TokenKind::End) {
            if (peek().kind == TokenKind::Symbol && peek().text == ")")
                fail(peek().offset, "')' has no matching '('");
            fail(peek().offset,
                 "expected an operator or the end of the expression, found " + describe(peek()));
        }
        if (!settleName(top))
            return;
        if (wantBoolean && top.type == Type::Number)
            error(0, "expected a condition that is true or false, like 'cost <= budget', but '" +
                         text + "' is a number");
        program.root = top.node;
        program.boolean = top.type == Type::Boolean;
    }

    void finish(Expression& expression) {
        expression.source_ = text;
        expression.pos_ = positions.empty() ? SourcePos{} : positions.front();
        expression.root_ = std::make_shared<const ExprNode>(std::move(program));
    }
};

bool Expression::isBoolean() const {
    return root_ && root_->boolean;
}

double Expression::evaluate(const ExprInputs& in) const {
    if (!root_ || root_->root < 0)
        return 0.0;
    return evalAt(root_->code.data(), root_->root, in);
}

ExprParseResult parseExpression(const std::string& text, const ExprNames& names, bool wantBoolean,
                                const std::string& file, const std::vector<SourcePos>& positions) {
    ExprParseResult result;
    ExprParser parser{text, names, file, positions, {}, {}, 0, 0, {}};
    try {
        parser.parse(wantBoolean);
    } catch (const SyntaxError&) {
    }
    result.errors = std::move(parser.errors);
    if (result.errors.empty() && parser.program.root >= 0)
        parser.finish(result.expression);
    return result;
}

ExprParseResult parseExpression(const std::string& text, const ExprNames& names, bool wantBoolean,
                                const std::string& file, SourcePos start) {
    // One position per byte plus one for the end, all on the start's line.
    std::vector<SourcePos> positions;
    positions.reserve(text.size() + 1);
    for (size_t i = 0; i <= text.size(); ++i)
        positions.push_back({start.line, start.column + static_cast<int>(i)});
    return parseExpression(text, names, wantBoolean, file, positions);
}

} // namespace samenspel
