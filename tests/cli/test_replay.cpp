// `samenspel replay LOG --json` as a spreadsheet or a plenary reads it: with a
// team at a seat, every member is a person of their own (DESIGN.md "Teams").
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/live_session.hpp"

namespace fs = std::filesystem;
using namespace samenspel;

TEST_CASE("replay --json lists every member of a team with their own public actions") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_test_replay_people";
    fs::remove_all(dir);
    fs::create_directories(dir);
    LoadResult loaded =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE(loaded.ok());
    auto sc = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    setup.seats[0].members = {"Anouk", "Bram"};
    LiveSessionOptions options;
    options.logPath = (dir / "team.log").string();
    std::string error;
    {
        auto live = LiveSession::start(sc, setup, options, error);
        REQUIRE_MESSAGE(live, error);
        Action advance;
        advance.type = ActionType::Advance;
        advance.seat = kFacilitator;
        while (live->game().currentPhase() != PhaseKind::Waarden)
            REQUIRE(live->submit(advance).accepted);
        const std::vector<int>& weights =
            sc->roles[static_cast<std::size_t>(setup.seats[0].role)].weights;
        for (int v = 0, shared = 0; v < static_cast<int>(weights.size()) && shared < 2; ++v) {
            if (weights[static_cast<std::size_t>(v)] == 0)
                continue;
            Action share;
            share.type = ActionType::ShareValue;
            share.seat = 0;
            share.person = 1; // Bram
            share.value = v;
            REQUIRE(live->submit(share).accepted);
            ++shared;
        }
    }
    const fs::path out = dir / "out.json";
    const std::string command = "'" + std::string(SAMENSPEL_BINARY) + "' replay '" +
                                (dir / "team.log").string() + "' --json >'" + out.string() + "'";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    std::ifstream in(out);
    const nlohmann::json j = nlohmann::json::parse(in);
    const nlohmann::json& people = j.at("people");
    REQUIRE(people.size() == setup.seats.size() + 1); // the team's two, one for every other seat
    CHECK(people[0].at("name") == "Anouk");
    CHECK(people[0].at("person") == 0);
    CHECK(people[0].at("actions") == 0);
    CHECK(people[1].at("name") == "Bram");
    CHECK(people[1].at("seat") == 0);
    CHECK(people[1].at("actions") == 2);
    CHECK(people[1].at("begripBefore").is_null());
    CHECK(people[2].at("person") == -1);
    fs::remove_all(dir);
}
