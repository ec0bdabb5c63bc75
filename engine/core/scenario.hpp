#pragma once
// The read-only content of a case, as loaded from a scenario file (format
// version 1, see DESIGN.md). Everything is resolved to indices at load time,
// so the rules, bots and analysis never look a name up while playing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/expr.hpp"
#include "core/text.hpp"

namespace samenspel {

inline constexpr int kScenarioFormatVersion = 1;

struct Attribute {
    std::string id;
    LocalizedText name;
    std::string unit;
};

struct Value {
    std::string id;
    LocalizedText name;
    LocalizedText description;
};

struct Option {
    std::string id;
    LocalizedText name;
    LocalizedText description;
    std::vector<double> attributes; // per scenario attribute (0 when absent)
    std::vector<int> effects;       // per scenario value, -3..3 (0 when absent)
    bool available = true;          // false: only an event's enable_option brings it in
};

struct Issue {
    std::string id;
    LocalizedText name;
    LocalizedText description;
    std::vector<Option> options;
};

struct Precondition {
    std::string id;
    LocalizedText name;
    Expression require;
    LocalizedText inWords; // the author's sentence for `require`; empty: generated
};

enum class RoleKind { Resident, Official, Council };

struct Role {
    std::string id;
    RoleKind kind = RoleKind::Resident;
    LocalizedText name;
    int minPlayers = 1;
    int maxPlayers = 1;
    LocalizedText briefing;   // public
    LocalizedText secret;     // this role only
    std::vector<int> weights; // per scenario value, 0..3
    std::vector<Precondition> preconditions;
    int votes = 1;            // weight in a council vote (council roles)
    double reservation = 0.0; // accepts only when support >= reservation
    std::string icon;         // one of roleIconNames(); empty: by kind (roleIcon)
};

enum class PhaseKind {
    Kennismaken,
    Perspectief,
    Waarden,
    Randvoorwaarden,
    Voorstel,
    Besluit,
    Reflectie
};
inline constexpr int kPhaseKindCount = 7;
const char* phaseId(PhaseKind kind); // "kennismaken", ...
std::optional<PhaseKind> phaseFromId(const std::string& id);

struct Phase {
    PhaseKind kind = PhaseKind::Kennismaken;
    int minutes = 5;
};

// What an event does. One struct with a kind keeps the log and the network
// format simple; unused fields stay at their defaults.
struct EventEffect {
    enum class Kind {
        SetResource,    // resource = amount
        AddResource,    // resource += amount
        AddValueWeight, // role's weight of value += delta (clamped to 0..3)
        SetValueWeight, // role's weight of value = amount (0..3)
        EnableOption,   // option of issue becomes available
        DisableOption,  // option of issue is withdrawn
        RevealSecret,   // role's secret becomes public
    };
    Kind kind = Kind::SetResource;
    int resource = -1;
    int role = -1;
    int value = -1;
    int issue = -1;
    int option = -1;
    double amount = 0.0;
};

struct Event {
    enum class Trigger { Phase, Minute, Condition };
    std::string id;
    Trigger trigger = Trigger::Phase;
    int phase = -1;       // index into Scenario::phases: Trigger::Phase fires when it starts;
                          // Trigger::Minute too, when that comes before `minute` (-1: minute only)
    double minute = 0;    // session minute (Trigger::Minute)
    Expression condition; // Trigger::Condition: fires once, when it first holds for the
                          // most recent proposal (or, without proposals, for resources alone)
    LocalizedText title;
    LocalizedText text;
    std::vector<EventEffect> effects;
};

enum class DecisionRule { CouncilMajority, UnanimousCouncil, Consensus };
const char* decisionRuleId(DecisionRule rule);
const char* roleKindId(RoleKind kind); // "resident", "official", "council"
// The pictures a role's token may carry (a scenario's optional `icon`); the
// window draws each with a glyph of Font Awesome (engine/ui/role_token).
const std::vector<std::string>& roleIconNames();
// The role's own icon, else its kind's: home, briefcase or gavel.
const std::string& roleIcon(const Role& role);

struct Scenario {
    int format = kScenarioFormatVersion;
    std::string id;
    LocalizedText title;
    LocalizedText summary;
    LocalizedText caseText; // "case:" in the file
    std::string stage; // signaleren | agenderen | ontwerpen | uitwerken | beslissen | evalueren
    int durationMinutes = 60; // the sum of the phases' minutes (the loader checks it)
    int version = 0;          // the content's own edition (`version:`); 0: the file names none
    std::vector<LocalizedText> learningGoals;

    std::vector<Attribute> attributes;
    std::vector<Value> values;
    std::vector<Issue> issues;
    std::vector<std::string> resourceNames;
    std::vector<double> resourceValues; // starting values
    std::vector<Role> roles;
    std::vector<Event> events;
    std::vector<Phase> phases; // default order when absent in the file

    DecisionRule rule = DecisionRule::CouncilMajority;
    double minSupport = 0.0;
    std::vector<int> publicValue; // per value, weights 0..3

    std::string sourcePath;  // file it was loaded from
    std::string contentHash; // FNV-1a 64 of the file bytes, 16 hex digits

    ExprNames exprNames() const;
    int valueIndex(const std::string& id) const; // -1 when unknown
    int roleIndex(const std::string& id) const;  // -1 when unknown
    int issueIndex(const std::string& id) const; // -1 when unknown
    int optionIndex(int issue, const std::string& id) const;
    int phaseIndex(PhaseKind kind) const; // -1 when the scenario skips it
    int eventIndex(const std::string& id) const;
    int resourceIndex(const std::string& id) const;
    // The case or a role's briefing has a plain-language text in `lang`:
    // turning plain language on changes what the table reads.
    bool hasPlainLanguage(const std::string& lang) const;
};

struct LoadResult {
    std::optional<Scenario> scenario; // set only when there are no errors
    Diagnostics errors;
    Diagnostics warnings; // the scenario loads, but something in it may not work as meant
    bool ok() const { return scenario.has_value() && errors.empty(); }
};

// Reads and validates a scenario file. Never throws: unreadable files, YAML
// syntax errors, wrong types, unknown keys and ids, out-of-range numbers, huge
// files and absurd nesting all come back as Diagnostics.
LoadResult loadScenarioFile(const std::string& path);
// Same, from text in memory; `name` is used as the file name in messages.
LoadResult loadScenarioText(const std::string& text, const std::string& name);

std::string contentHashOf(const std::string& bytes);

} // namespace samenspel
