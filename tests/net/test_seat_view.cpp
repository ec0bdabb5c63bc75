// The seat view a phone gets (engine/net/seat_view.hpp): through whole bot
// sessions, every seat's view after every action parses, holds nothing of
// what the seat may not know, and offers exactly actions the rules accept;
// plus the moments a player would notice (a reaction making support public,
// an event revealing a secret, a red line given only as a reason) and the
// lobby.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/begrip.hpp"
#include "core/json_read.hpp"
#include "core/limits.hpp"
#include "core/live_session.hpp"
#include "core/scenario.hpp"
#include "core/scoring.hpp"
#include "net/protocol.hpp"
#include "net/seat_view.hpp"
#include "net/web_catalog.hpp"

using namespace samenspel;

namespace {

std::shared_ptr<const Scenario> shipped(const std::string& id) {
    LoadResult r =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/" + id + ".yaml");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors.front().format()));
    return std::make_shared<const Scenario>(std::move(*r.scenario));
}

const net::WebCatalog& catalog(const std::string& lang) {
    static std::map<std::string, net::WebCatalog> loaded;
    auto it = loaded.find(lang);
    if (it == loaded.end())
        it = loaded
                 .emplace(lang, net::loadWebCatalog(
                                    std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", lang))
                 .first;
    return it->second;
}

net::SeatViewContext contextFor(const std::string& lang) {
    net::SeatViewContext ctx;
    const net::WebCatalog* c = &catalog(lang);
    ctx.text = [c](const std::string& key) { return c->text(key); };
    return ctx;
}

Json viewOf(const Game& game, int seat, const std::string& lang = "nl",
            const net::SeatViewContext* ctx = nullptr) {
    const net::SeatViewContext own = contextFor(lang);
    const std::string text = net::seatViewJson(game, seat, lang, ctx ? *ctx : own);
    JsonError error;
    std::optional<Json> parsed = parseJson(text, error);
    REQUIRE_MESSAGE(parsed, (error.message + " at " + std::to_string(error.offset)));
    return std::move(*parsed);
}

// Every string value and every key of a JSON value, one per line.
void collect(const Json& v, std::string& strings, std::vector<std::string>& keyPaths,
             const std::string& path) {
    if (v.is_string()) {
        strings += v.get<std::string>();
        strings += '\n';
    } else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            keyPaths.push_back(path + "/" + it.key());
            collect(it.value(), strings, keyPaths, path + "/" + it.key());
        }
    } else if (v.is_array()) {
        for (const Json& e : v)
            collect(e, strings, keyPaths, path + "[]");
    }
}

bool contains(const std::string& haystack, const std::string& needle) {
    return !needle.empty() && haystack.find(needle) != std::string::npos;
}

std::vector<int> ints(const Json& array) {
    std::vector<int> out;
    for (const Json& e : array)
        out.push_back(e.get<int>());
    return out;
}

bool shared(const GameState& st, int role, int precondition) {
    for (const SharedPrecondition& s : st.sharedPreconditions)
        if (s.role == role && s.precondition == precondition)
            return true;
    return false;
}

// Texts a seat may legitimately see anyway: its own card and everything on
// the table. A hidden name that happens to equal one of these proves nothing.
std::set<std::string> publicNames(const Game& game, int ownRole) {
    const Scenario& sc = game.scenario();
    std::set<std::string> names;
    for (const auto& lt : {sc.title, sc.summary, sc.caseText})
        for (const auto& [lang, text] : lt.byLang)
            names.insert(text);
    for (const Value& v : sc.values)
        for (const auto& [lang, text] : v.name.byLang)
            names.insert(text);
    for (std::size_t r = 0; r < sc.roles.size(); ++r)
        for (std::size_t k = 0; k < sc.roles[r].preconditions.size(); ++k)
            if (static_cast<int>(r) == ownRole ||
                shared(game.state(), static_cast<int>(r), static_cast<int>(k)))
                for (const auto& [lang, text] : sc.roles[r].preconditions[k].name.byLang)
                    names.insert(text);
    // A red-line question offers names of other roles' red lines, whose they
    // are is what the seat has to know (test_seat_view_begrip.cpp).
    if (game.currentPhase() == PhaseKind::Perspectief ||
        game.currentPhase() == PhaseKind::Reflectie)
        for (const BegripItem& item : begripItems(sc, game.state().world, ownRole))
            for (const ItemOption& o : item.options)
                for (const auto& [lang, text] : o.text.byLang)
                    names.insert(text);
    return names;
}

// (b) Nothing of another role the seat may not know.
void checkHidden(const Game& game, int seat, const Json& view) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    const int own = game.roleOfSeat(seat);
    std::string strings;
    std::vector<std::string> keys;
    collect(view, strings, keys, "");
    const std::set<std::string> visible = publicNames(game, own);
    for (std::size_t r = 0; r < sc.roles.size(); ++r) {
        if (static_cast<int>(r) == own)
            continue;
        const Role& role = sc.roles[r];
        if (!st.secretRevealed[r] && !st.finished)
            for (const auto& [lang, text] : role.secret.byLang)
                if (contains(strings, text.substr(0, 40)))
                    FAIL_CHECK("the secret of " << role.id << " in a view of seat " << seat);
        for (std::size_t k = 0; k < role.preconditions.size(); ++k) {
            if (shared(st, static_cast<int>(r), static_cast<int>(k)))
                continue;
            const Precondition& pre = role.preconditions[k];
            for (const auto& [lang, text] : pre.name.byLang)
                if (!visible.count(text) && contains(strings, text))
                    FAIL_CHECK("the name of " << pre.id << " in a view of seat " << seat);
            if (contains(strings, pre.id + "\n"))
                FAIL_CHECK("the id of " << pre.id << " in a view of seat " << seat);
        }
    }
    // Weights only on the own card, and they are the own role's; no
    // reservation anywhere.
    for (const std::string& k : keys)
        if ((k.find("weight") != std::string::npos && k != "/card/values[]/weight") ||
            k.find("reservation") != std::string::npos)
            FAIL_CHECK("a weight or reservation outside the own card: " << k);
    for (const Json& v : view["card"]["values"]) {
        const int value = v["value"].get<int>();
        CHECK(v["weight"].get<int>() ==
              st.world.weights[static_cast<std::size_t>(own)][static_cast<std::size_t>(value)]);
    }
    // The own predictions and no one else's.
    std::size_t ownPredictions = 0;
    for (const Prediction& p : st.predictions)
        ownPredictions += p.seat == seat;
    CHECK(view["predictions"].size() == ownPredictions);
}

