#pragma once
// Bots: players that stand in for a missing person at any seat.
//
// A bot plays only through the Action values a person uses: it looks at the
// game (what its seat may know), returns the next action it wants to take,
// and the caller applies it through Game::apply (see session_driver.hpp). It
// never changes the state itself and never reads another role's hidden card
// (weights, unshared preconditions, reservation, secret), so the network host
// can run it on a redacted copy of the game.
//
// The strategy, from the negotiation-agent literature (docs/bots.md):
// - time-dependent concession (Faratin, Sierra & Jennings 1998): the bot's
//   aspiration falls from its best support toward its reservation over the
//   Voorstel phase; cooperation sets the curve (Boulware .. Conceder);
// - offers that maximise the Nash product of believed supports among the
//   packages the bot believes every role can accept (Nash 1950; the
//   "trade-off" idea of Faratin, Sierra & Jennings 2002);
// - a frequency/Bayesian-style opponent model built from shared values,
//   answers, shared preconditions, reactions and votes (Hindriks & Tykhonov
//   2008; Baarslag et al. 2016), which also drives the bot's predictions of
//   the other roles, so its begrip rises during the session.
// Deterministic: all chance comes from a hash of (seed, seat, decision).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/action.hpp"
#include "core/game.hpp"

namespace samenspel {

// splitmix64 (Steele, Lea & Flood 2014): a tiny, well-mixed generator. Used
// as a stateless hash of decision keys, so a decision never depends on how
// often the bot was asked.
std::uint64_t splitmix64(std::uint64_t x);

// Catalog keys a bot writes into Action::reasonText when it declines a
// question (assets/i18n/*/bots.yaml translates them for people).
inline constexpr const char* kBotDeclineGuarded = "bots.decline.guarded";
inline constexpr const char* kBotDeclineNotImportant = "bots.decline.not_important";
inline constexpr const char* kBotDeclineAllShared = "bots.decline.all_shared";

// The packages bots weigh, with their value totals E_p and attribute totals:
// every package of the enabled options when there are at most 4096, else a
// fixed seeded sample of 4096. It depends only on the scenario and on which
// options are enabled, so all bots of a session (and all sessions of a
// simulation) share one through a PackageTableCache.
struct PackageTable {
    std::uint64_t key = 0; // keyOf(world) it was built for
    std::vector<Package> packages;
    std::vector<int> totals;         // [k * values + v]
    std::vector<double> attrs;       // [k * attributes + a]
    std::vector<char> duplicate;     // [k]: a repeated sample (ignored)
    std::vector<std::size_t> stride; // dense index over all option combinations...
    std::vector<int> dense;          // ...combination -> k, -1 when not in the table
    std::map<Package, int> sparse;   // used instead when the dense index would be too large

    static std::uint64_t keyOf(const World& w); // from the enabled options
    static std::shared_ptr<const PackageTable> build(const Scenario& sc, const World& w);
    int indexOf(const Scenario& sc, const Package& p) const; // -1 when absent
};

// Tables by enabled-option key. Not thread-safe: one per thread.
class PackageTableCache {
  public:
    std::shared_ptr<const PackageTable> get(const Scenario& sc, const World& w);

  private:
    std::map<std::uint64_t, std::shared_ptr<const PackageTable>> tables_;
};

// What the bot believes about the other roles, from public information only.
class OpponentModel {
  public:
    OpponentModel() = default;
    OpponentModel(const Scenario& sc, int ownRole, std::uint64_t seed);

    // Rebuilds the beliefs from the public record of `view`.
    // `table` (optional) supplies value totals of packages it holds.
    void update(const Scenario& sc, const GameState& view, const std::vector<Seat>& seats,
                const PackageTable* table = nullptr);

    // Believed importance of value v to role r (higher = more important).
    double score(int role, int value) const { return score_[role][value]; }
    // Believed weights (0..3) of role r.
    const std::vector<double>& weights(int role) const { return weights_[role]; }
    // The (at most three) values the bot predicts matter most to role r.
    std::vector<int> predictTop(int role) const;
    // Number of public signals seen from role r (shares, answers, reasons).
    int evidence(int role) const { return evidence_[role]; }

