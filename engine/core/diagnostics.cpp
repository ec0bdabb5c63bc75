#include "core/diagnostics.hpp"

#include <algorithm>
#include <cctype>

namespace samenspel {

std::string Diagnostic::format() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (pos.line > 0) {
        out += ':' + std::to_string(pos.line);
        if (pos.column > 0)
            out += ':' + std::to_string(pos.column);
    }
    out += (note ? ": note: " : warning ? ": warning: " : ": error: ") + message;
    if (!keyPath.empty())
        out += " (at " + keyPath + ")";
    return out;
}

SourcePos positionIn(const std::string& text, std::size_t offset) {
    SourcePos pos{1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
    }
    return pos;
}

namespace {

std::string lowered(const std::string& s) {
    std::string out = s;
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Optimal string alignment distance: Levenshtein plus swapping two
// neighbouring letters counts as one edit, the most common typing slip.
int editDistance(const std::string& a, const std::string& b) {
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (size_t i = 0; i <= n; ++i)
        d[i][0] = static_cast<int>(i);
    for (size_t j = 0; j <= m; ++j)
        d[0][j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i) {
        for (size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

// How many edits still look like a typo rather than a different word.
int allowedEdits(size_t length) {
    if (length <= 2)
        return 0;
    if (length <= 4)
        return 1;
    if (length <= 8)
        return 2;
    return 3;
}

} // namespace

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
    // Very long words are not typos of a short id, and the distance table
    // would grow with their square.
    if (word.empty() || word.size() > 200)
        return {};
    const std::string w = lowered(word);
    std::string best;
    int bestDistance = 1 << 30;
    for (const std::string& candidate : candidates) {
        if (candidate.empty() || candidate.size() > 200 || candidate == word)
            continue;
        const int distance = editDistance(w, lowered(candidate));
        const int allowed = allowedEdits(std::min(word.size(), candidate.size()));
        if (distance <= allowed && distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace samenspel
