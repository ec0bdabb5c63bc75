// `samenspel simulate FILE --calibrate`: the check of begrip v2 itself. On
// every shipped scenario, random guessing must average 0 and answers from
// the role cards 1 (issue 14).
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

#include "cli_run.hpp"

using namespace samenspel::clitest;

TEST_CASE("simulate --calibrate: JSON with the chance and perfect figures, the same for a seed") {
    const std::vector<std::string> args = {
        "simulate", "scenarios/skatebaan.yaml", "--calibrate", "--json", "--games", "20"};
    const Run a = runSamenspel(args);
    REQUIRE(a.exitCode == 0);
    CHECK(a.out == runSamenspel(args).out);
    const nlohmann::json j = nlohmann::json::parse(a.out);
    CHECK(j.at("scenario") == "skatebaan");
    CHECK(j.at("games") == 20);
    CHECK(j.at("seed") == 1);
    // Two samples per session: perspectief and reflectie.
    CHECK(j.at("samples") == 40);
    for (const char* key : {"begrip_chance", "begrip_chance_se", "begrip_perfect",
                            "begrip_v1_chance", "items", "chance_by_kind"})
        CHECK_MESSAGE(j.contains(key), key);
    CHECK(j.at("refused_answers") == 0);
    // Skatebaan has three roles with red lines and every role an interest.
    CHECK(j.at("items").at("values").get<int>() > 0);
    CHECK(j.at("items").at("red_line").get<int>() > 0);
    CHECK(j.at("items").at("interest").get<int>() > 0);
    // The old measure gave random guessing about half marks.
    CHECK(j.at("begrip_v1_chance").get<double>() > 0.4);

    const Run text =
        runSamenspel({"simulate", "scenarios/skatebaan.yaml", "--calibrate", "--games", "5"});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find("random guessing") != std::string::npos);
    CHECK(text.out.find("from the cards") != std::string::npos);
    const Run other = runSamenspel(
        {"simulate", "scenarios/skatebaan.yaml", "--calibrate", "--games", "5", "--seed", "2"});
    REQUIRE(other.exitCode == 0);
    CHECK(other.out != text.out);
}

TEST_CASE("simulate --calibrate: bad arguments are a message and exit code 2") {
    for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
             {"simulate", "scenarios/skatebaan.yaml", "--calibrate", "--bots", "hardline"},
             {"simulate", "scenarios/skatebaan.yaml", "--calibrate", "--log", "x.log"},
             {"simulate", "scenarios/skatebaan.yaml", "--calibrate", "--games", "0"},
             {"simulate", "--calibrate"},
             {"simulate", "no-such-file.yaml", "--calibrate"}}) {
        const Run r = runSamenspel(bad);
        CHECK(r.exitCode == 2);
        CHECK_FALSE(r.err.empty());
        CHECK(r.out.empty());
    }
    const Run help = runSamenspel({"simulate", "--help"});
    CHECK(help.out.find("--calibrate") != std::string::npos);
    CHECK(runSamenspel({"--help"}).out.find("--calibrate") != std::string::npos);
}

TEST_CASE("begrip v2 is calibrated on every shipped scenario: guessing 0, the cards 1") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(SAMENSPEL_SOURCE_DIR) / "scenarios"))
        if (entry.path().extension() == ".yaml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 9);
    for (const fs::path& file : files) {
        CAPTURE(file.filename().string());
        const Run r =
            runSamenspel({"simulate", file.string(), "--calibrate", "--json", "--games", "60"});
        REQUIRE(r.exitCode == 0);
        const nlohmann::json j = nlohmann::json::parse(r.out);
        const double chance = j.at("begrip_chance").get<double>();
        const double se = j.at("begrip_chance_se").get<double>();
        const double perfect = j.at("begrip_perfect").get<double>();
        MESSAGE(file.filename().string()
                << ": chance " << chance << " (se " << se << "), perfect " << perfect);
        CHECK(j.at("samples").get<int>() >= 60);
        CHECK((std::fabs(chance) <= 3 * se || std::fabs(chance) <= 0.05));
        CHECK(perfect >= 0.99);
        CHECK(j.at("refused_answers") == 0);
    }
}
