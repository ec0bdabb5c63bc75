#pragma once
// Headless simulation (`samenspel simulate`): N complete sessions with bots
// in every seat, and the distribution of what came out of them.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/game.hpp"
#include "core/live_session.hpp"

namespace samenspel {

// Bot characters per role, from a --bots SPEC:
//   SPEC    := PART (';' PART)*
//   PART    := PRESET | ROLE '=' TRAIT (',' TRAIT)*      ROLE may be '*' (every role)
//   TRAIT   := ('coop' | 'cooperation') ':' NUMBER | ('open' | 'openness') ':' NUMBER
//   PRESET  := balanced | cooperative | hardline | mixed | open | guarded
// Numbers are in [0, 1]. Later parts override earlier ones, so
// "hardline;skaters=coop:0.9" makes everyone hard-line except the skaters.
// Presets: balanced 0.5/0.5 (the default); cooperative coop 0.85 open 0.8;
// hardline coop 0.15 open 0.3; open coop 0.5 open 0.95; guarded coop 0.5
// open 0.1; mixed gives role i the i-th (mod 6) of
// (0.8,0.6) (0.3,0.3) (0.6,0.8) (0.2,0.4) (0.7,0.5) (0.4,0.7) as (coop, open).
struct BotSpecResult {
    std::vector<BotCharacter> perRole;
    std::string error; // empty when the spec is valid
    bool ok() const { return error.empty(); }
};
BotSpecResult parseBotSpec(const std::string& spec, const Scenario& sc);
// The text for --help.
std::string botSpecHelp();

struct SimulationOptions {
    int games = 100;
    std::uint64_t seed = 1;
    std::vector<BotCharacter> perRole; // empty = balanced
    // Package tables shared by every game's bots; null = one cache for this run.
    std::shared_ptr<PackageTableCache> tables;
    // With games == 1: that game's session log is written here ("" = none).
    std::string logPath;
    // Called after each game with (games done, games total).
    std::function<void(int, int)> progress;
};

struct Spread {
    int count = 0;
    double mean = 0.0;
    double sd = 0.0; // population standard deviation
    double min = 0.0;
    double max = 0.0;
};

struct DecisionCount {
    Package package;
    int count = 0;
    bool gedragen = false; // as decided (with the world of that moment)
};

struct SimulationReport {
    int games = 0;
    std::uint64_t seed = 0;
    std::vector<BotCharacter> perRole;
    int decided = 0;
    int gedragen = 0;
    int finished = 0;
    Spread draagvlak;     // lowest support of the decided proposal, decided games
    Spread draagvlakMean; // mean support of the decided proposal, decided games
    Spread begripBefore;  // per game: mean over seats at Perspectief
    Spread begripAfter;   // at Reflectie
    Spread begripGain;    // per game: mean over seats that answered in both of after - before
    Spread inclusie;      // 1 - Gini of public actions per seat
    Spread publicValue;   // of the decided proposal, decided games
    Spread actions;       // accepted actions per game
    std::vector<DecisionCount> topDecisions;  // most frequent first, at most 5
    std::map<std::string, int> decisionPhase; // phase id (or "none") -> games
    std::uint64_t refusedBotActions = 0;      // always 0 unless a bot has a bug
    std::string firstRefusal;                 // the first one, for the report
    std::string error;                        // the log could not be written
};

// Seed of game i of a simulation with seed S.
std::uint64_t gameSeed(std::uint64_t seed, int game);

SimulationReport simulate(std::shared_ptr<const Scenario> sc, const SimulationOptions& options);

std::string simulationJson(const Scenario& sc, const SimulationReport& r);
std::string simulationText(const Scenario& sc, const SimulationReport& r);

} // namespace samenspel
