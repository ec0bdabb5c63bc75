#pragma once
// The expression language of `require`, `condition` and ja-mits conditions:
// numbers, attribute names (summed over the chosen options), resource names,
// `issue == option` / `issue != option`, + - * /, comparisons, and/or/not,
// parentheses. Expressions are parsed and type-checked once, against the
// scenario's names, and then evaluated many times (analysis evaluates them
// millions of times a second, so evaluation must not allocate).
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace samenspel {

struct Scenario;

// One chosen option index per issue, in the scenario's issue order.
using Package = std::vector<int>;

// The names an expression may use, in scenario order.
struct ExprNames {
    std::vector<std::string> attributes;
    std::vector<std::string> resources;
    std::vector<std::string> issues;
    std::vector<std::vector<std::string>> options; // per issue
};

struct ExprNode; // defined in expr.cpp

// What an expression needs at evaluation time.
struct ExprInputs {
    const std::vector<double>* attributeTotals = nullptr; // per attribute, summed over the package
    const std::vector<double>* resources = nullptr;       // current resource values
    const Package* package = nullptr;                     // chosen option per issue
};

class Expression {
public:
    Expression() = default;
    const std::string& source() const { return source_; }
    SourcePos pos() const { return pos_; } // where the source text starts in its file
    bool valid() const { return root_ != nullptr; }
    bool isBoolean() const;
    double evaluate(const ExprInputs& in) const; // booleans yield 1 or 0
    bool holds(const ExprInputs& in) const { return evaluate(in) != 0.0; }

private:
    friend struct ExprParser;
    std::string source_;
    SourcePos pos_;
    std::shared_ptr<const ExprNode> root_;
};

struct ExprParseResult {
    Expression expression; // valid() only when errors is empty
    Diagnostics errors;    // positions are inside the file when `start` was given
};

// Parses `text`; `start` is the position of the text's first character in its
// file, so errors point at the exact column inside the expression.
// When `wantBoolean` is set, a numeric expression is a type error.
ExprParseResult parseExpression(const std::string& text, const ExprNames& names,
                                bool wantBoolean, const std::string& file = "",
                                SourcePos start = {1, 1});
// Same, with the file position of every byte of `text` (plus one for its end),
// for text that spans lines or came from a quoted YAML scalar.
ExprParseResult parseExpression(const std::string& text, const ExprNames& names,
                                bool wantBoolean, const std::string& file,
                                const std::vector<SourcePos>& positions);

} // namespace samenspel
