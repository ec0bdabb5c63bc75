// Support over time, per proposal (see support_timeline.hpp).
#include "core/support_timeline.hpp"

#include <algorithm>

namespace samenspel {

SupportTimeline supportTimeline(const GameState& st) {
    SupportTimeline t;
    t.endMs = st.finished && st.finishedMs >= 0 ? st.finishedMs : st.nowMs;
    for (std::size_t p = 0; p < st.phaseStartedMs.size(); ++p) {
        if (st.phaseStartedMs[p] < 0)
            break;
        if (!t.phases.empty())
            t.phases.back().toMs = st.phaseStartedMs[p];
        t.phases.push_back({static_cast<int>(p), st.phaseStartedMs[p], t.endMs});
    }
    for (const SupportSample& s : st.supportHistory) {
        if (t.stretches.empty() || t.stretches.back().proposal != s.proposal) {
            if (!t.stretches.empty())
                t.stretches.back().toMs = s.timeMs;
            t.stretches.push_back({s.proposal, s.timeMs, t.endMs, {}});
        }
        std::vector<SupportStretch::Sample>& samples = t.stretches.back().samples;
        // Several changes at one moment (an event and its consequences): the last counts.
        if (!samples.empty() && samples.back().timeMs == s.timeMs)
            samples.back().support = s.support;
        else
            samples.push_back({s.timeMs, s.support});
    }
    // Drop stretches that lasted no time at all (replaced within the same moment).
    t.stretches.erase(std::remove_if(t.stretches.begin(), t.stretches.end(),
                                     [&](const SupportStretch& s) {
                                         return s.toMs <= s.fromMs && s.toMs < t.endMs;
                                     }),
                      t.stretches.end());
    return t;
}

} // namespace samenspel
