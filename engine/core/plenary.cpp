#include "core/plenary.hpp"

#include <algorithm>
#include <set>

namespace samenspel {

PlenaryTable plenaryTableOf(const Game& game, const std::string& label) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    const Measurements m = game.measure();
    PlenaryTable t;
    t.label = label;
    t.scenarioId = sc.id;
    t.scenarioHash = sc.contentHash;
    t.finished = st.finished;
    t.durationMs = st.nowMs;
    t.begripVersion = m.begripVersion;
    t.begripBefore = m.begripBefore;
    t.begripAfter = m.begripAfter;
    t.inclusie = m.inclusie;
    const bool decided = m.decision.taken && m.decision.proposal >= 0 &&
                         m.decision.proposal < static_cast<int>(st.proposals.size());
    t.decided = decided;
    if (decided) {
        t.gedragen = m.decision.gedragen;
        t.gedragenAanTafel = m.decision.gedragenAanTafel;
        t.lowestSupport = m.decision.draagvlak.minimum;
        t.meanSupport = m.decision.draagvlak.mean;
        t.publicValue = m.decision.publicValue;
        t.decisionMs = m.decision.timeMs;
        const Package& package =
            st.proposals[static_cast<std::size_t>(m.decision.proposal)].package;
        for (std::size_t i = 0; i < sc.issues.size() && i < package.size(); ++i) {
            const auto& options = sc.issues[i].options;
            const int o = package[i];
            const bool known = o >= 0 && o < static_cast<int>(options.size());
            t.decision.emplace_back(sc.issues[i].id,
                                    known ? options[static_cast<std::size_t>(o)].id : "?");
        }
    }
    for (std::size_t r = 0; r < sc.roles.size(); ++r) {
        PlenaryRole role{sc.roles[r].id, std::nullopt};
        if (decided && r < m.decisionSupport.size())
            role.support = m.decisionSupport[r];
        t.roles.push_back(std::move(role));
    }
    return t;
}

bool plenaryChose(const PlenaryTable& table, const std::string& issue, const std::string& option) {
    return std::any_of(table.decision.begin(), table.decision.end(),
                       [&](const auto& c) { return c.first == issue && c.second == option; });
}

