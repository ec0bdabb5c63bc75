#pragma once
// What the files of the bot (bot.cpp, bot_packages.cpp, bot_opponent.cpp,
// bot_beliefs.cpp, bot_strategy.cpp) share and nobody else needs: hashing of
// decision keys and a few small helpers.
#include <cstddef>
#include <cstdint>
#include <limits>

#include "core/bot.hpp"
#include "core/limits.hpp"
#include "core/safe_text.hpp"

namespace samenspel::bot_detail {

inline constexpr std::size_t kMaxPackagesConsidered = 4096;
// violated_ mark of a repeated sample
inline constexpr int kDuplicate = std::numeric_limits<int>::max();

inline std::size_t sz(int i) {
    return static_cast<std::size_t>(i);
}

// Decision kinds, mixed into coin keys so different decisions are independent.
enum CoinKind : std::uint64_t {
    kCoinAnswer = 1,
    kCoinSharePrecondition = 2,
    kCoinSupportIf = 3,
    kCoinJaMits = 4,
    kCoinPriorJitter = 5,
    kCoinAskOrder = 6,
    kCoinSample = 7,
    kCoinItemGuess = 8,
};

inline std::uint64_t key3(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    return splitmix64(a * 0x100000001b3ull ^ splitmix64(b * 0x9e3779b97f4a7c15ull ^ c));
}

inline double unit(std::uint64_t h) {
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

inline int sign(int x) {
    return (x > 0) - (x < 0);
}

inline bool positiveReaction(ReactionKind k) {
    return k != ReactionKind::Object;
}

// What `seat` did in this phase, so a bot stays under the limits of
// core/limits.hpp instead of being refused.
inline SeatPhaseCount phaseCountOf(const Game& g, int seat) {
    const auto& counts = g.state().phaseCounts;
    return seat >= 0 && seat < static_cast<int>(counts.size()) ? counts[sz(seat)]
                                                               : SeatPhaseCount{};
}
inline bool mayPropose(const Game& g, int seat) {
    return phaseCountOf(g, seat).proposals < limits::kProposalsPerPhase;
}
inline bool mayReact(const Game& g, int seat) {
    return phaseCountOf(g, seat).reactions < limits::kReactionsPerPhase;
}
// Whether the rules take `expression` as a condition's text: a scenario's
// precondition or ids may be longer than a condition may be.
inline bool fitsCondition(const std::string& expression) {
    const TextInspection t = inspectText(expression);
    return t.problem == TextInspection::Problem::None && t.chars <= limits::kConditionChars;
}

} // namespace samenspel::bot_detail
