// Bots: they finish sessions under every rule without a single refused
// action, are deterministic per seed, learn about the other roles, play
// differently by character, and never use what their seat cannot know.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/bot.hpp"
#include "core/live_session.hpp"
#include "core/log.hpp"
#include "core/simulation.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using samenspel::testing::applyAction;

namespace {

std::shared_ptr<const Scenario> loadShipped(const std::string& name) {
    LoadResult r = loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/" + name);
    for (const Diagnostic& d : r.errors)
        MESSAGE(d.format());
    REQUIRE(r.ok());
    return std::make_shared<const Scenario>(*r.scenario);
}

std::vector<std::string> shippedScenarios() {
    std::vector<std::string> names;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios"))
        if (entry.path().extension() == ".yaml")
            names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

struct Played {
    SessionStats result;
    bool finished = false;
    std::vector<Action> actions; // every accepted action, in order
    std::string log;             // the same, encoded
    Measurements measurements;
    // Yes votes on a version that broke one of the voter's own red lines.
    std::vector<std::string> yesAgainstOwnRedLine;
};

Played play(std::shared_ptr<const Scenario> sc, std::uint64_t seed, BotCharacter character = {}) {
    SessionSetup setup = SessionSetup::defaultFor(*sc, true, seed);
    for (Seat& seat : setup.seats)
        seat.character = character;
    struct Recorder final : SessionSink {
        Played& out;
        explicit Recorder(Played& p) : out(p) {}
        void applied(const Action& a, int, const Game& g) override {
            out.actions.push_back(a);
            out.log += encodeAction(a) + "\n";
            if (a.type != ActionType::Vote || a.vote != VoteKind::Yes || a.proposal < 0)
                return;
            const Proposal& p = g.state().proposals[static_cast<std::size_t>(a.proposal)];
            const int role = g.roleOfSeat(a.seat);
            const Role& card = g.scenario().roles[static_cast<std::size_t>(role)];
            for (int k = 0; k < static_cast<int>(card.preconditions.size()); ++k)
                if (!preconditionHolds(g.scenario(), g.state().world, role, k, p.package))
                    out.yesAgainstOwnRedLine.push_back(encodeAction(a));
        }
    };
    Played out;
    Recorder recorder(out);
    LiveSessionOptions options;
    options.pace = SessionPace::asFastAsPossible();
    std::string error;
    auto session = LiveSession::start(sc, setup, options, error);
    REQUIRE(session);
    session->addSink(&recorder);
    out.finished = session->runToEnd();
    out.result = session->stats();
    out.measurements = session->game().measure();
    return out;
}

void requireNoRefusals(const Played& p, const std::string& what) {
    for (const SessionRefusal& r : p.result.refusals)
        FAIL_CHECK(what << ": refused bot action " << encodeAction(r.action) << ": "
                        << r.refusal.english);
}

int count(const Played& p, ActionType type) {
    return static_cast<int>(std::count_if(p.actions.begin(), p.actions.end(),
                                          [&](const Action& a) { return a.type == type; }));
}

} // namespace

TEST_CASE("bots finish a session of every shipped scenario under every decision rule, and never "
          "vote yes against their own red line") {
    const std::vector<std::string> names = shippedScenarios();
    REQUIRE(!names.empty());
    const DecisionRule rules[] = {DecisionRule::CouncilMajority, DecisionRule::UnanimousCouncil,
                                  DecisionRule::Consensus};
    for (const std::string& name : names) {
        const auto original = loadShipped(name);
        for (DecisionRule rule : rules) {
            Scenario copy = *original;
            copy.rule = rule;
            const auto sc = std::make_shared<const Scenario>(copy);
            for (std::uint64_t seed : {1u, 2u, 3u}) {
                const std::string what =
                    name + " rule " + decisionRuleId(rule) + " seed " + std::to_string(seed);
                const Played p = play(sc, seed);
                CHECK_MESSAGE(p.finished, what);
                requireNoRefusals(p, what);
                // Every seat said or did something in the dialogue phases.
                for (int n : p.measurements.actionsPerSeat)
                    CHECK_MESSAGE(n > 0, what);
                // A bot never says yes to a version that breaks its own red
                // line, also not one that met the condition of its ja-mits.
                for (const std::string& vote : p.yesAgainstOwnRedLine)
                    FAIL_CHECK(what << ": yes against its own red line: " << vote);
            }
        }
    }
}

TEST_CASE("bots of every character play only legal actions") {
    const auto sc = loadShipped("skatebaan.yaml");
    for (double coop : {0.0, 0.5, 1.0})
        for (double open : {0.0, 1.0})
            for (std::uint64_t seed = 1; seed <= 5; ++seed) {
                const Played p = play(sc, seed, {coop, open});
                CHECK(p.finished);
                requireNoRefusals(p,
                                  "coop " + std::to_string(coop) + " open " + std::to_string(open));
            }
}

TEST_CASE("the same seed gives the same session, another seed another one") {
    const auto sc = loadShipped("skatebaan.yaml");
    const Played a = play(sc, 42);
    const Played b = play(sc, 42);
    CHECK(a.log == b.log);
    CHECK(a.log.size() > 1000);
    int differing = 0;
    for (std::uint64_t seed = 43; seed < 48; ++seed)
        differing += play(sc, seed).log != a.log ? 1 : 0;
    CHECK(differing == 5);
}

TEST_CASE("a replayed bot session gives the same state") {
    // What the driver applied is an ordinary action log: applying it to a
    // fresh game reproduces the decision and the measurements.
    const auto sc = loadShipped("skatebaan.yaml");
    const Played p = play(sc, 7);
    Game replay(sc, SessionSetup::defaultFor(*sc, true, 7));
    for (const Action& a : p.actions)
        REQUIRE(applyAction(replay, a).accepted);
    CHECK(replay.state().finished);
    CHECK(replay.state().decision.taken == p.measurements.decision.taken);
    CHECK(replay.state().decision.proposal == p.measurements.decision.proposal);
}

TEST_CASE("bots understand the other roles better at Reflectie than at Perspectief") {
    const auto sc = loadShipped("skatebaan.yaml");
    SimulationOptions options;
    options.games = 50;
    options.seed = 5;
    const SimulationReport r = simulate(sc, options);
    REQUIRE(r.begripBefore.count == 50);
    REQUIRE(r.begripAfter.count == 50);
    MESSAGE("begrip " << r.begripBefore.mean << " -> " << r.begripAfter.mean);
    CHECK(r.begripAfter.mean > r.begripBefore.mean + 0.1);
    CHECK(r.begripGain.min >= 0.0);
}

TEST_CASE("bots reach a gedragen decision in a meaningful share of skatebaan sessions") {
    const auto sc = loadShipped("skatebaan.yaml");
    SimulationOptions options;
    options.games = 40;
    options.seed = 9;
    const SimulationReport r = simulate(sc, options);
    CHECK(r.refusedBotActions == 0);
    CHECK(r.gedragen >=
          10); // a gedragen decision exists; bots find it at least a quarter of the time
}

TEST_CASE("open bots share and answer more, guarded bots decline more") {
    const auto sc = loadShipped("skatebaan.yaml");
    int openShares = 0, guardedShares = 0, openDeclines = 0, guardedDeclines = 0;
    int openAnswers = 0, guardedAnswers = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const Played open = play(sc, seed, {0.5, 0.95});
        const Played guarded = play(sc, seed, {0.5, 0.05});
        openShares +=
            count(open, ActionType::ShareValue) + count(open, ActionType::SharePrecondition);
        guardedShares +=
            count(guarded, ActionType::ShareValue) + count(guarded, ActionType::SharePrecondition);
        openDeclines += count(open, ActionType::Decline);
        guardedDeclines += count(guarded, ActionType::Decline);
        openAnswers += count(open, ActionType::Answer);
        guardedAnswers += count(guarded, ActionType::Answer);
    }
    CHECK(2 * openShares > 3 * guardedShares);
    CHECK(openAnswers > guardedAnswers);
    CHECK(guardedDeclines > openDeclines);
}