// The candidate actions a page would send for the entries of `can`.
struct PageActions {
    const Game& game;
    int seat;
    const Json& view;

    Action make(ActionType type) const {
        Action a;
        a.type = type;
        a.seat = seat;
        a.timeMs = game.state().nowMs;
        return a;
    }
    bool ok(const Action& a) const { return game.check(a).accepted; }
    std::vector<int> ownValues() const {
        std::vector<int> out;
        for (const Json& v : view["card"]["values"])
            out.push_back(v["value"].get<int>());
        return out;
    }
    // Some way to do it that the rules accept.
    bool anyAccepted(Action a, const std::vector<int>& values, int Action::*field) const {
        for (int v : values) {
            a.*field = v;
            if (ok(a))
                return true;
        }
        return false;
    }
    bool amendAccepted(int proposal) const {
        const GameState& st = game.state();
        const Package original = st.proposals[static_cast<std::size_t>(proposal)].package;
        Action a = make(ActionType::Amend);
        a.proposal = proposal;
        a.package = original;
        if (ok(a))
            return true;
        for (std::size_t i = 0; i < original.size(); ++i)
            for (std::size_t o = 0; o < game.scenario().issues[i].options.size(); ++o) {
                a.package = original;
                a.package[i] = static_cast<int>(o);
                if (ok(a))
                    return true;
            }
        return false;
    }
};