namespace {

PlenaryArg tablesArg(std::vector<int> tables) {
    PlenaryArg a;
    a.kind = PlenaryArg::Kind::Tables;
    a.tables = std::move(tables);
    return a;
}

PlenaryArg optionArg(const std::string& issue, const std::string& option) {
    PlenaryArg a;
    a.kind = PlenaryArg::Kind::Option;
    a.issue = issue;
    a.option = option;
    return a;
}

PlenaryArg roleArg(const std::string& role) {
    PlenaryArg a;
    a.kind = PlenaryArg::Kind::Role;
    a.role = role;
    return a;
}

PlenaryArg supportArg(double value) {
    PlenaryArg a;
    a.kind = PlenaryArg::Kind::Support;
    a.number = value;
    return a;
}

std::vector<PlenaryChoice> choiceMatrix(const std::vector<PlenaryTable>& tables) {
    std::vector<std::string> issues;
    for (const PlenaryTable& t : tables)
        for (const auto& [issue, option] : t.decision)
            if (std::find(issues.begin(), issues.end(), issue) == issues.end())
                issues.push_back(issue);
    std::vector<PlenaryChoice> out;
    for (const std::string& issue : issues) {
        std::vector<PlenaryChoice> ofIssue;
        for (std::size_t i = 0; i < tables.size(); ++i)
            for (const auto& [is, chosen] : tables[i].decision) {
                if (is != issue)
                    continue;
                // A plain copy: clang 14 cannot capture a structured binding.
                const std::string option = chosen;
                auto it = std::find_if(ofIssue.begin(), ofIssue.end(),
                                       [&](const PlenaryChoice& c) { return c.option == option; });
                if (it == ofIssue.end())
                    it = ofIssue.insert(ofIssue.end(), PlenaryChoice{issue, option, {}});
                it->tables.push_back(static_cast<int>(i));
            }
        out.insert(out.end(), ofIssue.begin(), ofIssue.end());
    }
    return out;
}

std::vector<int> tablesWhere(const std::vector<PlenaryTable>& tables,
                             bool (*test)(const PlenaryTable&)) {
    std::vector<int> out;
    for (std::size_t i = 0; i < tables.size(); ++i)
        if (test(tables[i]))
            out.push_back(static_cast<int>(i));
    return out;
}

// Gedragen at some tables and not at others: the first option that every
// gedragen table chose and no other table did, which is what to ask about.
void noteGedragen(const Plenary& p, std::vector<PlenaryNote>& notes) {
    const auto carried = tablesWhere(p.tables, [](const PlenaryTable& t) { return t.gedragen; });
    const auto others = tablesWhere(p.tables, [](const PlenaryTable& t) { return !t.gedragen; });
    if (carried.empty())
        return;
    if (others.empty()) {
        if (carried.size() > 1)
            notes.push_back({"plenary.note.gedragen_everywhere", {tablesArg(carried)}});
        return;
    }
    // Against tables that decided otherwise; a table that decided nothing
    // says nothing about an option.
    const bool decidedOtherwise = std::any_of(others.begin(), others.end(), [&](int i) {
        return p.tables[static_cast<std::size_t>(i)].decided;
    });
    for (const PlenaryChoice& c : p.matrix)
        if (decidedOtherwise && c.tables == carried) {
            notes.push_back(
                {"plenary.note.gedragen_with",
                 {tablesArg(carried), optionArg(c.issue, c.option), tablesArg(others)}});
            return;
        }
    notes.push_back({"plenary.note.gedragen_some", {tablesArg(carried), tablesArg(others)}});
}

// Gedragen by the role cards and gedragen aan tafel tell different stories:
// a learning moment (people agreed against their card, or an objection
// stood though the cards carry it). Tables that do not know it say nothing.
void noteAanTafel(const Plenary& p, std::vector<PlenaryNote>& notes) {
    const auto tableOnly = tablesWhere(p.tables, [](const PlenaryTable& t) {
        return t.decided && !t.gedragen && t.gedragenAanTafel == true;
    });
    const auto cardsOnly = tablesWhere(p.tables, [](const PlenaryTable& t) {
        return t.decided && t.gedragen && t.gedragenAanTafel == false;
    });
    if (!tableOnly.empty())
        notes.push_back({"plenary.note.table_not_cards", {tablesArg(tableOnly)}});
    if (!cardsOnly.empty())
        notes.push_back({"plenary.note.cards_not_table", {tablesArg(cardsOnly)}});
}

void noteUndecided(const Plenary& p, std::vector<PlenaryNote>& notes) {
    const auto none = tablesWhere(p.tables, [](const PlenaryTable& t) { return !t.decided; });
    if (none.empty())
        return;
    notes.push_back({none.size() == p.tables.size() ? "plenary.note.no_decision_anywhere"
                                                    : "plenary.note.no_decision",
                     {tablesArg(none)}});
}

// The tables whose value, rounded as shown, is the lowest and the highest;
// ties share a group.
struct Spread {
    std::vector<int> low;
    std::vector<int> high;
    double lowValue = 0.0;
    double highValue = 0.0;
    double width() const { return highValue - lowValue; }
};

std::optional<Spread> spreadOf(const std::vector<std::optional<double>>& values) {
    Spread s;
    bool any = false;
    for (const auto& v : values)
        if (v) {
            const double r = roundSupport(*v);
            s.lowValue = any ? std::min(s.lowValue, r) : r;
            s.highValue = any ? std::max(s.highValue, r) : r;
            any = true;
        }
    if (!any)
        return std::nullopt;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i])
            continue;
        const double r = roundSupport(*values[i]);
        if (r == s.lowValue)
            s.low.push_back(static_cast<int>(i));
        if (r == s.highValue)
            s.high.push_back(static_cast<int>(i));
    }
    return s;
}

void noteLowestSpread(const Plenary& p, std::vector<PlenaryNote>& notes) {
    std::vector<std::optional<double>> lowest;
    for (const PlenaryTable& t : p.tables)
        lowest.push_back(t.decided ? t.lowestSupport : std::nullopt);
    const auto s = spreadOf(lowest);
    if (!s || s->width() < Plenary::kNotableSpread)
        return;
    notes.push_back({"plenary.note.lowest_spread",
                     {tablesArg(s->low), supportArg(s->lowValue), tablesArg(s->high),
                      supportArg(s->highValue)}});
}

