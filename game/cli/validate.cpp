// `samenspel validate FILE...`: checks scenario files the way the game loads
// them. Output is for people and scripts alike: "ok FILE" on stdout per valid
// file, one "FILE:LINE:COL: error: MESSAGE" line on stderr per problem, and
// "FILE:LINE:COL: warning: MESSAGE" for what loads but may not work as meant.
#include <algorithm>
#include <cstdio>

#include "cli/commands.hpp"
#include "core/scenario.hpp"

namespace samenspel::cli {

int runValidate(const Args& args) {
    std::vector<std::string> files;
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::printf("usage: samenspel validate FILE...\n"
                        "Checks scenario files; prints 'ok FILE' for each valid one and\n"
                        "FILE:LINE:COL: error: MESSAGE for each problem, and\n"
                        "FILE:LINE:COL: warning: MESSAGE for what loads but may not work as\n"
                        "meant (warnings do not fail). Exit code 0 when all files are valid,\n"
                        "2 when any has errors.\n");
            return kExitOk;
        }
        files.push_back(arg);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: samenspel validate FILE...\n");
        return kExitBadInput;
    }
    bool allValid = true;
    for (const std::string& file : files) {
        const LoadResult result = loadScenarioFile(file);
        // Errors and warnings in the order of the file, as an author reads it.
        Diagnostics all = result.errors;
        all.insert(all.end(), result.warnings.begin(), result.warnings.end());
        std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
        });
        for (const Diagnostic& d : all)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        if (result.ok()) {
            std::printf("ok %s\n", file.c_str());
            continue;
        }
        allValid = false;
        if (result.errors.empty())
            std::fprintf(stderr, "%s: error: the scenario could not be loaded\n", file.c_str());
    }
    std::fflush(stdout);
    return allValid ? kExitOk : kExitBadInput;
}

} // namespace samenspel::cli