// (c) Every entry of `can` is an action the rules accept; a seat that may
// obviously act is offered it.
void checkCan(const Game& game, int seat, const Json& view) {
    const GameState& st = game.state();
    const Scenario& sc = game.scenario();
    const int role = game.roleOfSeat(seat);
    const Json& can = view["can"];
    const PageActions page{game, seat, view};
    std::vector<int> allValues(sc.values.size());
    for (std::size_t v = 0; v < allValues.size(); ++v)
        allValues[v] = static_cast<int>(v);
    allValues.insert(allValues.begin(), -1);

    for (int v : ints(can["shareValue"])) {
        Action a = page.make(ActionType::ShareValue);
        a.value = v;
        CHECK(page.ok(a));
    }
    for (int r : ints(can["ask"])) {
        Action a = page.make(ActionType::Ask);
        a.targetRole = r;
        CHECK(page.anyAccepted(a, allValues, &Action::value));
    }
    for (int q : ints(can["answer"])) {
        Action a = page.make(ActionType::Answer);
        a.question = q;
        CHECK(page.anyAccepted(a, page.ownValues(), &Action::value));
    }
    for (int q : ints(can["decline"])) {
        Action a = page.make(ActionType::Decline);
        a.question = q;
        a.reasonText = "Liever niet.";
        CHECK(page.ok(a));
    }
    for (int k : ints(can["sharePrecondition"])) {
        Action a = page.make(ActionType::SharePrecondition);
        a.precondition = k;
        CHECK(page.ok(a));
    }
    for (int r : ints(can["predict"])) {
        Action a = page.make(ActionType::Predict);
        a.targetRole = r;
        a.values = {0};
        CHECK(page.ok(a));
    }
    for (const Json& e : can["answerItem"]) {
        Action a = page.make(ActionType::AnswerItem);
        a.targetRole = e["role"].get<int>();
        BegripItemKind kind = BegripItemKind::Values;
        REQUIRE(begripItemKindFromId(e["kind"].get<std::string>(), kind));
        a.itemKind = static_cast<int>(kind);
        a.choice = 0;
        CHECK(page.ok(a));
    }
    if (can["propose"].get<bool>()) {
        Action a = page.make(ActionType::Propose);
        a.package = game.defaultPackage();
        CHECK(page.ok(a));
    }
    for (int p : ints(can["amend"]))
        CHECK(page.amendAccepted(p));
    for (int p : ints(can["react"])) {
        Action a = page.make(ActionType::React);
        a.proposal = p;
        bool accepted = false;
        for (int v : page.ownValues()) {
            a.reason = {Reason::Kind::Value, v};
            accepted = accepted || page.ok(a);
        }
        const int preconditions =
            static_cast<int>(sc.roles[static_cast<std::size_t>(role)].preconditions.size());
        for (int k = 0; k < preconditions; ++k) {
            a.reason = {Reason::Kind::Precondition, k};
            accepted = accepted || page.ok(a);
        }
        CHECK(accepted);
    }
    if (const int p = can["vote"].get<int>(); p >= 0) {
        Action a = page.make(ActionType::Vote);
        a.proposal = p;
        CHECK(page.ok(a));
    }
    CHECK(can["done"].get<bool>() == page.ok(page.make(ActionType::Done)));

    // What a seat obviously may do is offered.
    if (st.finished || st.paused)
        return;
    const int toggles = st.phaseCounts[static_cast<std::size_t>(seat)].doneToggles;
    CHECK(can["done"].get<bool>() == (toggles < limits::kDoneTogglesPerPhase));
    const PhaseKind phase = game.currentPhase();
    if (phase == PhaseKind::Waarden || phase == PhaseKind::Randvoorwaarden) {
        std::vector<int> unshared;
        for (int v = 0; v < static_cast<int>(sc.values.size()); ++v) {
            bool done = false;
            for (const SharedValue& s : st.sharedValues)
                done = done || (s.role == role && s.value == v);
            if (!done &&
                st.world.weights[static_cast<std::size_t>(role)][static_cast<std::size_t>(v)] > 0)
                unshared.push_back(v);
        }
        CHECK(ints(can["shareValue"]) == unshared);
    } else {
        CHECK(can["shareValue"].empty());
    }
    std::vector<int> others;
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
        if (r != role)
            others.push_back(r);
    if (phase == PhaseKind::Perspectief || phase == PhaseKind::Reflectie) {
        CHECK(ints(can["predict"]) == others);
        std::size_t choiceItems = 0;
        for (const Json& item : view["begrip"]["items"])
            choiceItems += item["kind"].get<std::string>() != "values";
        CHECK(can["answerItem"].size() == choiceItems);
    } else {
        CHECK(can["predict"].empty());
        CHECK(can["answerItem"].empty());
        CHECK(view["begrip"].is_null());
    }
    if (phase == PhaseKind::Besluit && game.isVoter(seat) && can["vote"].get<int>() < 0) {
        // Not offered: then the rules really refuse a yes on the proposal on the table.
        Action a = page.make(ActionType::Vote);
        a.proposal = game.proposalOnTable();
        CHECK_FALSE(page.ok(a));
    }
}

