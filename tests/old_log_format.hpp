#pragma once
// Shared by the tests of old logs (replay, the archive and its upgrade): a
// log of today rewritten as a format 2 writer (before begrip v2) would have
// written and chained it, so it replays with begrip v1.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/log.hpp"

namespace samenspel::testing {

inline void rewriteAsFormat2(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    in.close();
    const std::string current = "{\"samenspel_log\":" + std::to_string(kLogFormatVersion) + ",";
    REQUIRE(lines.at(0).rfind(current, 0) == 0);
    lines[0] = "{\"samenspel_log\":2," + lines[0].substr(current.size());
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::size_t prev = lines[i].find("\"prev\":\"");
        REQUIRE(prev != std::string::npos);
        lines[i].replace(prev + 8, 16, logLineHash(lines[i - 1]));
    }
    std::ofstream out(path, std::ios::trunc);
    for (const std::string& line : lines)
        out << line << "\n";
}

} // namespace samenspel::testing
