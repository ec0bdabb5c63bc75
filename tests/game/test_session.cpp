// A local session writes everything as it happens: after a crash (simulated
// by abandoning the Session without closing it) Continue finds the log and
// restores the same state, timers included.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

#include "core/session_files.hpp"
#include "session.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("samenspel_test_session_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::shared_ptr<const Scenario> skatebaan() {
    LoadResult r =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors.front().format()));
    return std::make_shared<const Scenario>(std::move(*r.scenario));
}

} // namespace

TEST_CASE("Continue after a crash restores actions, phase and clock") {
    const fs::path dir = freshDir("crash");
    auto scenario = skatebaan();
    const std::string log = newLogPath(dir.string(), scenario->id);
    std::string error;
    auto session =
        Session::start(scenario, SessionSetup::defaultFor(*scenario, true, 7), log, error);
    REQUIRE_MESSAGE(session, error);
    // Seven and a half session minutes in 0.25 s steps: bots act, a phase ends.
    for (int i = 0; i < 30; ++i)
        session->update(0.25 * 60);
    const auto actions = session->state().actionCount;
    const int phase = session->state().phase;
    const auto clock = session->clockMs();
    CHECK(actions > 0);
    CHECK(phase > 0);
    CHECK(lastResumableLog(dir.string()) == log);

    // The process dies: nothing is closed or flushed by a destructor.
    Session* abandoned = session.release();
    (void)abandoned;

    auto resumed = Session::resume(log, error);
    REQUIRE_MESSAGE(resumed, error);
    CHECK(resumed->state().actionCount == actions);
    CHECK(resumed->state().phase == phase);
    CHECK(resumed->clockMs() <= clock);
    CHECK(resumed->clockMs() >= clock - 1000);
    CHECK(resumed->game().setup().seats.size() == scenario->roles.size());

    // It goes on from there and keeps logging.
    for (int i = 0; i < 4; ++i)
        resumed->update(15);
    const auto later = resumed->state().actionCount;
    CHECK(later >= actions);
    resumed.reset();
    auto again = Session::resume(log, error);
    REQUIRE_MESSAGE(again, error);
    CHECK(again->state().actionCount == later);
}

TEST_CASE("a refused action changes nothing and is not written to the log") {
    const fs::path dir = freshDir("refused");
    auto scenario = skatebaan();
    const std::string log = (dir / "s.log").string();
    std::string error;
    auto session =
        Session::start(scenario, SessionSetup::defaultFor(*scenario, false, 1), log, error);
    REQUIRE(session);
    Action vote;
    vote.type = ActionType::Vote; // no proposal, wrong phase
    vote.seat = 0;
    vote.proposal = 99;
    const auto before = session->state().actionCount;
    const ApplyResult result = session->submit(vote);
    CHECK_FALSE(result.accepted);
    CHECK_FALSE(result.refusal.key.empty());
    CHECK(session->state().actionCount == before);
    session.reset();
    auto resumed = Session::resume(log, error);
    REQUIRE(resumed);
    CHECK(resumed->state().actionCount == before);
}

TEST_CASE("people's seats wait for people, and the clock still ends a phase") {
    const fs::path dir = freshDir("people");
    auto scenario = skatebaan();
    std::string error;
    auto session = Session::start(scenario, SessionSetup::defaultFor(*scenario, false, 1),
                                  (dir / "p.log").string(), error);
    REQUIRE(session);
    CHECK_FALSE(session->isBot(0));
    const auto firstPhaseMs = session->phaseRemainingMs();
    CHECK(firstPhaseMs > 0);
    session->update(firstPhaseMs / 2000.0);
    CHECK(session->state().phase == 0);
    CHECK(session->phaseRemainingMs() <= firstPhaseMs / 2 + 1);
    session->update(firstPhaseMs / 1000.0);
    CHECK(session->state().phase == 1);
}

TEST_CASE("a finished session is not offered for Continue") {
    const fs::path dir = freshDir("finished");
    auto scenario = skatebaan();
    std::string error;
    const std::string log = (dir / "done.log").string();
    auto session =
        Session::start(scenario, SessionSetup::defaultFor(*scenario, true, 3), log, error);
    REQUIRE(session);
    for (int i = 0; i < 2000 && !session->state().finished; ++i)
        session->update(30);
    REQUIRE(session->state().finished);
    CHECK(lastResumableLog(dir.string()).empty());
    CHECK(fs::exists(log + ".finished"));
}
