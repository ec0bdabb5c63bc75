// `samenspel analyze` output, as JSON and as text; keys and definitions in
// analysis.hpp.
#include <string>

#include "core/analysis.hpp"
#include "core/json.hpp"

namespace samenspel {

namespace {

std::size_t sz(int i) {
    return static_cast<std::size_t>(i);
}

std::string packageText(const Scenario& sc, const Package& p) {
    std::string s;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (i)
            s += ", ";
        s += sc.issues[i].id + "=" + sc.issues[i].options[sz(p[i])].id;
    }
    return s;
}

// Options in a feasible package in `now` but not in `before` (or the reverse),
// as "issue=option".
std::vector<std::string> optionsGained(const Scenario& sc, const AnalysisResult& now,
                                       const AnalysisResult& before) {
    std::vector<std::string> out;
    if (!now.exhaustive || !before.exhaustive)
        return out;
    for (std::size_t i = 0; i < now.optionInFeasible.size(); ++i)
        for (std::size_t o = 0; o < now.optionInFeasible[i].size(); ++o) {
            const bool was = i < before.optionInFeasible.size() &&
                             o < before.optionInFeasible[i].size() && before.optionInFeasible[i][o];
            if (now.optionInFeasible[i][o] && !was)
                out.push_back(sc.issues[i].id + "=" + sc.issues[i].options[o].id);
        }
    return out;
}

// [SECTION] JSON ---------------------------------------------------------------------

void writePackage(JsonWriter& j, const Scenario& sc, const std::optional<Package>& p) {
    if (!p) {
        j.null();
        return;
    }
    j.beginObject();
    for (std::size_t i = 0; i < p->size(); ++i)
        j.key(sc.issues[i].id).value(sc.issues[i].options[sz((*p)[i])].id);
    j.endObject();
}

void writeMaxmin(JsonWriter& j, const Scenario& sc, const std::string& prefix,
                 const std::optional<Package>& package, double support,
                 const std::vector<double>& byRole) {
    j.key(prefix + "_support");
    if (package)
        j.value(roundSupport(support), 1);
    else
        j.null();
    j.key(prefix + "_package");
    writePackage(j, sc, package);
    j.key(prefix + "_support_by_role");
    if (package) {
        j.beginObject();
        for (std::size_t i = 0; i < sc.roles.size() && i < byRole.size(); ++i)
            j.key(sc.roles[i].id).value(roundSupport(byRole[i]), 1);
        j.endObject();
    } else {
        j.null();
    }
}

// The figures of one state, as keys of the object being written.
void writeFigures(JsonWriter& j, const Scenario& sc, const AnalysisResult& r) {
    j.key("packages").raw(r.packagesText.empty() ? "0" : r.packagesText);
    const auto count = [&](const char* key, std::uint64_t n) {
        j.key(key);
        if (r.exhaustive)
            j.value(n);
        else
            j.null();
    };
    count("feasible", r.feasible);
    count("gedragen", r.gedragen);
    writeMaxmin(j, sc, "maxmin", r.maxminPackage, r.maxminSupport, r.maxminSupportByRole);
    writeMaxmin(j, sc, "maxmin_feasible", r.maxminFeasiblePackage, r.maxminFeasibleSupport,
                r.maxminFeasibleSupportByRole);
    j.key("nash_package");
    writePackage(j, sc, r.nashPackage);
    count("pareto_count", r.paretoCount);
}

// Figures of a state after events, with what changed against the start.
void writeEventState(JsonWriter& j, const Scenario& sc, const AnalysisResult& r,
                     const AnalysisResult& start) {
    writeFigures(j, sc, r);
    const auto count = [&](const char* key, std::uint64_t n) {
        j.key(key);
        if (r.exhaustive && start.exhaustive)
            j.value(n);
        else
            j.null();
    };
    count("newly_feasible", r.newlyFeasible);
    count("no_longer_feasible", r.noLongerFeasible);
    const auto list = [&](const char* key, const std::vector<std::string>& items) {
        j.key(key);
        if (!r.exhaustive || !start.exhaustive) {
            j.null();
            return;
        }
        j.beginArray();
        for (const std::string& s : items)
            j.value(s);
        j.endArray();
    };
    list("options_opened", optionsGained(sc, r, start));
    list("options_closed", optionsGained(sc, start, r));
}

// [SECTION] Text ----------------------------------------------------------------------

void maxminLines(std::string& s, const Scenario& sc, const char* label, const char* meaning,
                 double support, const Package& package, const std::vector<double>& byRole) {
    s += std::string("  ") + label + formatNumber(roundSupport(support), 1) + "  " + meaning +
         packageText(sc, package) + "\n";
    std::string roles;
    for (std::size_t i = 0; i < sc.roles.size() && i < byRole.size(); ++i)
        roles += (i ? ", " : "") + sc.roles[i].id + " " + formatNumber(roundSupport(byRole[i]), 1);
    s += "                support per role: " + roles + "\n";
}

void figuresText(std::string& s, const Scenario& sc, const AnalysisResult& r) {
    const auto line = [&](const std::string& text) { s += text + "\n"; };
    const auto share = [&](std::uint64_t n) {
        if (r.packages == 0)
            return std::string();
        return " (" +
               formatNumber(100.0 * static_cast<double>(n) / static_cast<double>(r.packages), 1) +
               "%)";
    };
    if (r.exhaustive) {
        line("  feasible      " + std::to_string(r.feasible) + share(r.feasible) +
             "  every role can accept");
        line("  gedragen      " + std::to_string(r.gedragen) + share(r.gedragen) +
             "  feasible, passes the rule, everyone >= min_support");
        line("  pareto        " + std::to_string(r.paretoCount) +
             " packages on the Pareto frontier");
    }
    if (r.maxminPackage) {
        maxminLines(s, sc, "maxmin        ", "the highest lowest support: ", r.maxminSupport,
                    *r.maxminPackage, r.maxminSupportByRole);
        if (!r.maxminIsFeasible)
            line("                not feasible: some role cannot accept it (maxmin looks at "
                 "every package)");
    }
    if (r.maxminFeasiblePackage && r.maxminIsFeasible && r.maxminPackage == r.maxminFeasiblePackage)
        line("  feasible max  the same package: every role can accept it");
    else if (r.maxminFeasiblePackage)
        maxminLines(s, sc, "feasible max  ",
                    "the best that every role can accept: ", r.maxminFeasibleSupport,
                    *r.maxminFeasiblePackage, r.maxminFeasibleSupportByRole);
    else if (!r.maxminFeasiblePackage)
        line(std::string("  feasible max  none (") +
             (r.exhaustive ? "no package is feasible" : "the search found no feasible package") +
             ")");
    line("  nash          " + (r.nashPackage ? packageText(sc, *r.nashPackage)
                                             : std::string("none (no feasible package)")));
}

void eventsText(std::string& s, const Scenario& sc, const AnalysisResult& start,
                const EventsAnalysis& ev) {
    std::string order;
    for (int e : plannedEventOrder(sc))
        order += (order.empty() ? "" : ", ") + sc.events[sz(e)].id;
    const AnalysisResult& after = ev.afterEvents;
    s += "after every event (" + (order.empty() ? std::string("there are none") : order) +
         "): " + after.packagesText + " packages\n";
    figuresText(s, sc, after);
    if (after.exhaustive && start.exhaustive)
        s += "  against the start: " + std::to_string(after.newlyFeasible) +
             " packages newly feasible, " + std::to_string(after.noLongerFeasible) +
             " no longer feasible\n";
    if (ev.perEvent.empty())
        return;
    s += "each event alone, from the start:\n";
    const auto feasibleMax = [](const AnalysisResult& r) {
        return r.maxminFeasiblePackage ? formatNumber(roundSupport(r.maxminFeasibleSupport), 1)
                                       : std::string("none");
    };
    for (const EventOutcome& e : ev.perEvent) {
        const AnalysisResult& r = e.result;
        std::string t = "  " + sc.events[sz(e.event)].id + ": ";
        if (r.exhaustive && start.exhaustive)
            t += "feasible " + std::to_string(start.feasible) + " -> " +
                 std::to_string(r.feasible) + " (" + std::to_string(r.newlyFeasible) + " new, " +
                 std::to_string(r.noLongerFeasible) + " lost), gedragen " +
                 std::to_string(start.gedragen) + " -> " + std::to_string(r.gedragen) + ", ";
        t += "feasible max " + feasibleMax(start) + " -> " + feasibleMax(r);
        for (const std::string& o : optionsGained(sc, r, start))
            t += "; opens " + o;
        for (const std::string& o : optionsGained(sc, start, r))
            t += "; closes " + o;
        s += t + "\n";
    }
}

std::vector<AnalysisWarning> allWarnings(const AnalysisResult& r, const EventsAnalysis* events) {
    std::vector<AnalysisWarning> all = r.warnings;
    if (events)
        all.insert(all.end(), events->warnings.begin(), events->warnings.end());
    return all;
}

} // namespace

