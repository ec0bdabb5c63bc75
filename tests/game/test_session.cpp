// A local session writes everything as it happens: after a crash (simulated
// by abandoning the Session without closing it) Continue finds the log and
// restores the same state, timers included. When the log cannot be written,
// the session stops and its link says why; Continue goes on from the log.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

#include "../file_size_limit.hpp"
#include "core/session_files.hpp"
#include "session.hpp"
#include "table_link.hpp"

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

// [When the disk refuses] ---------------------------------------------------------

namespace {

int countEvents(TableLink& link, LinkEvent::Kind kind) {
    int n = 0;
    for (const LinkEvent& e : link.takeEvents())
        n += e.kind == kind ? 1 : 0;
    return n;
}

Action facilitatorPause() {
    Action pause;
    pause.type = ActionType::Pause;
    pause.seat = kFacilitator;
    return pause;
}

} // namespace

TEST_CASE("a local session whose log cannot be written stops, its link says why, and Continue "
          "goes on from the last whole line") {
    const fs::path dir = freshDir("log_fails");
    auto scenario = skatebaan();
    const std::string log = (dir / "s.log").string();
    std::string error;
    auto started =
        Session::start(scenario, SessionSetup::defaultFor(*scenario, true, 7), log, error);
    REQUIRE_MESSAGE(started, error);
    std::shared_ptr<TableLink> link = makeLocalLink(std::move(started));
    const Session& session = *sessionOf(*link);
    for (int i = 0; i < 8; ++i)
        link->poll(15); // bots act
    REQUIRE(session.state().actionCount > 0);
    CHECK_FALSE(link->stop());
    link->takeEvents();
    const std::uintmax_t sizeBefore = fs::file_size(log);
    const std::uint64_t actionsBefore = session.state().actionCount;
    {
        // Room for the start of a line only: every line is longer than 40 bytes.
        FileSizeLimit diskFull(sizeBefore + 40);
        for (int i = 0; i < 400 && !link->stop(); ++i)
            link->poll(15);
        REQUIRE(link->stop());
        // Nothing moves any more (no bot, no clock), and what a button would
        // submit is refused with the reason instead of failing silently.
        for (int i = 0; i < 20; ++i)
            link->poll(60);
        CHECK(session.state().actionCount == actionsBefore);
        CHECK(link->check(facilitatorPause()).refusal.key == "refuse.session_stopped");
        const SubmitOutcome out = link->submit(facilitatorPause());
        CHECK(out.kind == SubmitOutcome::Kind::Refused);
        CHECK(out.refusal.key == "refuse.session_stopped");
        CHECK_FALSE(session.state().paused);
    }
    const LinkStop stop = *link->stop();
    CHECK_FALSE(stop.atHost);
    CHECK(stop.cause == std::errc::file_too_large);
    CHECK(stop.message.find("could not be written (File too large)") != std::string::npos);
    CHECK(stop.logPath == log);
    CHECK_FALSE(link->checkpointFailed());
    CHECK(countEvents(*link, LinkEvent::Kind::Stopped) == 1); // one chime, one line on stderr
    // The refused line's start was taken back: the log ends with its last
    // whole line, and every action in it was applied.
    CHECK(fs::file_size(log) == sizeBefore);

    link.reset(); // the facilitator quits Samenspel (with the disk freed)
    CHECK(lastResumableLog(dir.string()) == log);
    auto resumed = Session::resume(log, error);
    REQUIRE_MESSAGE(resumed, error);
    CHECK(resumed->state().actionCount == actionsBefore);
    CHECK(resumed->live().resumeNotes().empty()); // no cut-off line to drop
    for (int i = 0; i < 8; ++i)
        resumed->update(15);
    CHECK(resumed->state().actionCount > actionsBefore);
    CHECK(resumed->diskError().empty());
}

TEST_CASE("a clock checkpoint that cannot be saved is a warning on the link, and the session goes "
          "on") {
    const fs::path dir = freshDir("checkpoint_fails");
    auto scenario = skatebaan();
    const std::string log = (dir / "s.log").string();
    std::string error;
    auto started =
        Session::start(scenario, SessionSetup::defaultFor(*scenario, true, 7), log, error);
    REQUIRE_MESSAGE(started, error);
    std::shared_ptr<TableLink> link = makeLocalLink(std::move(started));
    CHECK_FALSE(link->checkpointFailed());
    // A folder where the checkpoint goes: its new copy cannot replace it.
    const std::string clock = SessionFiles::clock(log);
    fs::remove(clock);
    fs::create_directories(fs::path(clock) / "in-the-way");
    link->poll(15);
    const std::uint64_t actions = sessionOf(*link)->state().actionCount;
    for (int i = 0; i < 8; ++i)
        link->poll(15);
    CHECK(link->checkpointFailed());
    CHECK_FALSE(link->stop());
    CHECK(sessionOf(*link)->state().actionCount > actions);
    CHECK(link->check(facilitatorPause()).accepted);
    CHECK(countEvents(*link, LinkEvent::Kind::Stopped) == 0);
}