  private:
    std::vector<std::vector<double>> prior_; // [role][value]
    std::vector<std::vector<double>> score_; // [role][value]
    std::vector<std::vector<double>> weights_;
    std::vector<int> evidence_;
};

class Bot {
  public:
    Bot(std::shared_ptr<const Scenario> scenario, int seat, int role, BotCharacter character,
        std::uint64_t seed);

    int seat() const { return seat_; }
    // Shares package tables with other bots (optional; saves building them per bot).
    void shareTables(std::shared_ptr<PackageTableCache> tables) { tables_ = std::move(tables); }
    const BotCharacter& character() const { return character_; }

    // Bots at human pace (SessionPace::botKindGapMs; 0 = off). At a table
    // with people the bot waits `gapMs` between two public actions of one
    // kind (proposing and amending are one kind), leaves a person's new
    // proposal on the table that long (anyone's half as long) before it
    // proposes anew, never amends
    // a proposal a person made, reacted to or voted on (a ja-mits amendment
    // only after people had `gapMs` to make it themselves) and never replaces
    // a person's proposal in besluit. Votes, answers to a question, private
    // predictions and `done` are not held back: the table waits for those.
    void setPacing(std::int64_t gapMs) { pacingGapMs_ = gapMs; }
    std::int64_t pacing() const { return pacingGapMs_; }
    // One of the bot's own actions was applied (for the pacing).
    void acted(const Action& action);

    // The next action this seat wants to take at session time `nowMs`, or
    // nothing when it waits for others (after it said Done, or between its
    // turns). Call again after each applied action; `view` may be a redacted
    // copy of the game.
    std::optional<Action> nextAction(const Game& view, std::int64_t nowMs);

    // Aspiration (target support) at fraction t of the Voorstel phase.
    double aspiration(double t) const;
    // Where its concession stops (its reservation when fully cooperative).
    double finalAspiration() const;
    const OpponentModel& model() const { return model_; }

  private:
    struct Candidate {
        Package package;
        double own = 0.0;   // own support
        bool ownOk = false; // own preconditions hold
    };

    std::optional<Action> kennismaken(const Game& g, std::int64_t nowMs);
    std::optional<Action> predict(const Game& g, std::int64_t nowMs);
    // Begrip v2's choice items (bot_begrip.cpp): the next one unanswered.
    std::optional<Action> answerItem(const Game& g, std::int64_t nowMs);
    std::optional<Action> waarden(const Game& g, std::int64_t nowMs);
    std::optional<Action> randvoorwaarden(const Game& g, std::int64_t nowMs);
    std::optional<Action> voorstel(const Game& g, std::int64_t nowMs);
    std::optional<Action> besluit(const Game& g, std::int64_t nowMs);

    Action make(ActionType type, std::int64_t nowMs) const;
    std::optional<Action> done(const Game& g, std::int64_t nowMs) const;
    void refresh(const Game& g, std::int64_t nowMs);
    bool coin(std::uint64_t key, double probability) const;
    double voorstelTime(const Game& g, std::int64_t nowMs) const;

