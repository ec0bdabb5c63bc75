// `samenspel replay LOG [--json] [--scenario FILE]`: rebuilds a session from
// its log and prints what it yielded (DESIGN.md "Measurements"). A bad log
// exits 2 with FILE:LINE:COL errors on stderr.
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "core/wording.hpp"

namespace samenspel::cli {

namespace {

const char* kUsage = "usage: samenspel replay LOG [--json] [--scenario FILE]\n";

std::string packageText(const Scenario& sc, const Package& p) {
    std::string out;
    for (std::size_t i = 0; i < sc.issues.size() && i < p.size(); ++i) {
        const auto& options = sc.issues[i].options;
        const int o = p[i];
        if (!out.empty())
            out += ", ";
        out += sc.issues[i].id + "=" +
               (o >= 0 && o < static_cast<int>(options.size())
                    ? options[static_cast<std::size_t>(o)].id
                    : std::string("?"));
    }
    return out;
}

std::string oneDecimal(double s) {
    return formatNumber(roundSupport(s), 1);
}
std::string twoDecimals(double s) {
    return formatNumber(s, 2);
}

void printText(const Game& g, const ReadLog& read, const std::string& logPath) {
    const Scenario& sc = g.scenario();
    const GameState& st = g.state();
    const Measurements m = g.measure();
    std::printf("log:        %s\n", logPath.c_str());
    std::printf("scenario:   %s (%s)\n", sc.id.c_str(), sc.sourcePath.c_str());
    std::printf("actions:    %llu%s\n", static_cast<unsigned long long>(st.actionCount),
                read.truncatedTail ? " (a last line cut off by a crash was ignored)" : "");
    std::printf("state:      %s\n", st.finished ? "finished" : phaseId(g.currentPhase()));
    if (!m.decision.taken) {
        std::printf("decision:   none\n");
    } else {
        const Proposal& p = st.proposals[static_cast<std::size_t>(m.decision.proposal)];
        // Numbered as on the table and in the report (core/wording).
        const ProposalNumber n = proposalNumber(st, p.id);
        std::printf("decision:   proposal %d, version %d: %s\n", n.number, n.version,
                    packageText(sc, p.package).c_str());
        std::printf("gedragen:   %s by the role cards, %s at the table\n",
                    m.decision.gedragen ? "yes" : "no", m.decision.gedragenAanTafel ? "yes" : "no");
        // What each role said about it, and whether its card accepts it.
        std::printf("stances:   ");
        for (std::size_t r = 0;
             r < sc.roles.size() && r < m.decision.stances.size() && r < m.decision.accepts.size();
             ++r)
            std::printf(" %s %s (card %s)%s", sc.roles[r].id.c_str(),
                        stanceId(m.decision.stances[r].stance),
                        m.decision.accepts[r] ? "accepts" : "does not accept",
                        r + 1 < sc.roles.size() ? "," : "");
        std::printf("\n");
        std::printf("draagvlak:  min %s, mean %s\n",
                    oneDecimal(m.decision.draagvlak.minimum).c_str(),
                    oneDecimal(m.decision.draagvlak.mean).c_str());
        std::printf("support:   ");
        for (std::size_t r = 0; r < sc.roles.size() && r < m.decisionSupport.size(); ++r)
            std::printf(" %s %s%s", sc.roles[r].id.c_str(),
                        oneDecimal(m.decisionSupport[r]).c_str(),
                        r + 1 < sc.roles.size() ? "," : "");
        std::printf("\npublic value: %s\n", oneDecimal(m.decision.publicValue).c_str());
        for (const AttachedCondition& c : p.conditions)
            std::printf("condition:  %s (%s)\n", c.condition.expression.c_str(),
                        c.met ? "met" : "not met");
    }
    auto opt = [](const std::optional<double>& v) {
        return v ? twoDecimals(*v) : std::string("-");
    };
    std::printf("begrip:     before %s, after %s, gain %s", opt(m.begripBefore).c_str(),
                opt(m.begripAfter).c_str(), opt(m.begripGain).c_str());
    if (m.begripVersion >= 2)
        std::printf(" (begrip v2: 0 = guessing, 1 = every answer right)");
    else
        std::printf("\nnote:       begrip v1: not corrected for guessing (a log from before "
                    "begrip v2: the accuracy of the value predictions)");
    // A seat nobody named goes by its role.
    auto nameOf = [&](const PersonMeasure& p) {
        return p.name.empty() ? sc.roles[static_cast<std::size_t>(g.roleOfSeat(p.seat))].id
                              : p.name;
    };
    if (m.inclusieBasis == InclusieBasis::SpeakingTime) {
        std::printf("\ninclusie:   %s (basis: speaking time per person:",
                    twoDecimals(m.inclusie).c_str());
        const char* separator = " ";
        for (const PersonMeasure& p : m.people) {
            if (p.bot)
                continue;
            std::printf("%s%s %lld s in %d turn%s", separator, nameOf(p).c_str(),
                        static_cast<long long>((p.speakingMs + 500) / 1000), p.turns,
                        p.turns == 1 ? "" : "s");
            separator = ", ";
        }
        std::printf(")\n");
    } else {
        std::printf("\ninclusie:   %s (basis: game actions; public actions per seat:",
                    twoDecimals(m.inclusie).c_str());
        for (int n : m.actionsPerSeat)
            std::printf(" %d", n);
        std::printf(")\n");
    }
    if (m.hasTeams) {
        std::printf("people:    ");
        for (std::size_t i = 0; i < m.people.size(); ++i) {
            const PersonMeasure& p = m.people[i];
            std::printf(" %s %d%s", nameOf(p).c_str(), p.actions,
                        i + 1 < m.people.size() ? "," : "");
        }
        std::printf(" (public actions)\n");
    }
    // Begrip per person who answered: before -> after, with how many items.
    bool anyAnswer = false;
    for (const PersonMeasure& p : m.people) {
        if (!p.begripBefore && !p.begripAfter)
            continue;
        std::printf(
            "%s %s %s (%d) -> %s (%d)", anyAnswer ? "," : "begrip per person:", nameOf(p).c_str(),
            opt(p.begripBefore).c_str(), p.itemsBefore, opt(p.begripAfter).c_str(), p.itemsAfter);
        anyAnswer = true;
    }
    if (anyAnswer)
        std::printf(" (items answered)\n");
    std::printf("roles heard: %s overall;", twoDecimals(m.rolesHeard).c_str());
    for (std::size_t ph = 0; ph < sc.phases.size(); ++ph)
        if (isDialoguePhase(sc.phases[ph].kind))
            std::printf(" %s %s", phaseId(sc.phases[ph].kind),
                        twoDecimals(m.rolesHeardPerPhase[ph]).c_str());
    std::printf("\n");
}

void printJson(const Game& g, const ReadLog& read, const std::string& logPath) {
    const Scenario& sc = g.scenario();
    const GameState& st = g.state();
    const Measurements m = g.measure();
    JsonWriter w;
    w.beginObject();
    w.key("log").value(logPath);
    w.key("scenario")
        .beginObject()
        .key("id")
        .value(sc.id)
        .key("path")
        .value(sc.sourcePath)
        .endObject();
    w.key("actions").value(static_cast<std::uint64_t>(st.actionCount));
    w.key("truncatedTail").value(read.truncatedTail);
    w.key("finished").value(st.finished);
    w.key("phase").value(st.finished ? "finished" : phaseId(g.currentPhase()));
    w.key("decision").beginObject();
    w.key("taken").value(m.decision.taken);
    if (m.decision.taken) {
        const Proposal& p = st.proposals[static_cast<std::size_t>(m.decision.proposal)];
        const ProposalNumber n = proposalNumber(st, p.id);
        w.key("proposal").value(p.id); // the index actions refer to
        w.key("number").value(n.number);
        w.key("version").value(n.version);
        w.key("package").beginObject();
        for (std::size_t i = 0; i < sc.issues.size() && i < p.package.size(); ++i)
            w.key(sc.issues[i].id)
                .value(sc.issues[i].options[static_cast<std::size_t>(p.package[i])].id);
        w.endObject();
        w.key("gedragen").value(m.decision.gedragen); // by the role cards
        w.key("gedragen_aan_tafel").value(m.decision.gedragenAanTafel);
        // Per role: what it said about the decision, and whether its card accepts it.
        w.key("roles").beginObject();
        for (std::size_t r = 0;
             r < sc.roles.size() && r < m.decision.stances.size() && r < m.decision.accepts.size();
             ++r)
            w.key(sc.roles[r].id)
                .beginObject()
                .key("stance")
                .value(stanceId(m.decision.stances[r].stance))
                .key("accepts_by_card")
                .value(static_cast<bool>(m.decision.accepts[r]))
                .endObject();
        w.endObject();
        w.key("draagvlak").beginObject();
        w.key("min").value(roundSupport(m.decision.draagvlak.minimum), 1);
        w.key("mean").value(roundSupport(m.decision.draagvlak.mean), 1);
        w.endObject();
        w.key("support").beginObject();
        for (std::size_t r = 0; r < sc.roles.size() && r < m.decisionSupport.size(); ++r)
            w.key(sc.roles[r].id).value(roundSupport(m.decisionSupport[r]), 1);
        w.endObject();
        w.key("publicValue").value(roundSupport(m.decision.publicValue), 1);
        w.key("conditions").beginArray();
        for (const AttachedCondition& c : p.conditions)
            w.beginObject()
                .key("expression")
                .value(c.condition.expression)
                .key("met")
                .value(c.met)
                .endObject();
        w.endArray();
    }
    w.endObject();
    w.key("begrip").beginObject();
    auto opt = [&](const char* key, const std::optional<double>& v) {
        w.key(key);
        if (v)
            w.value(*v);
        else
            w.null();
    };
    w.key("version").value(m.begripVersion);
    opt("before", m.begripBefore);
    opt("after", m.begripAfter);
    opt("gain", m.begripGain);
    w.endObject();
    // Begrip v2 (1 for a log from before it: not corrected for guessing).
    w.key("begrip_version").value(m.begripVersion);
    opt("begrip_before", m.begripBefore);
    opt("begrip_after", m.begripAfter);
    opt("begrip_gain", m.begripGain);
    w.key("inclusie").value(m.inclusie);
    w.key("inclusie_basis").value(inclusieBasisId(m.inclusieBasis));
    w.key("actionsPerSeat").beginArray();
    for (int n : m.actionsPerSeat)
        w.value(n);
    w.endArray();
    // Every person at the table (a team seat's members one by one), so a
    // plenary or a spreadsheet can follow people rather than seats.
    w.key("people").beginArray();
    for (const PersonMeasure& p : m.people) {
        w.beginObject();
        w.key("seat").value(p.seat);
        w.key("person").value(p.person);
        w.key("role").value(sc.roles[static_cast<std::size_t>(g.roleOfSeat(p.seat))].id);
        // A bot's name is how the window happened to show it; the same
        // session replays to the same measurements whatever played it.
        if (!p.bot)
            w.key("name").value(p.name);
        w.key("bot").value(p.bot);
        w.key("actions").value(p.actions);
        opt("begripBefore", p.begripBefore);
        opt("begripAfter", p.begripAfter);
        opt("begrip_before", p.begripBefore);
        opt("begrip_after", p.begripAfter);
        w.key("begrip_items_before").value(p.itemsBefore);
        w.key("begrip_items_after").value(p.itemsAfter);
        w.key("speaking_ms").value(static_cast<std::int64_t>(p.speakingMs));
        w.key("turns").value(p.turns);
        w.endObject();
    }
    w.endArray();
    w.key("rolesHeard").value(m.rolesHeard);
    w.key("rolesHeardPerPhase").beginObject();
    for (std::size_t ph = 0; ph < sc.phases.size(); ++ph)
        if (isDialoguePhase(sc.phases[ph].kind))
            w.key(phaseId(sc.phases[ph].kind)).value(m.rolesHeardPerPhase[ph]);
    w.endObject();
    w.endObject();
    std::printf("%s\n", w.str().c_str());
}

} // namespace

int runReplay(const Args& args) {
    std::string logPath, scenarioOverride;
    bool json = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            json = true;
        } else if (a == "--scenario" && i + 1 < args.size()) {
            scenarioOverride = args[++i];
        } else if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return kExitOk;
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "samenspel replay: unknown option '%s'\n%s", a.c_str(), kUsage);
            return kExitBadInput;
        } else if (logPath.empty()) {
            logPath = a;
        } else {
            std::fprintf(stderr, "samenspel replay: one log at a time\n%s", kUsage);
            return kExitBadInput;
        }
    }
    if (logPath.empty()) {
        std::fputs(kUsage, stderr);
        return kExitBadInput;
    }
    const ReadLog read = readSessionLog(logPath);
    Replay replay = replaySessionLog(logPath, scenarioOverride);
    if (!replay.errors.empty() || !replay.game) {
        for (const Diagnostic& d : replay.errors)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return kExitBadInput;
    }
    for (const Diagnostic& d : replay.notes)
        std::fprintf(stderr, "%s\n", d.format().c_str());
    if (json)
        printJson(*replay.game, read, logPath);
    else
        printText(*replay.game, read, logPath);
    return kExitOk;
}

} // namespace samenspel::cli
