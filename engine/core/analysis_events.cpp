// The decision space after events, and the warnings about events; see
// analysis.hpp. Events change the world through the same code as in play
// (event_effects.hpp).
#include <algorithm>
#include <limits>

#include "core/analysis.hpp"
#include "core/event_effects.hpp"
#include "core/json.hpp"

namespace samenspel {

namespace {

std::string quoted(const std::string& id) {
    return "'" + id + "'";
}

std::string share(std::uint64_t part, std::uint64_t whole) {
    return formatNumber(
               whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0, 1) +
           "%";
}

// A decision is trivially gedragen when one gedragen package is best for
// every role, or when more than half of all packages are gedragen.
bool trivial(const AnalysisResult& r) {
    return r.exhaustive && (r.bestForAllGedragen || 2 * r.gedragen > r.packages);
}

std::string whyTrivial(const AnalysisResult& r, const AnalysisResult& start) {
    std::string why;
    if (r.bestForAllGedragen)
        why = "one gedragen package gives every role the highest support any package gives it, "
              "so nothing is left to negotiate";
    if (2 * r.gedragen > r.packages) {
        if (!why.empty())
            why += ", and ";
        why += std::to_string(r.gedragen) + " of " + std::to_string(r.packages) + " packages (" +
               share(r.gedragen, r.packages) + ") are gedragen, against " +
               std::to_string(start.gedragen) + " of " + std::to_string(start.packages) +
               " at the start";
    }
    return why;
}

void warnTrivial(const Scenario& sc, const AnalysisResult& start, EventsAnalysis& out) {
    if (!start.exhaustive || trivial(start))
        return;
    bool any = false;
    for (const EventOutcome& e : out.perEvent) {
        if (!trivial(e.result))
            continue;
        any = true;
        out.warnings.push_back({"event_trivially_gedragen",
                                "event " + quoted(sc.events[static_cast<std::size_t>(e.event)].id) +
                                    " makes the decision trivially gedragen: after it " +
                                    whyTrivial(e.result, start)});
    }
    if (!any && trivial(out.afterEvents))
        out.warnings.push_back({"event_trivially_gedragen",
                                "the events together make the decision trivially gedragen: after "
                                "all of them " +
                                    whyTrivial(out.afterEvents, start)});
}

bool inFeasible(const AnalysisResult& r, std::size_t issue, std::size_t option) {
    return issue < r.optionInFeasible.size() && option < r.optionInFeasible[issue].size() &&
           r.optionInFeasible[issue][option];
}

void warnOnlyByEvent(const Scenario& sc, const AnalysisResult& start, EventsAnalysis& out) {
    if (!start.exhaustive)
        return;
    for (std::size_t i = 0; i < sc.issues.size(); ++i)
        for (std::size_t o = 0; o < sc.issues[i].options.size(); ++o) {
            if (inFeasible(start, i, o))
                continue;
            std::vector<std::string> events;
            for (const EventOutcome& e : out.perEvent)
                if (inFeasible(e.result, i, o))
                    events.push_back(quoted(sc.events[static_cast<std::size_t>(e.event)].id));
            if (events.empty() && !inFeasible(out.afterEvents, i, o))
                continue;
            std::string text = "option " + quoted(sc.issues[i].options[o].id) + " of issue " +
                               quoted(sc.issues[i].id) +
                               " is in no feasible package at the start; ";
            if (events.empty()) {
                text += "only all events together make it feasible";
            } else if (events.size() == 1) {
                text += "only event " + events[0] + " makes it feasible";
            } else {
                text += "only the events ";
                for (std::size_t k = 0; k < events.size(); ++k)
                    text += (k == 0 ? "" : k + 1 == events.size() ? " and " : ", ") + events[k];
                text += " make it feasible (each alone)";
            }
            out.warnings.push_back({"option_only_by_event", text});
        }
}

} // namespace

std::vector<int> plannedEventOrder(const Scenario& sc) {
    std::vector<double> phaseStart(sc.phases.size() + 1, 0.0);
    for (std::size_t p = 0; p < sc.phases.size(); ++p)
        phaseStart[p + 1] = phaseStart[p] + sc.phases[p].minutes;
    const auto minute = [&](const Event& e) {
        switch (e.trigger) {
        case Event::Trigger::Phase:
            return e.phase >= 0 && static_cast<std::size_t>(e.phase) < sc.phases.size()
                       ? phaseStart[static_cast<std::size_t>(e.phase)]
                       : std::numeric_limits<double>::max();
        case Event::Trigger::Minute:
            return e.minute;
        case Event::Trigger::Condition:
            break;
        }
        return std::numeric_limits<double>::infinity();
    };
    std::vector<int> order(sc.events.size());
    for (std::size_t e = 0; e < order.size(); ++e)
        order[e] = static_cast<int>(e);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return minute(sc.events[static_cast<std::size_t>(a)]) <
               minute(sc.events[static_cast<std::size_t>(b)]);
    });
    return order;
}

EventsAnalysis analyzeEvents(const Scenario& sc, const AnalysisResult& start,
                             const AnalysisOptions& options) {
    EventsAnalysis out;
    const World initial = World::initial(sc);
    for (std::size_t e = 0; e < sc.events.size(); ++e) {
        EventOutcome outcome;
        outcome.event = static_cast<int>(e);
        outcome.world = initial;
        applyEvent(outcome.world, sc.events[e]);
        outcome.result = analyzeWorld(sc, outcome.world, options, &initial, &start);
        out.perEvent.push_back(std::move(outcome));
    }
    out.world = initial;
    for (int e : plannedEventOrder(sc))
        applyEvent(out.world, sc.events[static_cast<std::size_t>(e)]);
    out.afterEvents = analyzeWorld(sc, out.world, options, &initial, &start);
    warnTrivial(sc, start, out);
    warnOnlyByEvent(sc, start, out);
    return out;
}

} // namespace samenspel
