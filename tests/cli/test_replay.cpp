// `samenspel replay LOG --json` as a spreadsheet or a plenary reads it: with a
// team at a seat, every member is a person of their own (DESIGN.md "Teams").
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../old_log_format.hpp"
#include "core/begrip.hpp"
#include "core/live_session.hpp"
#include "core/log.hpp"

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

using samenspel::testing::rewriteAsFormat2;

namespace {

std::string runToText(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        out.append(buffer, n);
    pclose(pipe);
    return out;
}

} // namespace

TEST_CASE("replay shows begrip v2 with its gain, and an old log's begrip as v1 with a note") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_test_replay_begrip";
    fs::remove_all(dir);
    fs::create_directories(dir);
    LoadResult loaded =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE(loaded.ok());
    auto sc = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    const std::string log = (dir / "begrip.log").string();
    LiveSessionOptions options;
    options.logPath = log;
    std::string error;
    const int target = setup.seats[1].role;
    double wrongScore = 0.0; // -1/(m-1) of the red-line item
    {
        auto live = LiveSession::start(sc, setup, options, error);
        REQUIRE_MESSAGE(live, error);
        Action advance;
        advance.type = ActionType::Advance;
        advance.seat = kFacilitator;
        auto toPhase = [&](PhaseKind phase) {
            while (live->game().currentPhase() != phase)
                REQUIRE(live->submit(advance).accepted);
        };
        toPhase(PhaseKind::Perspectief);
        // Seat 0 names target's top values exactly (score 1) and misses its red line.
        Action predict;
        predict.type = ActionType::Predict;
        predict.seat = 0;
        predict.targetRole = target;
        predict.values = topValues(live->game().state().world.weights[target]);
        predict.values.resize(std::min<std::size_t>(3, predict.values.size()));
        REQUIRE(live->submit(predict).accepted);
        const auto red = begripItem(*sc, live->game().state().world, setup.seats[0].role, target,
                                    BegripItemKind::RedLine);
        REQUIRE(red);
        Action answer;
        answer.type = ActionType::AnswerItem;
        answer.seat = 0;
        answer.targetRole = target;
        answer.itemKind = static_cast<int>(BegripItemKind::RedLine);
        answer.choice = red->correct == 0 ? 1 : 0;
        REQUIRE(live->submit(answer).accepted);
        wrongScore = -1.0 / static_cast<double>(red->options.size() - 1);
        toPhase(PhaseKind::Reflectie);
        answer.choice = red->correct;
        REQUIRE(live->submit(answer).accepted);
    }
    const std::string bin = "'" + std::string(SAMENSPEL_BINARY) + "' replay '" + log + "'";
    nlohmann::json j = nlohmann::json::parse(runToText(bin + " --json"));
    CHECK(j.at("begrip_version") == 2);
    // Before: (1 + wrong) / 2; after: the red line right, 1; gain over seat 0 alone.
    CHECK(j.at("begrip_before").get<double>() == doctest::Approx((1.0 + wrongScore) / 2));
    CHECK(j.at("begrip_after").get<double>() == doctest::Approx(1.0));
    CHECK(j.at("begrip_gain").get<double>() == doctest::Approx(1.0 - (1.0 + wrongScore) / 2));
    CHECK(j.at("begrip").at("version") == 2);
    CHECK(j.at("people")[0].at("begrip_items_before") == 2);
    CHECK(j.at("people")[0].at("begrip_items_after") == 1);
    CHECK(j.at("people")[1].at("begrip_before").is_null());
    CHECK(runToText(bin).find("(begrip v2: 0 = guessing") != std::string::npos);

    // The same session as a log from before begrip v2: the acc of the one
    // prediction, and no gain (nobody predicted at reflectie).
    rewriteAsFormat2(log);
    j = nlohmann::json::parse(runToText(bin + " --json 2>/dev/null"));
    CHECK(j.at("begrip_version") == 1);
    CHECK(j.at("begrip_before").get<double>() == doctest::Approx(1.0));
    CHECK(j.at("begrip_after").is_null());
    CHECK(j.at("begrip_gain").is_null());
    CHECK(runToText(bin + " 2>/dev/null").find("begrip v1: not corrected for guessing") !=
          std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("replay --json gives both kinds of gedragen and every role's stated stance beside its "
          "card") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_test_replay_stance";
    fs::remove_all(dir);
    fs::create_directories(dir);
    LoadResult loaded =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE(loaded.ok());
    auto sc = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    const SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    const auto seatOf = [&](const std::string& role) {
        for (int s = 0; s < static_cast<int>(setup.seats.size()); ++s)
            if (sc->roles[static_cast<std::size_t>(setup.seats[s].role)].id == role)
                return s;
        FAIL("no seat for " << role);
        return -1;
    };
    LiveSessionOptions options;
    options.logPath = (dir / "stance.log").string();
    std::string error;
    std::vector<bool> accepts;
    {
        auto live = LiveSession::start(sc, setup, options, error);
        REQUIRE_MESSAGE(live, error);
        Action advance;
        advance.type = ActionType::Advance;
        advance.seat = kFacilitator;
        while (live->game().currentPhase() != PhaseKind::Voorstel)
            REQUIRE(live->submit(advance).accepted);
        Action propose;
        propose.type = ActionType::Propose;
        propose.seat = seatOf("skaters");
        propose.package = live->game().defaultPackage();
        REQUIRE(live->submit(propose).accepted);
        // The neighbours object because of quiet, and never react again.
        Action object;
        object.type = ActionType::React;
        object.seat = seatOf("omwonenden");
        object.proposal = 0;
        object.reaction = ReactionKind::Object;
        object.reason = {Reason::Kind::Value, 1}; // rust
        REQUIRE(live->submit(object).accepted);
        REQUIRE(live->submit(advance).accepted); // -> besluit
        for (const char* council : {"raadslid_coalitie", "raadslid_oppositie"}) {
            Action vote;
            vote.type = ActionType::Vote;
            vote.seat = seatOf(council);
            vote.proposal = 0;
            vote.vote = VoteKind::Yes;
            REQUIRE(live->submit(vote).accepted);
        }
        REQUIRE(live->game().state().decision.taken);
        accepts = live->game().state().decision.accepts;
    }
    const fs::path out = dir / "out.json";
    const std::string command = "'" + std::string(SAMENSPEL_BINARY) + "' replay '" +
                                (dir / "stance.log").string() + "' --json >'" + out.string() + "'";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    std::ifstream in(out);
    const nlohmann::json j = nlohmann::json::parse(in);
    const nlohmann::json& d = j.at("decision");
    CHECK(d.at("gedragen").is_boolean()); // by the role cards, as before
    CHECK(d.at("gedragen_aan_tafel") == false);
    const nlohmann::json& roles = d.at("roles");
    REQUIRE(roles.size() == sc->roles.size());
    CHECK(roles.at("omwonenden").at("stance") == "object");
    CHECK(roles.at("raadslid_coalitie").at("stance") == "yes");
    CHECK(roles.at("raadslid_oppositie").at("stance") == "yes");
    CHECK(roles.at("skaters").at("stance") == "none"); // proposing is no stance
    for (std::size_t r = 0; r < sc->roles.size(); ++r)
        CHECK(roles.at(sc->roles[r].id).at("accepts_by_card") == static_cast<bool>(accepts[r]));
    fs::remove_all(dir);
}
