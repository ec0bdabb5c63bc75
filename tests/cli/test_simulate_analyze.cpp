// `samenspel simulate` and `samenspel analyze` as a script or an author runs
// them: the real binary, its stdout, stderr and exit code.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "cli_run.hpp"

using namespace samenspel::clitest;

namespace {

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
    std::string file = std::to_string(::getpid());
    file += '_';
    file += name;
    const auto path = std::filesystem::temp_directory_path() / file;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

} // namespace

TEST_CASE("simulate: the same seed prints byte-identical JSON, another seed may differ") {
    const std::vector<std::string> args = {
        "simulate", "scenarios/skatebaan.yaml", "--games", "30", "--seed", "1", "--json"};
    const Run a = runSamenspel(args);
    const Run b = runSamenspel(args);
    REQUIRE(a.exitCode == 0);
    CHECK(a.out == b.out);
    CHECK(a.err.empty()); // no progress bar when stderr is not a terminal
    for (const char* key :
         {"\"games\":30", "\"decision_share\":", "\"gedragen_share\":", "\"draagvlak\":{",
          "\"begrip\":{", "\"gain\":{", "\"inclusie\":{", "\"publieke_waarde\":{",
          "\"top_decisions\":[", "\"decision_phase\":{", "\"refused_bot_actions\":0"})
        CHECK_MESSAGE(a.out.find(key) != std::string::npos, key);
    CHECK(a.out.back() == '\n');
    CHECK(a.out.find('\n') == a.out.size() - 1); // one JSON object on one line
}

TEST_CASE("simulate: text report for people, and characters change the outcome") {
    const Run text =
        runSamenspel({"simulate", "scenarios/skatebaan.yaml", "--games", "20", "--seed", "3"});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find("gedragen besluit") != std::string::npos);
    CHECK(text.out.find("begrip") != std::string::npos);
    const Run hard = runSamenspel({"simulate", "scenarios/skatebaan.yaml", "--games", "20",
                                   "--seed", "3", "--bots", "hardline"});
    REQUIRE(hard.exitCode == 0);
    CHECK(hard.out.find("skaters 0.15/0.3") != std::string::npos);
    CHECK(hard.out != text.out);
}

TEST_CASE("simulate: bad arguments are a message and exit code 2") {
    const std::vector<std::vector<std::string>> bad = {
        {"simulate"},
        {"simulate", "scenarios/skatebaan.yaml", "--seed", "1"},
        {"simulate", "scenarios/skatebaan.yaml", "--games", "10"},
        {"simulate", "scenarios/skatebaan.yaml", "--games", "0", "--seed", "1"},
        {"simulate", "scenarios/skatebaan.yaml", "--games", "ten", "--seed", "1"},
        {"simulate", "scenarios/skatebaan.yaml", "--games", "10", "--seed", "-1"},
        {"simulate", "scenarios/skatebaan.yaml", "--games", "10", "--seed", "1", "--fast"},
        {"simulate", "scenarios/skatebaan.yaml", "--games", "10", "--seed", "1", "--bots"},
        {"simulate", "scenarios/skatebaan.yaml", "--games", "10", "--seed", "1", "--bots", "nice"},
        {"simulate", "does/not/exist.yaml", "--games", "10", "--seed", "1"},
    };
    for (const auto& args : bad) {
        const Run r = runSamenspel(args);
        std::string joined;
        for (const auto& a : args)
            joined += a + " ";
        CHECK_MESSAGE(r.exitCode == 2, joined);
        CHECK_MESSAGE(!r.err.empty(), joined);
        CHECK_MESSAGE(r.out.empty(), joined);
    }
}

TEST_CASE("simulate --help documents the bot SPEC") {
    const Run r = runSamenspel({"simulate", "--help"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("--bots SPEC") != std::string::npos);
    CHECK(r.out.find("coop:X,open:X") != std::string::npos);
    CHECK(r.out.find("hardline") != std::string::npos);
}

TEST_CASE("analyze: JSON with the issue's keys, text for people") {
    const Run json = runSamenspel({"analyze", "scenarios/skatebaan.yaml", "--json"});
    REQUIRE(json.exitCode == 0);
    CHECK(json.out.rfind("{\"packages\":81,\"feasible\":", 0) == 0);
    for (const char* key : {"\"gedragen\":", "\"maxmin_support\":", "\"maxmin_package\":{",
                            "\"maxmin_support_by_role\":{",
                            "\"maxmin_feasible_support\":", "\"maxmin_feasible_package\":{",
                            "\"maxmin_feasible_support_by_role\":{",
                            "\"nash_package\":", "\"pareto_count\":", "\"warnings\":["})
        CHECK_MESSAGE(json.out.find(key) != std::string::npos, key);
    const Run text = runSamenspel({"analyze", "scenarios/skatebaan.yaml"});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find("skatebaan: 81 packages") == 0);
    CHECK(text.out.find("maxmin") != std::string::npos);
    CHECK(text.out.find("feasible max  the same package") != std::string::npos);
    CHECK(text.out.find("after every event") == std::string::npos);

    // After its events skatebaan has the school yard: 81 + 27 packages.
    const Run after =
        runSamenspel({"analyze", "scenarios/skatebaan.yaml", "--after-events", "--json"});
    REQUIRE(after.exitCode == 0);
    CHECK(after.out.find("\"after_events\":{\"events\":[\"klacht_omwonenden\","
                         "\"school_biedt_plein\"],\"packages\":108,") != std::string::npos);
    CHECK(after.out.find("{\"event\":\"school_biedt_plein\",\"packages\":108,") !=
          std::string::npos);
    CHECK(after.out.find("\"options_opened\":[\"locatie=schoolplein\"]") != std::string::npos);
    CHECK(after.out.find("{\"id\":\"option_only_by_event\",\"text\":\"option 'schoolplein'") !=
          std::string::npos);
    const Run afterText = runSamenspel({"analyze", "scenarios/skatebaan.yaml", "--after-events"});
    CHECK(afterText.out.find("school_biedt_plein: feasible 27 -> 39 (12 new, 0 lost), gedragen "
                             "1 -> 3, feasible max 15.5 -> 16.7; opens locatie=schoolplein") !=
          std::string::npos);
}

TEST_CASE("analyze and simulate report a broken scenario as FILE:LINE:COL and exit 2") {
    const auto path = writeTemp("broken.yaml", "samenspel: 1\nid: kapot\ntitle: Kapot\n"
                                               "values:\n  - {id: a, name: A}\nissues: []\n"
                                               "roles:\n  - {id: r, kind: resident, "
                                               "values: {b: 2}}\n");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"analyze", path.string()},
          std::vector<std::string>{"simulate", path.string(), "--games", "1", "--seed", "1"}}) {
        const Run r = runSamenspel(args);
        CHECK(r.exitCode == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind(path.string() + ":", 0) == 0);
        CHECK(r.err.find(": error: ") != std::string::npos);
    }
    std::filesystem::remove(path);
    const Run usage = runSamenspel({"analyze"});
    CHECK(usage.exitCode == 2);
    const Run option = runSamenspel({"analyze", "scenarios/skatebaan.yaml", "--fast"});
    CHECK(option.exitCode == 2);
}
