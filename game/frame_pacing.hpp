#pragma once
// When the shell draws a frame, and how large the window opens: decisions
// kept apart from the loop as plain functions, so they are tested without a
// window (tests/game/test_frame_pacing.cpp).
//
// A table on a projector mostly waits for people to talk. Drawing it sixty
// times a second while nothing changes costs a core of a laptop on battery,
// so the shell draws only when something on screen can have changed: input,
// the countdown's second, the session (an action, a phase, a pause, a network
// message, someone joining), a screen that animates, and never while the
// window cannot be seen. Between frames the loop keeps polling the session
// (its clock, bots and network) and sleeps a short while.
#include <cstdint>
#include <string>

namespace samenspel {

class TableLink;

// Everything the decision looks at, gathered by the loop each turn.
struct FrameCause {
    // Autoplay, --bench-frames, --screenshots, --first-frame-exit: test and
    // benchmark runs draw every turn, as fast as they can.
    bool everyTurn = false;
    bool firstFrame = false;       // nothing drawn yet
    bool hidden = false;           // unmapped, minimised or wholly covered
    bool exposed = false;          // the window system lost the picture (shown again, uncovered)
    bool input = false;            // a key, the mouse, a resize or focus since the last turn
    int framesSinceInput = 0;      // frames drawn since the last input
    bool sessionChanged = false;   // what the session shows is not what was drawn
    bool redrawRequested = false;  // a screen animates, a screen changed, fonts or theme changed
    bool screenshotWanted = false; // F12 or a screen asked for a picture
    std::int64_t drawnClockSecond = -1; // the session clock's second in the last frame
    std::int64_t clockSecond = -1;      // and now; -1 without a running session
};

// ImGui settles over a few frames after input (a window sizes itself in two,
// a popup opens in the next, hover follows the pointer): draw these many
// more after the last input.
inline constexpr int kSettleFrames = 3;

bool shouldDraw(const FrameCause& cause);

// How long the loop may sleep before it looks again (input, session,
// network): the rest of a 60 Hz frame after drawing; a frame's time while
// waiting, 50 ms once nobody touched it for kQuietAfterSeconds. While hidden
// it looks as often; the session and the network go on.
inline constexpr double kQuietAfterSeconds = 2.0;
int sleepMilliseconds(bool drewThisTurn, bool hidden, double msSinceTurnStarted,
                      double quietSeconds);

// The second the countdown shows (phaseRemainingMs rounded up, as
// clockText writes it); -1 when no session runs.
std::int64_t countdownSecond(const TableLink& link);

// What of a session link a screen shows, in one comparable string: actions,
// phase, pause, end, stop, warnings, the answer awaited over the network and
// who is connected. The loop compares it turn by turn.
std::string linkPicture(const TableLink& link);

// The window's first size: an explicit --size as given; else the size the
// user left it at, when it fits the screen; else 1600x900, made smaller to
// leave room for the desktop's panels and the title bar on a small screen.
struct WindowSize {
    int width = 0, height = 0;
    bool operator==(const WindowSize&) const = default;
};
WindowSize fitWindowSize(WindowSize screen, WindowSize remembered, WindowSize requested);

} // namespace samenspel
