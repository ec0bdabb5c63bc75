#include "frame_pacing.hpp"

#include <algorithm>
#include <cmath>

#include "table_link.hpp"

namespace samenspel {

bool shouldDraw(const FrameCause& cause) {
    if (cause.everyTurn || cause.firstFrame)
        return true;
    // Nobody sees it: the session goes on, the picture waits until it is
    // shown again (then the window system says it was exposed).
    if (cause.hidden)
        return false;
    if (cause.exposed || cause.input || cause.framesSinceInput < kSettleFrames)
        return true;
    if (cause.sessionChanged || cause.redrawRequested || cause.screenshotWanted)
        return true;
    // The countdown shows seconds: a new second is a new picture.
    return cause.clockSecond != cause.drawnClockSecond;
}

int sleepMilliseconds(bool drewThisTurn, bool hidden, double msSinceTurnStarted,
                      double quietSeconds) {
    constexpr double kFrameMs = 1000.0 / 60.0;
    if (hidden)
        return 50;
    if (drewThisTurn)
        return static_cast<int>(std::max(0.0, std::floor(kFrameMs - msSinceTurnStarted)));
    // Nobody has touched it for a while: the first touch may wait three
    // frames' time (and a phone's action at the host as long); then every
    // frame counts again.
    return quietSeconds >= kQuietAfterSeconds ? 50 : static_cast<int>(kFrameMs);
}

std::int64_t countdownSecond(const TableLink& link) {
    if (!link.ready() || link.game().state().finished)
        return -1;
    const std::int64_t ms = link.phaseRemainingMs();
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

std::string linkPicture(const TableLink& link) {
    std::string p;
    p.reserve(96);
    const auto add = [&p](long long n) {
        p += std::to_string(n);
        p += ',';
    };
    add(link.ready());
    if (link.ready()) {
        const GameState& state = link.game().state();
        add(static_cast<long long>(state.actionCount));
        add(state.phase);
        add(state.paused);
        add(state.finished);
        add(static_cast<long long>(state.announcements.size()));
    }
    add(link.awaitingReply());
    add(link.lastRefusal().has_value());
    add(link.connectionLost());
    add(link.stop().has_value());
    add(link.checkpointFailed());
    for (const net::SeatStatus& seat : link.presence()) {
        add(seat.taken * 4 + seat.connected * 2 + seat.bot);
        p += seat.name;
        p += ';';
    }
    return p;
}

WindowSize fitWindowSize(WindowSize screen, WindowSize remembered, WindowSize requested) {
    if (requested.width > 0 && requested.height > 0)
        return requested;
    constexpr WindowSize kDefault{1600, 900};
    if (screen.width <= 0 || screen.height <= 0)
        return remembered.width > 0 && remembered.height > 0 ? remembered : kDefault;
    // Room for a dock at the side, a panel at the top or bottom and the
    // window's own title bar.
    const int roomWidth = static_cast<int>(screen.width * 0.95);
    const int roomHeight = static_cast<int>(screen.height * 0.90);
    if (remembered.width > 0 && remembered.height > 0 && remembered.width <= roomWidth &&
        remembered.height <= roomHeight)
        return remembered;
    const double scale = std::min({1.0, static_cast<double>(roomWidth) / kDefault.width,
                                   static_cast<double>(roomHeight) / kDefault.height});
    return {static_cast<int>(kDefault.width * scale), static_cast<int>(kDefault.height * scale)};
}

} // namespace samenspel
