#pragma once
// Errors are values at the engine boundary: a problem in a scenario or a log
// is a Diagnostic that names file, line and column (1-based), never an
// exception that reaches the UI.
#include <cstddef>
#include <string>
#include <vector>

namespace samenspel {

struct SourcePos {
    int line = 0;   // 1-based; 0 = unknown
    int column = 0; // 1-based; 0 = unknown
};

struct Diagnostic {
    std::string file;
    SourcePos pos;
    std::string message;  // complete sentence a scenario author understands
    std::string keyPath;  // e.g. roles[2].preconditions[0].require (may be empty)
    bool note = false;    // worth knowing, but nothing is wrong: "note:" instead of "error:"
    bool warning = false; // loads, but may not do what the author meant: "warning:"

    // "FILE:LINE:COL: error: MESSAGE (at KEYPATH)"
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

// Line and column of the byte at `offset` in `text` (past the end: where the text ends).
SourcePos positionIn(const std::string& text, std::size_t offset);

// Closest candidate by edit distance, for "did you mean ...?"; empty when
// nothing is close enough to be a plausible typo.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

} // namespace samenspel
