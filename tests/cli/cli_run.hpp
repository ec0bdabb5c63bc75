#pragma once
// Shared by the command-line tests: the real samenspel binary run as a script
// or a person runs it, in a folder of the test's choosing, with its stdout,
// stderr (not a terminal) and exit code.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace samenspel::clitest {

struct Run {
    int exitCode = -1; // a signal (a crash) leaves it at -1, which no test accepts
    std::string out;
    std::string err;
};

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// `s` as one word for /bin/sh, whatever it holds.
inline std::string shellQuoted(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Runs `samenspel ARGS` in `workDir` (the source folder unless told).
inline Run runSamenspel(const std::vector<std::string>& args,
                        const std::filesystem::path& workDir = SAMENSPEL_SOURCE_DIR) {
    static int counter = 0;
    const std::string tag =
        "samenspel_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    const auto outPath = std::filesystem::temp_directory_path() / (tag + ".out");
    const auto errPath = std::filesystem::temp_directory_path() / (tag + ".err");
    std::string command =
        "cd " + shellQuoted(workDir.string()) + " && " + shellQuoted(SAMENSPEL_BINARY);
    for (const std::string& arg : args)
        command += " " + shellQuoted(arg);
    command += " >" + shellQuoted(outPath.string()) + " 2>" + shellQuoted(errPath.string());
    const int status = std::system(command.c_str());
    Run run;
    if (status != -1 && WIFEXITED(status))
        run.exitCode = WEXITSTATUS(status);
    run.out = readFile(outPath);
    run.err = readFile(errPath);
    std::filesystem::remove(outPath);
    std::filesystem::remove(errPath);
    return run;
}

} // namespace samenspel::clitest
