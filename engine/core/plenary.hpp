#pragma once
// The plenary: the tables of a room (or any set of sessions of one case) side
// by side. Each table's decision and measurements, a matrix of which table
// chose which option of every issue, and a short list of the differences a
// facilitator would put to the room ("Table 2 reached a carried decision with
// the school playground; tables 1 and 3 did not").
//
// Pure and deterministic. The seam is PlenaryTable, what the plenary needs of
// one table: made from a live or replayed Game here (plenaryTableOf), and from
// an archived SessionRecord in engine/archive (archive/plenary_record.hpp),
// so the room's projector, the room report and `samenspel archive compare`
// say the same thing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/game.hpp"
#include "core/wording.hpp"

namespace samenspel {

struct PlenaryRole {
    std::string id;
    std::optional<double> support; // S_r of the decision; none without one
};

struct PlenaryTable {
    std::string label; // how the room calls it: "1", "2" ... or an archive number
    std::string scenarioId;
    std::string scenarioHash;
    bool finished = false;
    bool decided = false;
    bool gedragen = false; // gedragen volgens de kaarten
    // Gedragen aan tafel: no role stated an objection left unanswered. None
    // without a decision, or when an archived session does not know it.
    std::optional<bool> gedragenAanTafel;
    // (issue id, option id) per issue of the decision; empty without one.
    std::vector<std::pair<std::string, std::string>> decision;
    std::optional<double> lowestSupport; // draagvlak of the decision
    std::optional<double> meanSupport;
    std::optional<double> publicValue;
    // 2: begrip v2 (guessing scores 0), 1: v1 (about 0.5 for guessing); none
    // when an archived session does not know it. Begrip of different versions
    // does not compare (Plenary::begripNote).
    std::optional<int> begripVersion = 2;
    std::optional<double> begripBefore;
    std::optional<double> begripAfter;
    double inclusie = 1.0;
    std::optional<std::int64_t> decisionMs; // session time of the decision, when known
    std::int64_t durationMs = 0;            // session time until now, or until the end
    std::vector<PlenaryRole> roles;         // in the scenario's order
};

// What the plenary needs of `game`, called `label` in the room.
PlenaryTable plenaryTableOf(const Game& game, const std::string& label);

// One argument of a difference. The plenary holds ids and numbers; whoever
// shows it puts them into words of the room's language.
struct PlenaryArg {
    enum class Kind {
        Tables,  // a group of tables: `tables` (indices into Plenary::tables)
        Option,  // `issue`, `option`
        Role,    // `role`
        Support, // `number`, a support in [-100, 100]
    };
    Kind kind = Kind::Tables;
    std::vector<int> tables;
    std::string issue;
    std::string option;
    std::string role;
    double number = 0.0;
};

// A difference worth discussing: a catalog key ("plenary.note.*") and its
// arguments, {0}, {1}, ... in order.
struct PlenaryNote {
    std::string key;
    std::vector<PlenaryArg> args;
};

// One option of one issue and the tables that decided on it.
struct PlenaryChoice {
    std::string issue;
    std::string option;
    std::vector<int> tables; // indices into Plenary::tables, ascending
};

struct Plenary {
    std::vector<PlenaryTable> tables;
    // Every option some table chose, issue by issue in the order the
    // decisions name them, options in the order first chosen.
    std::vector<PlenaryChoice> matrix;
    std::vector<PlenaryNote> notes; // most telling first, at most kMaxNotes
    bool sameScenario = true;       // every table played one scenario ...
    bool sameVersion = true;        // ... in one version of it
    // Whether every table's begrip is of one known version; when not,
    // begripNote says which tables measured what, and whoever shows the
    // plenary puts no difference or mean of begrip across them.
    bool sameBegripVersion = true;
    std::optional<PlenaryNote> begripNote;

    static constexpr std::size_t kMaxNotes = 6;
    // A spread of lowest support, or of a role's support, worth a note: at
    // least this many points between the lowest and the highest table.
    static constexpr double kNotableSpread = 10.0;
};

Plenary makePlenary(std::vector<PlenaryTable> tables);

// Whether table `table` chose `option` for `issue`.
bool plenaryChose(const PlenaryTable& table, const std::string& issue, const std::string& option);

// [SECTION] In words (plenary_words.cpp)

// What a plenary needs to say itself in a language: catalog texts
// (plenary.*), and the names of the scenario's options and roles (ids when
// there is no scenario, or it does not know them).
struct PlenaryWords {
    const Scenario* scenario = nullptr;
    std::string lang = "nl";
    WordLookup word;
    bool sessions = false; // an archive's sessions rather than a room's tables
};

// "Tafel 2", "Table 2", "Sessie 12": a column's heading.
std::string plenaryTableName(const PlenaryTable& table, const PlenaryWords& w);
// "tafel 2", "tafels 1 en 3", "elke tafel" (every table of two or more).
std::string plenaryTablesText(const Plenary& p, const std::vector<int>& tables,
                              const PlenaryWords& w);
// "‘Op het plein van de middelbare school’ (Locatie)"
std::string plenaryOptionText(const std::string& issue, const std::string& option,
                              const PlenaryWords& w);
std::string plenaryIssueName(const std::string& issue, const PlenaryWords& w);
std::string plenaryOptionName(const std::string& issue, const std::string& option,
                              const PlenaryWords& w);
std::string plenaryRoleName(const std::string& role, const PlenaryWords& w);
// The note as a sentence, starting with a capital. The text is the first of
// key.<tables|sessions>.<one|other>, key.<one|other>, key.<tables|sessions>,
// key in the catalog; one or other by the number of tables of the note's
// first group (a group of every table counts as one: "elke tafel koos").
std::string plenaryNoteText(const Plenary& p, const PlenaryNote& note, const PlenaryWords& w);

} // namespace samenspel