// (d) A role's support for a proposal only once a seat of that role reacted
// to it or voted on it (or the session is over).
struct SupportSeen {
    int hidden = 0; // (proposal, role) pairs not public yet, absent as they should be
    int shown = 0;  // pairs public and present
};

// The roles whose support for `p` is public: those that reacted or voted.
std::set<int> heardOn(const Game& game, const Proposal& p) {
    std::set<int> heard;
    for (const Reaction& r : p.reactions)
        heard.insert(game.roleOfSeat(r.seat));
    for (const CastVote& v : p.votes)
        heard.insert(game.roleOfSeat(v.seat));
    return heard;
}

void checkSupport(const Game& game, const Json& view, SupportSeen& seen) {
    const GameState& st = game.state();
    const int roles = static_cast<int>(game.scenario().roles.size());
    REQUIRE(view["proposals"].size() == st.proposals.size());
    for (const Json& pv : view["proposals"]) {
        const Proposal& p = st.proposals[pv["proposal"].get<std::size_t>()];
        const std::set<int> heard = heardOn(game, p);
        std::set<int> listed;
        for (const Json& s : pv["support"])
            listed.insert(s["role"].get<int>());
        for (int r = 0; r < roles; ++r) {
            const bool expected = st.finished || heard.count(r) > 0;
            CHECK_MESSAGE(listed.count(r) == (expected ? 1u : 0u), "proposal ", p.id, " role ", r);
            (expected ? seen.shown : seen.hidden) += 1;
        }
    }
    const Json& decision = view["decision"];
    CHECK(decision["taken"].get<bool>() == st.decision.taken);
    if (!st.decision.taken)
        return;
    const std::set<int> heard =
        heardOn(game, st.proposals[static_cast<std::size_t>(st.decision.proposal)]);
    CHECK(decision["support"].size() ==
          (st.finished ? static_cast<std::size_t>(roles) : heard.size()));
    for (const Json& s : decision["support"])
        CHECK((st.finished || heard.count(s["role"].get<int>()) > 0));
}

// Every seat's view after every third action, at every phase change and at
// the end.
struct ViewChecker final : SessionSink {
    SupportSeen support;
    int views = 0;
    int actions = 0;
    void applied(const Action&, int phaseBefore, const Game& game) override {
        ++actions;
        if (actions % 3 != 0 && phaseBefore == game.state().phase && !game.state().finished)
            return;
        for (int seat = 0; seat < game.seatCount(); ++seat) {
            const std::string lang = (views % 2 == 0) ? "nl" : "en";
            const Json view = viewOf(game, seat, lang);
            CHECK(view["v"].get<int>() == net::kProtocolVersion);
            CHECK(view["type"].get<std::string>() == "view");
            CHECK(view["you"]["seat"].get<int>() == seat);
            checkHidden(game, seat, view);
            checkCan(game, seat, view);
            checkSupport(game, view, support);
            ++views;
        }
    }
};

} // namespace

TEST_CASE("through whole bot sessions every seat's view is valid, redacted and offers only "
          "accepted actions") {
    for (const char* id : {"skatebaan", "statushouders"}) {
        CAPTURE(id);
        auto sc = shipped(id);
        LiveSessionOptions options;
        options.pace = SessionPace::asFastAsPossible();
        std::string error;
        auto session =
            LiveSession::start(sc, SessionSetup::defaultFor(*sc, true, 3), options, error);
        REQUIRE_MESSAGE(session, error);
        ViewChecker checker;
        session->addSink(&checker);
        REQUIRE(session->runToEnd());
        CHECK(checker.views > 100);
        // The session had moments where support was still hidden, and
        // moments where it was public: the check above saw both.
        CHECK(checker.support.hidden > 0);
        CHECK(checker.support.shown > 0);

        // At the end: everything public, and each seat's own debrief.
        const Game& game = session->game();
        const Measurements m = game.measure();
        for (int seat = 0; seat < game.seatCount(); ++seat) {
            const Json view = viewOf(game, seat);
            const int role = game.roleOfSeat(seat);
            CHECK(view["phase"]["finished"].get<bool>());
            CHECK_FALSE(view["can"]["done"].get<bool>());
            const Json& debrief = view["debrief"];
            REQUIRE(debrief.is_object());
            if (game.state().decision.taken) {
                const double support =
                    game.state().decision.support[static_cast<std::size_t>(role)];
                CHECK(debrief["support"].get<double>() == doctest::Approx(roundSupport(support)));
                CHECK(debrief["accepts"].is_boolean());
            }
            const SeatBegrip& b = m.begrip[static_cast<std::size_t>(seat)];
            if (b.before)
                CHECK(debrief["begripBefore"].get<double>() ==
                      doctest::Approx(*b.before).epsilon(0.001));
            else
                CHECK(debrief["begripBefore"].is_null());
            CHECK(debrief["begripVersion"].get<int>() == 2);
            CHECK(view["decision"]["gedragenAanTafel"].get<bool>() ==
                  (game.state().decision.taken && game.state().decision.gedragenAanTafel));
            for (const Json& r : view["roles"])
                if (!sc->roles[r["role"].get<std::size_t>()].secret.empty())
                    CHECK(r["secret"].is_string());
        }
    }
}

