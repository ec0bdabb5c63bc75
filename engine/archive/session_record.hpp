#pragma once
// What the archive keeps of one finished session: the scenario and its
// version, when and by whom it was played, the settings, the decision and the
// measurements per role and per person. Made from a Game by the engine's own
// measurements (Game::measure), so the archive says what replay and the
// report say; the same function serves a session that just finished and a
// log replayed by a rebuild, which is why a rebuilt archive holds the same rows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/game.hpp"

namespace samenspel {

struct ChosenOption {
    std::string issue;  // issue id
    std::string option; // option id
    bool operator==(const ChosenOption&) const = default;
};

struct RoleRecord {
    std::string id;
    std::string name;              // in the session's language
    std::optional<double> support; // S_r of the decided package; none without a decision
    int actions = 0;               // public actions of the role's seats
    bool heard = false;            // a public action in a dialogue phase
    bool operator==(const RoleRecord&) const = default;
};

struct PersonRecord {
    int seat = 0;
    std::string role; // role id
    std::string name;
    bool bot = false;
    int actions = 0; // public actions
    std::optional<double> begripBefore;
    std::optional<double> begripAfter;
    bool operator==(const PersonRecord&) const = default;
};

struct SessionRecord {
    std::int64_t number = 0; // the archive's number for it; 0 before it is stored
    std::string logPath;     // absolute
    std::string date;        // "yyyy-mm-dd hh:mm" UTC, when the session started
    std::string scenarioId;
    std::string scenarioTitle; // in the session's language
    std::string scenarioHash;  // the scenario's version: hash of its file's bytes
    std::string group;         // the facilitator's label; may be empty
    std::uint64_t seed = 0;
    std::string language;
    int seats = 0;
    int bots = 0;
    std::string setupJson; // the whole setup as the log's header has it
    std::uint64_t actions = 0;
    std::int64_t durationMs = 0; // session time from the start to the end
    bool decided = false;
    bool gedragen = false; // gedragen volgens de kaarten (the role cards' weights)
    // Gedragen aan tafel: no role stated an objection that was left
    // unanswered. None without a decision, and none for a session of an
    // archive of schema 1 whose log is gone (unknown, never guessed).
    std::optional<bool> gedragenAanTafel;
    std::optional<double> lowestSupport; // draagvlak of the decision
    std::optional<double> meanSupport;
    std::optional<double> publicValue;
    // Which begrip the figures are: 2 (chance-corrected, guessing scores 0)
    // or 1 (a log written before begrip v2, about 0.5 for guessing). None:
    // unknown (a session of an archive of schema 1 whose log is gone).
    std::optional<int> begripVersion;
    std::optional<double> begripBefore;
    std::optional<double> begripAfter;
    double inclusie = 1.0;
    // "speaking_time" or "game_actions" (inclusieBasisId); empty: unknown,
    // as begripVersion.
    std::string inclusieBasis;
    bool inclusieOverPeople = false; // bots left out (people played)
    double rolesHeard = 0.0;
    std::vector<ChosenOption> decision; // one per issue; empty without a decision
    std::vector<RoleRecord> roles;
    std::vector<PersonRecord> people;

    bool operator==(const SessionRecord&) const = default;
};

// The record of the session `game` holds, whose log is `logPath`.
SessionRecord recordOf(const Game& game, const std::string& logPath);

// When the session of `logPath` started, "yyyy-mm-dd hh:mm" (UTC): from the
// name newLogPath gives ("20261203-210500-skatebaan.log"), else the time the
// log was last written. Derived from the log alone, so a rebuild finds the
// same date.
std::string sessionDateOf(const std::string& logPath);

} // namespace samenspel