TEST_CASE("cooperative bots concede: more ja-mits and support-if, fewer no and objections") {
    const auto sc = loadShipped("skatebaan.yaml");
    int coopSoft = 0, coopHard = 0, hardSoft = 0, hardHard = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        for (bool cooperative : {true, false}) {
            const Played p = play(sc, seed, {cooperative ? 0.95 : 0.05, 0.5});
            int soft = 0, hard = 0;
            for (const Action& a : p.actions) {
                if (a.type == ActionType::React)
                    (a.reaction == ReactionKind::Object ? hard : soft)++;
                if (a.type == ActionType::Vote)
                    (a.vote == VoteKind::No ? hard : soft)++;
            }
            (cooperative ? coopSoft : hardSoft) += soft;
            (cooperative ? coopHard : hardHard) += hard;
        }
    }
    MESSAGE("cooperative " << coopSoft << "/" << coopHard << ", hard-line " << hardSoft << "/"
                           << hardHard);
    const double coopShare = static_cast<double>(coopSoft) / std::max(1, coopSoft + coopHard);
    const double hardShare = static_cast<double>(hardSoft) / std::max(1, hardSoft + hardHard);
    CHECK(coopShare > hardShare + 0.1);
}

TEST_CASE("ja-mits conditions are expressions that protect the voter's own card") {
    const auto sc = loadShipped("skatebaan.yaml");
    int mits = 0;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const Played p = play(sc, seed, {0.9, 0.5});
        for (const Action& a : p.actions) {
            if (!(a.type == ActionType::Vote && a.vote == VoteKind::JaMits) &&
                !(a.type == ActionType::React && a.reaction == ReactionKind::SupportIf))
                continue;
            REQUIRE(a.conditions.size() == 1);
            const MitsCondition& c = a.conditions.front();
            ++mits;
            CHECK(parseExpression(c.expression, sc->exprNames(), true).errors.empty());
            CHECK(c.protects.kind != Reason::Kind::None);
        }
    }
    CHECK(mits > 0);
}