namespace {

void apply(Game& game, Action a) {
    a.timeMs = game.state().nowMs;
    const ApplyResult r = game.apply(a);
    REQUIRE_MESSAGE(r.accepted, r.refusal.english);
}

Action seatAction(ActionType type, int seat) {
    Action a;
    a.type = type;
    a.seat = seat;
    return a;
}

void advanceTo(Game& game, PhaseKind phase) {
    while (game.currentPhase() != phase && !game.state().finished)
        apply(game, seatAction(ActionType::Advance, kFacilitator));
    REQUIRE(game.currentPhase() == phase);
}

int seatOfRole(const Game& game, const std::string& roleId) {
    const int role = game.scenario().roleIndex(roleId);
    for (int s = 0; s < game.seatCount(); ++s)
        if (game.roleOfSeat(s) == role)
            return s;
    FAIL("no seat for " << roleId);
    return -1;
}

std::string allStrings(const Json& view) {
    std::string strings;
    std::vector<std::string> keys;
    collect(view, strings, keys, "");
    return strings;
}

} // namespace

TEST_CASE("a role's support for a proposal shows on every phone once a seat of that role reacted") {
    auto sc = shipped("skatebaan");
    Game game(sc, SessionSetup::defaultFor(*sc, false));
    advanceTo(game, PhaseKind::Voorstel);
    const int author = seatOfRole(game, "skaters");
    const int neighbour = seatOfRole(game, "omwonenden");
    Action propose = seatAction(ActionType::Propose, author);
    propose.package = game.defaultPackage();
    apply(game, propose);
    for (int seat = 0; seat < game.seatCount(); ++seat) {
        const Json view = viewOf(game, seat);
        REQUIRE(view["proposals"].size() == 1);
        CHECK(view["proposals"][0]["support"].empty()); // proposing shows nothing
        CHECK(view["proposals"][0]["onTable"].get<bool>());
        CHECK(ints(view["can"]["react"]) == std::vector<int>{0});
    }

    Action react = seatAction(ActionType::React, neighbour);
    react.proposal = 0;
    react.reaction = ReactionKind::Object;
    react.reason = {Reason::Kind::Value, sc->valueIndex("rust")};
    apply(game, react);
    const int role = game.roleOfSeat(neighbour);
    const double expected =
        supportOf(*sc, game.state().world, role, game.state().proposals[0].package);
    for (int seat = 0; seat < game.seatCount(); ++seat) {
        const Json view = viewOf(game, seat);
        const Json& support = view["proposals"][0]["support"];
        REQUIRE(support.size() == 1);
        CHECK(support[0]["role"].get<int>() == role);
        CHECK(support[0]["support"].get<double>() == doctest::Approx(expected).epsilon(0.01));
        const Json& reaction = view["proposals"][0]["reactions"][0];
        CHECK(reaction["kind"].get<std::string>() == "object");
        CHECK(reaction["reason"]["kind"].get<std::string>() == "value");
    }
}

