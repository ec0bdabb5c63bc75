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

namespace {

struct Result {
    int exitCode = -1;
    std::string out;
    std::string err;
};

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// `samenspel ARGS` from the source directory.
Result samenspel(const std::vector<std::string>& args) {
    static int counter = 0;
    const std::string tag =
        "samenspel_calibrate_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    const fs::path out = fs::temp_directory_path() / (tag + ".out");
    const fs::path err = fs::temp_directory_path() / (tag + ".err");
    std::string command = "cd " + quoted(SAMENSPEL_SOURCE_DIR) + " && " + quoted(SAMENSPEL_BINARY);
    for (const std::string& arg : args)
        command += " " + quoted(arg);
    command += " >" + quoted(out.string()) + " 2>" + quoted(err.string());
    const int status = std::system(command.c_str());
    Result r;
    if (status != -1 && WIFEXITED(status))
        r.exitCode = WEXITSTATUS(status);
    r.out = readAll(out);
    r.err = readAll(err);
    fs::remove(out);
    fs::remove(err);
    return r;
}

} // namespace

TEST_CASE("simulate --calibrate: JSON with the chance and perfect figures, the same for a seed") {
    const std::vector<std::string> args = {
        "simulate", "scenarios/skatebaan.yaml", "--calibrate", "--json", "--games", "20"};
    const Result a = samenspel(args);
    REQUIRE(a.exitCode == 0);
    CHECK(a.out == samenspel(args).out);
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

    const Result text =
        samenspel({"simulate", "scenarios/skatebaan.yaml", "--calibrate", "--games", "5"});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find("random guessing") != std::string::npos);
    CHECK(text.out.find("from the cards") != std::string::npos);
    const Result other = samenspel(
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
        const Result r = samenspel(bad);
        CHECK(r.exitCode == 2);
        CHECK_FALSE(r.err.empty());
        CHECK(r.out.empty());
    }
    const Result help = samenspel({"simulate", "--help"});
    CHECK(help.out.find("--calibrate") != std::string::npos);
    CHECK(samenspel({"--help"}).out.find("--calibrate") != std::string::npos);
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
        const Result r =
            samenspel({"simulate", file.string(), "--calibrate", "--json", "--games", "60"});
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