TEST_CASE("a bot decides the same on a copy of the game without the other roles' secrets") {
    // The network host runs bots on a redacted copy. Here the copy's scenario
    // gives every other role different weights (same values held, so every
    // action stays legal), reservations and secrets; the bot at seat 0 must
    // not notice: at every turn it wants the same action in both games.
    const auto sc = loadShipped("skatebaan.yaml");
    Scenario other = *sc;
    for (std::size_t r = 0; r < other.roles.size(); ++r) {
        if (r == 0)
            continue;
        for (int& w : other.roles[r].weights)
            w = w > 0 ? 4 - w : 0; // 1 <-> 3, 2 stays
        other.roles[r].reservation += 7.0;
        other.roles[r].secret = LocalizedText::plain("redacted");
    }
    const auto redactedScenario = std::make_shared<const Scenario>(other);
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const SessionSetup setup = SessionSetup::defaultFor(*sc, true, seed);
        Game real(sc, setup);
        Game redacted(redactedScenario, setup);
        redacted.setPartialView(true);
        std::vector<Bot> bots;
        for (int s = 0; s < real.seatCount(); ++s)
            bots.emplace_back(sc, s, setup.seats[static_cast<std::size_t>(s)].role, BotCharacter{},
                              botSeed(seed, s));
        Bot shadow(redactedScenario, 0, setup.seats[0].role, BotCharacter{}, botSeed(seed, 0));
        std::int64_t now = 0;
        int compared = 0;
        for (int round = 0; round < 500 && !real.state().finished; ++round) {
            for (int s = 0; s < real.seatCount() && !real.state().finished; ++s) {
                for (int k = 0; k < 64; ++k) {
                    std::optional<Action> a =
                        bots[static_cast<std::size_t>(s)].nextAction(real, now);
                    // Begrip questions are built from the other roles' cards: a
                    // copy cannot ask them, and its bot answers none.
                    if (s == 0 && !(a && a->type == ActionType::AnswerItem)) {
                        std::optional<Action> b = shadow.nextAction(redacted, now);
                        REQUIRE(a.has_value() == b.has_value());
                        if (a) {
                            CHECK(encodeAction(*a) == encodeAction(*b));
                            ++compared;
                        }
                    }
                    if (!a)
                        break;
                    REQUIRE(applyAction(real, *a).accepted);
                    REQUIRE(applyAction(redacted, *a).accepted);
                }
            }
            now += 60'000;
            for (const Action& due : real.dueActions(now)) {
                REQUIRE(applyAction(real, due).accepted);
                REQUIRE(applyAction(redacted, due).accepted);
            }
        }
        CHECK(real.state().finished);
        CHECK(compared > 10);
    }
}