TEST_CASE("another role's secret reaches a phone only once an event reveals it") {
    auto sc = shipped("statushouders");
    Game game(sc, SessionSetup::defaultFor(*sc, false));
    advanceTo(game, PhaseKind::Waarden);
    const int owner = sc->roleIndex("ondernemer");
    const int ownerSeat = seatOfRole(game, "ondernemer");
    const int other = seatOfRole(game, "klantmanager");
    const std::string secret = sc->roles[static_cast<std::size_t>(owner)].secret.get("nl");
    REQUIRE_FALSE(secret.empty());

    Json view = viewOf(game, other);
    CHECK(view["roles"][owner]["secret"].is_null());
    CHECK_FALSE(contains(allStrings(view), secret.substr(0, 40)));
    CHECK(viewOf(game, ownerSeat)["card"]["secret"].get<std::string>() == secret);

    Action inject = seatAction(ActionType::InjectEvent, kFacilitator);
    inject.event = sc->eventIndex("zes_maanden");
    apply(game, inject);
    view = viewOf(game, other);
    CHECK(view["roles"][owner]["secret"].get<std::string>() == secret);
    REQUIRE(view["announcements"].size() == 1);
    CHECK(view["announcements"][0]["title"].get<std::string>() ==
          sc->events[static_cast<std::size_t>(inject.event)].title.get("nl"));
}

TEST_CASE("a red line given only as a reason shows its index on other phones, never its name") {
    auto sc = shipped("skatebaan");
    Game game(sc, SessionSetup::defaultFor(*sc, false));
    const int skaters = sc->roleIndex("skaters");
    const int skater = seatOfRole(game, "skaters");
    const int official = seatOfRole(game, "ambtenaar_buitenruimte");
    const Role& role = sc->roles[static_cast<std::size_t>(skaters)];
    REQUIRE(role.preconditions.size() == 2);

    advanceTo(game, PhaseKind::Randvoorwaarden);
    CHECK(ints(viewOf(game, skater)["can"]["sharePrecondition"]) == std::vector<int>{0, 1});
    CHECK(viewOf(game, official)["can"]["sharePrecondition"].size() == 2); // its own two
    Action share = seatAction(ActionType::SharePrecondition, skater);
    share.precondition = 0;
    apply(game, share);
    CHECK(ints(viewOf(game, skater)["can"]["sharePrecondition"]) == std::vector<int>{1});

    advanceTo(game, PhaseKind::Voorstel);
    Action propose = seatAction(ActionType::Propose, official);
    propose.package = game.defaultPackage();
    apply(game, propose);
    Action react = seatAction(ActionType::React, skater);
    react.proposal = 0;
    react.reaction = ReactionKind::Object;
    react.reason = {Reason::Kind::Precondition, 1};
    apply(game, react);

    const Json view = viewOf(game, official);
    const std::string strings = allStrings(view);
    const Json& onTable = view["roles"][skaters]["sharedPreconditions"];
    REQUIRE(onTable.size() == 1);
    CHECK(onTable[0]["name"].get<std::string>() == role.preconditions[0].name.get("nl"));
    CHECK(onTable[0]["text"].get<std::string>() == "Doorlooptijd (maanden) ten hoogste 7");
    const Json& reason = view["proposals"][0]["reactions"][0]["reason"];
    CHECK(reason["kind"].get<std::string>() == "precondition");
    CHECK(reason["index"].get<int>() == 1);
    CHECK_FALSE(contains(strings, role.preconditions[1].name.get("nl")));
    CHECK_FALSE(contains(strings, role.preconditions[1].id));

    // The skaters' own phone has both red lines, and knows which one is out.
    const Json own = viewOf(game, skater)["card"]["redLines"];
    REQUIRE(own.size() == 2);
    CHECK(own[0]["shared"].get<bool>());
    CHECK_FALSE(own[1]["shared"].get<bool>());
    CHECK(own[1]["name"].get<std::string>() == role.preconditions[1].name.get("nl"));
}

