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

TEST_CASE("replay --json lists every member of a team with their own public actions and speaking "
          "time") {
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
        // Anouk speaks 20 s, then Bram 20 s: the facilitator gives the floor.
        Action give;
        give.type = ActionType::GiveTurn;
        give.seat = kFacilitator;
        give.targetSeat = 0;
        give.targetPerson = 0;
        REQUIRE(live->submit(give).accepted);
        live->advance(20'000);
        give.targetPerson = 1;
        REQUIRE(live->submit(give).accepted);
        live->advance(20'000);
        Action end;
        end.type = ActionType::EndTurn;
        end.seat = kFacilitator;
        REQUIRE(live->submit(end).accepted);
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
    CHECK(people[0].at("speaking_ms") == 20'000);
    CHECK(people[0].at("turns") == 1);
    CHECK(people[1].at("speaking_ms") == 20'000);
    CHECK(people[2].at("speaking_ms") == 0);
    CHECK(people[2].at("turns") == 0);
    // Inclusie over speaking time, not over Bram's two actions: two of the n
    // people spoke x each, sorted 0, ..., 0, x, x: G = 2((n-1)x + nx)/(n 2x)
    // - (n+1)/n = (n-2)/n, so inclusie = 2/n.
    CHECK(j.at("inclusie_basis") == "speaking_time");
    CHECK(j.at("inclusie").get<double>() == doctest::Approx(2.0 / people.size()));
    fs::remove_all(dir);
}