TEST_CASE("--bots SPEC: presets, per-role traits and clear errors") {
    const auto sc = loadShipped("skatebaan.yaml");
    BotSpecResult all = parseBotSpec("hardline;skaters=coop:0.9,open:0.7", *sc);
    REQUIRE(all.ok());
    const int skaters = sc->roleIndex("skaters");
    REQUIRE(skaters >= 0);
    CHECK(all.perRole[static_cast<std::size_t>(skaters)].cooperation == doctest::Approx(0.9));
    CHECK(all.perRole[static_cast<std::size_t>(skaters)].openness == doctest::Approx(0.7));
    const std::size_t other = skaters == 0 ? 1 : 0;
    CHECK(all.perRole[other].cooperation == doctest::Approx(0.15));

    CHECK(parseBotSpec("", *sc).ok());
    CHECK(parseBotSpec("*=coop:1", *sc).perRole[other].cooperation == doctest::Approx(1.0));
    CHECK(parseBotSpec("nice", *sc).error.find("unknown bot preset 'nice'") != std::string::npos);
    CHECK(parseBotSpec("skater=coop:0.5", *sc).error.find("did you mean 'skaters'") !=
          std::string::npos);
    CHECK(!parseBotSpec("skaters=coop:1.5", *sc).ok());
    CHECK(!parseBotSpec("skaters=kind:0.5", *sc).ok());
}

namespace {

// Skatebaan with a person in seat 0 and bots elsewhere, at human pace, moved
// by the facilitator to Voorstel; the person proposes at once and the bots
// get one minute of session time in steps of 100 ms.
struct HumanTable {
    std::unique_ptr<LiveSession> session;
    std::vector<Action> applied;
    int humanProposal = -1;
    std::int64_t proposedAtMs = 0;
};

HumanTable humanProposesInVoorstel(std::int64_t botKindGapMs, std::int64_t minutes = 1) {
    auto sc = loadShipped("skatebaan.yaml");
    SessionSetup setup = SessionSetup::defaultFor(*sc, true, 3);
    setup.seats[0].bot = false;
    setup.seats[0].name = "Sanne";
    LiveSessionOptions options;
    options.pace = SessionPace::humanPace(1500);
    options.pace.botKindGapMs = botKindGapMs;
    std::string error;
    HumanTable t;
    t.session = LiveSession::start(sc, setup, options, error);
    REQUIRE_MESSAGE(t.session, error);
    struct Recorder final : SessionSink {
        std::vector<Action>& out;
        explicit Recorder(std::vector<Action>& o) : out(o) {}
        void applied(const Action& a, int, const Game&) override { out.push_back(a); }
    } recorder(t.applied);
    t.session->addSink(&recorder);
    Action advance;
    advance.type = ActionType::Advance;
    advance.seat = kFacilitator;
    while (t.session->game().currentPhase() != PhaseKind::Voorstel) {
        t.session->advance(2000); // the bots do what they do in each phase
        REQUIRE(t.session->submit(advance).accepted);
    }
    // A package the bots do not like as it is: the worst for their roles.
    const Game& game = t.session->game();
    Package worst = game.defaultPackage();
    double worstSum = 1e9;
    std::vector<Package> all{{}};
    for (const Issue& issue : sc->issues) {
        std::vector<Package> next;
        for (const Package& p : all)
            for (int o = 0; o < static_cast<int>(issue.options.size()); ++o) {
                next.push_back(p);
                next.back().push_back(o);
            }
        all = std::move(next);
    }
    for (const Package& p : all) {
        if (!packageAvailable(*sc, game.state().world, p))
            continue;
        double sum = 0;
        for (int s = 1; s < game.seatCount(); ++s)
            sum += supportOf(*sc, game.state().world, game.roleOfSeat(s), p);
        if (sum < worstSum) {
            worstSum = sum;
            worst = p;
        }
    }
    Action propose;
    propose.type = ActionType::Propose;
    propose.seat = 0;
    propose.package = worst;
    REQUIRE(t.session->submit(propose).accepted);
    t.humanProposal = static_cast<int>(game.state().proposals.size()) - 1;
    t.proposedAtMs = t.session->clockMs();
    // Up to the last step before the minute (or minutes) are over.
    for (int step = 0; step < 600 * minutes - 1; ++step)
        t.session->advance(100);
    t.session->removeSink(&recorder);
    return t;
}

int botProposalsWithin(const HumanTable& t, std::int64_t ms) {
    int n = 0;
    for (const Action& a : t.applied)
        if ((a.type == ActionType::Propose || a.type == ActionType::Amend) && a.seat != 0 &&
            a.timeMs >= t.proposedAtMs && a.timeMs < t.proposedAtMs + ms)
            ++n;
    return n;
}

} // namespace