    double ownSupport(const World& w, const Package& p) const;
    bool ownCanAccept(const World& w, const Package& p) const;
    int violatedOwnPrecondition(const World& w, const Package& p) const;
    void ensureModel(const Game& g);
    void ensureBelieved(const Game& g);
    const std::vector<char>& sharedPreconditionHolds(const World& w, int role, int precondition);
    double believed(std::size_t k, std::size_t r);
    double nashOf(std::size_t k);
    bool acceptableToOthers(std::size_t k);
    int indexOf(const Package& p) const;
    ExprInputs inputsFor(int k, const World& w) const;
    double nashScore(const Game& g, const Package& p);
    std::optional<Package> bestOffer(const Game& g, double minOwn);
    Reason bestValueReason(const Package& p, bool positive) const;
    std::optional<MitsCondition> mitsFor(const Game& g, const Package& p);
    std::optional<MitsCondition> computeMits(const Game& g, const Package& p) const;
    bool reactedTo(const Proposal& p) const;
    std::optional<Action> reactionTo(const Game& g, const Proposal& p, double target,
                                     std::int64_t nowMs);
    int warmestProposal(const GameState& s) const;
    bool everyRolePositive(const Game& g, const Proposal& p) const;
    int responsibleSeat(const Game& g, const Proposal& p) const;
    const Package* supportIfAmendment(const Game& g, const Proposal& p);
    std::optional<Action> vote(const Game& g, const Proposal& p, std::int64_t nowMs);
    Package amendmentFor(const Game& g, const Package& base,
                         const std::vector<MitsCondition>& conditions);
    double floorSupport() const;
    void buildPackages(const Game& g);
    // Pacing (setPacing): whether an action of `type` must wait now.
    bool held(ActionType type, std::int64_t nowMs) const;
    // Whether a person made `p`, reacted to it or voted on it.
    bool peopleOn(const Game& g, const Proposal& p) const;
    // Whether a new proposal would crowd the table: a person's proposal or
    // amendment came less than the pacing gap ago, anyone's less than half.
    bool floorTaken(const Game& g, std::int64_t nowMs) const;

    std::shared_ptr<const Scenario> sc_;
    int seat_;
    int role_;
    BotCharacter character_;
    std::uint64_t seed_;
    OpponentModel model_;

    // The packages the bot weighs (shared) and its own view of each.
    std::shared_ptr<PackageTableCache> tables_;
    std::shared_ptr<const PackageTable> table_;
    std::uint64_t ownKey_ = ~0ull;
    std::vector<double> own_;   // [k]: own support
    std::vector<int> violated_; // [k]: first broken own precondition, -1 none
    mutable std::vector<double> attrScratch_;
    struct MitsMemo {
        bool known = false;
        std::optional<MitsCondition> condition;
    };
    std::vector<MitsMemo> mits_; // [k]: mitsFor, once computed
    double bestOwn_ = 0.0;
    std::vector<int> ownWeights_; // own weights of the current world
    // Beliefs per package, refreshed when something public happened.
    // Believed supports per package and role, computed lazily and stamped with
    // the role's model version; Nash products likewise.
    std::vector<double> believedSupport_; // [k * roles + r]
    std::vector<std::uint32_t> believedStamp_;
    std::vector<std::vector<double>> believedWeights_; // per role
    std::vector<double> believedWsum_;
    std::vector<std::uint32_t> roleVersion_;
    std::vector<double> nash_;
    std::vector<std::uint32_t> nashStamp_;
    std::uint32_t nashVersion_ = 0;
    std::vector<double> margin_;              // per role: allowance for the model's uncertainty
    std::vector<signed char> verdictCells_;   // [k * roles + r]: 1 reacted positively, -1 objected
    std::vector<std::size_t> verdictTouched_; // cells to reset
    std::vector<std::pair<int, const std::vector<char>*>> shared_; // shared preconditions
    std::map<std::pair<int, int>, std::vector<char>> sharedHolds_; // (role, precondition) -> [k]
    std::uint64_t believedActionCount_ = ~0ull;

    std::uint64_t modelActionCount_ = ~0ull;
    std::uint64_t modelPrint_ = ~0ull; // fingerprint of the public record the model was built from
    int phaseSeen_ = -1;
    std::int64_t firstTurnMs_ = 0;
    Package lastOffer_;
    std::int64_t lastOfferMs_ = -1;
    std::map<std::string, Expression> parsedConditions_; // mits text -> parsed
    std::map<int, std::pair<std::size_t, Package>>
        supportIfMemo_; // proposal -> (conditions + 1, amendment)
    std::int64_t pacingGapMs_ = 0;
    std::map<ActionType, std::int64_t> lastActedMs_; // pacing kind -> when applied last
    std::map<int, std::int64_t> sentBackSeenMs_;     // proposal -> first seen back for amendment
};

} // namespace samenspel
