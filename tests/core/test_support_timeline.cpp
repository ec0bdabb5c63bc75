// Support over time per proposal (engine/core/support_timeline): stretches of
// the proposal on the table, and when each phase ran.
#include <doctest/doctest.h>

#include "core/support_timeline.hpp"

using namespace samenspel;

namespace {

SupportSample sample(std::int64_t ms, int proposal, double first) {
    return {ms, proposal, {first, -first}};
}

} // namespace

TEST_CASE("support timeline: one stretch per proposal on the table, until the next") {
    GameState st;
    st.nowMs = 40 * 60000;
    st.finished = true;
    st.finishedMs = 30 * 60000;
    st.phaseStartedMs = {0, 5 * 60000, 12 * 60000, 30 * 60000 - 1};
    st.supportHistory = {sample(8 * 60000, 0, 10),  sample(9 * 60000, 0, 12), // an event
                         sample(10 * 60000, 1, 20), sample(10 * 60000, 2, 25),
                         sample(11 * 60000, 2, 30), sample(11 * 60000, 2, 31)};
    const SupportTimeline t = supportTimeline(st);
    CHECK(t.endMs == 30 * 60000); // the session's end, not the clock after it
    REQUIRE(t.phases.size() == 4);
    CHECK(t.phases[0].fromMs == 0);
    CHECK(t.phases[0].toMs == 5 * 60000);
    CHECK(t.phases[3].toMs == 30 * 60000);
    // Proposal 1 was replaced within the same moment: no stretch of its own.
    REQUIRE(t.stretches.size() == 2);
    CHECK(t.stretches[0].proposal == 0);
    CHECK(t.stretches[0].fromMs == 8 * 60000);
    CHECK(t.stretches[0].toMs == 10 * 60000);
    CHECK(t.stretches[0].samples.size() == 2);
    CHECK(t.stretches[1].proposal == 2);
    CHECK(t.stretches[1].toMs == 30 * 60000);
    REQUIRE(t.stretches[1].samples.size() == 2);
    CHECK(t.stretches[1].samples[1].support[0] == 31); // the last change of a moment counts
}

TEST_CASE("support timeline: a running session reaches to now, over the phases begun") {
    GameState st;
    st.nowMs = 7 * 60000;
    st.phaseStartedMs = {0, 3 * 60000, -1, -1};
    const SupportTimeline t = supportTimeline(st);
    CHECK(t.endMs == 7 * 60000);
    REQUIRE(t.phases.size() == 2);
    CHECK(t.phases[1].toMs == 7 * 60000);
    CHECK(t.stretches.empty());
}