TEST_CASE("the view speaks the connection's language and shows who is at the table") {
    auto sc = shipped("skatebaan");
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    setup.seats[1].bot = true;
    setup.seats[1].name = "Bot Bea";
    Game game(sc, setup);
    advanceTo(game, PhaseKind::Waarden);

    net::SeatViewContext ctx = contextFor("en");
    for (int s = 0; s < game.seatCount(); ++s) {
        net::SeatStatus status;
        status.seat = s;
        status.role = game.roleOfSeat(s);
        status.bot = setup.seats[static_cast<std::size_t>(s)].bot;
        status.taken = s == 0;
        status.connected = s == 0;
        status.name = s == 0 ? "Sam" : setup.seats[static_cast<std::size_t>(s)].name;
        ctx.seats.push_back(status);
    }
    ctx.nowMs = game.state().phaseStartMs + 60'000;
    const Json en = viewOf(game, 0, "en", &ctx);
    CHECK(en["lang"].get<std::string>() == "en");
    CHECK(en["phase"]["name"].get<std::string>() == "Values");
    CHECK(en["phase"]["kind"].get<std::string>() == "waarden");
    CHECK(en["phase"]["remainingMs"].get<std::int64_t>() == game.state().phaseDurationMs - 60'000);
    CHECK(en["case"]["title"].get<std::string>() == "The skate park");
    // The council votes here; the page says so only from the rule it is sent.
    CHECK(en["case"]["rule"].get<std::string>() == "council_majority");
    CHECK(en["you"]["name"].get<std::string>() == "Sam");
    const Json& seat0 = en["roles"][game.roleOfSeat(0)]["seats"][0];
    CHECK(seat0["present"].get<bool>());
    CHECK(seat0["name"].get<std::string>() == "Sam");
    const Json& seat1 = en["roles"][game.roleOfSeat(1)]["seats"][0];
    CHECK(seat1["bot"].get<bool>());
    CHECK(seat1["present"].get<bool>()); // a bot is always there
    const Json& seat2 = en["roles"][game.roleOfSeat(2)]["seats"][0];
    CHECK_FALSE(seat2["present"].get<bool>());

    const Json nl = viewOf(game, 0, "nl");
    CHECK(nl["phase"]["name"].get<std::string>() == "Waarden");
    CHECK(nl["case"]["title"].get<std::string>() == "De skatebaan");
    CHECK(nl["card"]["redLines"][0]["text"].get<std::string>() ==
          "Doorlooptijd (maanden) ten hoogste 7");
    CHECK(en["card"]["redLines"][0]["text"].get<std::string>() == "Lead time (months) at most 7");
    // Own values, most important first, with the own weights.
    const Json& values = nl["card"]["values"];
    REQUIRE(values.size() == 3);
    CHECK(values[0]["weight"].get<int>() == 3);
    CHECK(values[2]["value"].get<int>() == sc->valueIndex("veiligheid"));
}

TEST_CASE("a paused session offers no phone anything, and a bot's decline reason is in words") {
    auto sc = shipped("skatebaan");
    Game game(sc, SessionSetup::defaultFor(*sc, false));
    advanceTo(game, PhaseKind::Waarden);
    const int skater = seatOfRole(game, "skaters");
    const int neighbour = seatOfRole(game, "omwonenden");
    Action ask = seatAction(ActionType::Ask, skater);
    ask.targetRole = game.roleOfSeat(neighbour);
    apply(game, ask);
    Json view = viewOf(game, neighbour);
    CHECK(ints(view["can"]["answer"]) == std::vector<int>{0});
    CHECK(ints(view["can"]["decline"]) == std::vector<int>{0});
    CHECK(viewOf(game, skater)["can"]["answer"].empty()); // not asked

    Action decline = seatAction(ActionType::Decline, neighbour);
    decline.question = 0;
    decline.reasonText = "bots.decline.guarded";
    apply(game, decline);
    view = viewOf(game, skater, "en");
    CHECK(view["questions"][0]["status"].get<std::string>() == "declined");
    CHECK(view["questions"][0]["declineReason"].get<std::string>() ==
          "We would rather keep that to ourselves for now.");

    apply(game, seatAction(ActionType::Pause, kFacilitator));
    for (int seat = 0; seat < game.seatCount(); ++seat) {
        const Json can = viewOf(game, seat)["can"];
        CHECK_FALSE(can["done"].get<bool>());
        CHECK(can["shareValue"].empty());
        CHECK(can["ask"].empty());
        CHECK(viewOf(game, seat)["phase"]["paused"].get<bool>());
    }
}

TEST_CASE("a phone sees its place in the speaking queue and who has the floor, also while paused") {
    auto sc = shipped("skatebaan");
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    const int skater = 0, neighbour = 1;
    REQUIRE(setup.seats.size() > 2);
    setup.seats[skater].members = {"Lot", "Mo"};
    setup.seats[neighbour].name = "Fatima";
    setup.seats.back().bot = true;
    Game game(sc, setup);
    net::SeatViewContext mo = contextFor("nl");
    mo.person = 1;
    Json view = viewOf(game, skater, "nl", &mo);
    CHECK(view["turns"]["floor"].is_null());
    CHECK(view["turns"]["place"].get<int>() == 0);
    CHECK(view["can"]["requestTurn"].get<bool>());
    CHECK_FALSE(view["can"]["endTurn"].get<bool>());
    // A bot never asks; a team seat's phone that is nobody in particular cannot.
    CHECK_FALSE(viewOf(game, game.seatCount() - 1)["can"]["requestTurn"].get<bool>());
    CHECK_FALSE(viewOf(game, skater)["can"]["requestTurn"].get<bool>());

    Action ask = seatAction(ActionType::RequestTurn, neighbour);
    apply(game, ask);
    ask.seat = skater;
    ask.person = 1;
    apply(game, ask);
    apply(game, seatAction(ActionType::Pause, kFacilitator));
    view = viewOf(game, skater, "nl", &mo);
    CHECK(view["turns"]["place"].get<int>() == 2);
    CHECK(view["turns"]["queue"][0].get<std::string>() == "Fatima");
    CHECK(view["turns"]["queue"][1].get<std::string>() == "Mo");
    CHECK(view["can"]["requestTurn"].get<bool>()); // to withdraw, also while paused
    CHECK_FALSE(view["can"]["done"].get<bool>());  // the game itself waits

    Action give = seatAction(ActionType::GiveTurn, kFacilitator);
    give.targetSeat = skater;
    give.targetPerson = 1;
    apply(game, give);
    view = viewOf(game, skater, "nl", &mo);
    CHECK(view["turns"]["floor"]["name"].get<std::string>() == "Mo");
    CHECK(view["turns"]["floor"]["you"].get<bool>());
    CHECK(view["turns"]["place"].get<int>() == 0);
    CHECK(view["can"]["endTurn"].get<bool>());
    CHECK_FALSE(viewOf(game, neighbour)["turns"]["floor"]["you"].get<bool>());
    CHECK(viewOf(game, neighbour)["turns"]["place"].get<int>() == 1);
}

TEST_CASE("the lobby names the case and every seat by role, with who holds it") {
    auto sc = shipped("skatebaan");
    std::vector<net::SeatStatus> seats;
    for (int s = 0; s < 3; ++s) {
        net::SeatStatus status;
        status.seat = s;
        status.role = s;
        seats.push_back(status);
    }
    seats[0].taken = true;
    seats[0].connected = true;
    seats[0].name = "Sam";
    seats[1].bot = true;
    seats[1].name = "Bot Bea";

    JsonError error;
    const std::optional<Json> nl = parseJson(net::lobbyJson(*sc, seats, false, "nl"), error);
    REQUIRE(nl);
    CHECK((*nl)["type"].get<std::string>() == "lobby");
    CHECK((*nl)["v"].get<int>() == net::kProtocolVersion);
    CHECK((*nl)["case"]["title"].get<std::string>() == "De skatebaan");
    CHECK_FALSE((*nl)["started"].get<bool>());
    const Json& list = (*nl)["seats"];
    REQUIRE(list.size() == 3);
    CHECK(list[0]["role"].get<std::string>() == "skaters");
    CHECK(list[0]["roleName"].get<std::string>() == "Jonge skaters");
    CHECK(list[0]["taken"].get<bool>());
    CHECK(list[0]["name"].get<std::string>() == "Sam");
    CHECK(list[1]["bot"].get<bool>());
    CHECK_FALSE(list[2]["taken"].get<bool>());
    CHECK_FALSE(list[2]["bot"].get<bool>());

    const std::optional<Json> en = parseJson(net::lobbyJson(*sc, seats, true, "en"), error);
    REQUIRE(en);
    CHECK((*en)["seats"][0]["roleName"].get<std::string>() == "Young skaters");
    CHECK((*en)["started"].get<bool>());
    CHECK_FALSE(en->contains("sessionLang"));

    // An English phone at a Dutch session is told the session's language.
    const std::optional<Json> told =
        parseJson(net::lobbyJson(*sc, seats, false, "en", "nl"), error);
    REQUIRE(told);
    CHECK((*told)["sessionLang"].get<std::string>() == "nl");
}

TEST_CASE("a phone learns that everyone votes when the scenario decides by consensus") {
    auto sc = shipped("wijktafel");
    Game game(sc, SessionSetup::defaultFor(*sc, false));
    const Json view = viewOf(game, 0, "en");
    CHECK(view["case"]["rule"].get<std::string>() == "consensus");
}
