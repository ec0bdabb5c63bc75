// Headless simulation; see simulation.hpp.
#include "core/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/json.hpp"
#include "core/log.hpp"

namespace samenspel {

namespace {

std::size_t sz(int i) {
    return static_cast<std::size_t>(i);
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return "";
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

bool parseUnit(const std::string& text, double& out) {
    if (text.empty())
        return false;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v) || v < 0.0 || v > 1.0)
        return false;
    out = v;
    return true;
}

bool applyPreset(const std::string& name, std::vector<BotCharacter>& perRole) {
    static const BotCharacter kMixed[6] = {{0.8, 0.6}, {0.3, 0.3}, {0.6, 0.8},
                                           {0.2, 0.4}, {0.7, 0.5}, {0.4, 0.7}};
    for (std::size_t r = 0; r < perRole.size(); ++r) {
        BotCharacter& c = perRole[r];
        if (name == "balanced")
            c = {0.5, 0.5};
        else if (name == "cooperative")
            c = {0.85, 0.8};
        else if (name == "hardline")
            c = {0.15, 0.3};
        else if (name == "open")
            c = {0.5, 0.95};
        else if (name == "guarded")
            c = {0.5, 0.1};
        else if (name == "mixed")
            c = kMixed[r % 6];
        else
            return false;
    }
    return true;
}

// Running mean and spread (Welford), then min and max.
struct Accumulator {
    int n = 0;
    double mean = 0.0, m2 = 0.0, lo = 0.0, hi = 0.0;
    void add(double x) {
        ++n;
        const double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
        lo = n == 1 ? x : std::min(lo, x);
        hi = n == 1 ? x : std::max(hi, x);
    }
    Spread spread() const {
        Spread s;
        s.count = n;
        if (n == 0)
            return s;
        s.mean = mean;
        s.sd = std::sqrt(std::max(0.0, m2 / n));
        s.min = lo;
        s.max = hi;
        return s;
    }
};

} // namespace

BotSpecResult parseBotSpec(const std::string& spec, const Scenario& sc) {
    BotSpecResult out;
    out.perRole.assign(sc.roles.size(), BotCharacter{});
    for (const std::string& rawPart : split(spec, ';')) {
        const std::string part = trim(rawPart);
        if (part.empty())
            continue;
        const auto eq = part.find('=');
        if (eq == std::string::npos) {
            if (!applyPreset(part, out.perRole)) {
                out.error = "unknown bot preset '" + part +
                            "' (presets: balanced, cooperative, hardline, mixed, open, guarded)";
                return out;
            }
            continue;
        }
        const std::string roleId = trim(part.substr(0, eq));
        std::vector<int> roles;
        if (roleId == "*" || roleId == "all") {
            for (std::size_t r = 0; r < sc.roles.size(); ++r)
                roles.push_back(static_cast<int>(r));
        } else {
            const int r = sc.roleIndex(roleId);
            if (r < 0) {
                std::vector<std::string> ids;
                for (const Role& role : sc.roles)
                    ids.push_back(role.id);
                const std::string near = closestMatch(roleId, ids);
                out.error = "unknown role '" + roleId + "' in --bots" +
                            (near.empty() ? "" : " (did you mean '" + near + "'?)");
                return out;
            }
            roles.push_back(r);
        }
        for (const std::string& rawTrait : split(part.substr(eq + 1), ',')) {
            const std::string trait = trim(rawTrait);
            const auto colon = trait.find(':');
            const std::string name = trim(trait.substr(0, colon));
            double value = 0.0;
            if (colon == std::string::npos || !parseUnit(trim(trait.substr(colon + 1)), value)) {
                out.error =
                    "bad trait '" + trait + "' in --bots: write coop:X or open:X with X in [0, 1]";
                return out;
            }
            for (int r : roles) {
                if (name == "coop" || name == "cooperation")
                    out.perRole[sz(r)].cooperation = value;
                else if (name == "open" || name == "openness")
                    out.perRole[sz(r)].openness = value;
                else {
                    out.error = "unknown trait '" + name + "' in --bots (use coop or open)";
                    return out;
                }
            }
        }
    }
    return out;
}

std::string botSpecHelp() {
    return R"(Bot characters (--bots SPEC):
  SPEC is a preset, or ROLE=TRAITS, or several of these separated by ';'
  (later parts override earlier ones). TRAITS: coop:X,open:X with X in [0,1];
  coop 0 = hard-line .. 1 = cooperative, open 0 = guarded .. 1 = open.
  ROLE is a role id of the scenario, or * for every role.
  Presets: balanced (0.5/0.5, the default), cooperative (0.85/0.8),
  hardline (0.15/0.3), open (0.5/0.95), guarded (0.5/0.1), mixed (a
  different character per role).
  Example: --bots "hardline;skaters=coop:0.9,open:0.7"
)";
}

std::uint64_t gameSeed(std::uint64_t seed, int game) {
    return splitmix64(seed * 0x9e3779b97f4a7c15ull + static_cast<std::uint64_t>(game));
}

