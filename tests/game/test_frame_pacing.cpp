// When the window draws a frame (a table nobody touches costs next to
// nothing, a hidden window nothing at all) and how large it opens.
#include <doctest/doctest.h>

#include "../net/net_test_util.hpp"
#include "frame_pacing.hpp"
#include "session.hpp"
#include "table_link.hpp"

using namespace samenspel;
using namespace nettest;

namespace {

// A table after its last frame settled: nothing new.
FrameCause quiet() {
    FrameCause c;
    c.framesSinceInput = kSettleFrames;
    c.drawnClockSecond = c.clockSecond = 300;
    return c;
}

// Turns of the loop at 60 a second over `seconds` of a running countdown,
// with input in the turns `touched` says; the frames drawn.
template <class Touched> int framesOver(int seconds, Touched touched, bool hidden = false) {
    FrameCause c = quiet();
    int frames = 0;
    for (int turn = 0; turn < seconds * 60; ++turn) {
        c.clockSecond = 600 - turn / 60;
        c.input = touched(turn);
        c.hidden = hidden;
        if (c.input)
            c.framesSinceInput = 0;
        if (shouldDraw(c)) {
            ++frames;
            c.drawnClockSecond = c.clockSecond;
            ++c.framesSinceInput;
        }
    }
    return frames;
}

} // namespace

TEST_CASE("a table nobody touches draws once a second, for its countdown") {
    CHECK_FALSE(shouldDraw(quiet()));
    FrameCause tick = quiet();
    tick.clockSecond = 299;
    CHECK(shouldDraw(tick));
    // A minute at 60 turns a second: 60 frames, not 3,600.
    CHECK(framesOver(60, [](int) { return false; }) == 60);
    // A paused clock (the countdown stands still) draws nothing.
    FrameCause paused = quiet();
    CHECK_FALSE(shouldDraw(paused));
}

TEST_CASE("input draws at once and for a few frames more, so ImGui settles") {
    FrameCause c = quiet();
    c.input = true;
    c.framesSinceInput = 0;
    CHECK(shouldDraw(c));
    c.input = false;
    for (int drawn = 1; drawn < kSettleFrames; ++drawn) {
        c.framesSinceInput = drawn;
        CHECK(shouldDraw(c));
    }
    c.framesSinceInput = kSettleFrames;
    CHECK_FALSE(shouldDraw(c));
    // The pointer moving for a second is drawn every turn.
    CHECK(framesOver(1, [](int) { return true; }) == 60);
}

TEST_CASE("the session, a network message, an animation or a picture wanted draw a frame") {
    FrameCause c = quiet();
    c.sessionChanged = true;
    CHECK(shouldDraw(c));
    c = quiet();
    c.redrawRequested = true;
    CHECK(shouldDraw(c));
    c = quiet();
    c.screenshotWanted = true;
    CHECK(shouldDraw(c));
    c = quiet();
    c.exposed = true;
    CHECK(shouldDraw(c));
}

TEST_CASE("a hidden window draws nothing, whatever happens; shown again, it draws") {
    FrameCause c = quiet();
    c.hidden = true;
    c.input = true;
    c.sessionChanged = true;
    c.redrawRequested = true;
    c.clockSecond = 12;
    c.framesSinceInput = 0;
    CHECK_FALSE(shouldDraw(c));
    CHECK(framesOver(
              60, [](int) { return true; }, true) == 0);
    c.hidden = false;
    c.input = c.sessionChanged = c.redrawRequested = false;
    c.clockSecond = c.drawnClockSecond;
    c.framesSinceInput = kSettleFrames;
    c.exposed = true;
    CHECK(shouldDraw(c));
}

TEST_CASE("autoplay, benchmarks and the first frame draw every turn, even hidden") {
    FrameCause c = quiet();
    c.everyTurn = true;
    c.hidden = true;
    CHECK(shouldDraw(c));
    c = quiet();
    c.firstFrame = true;
    CHECK(shouldDraw(c));
}

TEST_CASE("the loop sleeps the rest of a frame, longer when nobody touches it or it is hidden") {
    CHECK(sleepMilliseconds(true, false, 4.0, 0) == 12);
    CHECK(sleepMilliseconds(true, false, 30.0, 0) == 0);
    CHECK(sleepMilliseconds(false, false, 0.1, 0.5) == 16);
    CHECK(sleepMilliseconds(false, false, 0.1, kQuietAfterSeconds + 1) == 50);
    CHECK(sleepMilliseconds(false, true, 0.1, 0) == 50);
}

TEST_CASE("the window fits the screen it opens on") {
    // A 1280x720 projector: 1600x900 would not fit; a smaller 16:9 window
    // leaves room for a panel and the title bar.
    const WindowSize small = fitWindowSize({1280, 720}, {}, {});
    CHECK(small.width <= 1280 * 0.95);
    CHECK(small.height <= 720 * 0.90);
    CHECK(small.width * 9 == small.height * 16);
    CHECK(fitWindowSize({1920, 1080}, {}, {}) == WindowSize{1600, 900});
    // The size the user left it at comes back when it fits ...
    CHECK(fitWindowSize({1920, 1080}, {1400, 820}, {}) == WindowSize{1400, 820});
    CHECK(fitWindowSize({1920, 1080}, {1000, 900}, {}) == WindowSize{1000, 900});
    // ... and not on a smaller screen.
    CHECK(fitWindowSize({1280, 720}, {1400, 820}, {}) == small);
    // --size is taken as given; an unknown screen gets the default.
    CHECK(fitWindowSize({1280, 720}, {}, {1280, 720}) == WindowSize{1280, 720});
    CHECK(fitWindowSize({0, 0}, {}, {}) == WindowSize{1600, 900});
}

TEST_CASE("what the table shows of a local session changes with an action, not with time") {
    auto scenario = loadShipped("skatebaan");
    std::string error;
    auto session = Session::start(scenario, SessionSetup::defaultFor(*scenario, false, 1),
                                  (tempDir("frame_pacing_local") / "session.log").string(), error);
    REQUIRE_MESSAGE(session, error);
    std::shared_ptr<TableLink> link = makeLocalLink(std::move(session));
    const std::string before = linkPicture(*link);
    const std::int64_t second = countdownSecond(*link);
    CHECK(second == 5 * 60); // kennismaken: five minutes on the clock
    link->poll(0.4);
    CHECK(linkPicture(*link) == before);
    link->poll(0.7);
    CHECK(countdownSecond(*link) == second - 1);
    Action pause;
    pause.type = ActionType::Pause;
    pause.seat = kFacilitator;
    REQUIRE(link->submit(pause).kind == SubmitOutcome::Kind::Applied);
    CHECK(linkPicture(*link) != before);
}

TEST_CASE("a player joining the host's lobby changes what the projector shows") {
    auto scenario = loadShipped("skatebaan");
    std::string error;
    auto host = net::Host::create(scenario, SessionSetup::defaultFor(*scenario, false, 5),
                                  (tempDir("frame_pacing_host") / "host.log").string(),
                                  loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);
    net::Host& h = *host;
    std::shared_ptr<TableLink> link = makeHostLink(std::move(host));
    link->poll();
    const std::string empty = linkPicture(*link);
    auto client = join(h, "skaters", "piano-zebra-tango", false);
    net::Client& c = *client;
    REQUIRE(runUntil(
        h, {&c}, [&] { return c.status() == net::Client::Status::Lobby; }, 5));
    link->poll();
    CHECK(linkPicture(*link) != empty);
}
