#pragma once
// How much one seat may put into a session, so that no player can flood it
// (a log, a welcome for a rejoining client and every screen stay small). The
// rules engine refuses an action over a limit (rules_check.cpp); docs/rules.md
// lists the same numbers for people. Each is far above what a real session or
// a bot needs (see docs/rules.md "Limits"), and each is counted from the
// actions alone, never from the wall clock, so a replay gives the same verdicts.
#include <cstddef>

namespace samenspel::limits {

// Free text, in characters (Unicode code points, not bytes).
inline constexpr std::size_t kReasonTextChars = 500; // a decline's reason, a proposal's note
inline constexpr std::size_t kConditionChars = 200;  // one ja-mits / support-if expression
inline constexpr std::size_t kSeatNameChars = 60;    // a seat's name in the session setup
inline constexpr std::size_t kGroupLabelChars = 80;  // the group label in the session setup

// People who share one seat as a team (a role that is a group in reality:
// residents, a council faction), so a room of 50 fits at a few tables.
inline constexpr int kMaxTeamSize = 4;

// Per action.
inline constexpr std::size_t kConditionsPerAction = 5; // on one reaction or vote

// Per seat, in one phase.
inline constexpr int kProposalsPerPhase = 30;   // proposals and amendments together
inline constexpr int kReactionsPerPhase = 100;  // reactions, a changed one counted again
inline constexpr int kDoneTogglesPerPhase = 20; // "done" and taking it back, each counted

} // namespace samenspel::limits
