#pragma once
// The debrief's "support over time", per proposal: which proposal was on the
// table from when to when, every role's support for it at each moment it
// changed (a new version, an event), and when each phase ran. The screen's
// chart and the report's draw from this, so they tell the same story.
#include <cstdint>
#include <vector>

#include "core/game.hpp"

namespace samenspel {

struct SupportStretch {
    int proposal = -1; // the version on the table (an index into GameState::proposals)
    std::int64_t fromMs = 0, toMs = 0;
    struct Sample {
        std::int64_t timeMs = 0;
        std::vector<double> support; // per role
    };
    std::vector<Sample> samples; // the first at fromMs
};

struct PhaseStretch {
    int phase = -1;
    std::int64_t fromMs = 0, toMs = 0;
};

struct SupportTimeline {
    std::int64_t endMs = 0; // the session's end, or now while it runs
    std::vector<PhaseStretch> phases;
    std::vector<SupportStretch> stretches; // in time order, one per change of proposal
};

SupportTimeline supportTimeline(const GameState& state);

} // namespace samenspel
