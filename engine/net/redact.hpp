#pragma once
// Hidden information never leaves the host. A client gets the scenario as
// scenario YAML (format 1) that it loads with loadScenarioText, with what its
// seat may not know taken out:
//   - other roles: no secret (until an event or reflectie reveals it; every
//     other role gets the same stand-in, so not even whether it has one shows),
//     no weights, no reservation, and of their preconditions only those that
//     an action named: put on the table (complete) or given as a reason
//     (a neutral placeholder, content hidden). The list ends at the highest
//     index named so far, with placeholders in the gaps, so indices stay the
//     host's and the copy of the rules accepts every action it receives,
//     while the number of preconditions not yet named does not show;
//   - events that have not fired: no title or text, and no effects on other
//     roles' weights;
// and of the actions only those it may see (another seat's predictions stay
// on the host until the session has ended). When the session has ended
// everything is revealed and a client can rebuild the host's exact game.
#include <string>
#include <vector>

#include "core/action.hpp"
#include "core/game.hpp"

namespace samenspel::net {

// What a viewer may know; built from the host's game for one role
// (role -1: an observer without a seat, e.g. the projector).
struct RedactionView {
    int role = -1;
    bool revealAll = false;
    std::vector<bool> secretRevealed;                 // per role
    std::vector<std::vector<bool>> preconditionShown; // [role][precondition]
    // Per role: how many precondition entries a copy holds for a role it may
    // not see whole: 1 + the highest index shown or cited, 0 when none is.
    std::vector<int> preconditionSlots;
    std::vector<bool> eventFired; // per event
    // [role][value]: the role showed in public that the value matters to it
    // (shared it, answered with it, gave it as a reason). Not part of the
    // scenario text: a client derives the same from the actions it sees
    // (publicValuesOf) and gives its copy weight 1 there, so the rules accept
    // those actions on its copy; the real weight stays on the host.
    std::vector<std::vector<bool>> valueUsed;

    static RedactionView of(const Game& game, int role);
    // Before the session starts: nothing revealed yet.
    static RedactionView initial(const Scenario& scenario, int role);
    // Changes whenever the view gains something (a secret, a precondition,
    // a fired event, the end): then clients need a new scenario text.
    std::string fingerprint() const;
};

// The whole scenario as format-1 YAML, unredacted. Loading it gives the same
// scenario (same ids, order, numbers and expressions).
std::string scenarioToYaml(const Scenario& scenario);
// The scenario as `view` may see it.
std::string redactedScenarioYaml(const Scenario& scenario, const RedactionView& view);

// Whether a seat may see `action` as it happened (another seat's prediction
// or begrip answer may not be seen until the session has ended).
bool actionVisibleTo(const Action& action, int viewerSeat, bool sessionEnded);

// The values an action shows in public to matter to its actor's role.
std::vector<int> publicValuesOf(const Action& action);

// The id of the placeholder for a precondition that is not yet on the table.
std::string hiddenPreconditionId(int index);

} // namespace samenspel::net
