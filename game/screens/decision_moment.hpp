#pragma once
// The decision as a moment on the shared screen: when besluit ends, a
// full-screen view shows every council vote with its conditions, the decided
// package, whether the decision is gedragen and why (or why no decision was
// taken), and the lowest support. The session holds until the facilitator
// moves on. What it shows is worked out here without ImGui (tests/game), and
// drawn by the screen in decision_moment.cpp.
#include <memory>
#include <vector>

#include "core/game.hpp"
#include "table_link.hpp"

namespace samenspel {

class App;
class Screen;

// What the room is told when besluit ends.
struct DecisionFacts {
    enum class Outcome { Gedragen, NotGedragen, None };
    enum class NoneReason { NoProposal, Rejected, TimeRanOut };
    Outcome outcome = Outcome::None;
    NoneReason noneReason = NoneReason::NoProposal; // Outcome::None only
    int proposal = -1; // the decided proposal, else the last one voted on or put forward
    struct Broken {
        int role = -1;
        int precondition = -1;
    };
    std::vector<Broken> broken;    // preconditions the decided package breaks
    std::vector<int> belowMinimum; // roles whose support is under min_support
    int lowestRole = -1;           // the role with the lowest support (decided only)
    double lowestSupport = 0.0;
    // Whether this copy of the game can say who supports it how much: a
    // player's laptop knows only its own role's weights until the end.
    bool supportKnown = true;
};

// `besluitPhase` is the index of the besluit phase that just ended.
DecisionFacts decisionFacts(const Game& game, int besluitPhase, bool supportKnown = true);

// Holding the session while the moment shows. At a table where the
// facilitator acts (a shared screen, the host's projector) the moment pauses
// the session with the facilitator's own pause, so the clock, the bots and
// every phone stand still, and a replay of the log holds at the same place;
// moving on resumes it. Autoplay does not pause (its log must match
// `simulate`'s action for action); the autoplay director holds its frames
// instead. A player's laptop holds nothing: the host decides.
class MomentHold {
  public:
    // True when this call paused the session.
    bool begin(TableLink& link, bool autoplay);
    // Resumes what begin() paused; true when it did.
    bool end(TableLink& link);
    bool holding() const { return paused_; }

  private:
    bool paused_ = false;
};

// The screen, pushed over the table by the table itself when besluit ends.
std::unique_ptr<Screen> makeDecisionMomentScreen(App& app, std::shared_ptr<TableLink> link,
                                                 int besluitPhase);
bool isDecisionMomentScreen(const Screen* screen);

} // namespace samenspel
