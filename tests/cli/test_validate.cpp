// `samenspel validate` as a script or an author runs it: the real binary, its
// stdout, stderr and exit code.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <vector>

#include "cli_run.hpp"

using namespace samenspel::clitest;

namespace {

const std::string kSource = SAMENSPEL_SOURCE_DIR;

// Runs `samenspel validate ARGS` from the source directory.
Run validate(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"validate"};
    all.insert(all.end(), args.begin(), args.end());
    return runSamenspel(all);
}

} // namespace

TEST_CASE("validate: valid files print ok and exit 0") {
    const Run run = validate({"tests/data/valid/design_example.yaml", "scenarios/skatebaan.yaml"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "ok tests/data/valid/design_example.yaml\nok scenarios/skatebaan.yaml\n");
    CHECK(run.err == "");
}

TEST_CASE("validate: every scenario shipped in scenarios/ is valid") {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(kSource + "/scenarios"))
        if (entry.path().extension() == ".yaml")
            files.push_back("scenarios/" + entry.path().filename().string());
    REQUIRE_FALSE(files.empty());
    const Run run = validate(files);
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK(run.err == "");
}

TEST_CASE("validate: errors go to stderr as FILE:LINE:COL: error: MESSAGE and exit 2") {
    const Run run = validate(
        {"tests/data/valid/design_example.yaml", "tests/data/invalid/effect_out_of_range.yaml"});
    CHECK(run.exitCode == 2);
    CHECK(run.out == "ok tests/data/valid/design_example.yaml\n");
    CHECK(run.err == "tests/data/invalid/effect_out_of_range.yaml:15:72: error: effect 5 on value "
                     "'rust' is out of range -3..3 (at issues[0].options[0].effects.rust)\n");
}

TEST_CASE("validate: all errors of a file come out in one run") {
    const Run run = validate({"tests/data/invalid/multiple_errors.yaml"});
    CHECK(run.exitCode == 2);
    CHECK(run.out == "");
    CHECK(run.err ==
          "tests/data/invalid/multiple_errors.yaml:5:8: error: unknown stage 'ontwerp'; did you "
          "mean 'ontwerpen'? (at stage)\n"
          "tests/data/invalid/multiple_errors.yaml:16:72: error: effect 9 on value 'rust' is out "
          "of range -3..3 (at issues[0].options[0].effects.rust)\n"
          "tests/data/invalid/multiple_errors.yaml:25:27: error: unknown name 'budgte'; did you "
          "mean 'budget'? (at roles[0].preconditions[0].require)\n"
          "tests/data/invalid/multiple_errors.yaml:27:11: error: unknown role kind 'councl'; did "
          "you mean 'council'? (at roles[1].kind)\n");
}

TEST_CASE("validate: a length that the phases do not add up to, and a minute that can be skipped") {
    std::string text = readFile(kSource + "/tests/data/valid/design_example.yaml");
    const auto replace = [&text](const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    replace("duration_minutes: 60", "duration_minutes: 75");
    replace("when: {phase: randvoorwaarden}", "when: {minute: 25}");
    const auto path = std::filesystem::temp_directory_path() /
                      ("samenspel_validate_length_" + std::to_string(::getpid()) + ".yaml");
    std::ofstream(path, std::ios::binary) << text;
    const Run run = validate({path.string()});
    std::filesystem::remove(path);
    CHECK(run.exitCode == 2);
    CHECK(run.out == "");
    // The warning alone would not fail the file; the length does.
    CHECK(run.err == path.string() +
                         ":9:19: error: duration_minutes is 75, but the phases add up to 60 "
                         "minutes; make them agree (at duration_minutes)\n" +
                         path.string() +
                         ":64:20: warning: event 'klacht_omwonenden' comes only at minute 25, but "
                         "phases end early when everyone is done, so a session can be past that "
                         "point or over by then; to have it come in phase 'randvoorwaarden' in "
                         "any case, write {minute: 25, phase: randvoorwaarden} (at "
                         "events[0].when.minute)\n");
}

TEST_CASE("validate: a missing file is an error too") {
    const Run run = validate({"scenarios/skatebaan.yaml", "scenarios/does_not_exist.yaml"});
    CHECK(run.exitCode == 2);
    CHECK(run.out == "ok scenarios/skatebaan.yaml\n");
    CHECK(run.err == "scenarios/does_not_exist.yaml: error: file not found\n");
}

TEST_CASE("validate: without a file it prints its usage and exits 2") {
    const Run run = validate({});
    CHECK(run.exitCode == 2);
    CHECK(run.out == "");
    CHECK(run.err == "usage: samenspel validate FILE...\n");
}

TEST_CASE("validate: every broken file ends in exit 2 and a message, never a crash") {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(kSource + "/tests/data/invalid"))
        files.push_back("tests/data/invalid/" + entry.path().filename().string());
    const Run run = validate(files);
    CHECK(run.exitCode == 2);
    CHECK(run.out == "");
    // At least one error line per file, each starting with its file name.
    for (const std::string& file : files)
        CHECK(run.err.find(file + ":") != std::string::npos);
}

TEST_CASE("validate: a 50 MB file and 10,000-deep nesting are refused with a message") {
    const auto dir = std::filesystem::temp_directory_path();
    const auto big = dir / ("samenspel_big_" + std::to_string(::getpid()) + ".yaml");
    const auto deep = dir / ("samenspel_deep_" + std::to_string(::getpid()) + ".yaml");
    {
        std::ofstream out(big, std::ios::binary);
        const std::string line = "samenspel: 1\n" + std::string(1024 * 1024 - 13, '#');
        for (int i = 0; i < 50; ++i)
            out << line;
        std::ofstream nested(deep, std::ios::binary);
        nested << "samenspel: 1\nid: ";
        for (int i = 0; i < 10000; ++i)
            nested << "{a: ";
    }
    const Run run = validate({big.string(), deep.string()});
    std::filesystem::remove(big);
    std::filesystem::remove(deep);
    CHECK(run.exitCode == 2);
    CHECK(run.err == big.string() +
                         ": error: scenario file is too large (50.0 MB); the limit is 256 KB (real "
                         "scenarios are 15-40 KB)\n" +
                         deep.string() +
                         ":2:257: error: the file nests deeper than 64 levels; a scenario never "
                         "needs that much\n");
}