SimulationReport simulate(std::shared_ptr<const Scenario> sc, const SimulationOptions& options) {
    SimulationReport report;
    report.games = std::max(0, options.games);
    report.seed = options.seed;
    report.perRole = options.perRole;
    report.perRole.resize(sc->roles.size(), BotCharacter{});
    Accumulator draagvlak, draagvlakMean, before, after, gain, inclusie, pv, actions;
    std::map<Package, std::pair<int, bool>> decisions;
    for (const Phase& p : sc->phases)
        report.decisionPhase[phaseId(p.kind)] = 0;
    report.decisionPhase["none"] = 0;

    LiveSessionOptions sessionOptions;
    sessionOptions.pace = SessionPace::asFastAsPossible();
    sessionOptions.tables = options.tables ? options.tables : std::make_shared<PackageTableCache>();
    for (int i = 0; i < report.games; ++i) {
        SessionSetup setup = SessionSetup::defaultFor(*sc, true, gameSeed(options.seed, i));
        for (Seat& seat : setup.seats)
            seat.character = report.perRole[sz(seat.role)];
        sessionOptions.logPath = report.games == 1 ? options.logPath : std::string();
        std::string error;
        std::unique_ptr<LiveSession> session =
            LiveSession::start(sc, std::move(setup), sessionOptions, error);
        if (!session) {
            report.error = error;
            return report;
        }
        session->runToEnd();
        const SessionStats& result = session->stats();
        const Game& game = session->game();
        if (!result.refusals.empty() && report.firstRefusal.empty())
            report.firstRefusal = encodeAction(result.refusals.front().action) + ": " +
                                  result.refusals.front().refusal.english;
        report.refusedBotActions += result.refusals.size();
        report.finished += game.state().finished ? 1 : 0;
        actions.add(static_cast<double>(result.actions));

        const Measurements m = game.measure();
        if (m.decision.taken) {
            ++report.decided;
            report.gedragen += m.decision.gedragen ? 1 : 0;
            draagvlak.add(m.decision.draagvlak.minimum);
            draagvlakMean.add(m.decision.draagvlak.mean);
            pv.add(m.decision.publicValue);
            const Package& p = game.state().proposals[sz(m.decision.proposal)].package;
            auto& entry = decisions[p];
            ++entry.first;
            entry.second = entry.second || m.decision.gedragen;
            const int ph = result.decisionPhase;
            ++report.decisionPhase[ph >= 0 && ph < static_cast<int>(sc->phases.size())
                                       ? phaseId(sc->phases[sz(ph)].kind)
                                       : "none"];
        } else {
            ++report.decisionPhase["none"];
        }
        if (m.begripBefore)
            before.add(*m.begripBefore);
        if (m.begripAfter)
            after.add(*m.begripAfter);
        if (m.begripGain)
            gain.add(*m.begripGain);
        inclusie.add(m.inclusie);
        if (options.progress)
            options.progress(i + 1, report.games);
    }
    report.draagvlak = draagvlak.spread();
    report.draagvlakMean = draagvlakMean.spread();
    report.begripBefore = before.spread();
    report.begripAfter = after.spread();
    report.begripGain = gain.spread();
    report.inclusie = inclusie.spread();
    report.publicValue = pv.spread();
    report.actions = actions.spread();
    for (const auto& [package, entry] : decisions)
        report.topDecisions.push_back({package, entry.first, entry.second});
    // Most frequent first; equal counts in package order (std::map order), so
    // the list never depends on anything but the games.
    std::stable_sort(
        report.topDecisions.begin(), report.topDecisions.end(),
        [](const DecisionCount& a, const DecisionCount& b) { return a.count > b.count; });
    if (report.topDecisions.size() > 5)
        report.topDecisions.resize(5);
    return report;
}

namespace {

double share(int n, int of) {
    return of > 0 ? static_cast<double>(n) / of : 0.0;
}

void writeSpread(JsonWriter& j, const Spread& s, int decimals) {
    j.beginObject();
    j.key("n").value(s.count);
    j.key("mean").value(s.mean, decimals);
    j.key("sd").value(s.sd, decimals);
    j.key("min").value(s.min, decimals);
    j.key("max").value(s.max, decimals);
    j.endObject();
}

std::string packageText(const Scenario& sc, const Package& p) {
    std::string s;
    for (std::size_t i = 0; i < p.size(); ++i)
        s += (i ? ", " : "") + sc.issues[i].id + "=" + sc.issues[i].options[sz(p[i])].id;
    return s;
}

std::string spreadText(const Spread& s, int decimals) {
    if (s.count == 0)
        return "-";
    return formatNumber(s.mean, decimals) + " (sd " + formatNumber(s.sd, decimals) + ", " +
           formatNumber(s.min, decimals) + " .. " + formatNumber(s.max, decimals) + ")";
}

} // namespace