std::string analysisJson(const Scenario& sc, const AnalysisResult& r, const EventsAnalysis* events,
                         bool showEvents) {
    JsonWriter j;
    j.beginObject();
    writeFigures(j, sc, r);
    j.key("warnings").beginArray();
    for (const AnalysisWarning& w : allWarnings(r, events))
        j.beginObject().key("id").value(w.id).key("text").value(w.text).endObject();
    j.endArray();
    if (events && showEvents) {
        j.key("after_events").beginObject();
        j.key("events").beginArray();
        for (int e : plannedEventOrder(sc))
            j.value(sc.events[sz(e)].id);
        j.endArray();
        writeEventState(j, sc, events->afterEvents, r);
        j.endObject();
        j.key("per_event").beginArray();
        for (const EventOutcome& e : events->perEvent) {
            j.beginObject().key("event").value(sc.events[sz(e.event)].id);
            writeEventState(j, sc, e.result, r);
            j.endObject();
        }
        j.endArray();
    }
    j.endObject();
    return j.str() + "\n";
}

std::string analysisText(const Scenario& sc, const AnalysisResult& r, const EventsAnalysis* events,
                         bool showEvents) {
    std::string s;
    s += sc.id + ": " + r.packagesText + " packages (" + std::to_string(sc.issues.size()) +
         " issues, " + std::to_string(sc.roles.size()) + " roles, rule " + decisionRuleId(sc.rule) +
         ", min_support " + formatNumber(sc.minSupport, 1) + ")" +
         (r.exhaustive ? "" : " - searched, not enumerated") + "\n";
    figuresText(s, sc, r);
    if (events && showEvents)
        eventsText(s, sc, r, *events);
    const std::vector<AnalysisWarning> warnings = allWarnings(r, events);
    if (warnings.empty()) {
        s += "no warnings\n";
    } else {
        s += "warnings:\n";
        for (const AnalysisWarning& w : warnings)
            s += "  - " + w.id + ": " + w.text + "\n";
    }
    return s;
}

} // namespace samenspel