// The role whose support for the decision differs most between tables: the
// first such role in the scenario's order when two differ equally.
void noteRoleSpread(const Plenary& p, std::vector<PlenaryNote>& notes) {
    std::vector<std::string> roles;
    for (const PlenaryTable& t : p.tables)
        for (const PlenaryRole& r : t.roles)
            if (std::find(roles.begin(), roles.end(), r.id) == roles.end())
                roles.push_back(r.id);
    std::optional<Spread> widest;
    std::string widestRole;
    for (const std::string& role : roles) {
        std::vector<std::optional<double>> support;
        for (const PlenaryTable& t : p.tables) {
            std::optional<double> v;
            for (const PlenaryRole& r : t.roles)
                if (r.id == role && t.decided)
                    v = r.support;
            support.push_back(v);
        }
        const auto s = spreadOf(support);
        if (s && (!widest || s->width() > widest->width())) {
            widest = s;
            widestRole = role;
        }
    }
    if (!widest || widest->width() < Plenary::kNotableSpread)
        return;
    notes.push_back({"plenary.note.role_spread",
                     {roleArg(widestRole), tablesArg(widest->low), supportArg(widest->lowValue),
                      tablesArg(widest->high), supportArg(widest->highValue)}});
}

// What every table that decided agreed on: the whole decision, else the
// options of the issues they agreed on.
void noteAgreement(const Plenary& p, std::vector<PlenaryNote>& notes) {
    const auto decided = tablesWhere(p.tables, [](const PlenaryTable& t) { return t.decided; });
    if (decided.size() < 2)
        return;
    const auto& first = p.tables[static_cast<std::size_t>(decided.front())].decision;
    const bool same = std::all_of(decided.begin(), decided.end(), [&](int i) {
        return p.tables[static_cast<std::size_t>(i)].decision == first;
    });
    if (same) {
        notes.push_back({"plenary.note.same_decision", {tablesArg(decided)}});
        return;
    }
    for (const PlenaryChoice& c : p.matrix)
        if (c.tables == decided)
            notes.push_back(
                {"plenary.note.all_chose", {tablesArg(decided), optionArg(c.issue, c.option)}});
}

// Begrip v1 next to v2 (or next to a version not known): said once, so that
// nobody reads 0.55 against 0.10 as a difference in understanding.
std::optional<PlenaryNote> begripVersionNote(const std::vector<PlenaryTable>& tables) {
    const auto v1 = tablesWhere(tables, [](const PlenaryTable& t) { return t.begripVersion == 1; });
    const auto v2 = tablesWhere(tables, [](const PlenaryTable& t) { return t.begripVersion == 2; });
    const auto unknown =
        tablesWhere(tables, [](const PlenaryTable& t) { return !t.begripVersion.has_value(); });
    if (!v1.empty() && !v2.empty())
        return PlenaryNote{"plenary.begrip_mixed", {tablesArg(v1), tablesArg(v2)}};
    if (!unknown.empty() && unknown.size() < tables.size())
        return PlenaryNote{"plenary.begrip_unknown", {tablesArg(unknown)}};
    return std::nullopt;
}

} // namespace

Plenary makePlenary(std::vector<PlenaryTable> tables) {
    Plenary p;
    p.tables = std::move(tables);
    p.matrix = choiceMatrix(p.tables);
    std::set<std::string> ids;
    std::set<std::pair<std::string, std::string>> versions;
    for (const PlenaryTable& t : p.tables) {
        ids.insert(t.scenarioId);
        versions.emplace(t.scenarioId, t.scenarioHash);
    }
    p.sameScenario = ids.size() <= 1;
    p.sameVersion = versions.size() <= 1;
    p.begripNote = begripVersionNote(p.tables);
    p.sameBegripVersion = !p.begripNote.has_value();
    if (p.tables.size() < 2)
        return p;
    noteGedragen(p, p.notes);
    noteAanTafel(p, p.notes);
    noteUndecided(p, p.notes);
    noteLowestSpread(p, p.notes);
    noteRoleSpread(p, p.notes);
    noteAgreement(p, p.notes);
    if (p.notes.size() > Plenary::kMaxNotes)
        p.notes.resize(Plenary::kMaxNotes);
    return p;
}

} // namespace samenspel