std::string simulationJson(const Scenario& sc, const SimulationReport& r) {
    JsonWriter j;
    j.beginObject();
    j.key("scenario").value(sc.id);
    j.key("games").value(r.games);
    j.key("seed").value(r.seed);
    j.key("bots").beginObject();
    for (std::size_t i = 0; i < sc.roles.size() && i < r.perRole.size(); ++i) {
        j.key(sc.roles[i].id).beginObject();
        j.key("cooperation").value(r.perRole[i].cooperation, 2);
        j.key("openness").value(r.perRole[i].openness, 2);
        j.endObject();
    }
    j.endObject();
    j.key("finished").value(r.finished);
    j.key("decision_share").value(share(r.decided, r.games), 4);
    j.key("gedragen_share").value(share(r.gedragen, r.games), 4);
    j.key("draagvlak");
    writeSpread(j, r.draagvlak, 2);
    j.key("draagvlak_mean_support");
    writeSpread(j, r.draagvlakMean, 2);
    j.key("begrip").beginObject();
    j.key("before");
    writeSpread(j, r.begripBefore, 4);
    j.key("after");
    writeSpread(j, r.begripAfter, 4);
    j.key("gain");
    writeSpread(j, r.begripGain, 4);
    j.endObject();
    j.key("inclusie");
    writeSpread(j, r.inclusie, 4);
    j.key("publieke_waarde");
    writeSpread(j, r.publicValue, 2);
    j.key("top_decisions").beginArray();
    for (const DecisionCount& d : r.topDecisions) {
        j.beginObject();
        j.key("package").beginObject();
        for (std::size_t i = 0; i < d.package.size(); ++i)
            j.key(sc.issues[i].id).value(sc.issues[i].options[sz(d.package[i])].id);
        j.endObject();
        j.key("count").value(d.count);
        j.key("share").value(share(d.count, r.games), 4);
        j.key("gedragen").value(d.gedragen);
        j.endObject();
    }
    j.endArray();
    j.key("decision_phase").beginObject();
    for (const Phase& p : sc.phases) {
        const auto it = r.decisionPhase.find(phaseId(p.kind));
        j.key(phaseId(p.kind)).value(it == r.decisionPhase.end() ? 0 : it->second);
    }
    const auto none = r.decisionPhase.find("none");
    j.key("none").value(none == r.decisionPhase.end() ? 0 : none->second);
    j.endObject();
    j.key("actions_per_game");
    writeSpread(j, r.actions, 1);
    j.key("refused_bot_actions").value(r.refusedBotActions);
    j.endObject();
    return j.str() + "\n";
}

std::string simulationText(const Scenario& sc, const SimulationReport& r) {
    std::string s;
    const auto line = [&](const std::string& t) { s += t + "\n"; };
    const auto pct = [&](int n) { return formatNumber(100.0 * share(n, r.games), 1) + "%"; };
    line(sc.id + ": " + std::to_string(r.games) + " sessions with bots in every seat, seed " +
         std::to_string(r.seed));
    std::string bots;
    for (std::size_t i = 0; i < sc.roles.size() && i < r.perRole.size(); ++i)
        bots += (i ? ", " : "") + sc.roles[i].id + " " + formatNumber(r.perRole[i].cooperation, 2) +
                "/" + formatNumber(r.perRole[i].openness, 2);
    line("  bots (coop/open)   " + bots);
    line("  decision           " + pct(r.decided) + " of sessions");
    line("  gedragen besluit   " + pct(r.gedragen) + " of sessions");
    line("  draagvlak          " + spreadText(r.draagvlak, 1) + "  lowest support, decided");
    line("  mean support       " + spreadText(r.draagvlakMean, 1));
    line("  begrip             " + spreadText(r.begripBefore, 3) + " -> " +
         spreadText(r.begripAfter, 3));
    line("  begrip gain        " + spreadText(r.begripGain, 3));
    line("  inclusie           " + spreadText(r.inclusie, 3));
    line("  publieke waarde    " + spreadText(r.publicValue, 1));
    std::string phases;
    for (const auto& p : sc.phases) {
        const auto it = r.decisionPhase.find(phaseId(p.kind));
        if (it != r.decisionPhase.end() && it->second > 0)
            phases += std::string(phases.empty() ? "" : ", ") + phaseId(p.kind) + " " +
                      std::to_string(it->second);
    }
    const auto none = r.decisionPhase.find("none");
    phases += std::string(phases.empty() ? "" : ", ") + "no decision " +
              std::to_string(none == r.decisionPhase.end() ? 0 : none->second);
    line("  decided in         " + phases);
    line("  most frequent decisions:");
    if (r.topDecisions.empty())
        line("    (none)");
    for (const DecisionCount& d : r.topDecisions)
        line("    " + pct(d.count) + "  " + packageText(sc, d.package) +
             (d.gedragen ? "  (gedragen)" : ""));
    line("  actions per game   " + spreadText(r.actions, 1));
    if (r.refusedBotActions > 0)
        line("  REFUSED bot actions: " + std::to_string(r.refusedBotActions) +
             ", first: " + r.firstRefusal);
    return s;
}

} // namespace samenspel