TEST_CASE("at a table with people, a person's proposal is not buried by bots within a minute") {
    // Issue 13: in Voorstel the bots made 13 proposals in about 1.5 minutes
    // and buried the human's proposal.
    const HumanTable unpaced = humanProposesInVoorstel(0);
    CHECK(botProposalsWithin(unpaced, 60'000) > 0); // what the pacing is for

    const HumanTable paced = humanProposesInVoorstel(60'000);
    CHECK(botProposalsWithin(paced, 60'000) == 0);
    // Still on the table a minute later, and the bots did react to it.
    CHECK(paced.session->game().proposalOnTable() == paced.humanProposal);
    CHECK(!paced.session->game().state().proposals[paced.humanProposal].reactions.empty());
}

TEST_CASE("at human pace a bot makes at most one proposal a minute and never amends a "
          "person's proposal") {
    const HumanTable t = humanProposesInVoorstel(60'000, 5);
    std::map<int, std::int64_t> lastProposal;
    int botProposals = 0;
    std::int64_t lastAtTable = -1;
    for (const Action& a : t.applied) {
        if (a.seat <= 0 || (a.type != ActionType::Propose && a.type != ActionType::Amend))
            continue;
        ++botProposals;
        // The bots take turns: half a minute at least between two of theirs.
        if (lastAtTable >= 0)
            CHECK(a.timeMs - lastAtTable >= 30'000);
        lastAtTable = a.timeMs;
        if (lastProposal.count(a.seat))
            CHECK_MESSAGE(a.timeMs - lastProposal[a.seat] >= 60'000,
                          "seat " << a.seat << " proposed twice within a minute");
        lastProposal[a.seat] = a.timeMs;
        if (a.type == ActionType::Amend)
            CHECK_MESSAGE(a.proposal != t.humanProposal, "a bot amended the person's proposal");
    }
    CHECK(botProposals > 0); // the bots still take part
}

TEST_CASE("a table of bots only is not paced, so simulate's figures stay comparable") {
    auto sc = loadShipped("skatebaan.yaml");
    LiveSessionOptions options;
    options.pace = SessionPace::humanPace(0);
    std::string error;
    auto session = LiveSession::start(sc, SessionSetup::defaultFor(*sc, true, 3), options, error);
    REQUIRE(session);
    session->advance(0);
    for (int s = 0; s < session->game().seatCount(); ++s)
        CHECK(session->bot(s)->pacing() == 0);
    CHECK(SessionPace::asFastAsPossible().botKindGapMs == 0);
    CHECK(SessionPace::humanPace().botKindGapMs == 60'000);
}
