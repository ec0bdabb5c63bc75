// The begrip questions on a phone (issue 14): at perspectief and reflectie a
// person's view carries the items they answer (core/begrip.hpp) with their own
// answers and never the answer key, and while people still answer, the
// view leaves out what was shared on the board.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/begrip.hpp"
#include "core/game.hpp"
#include "core/json_read.hpp"
#include "core/scenario.hpp"
#include "net/seat_view.hpp"
#include "net_test_util.hpp"

using namespace samenspel;

namespace {

std::shared_ptr<const Scenario> skatebaan() {
    return nettest::loadShipped("skatebaan");
}

// Bots everywhere but seat 0, played by `members` (none: one person).
Game gameWithPersonAtSeat0(const std::shared_ptr<const Scenario>& sc,
                           const std::vector<std::string>& members = {}) {
    SessionSetup setup = SessionSetup::defaultFor(*sc, true);
    setup.seats[0].bot = false;
    setup.seats[0].name = "Anna";
    setup.seats[0].members = members;
    return Game(sc, setup);
}

void apply(Game& game, Action a) {
    a.timeMs = game.state().nowMs;
    const ApplyResult r = game.apply(a);
    REQUIRE_MESSAGE(r.accepted, r.refusal.english);
}

Action action(ActionType type, int seat, int person = -1) {
    Action a;
    a.type = type;
    a.seat = seat;
    a.person = person;
    return a;
}

void advanceTo(Game& game, PhaseKind phase) {
    while (game.currentPhase() != phase && !game.state().finished)
        apply(game, action(ActionType::Advance, kFacilitator));
    REQUIRE(game.currentPhase() == phase);
}

Json viewOf(const Game& game, int seat, const std::string& lang, int person = -1) {
    net::SeatViewContext ctx;
    ctx.person = person;
    JsonError error;
    std::optional<Json> parsed = parseJson(net::seatViewJson(game, seat, lang, ctx), error);
    REQUIRE_MESSAGE(parsed, error.message);
    return std::move(*parsed);
}

// Every key anywhere in a JSON value.
void keysOf(const Json& v, std::vector<std::string>& out) {
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            out.push_back(it.key());
            keysOf(it.value(), out);
        }
    } else if (v.is_array()) {
        for (const Json& e : v)
            keysOf(e, out);
    }
}

// The view's item of `kind` about `role`.
const Json* itemOf(const Json& view, const std::string& kind, int role) {
    for (const Json& item : view["begrip"]["items"])
        if (item["kind"].get<std::string>() == kind && item["role"].get<int>() == role)
            return &item;
    return nullptr;
}

const BegripItem& firstChoiceItem(const std::vector<BegripItem>& items) {
    for (const BegripItem& item : items)
        if (item.kind != BegripItemKind::Values)
            return item;
    FAIL("no choice item");
    return items.front();
}

Action answer(int seat, int person, const BegripItem& item, int choice) {
    Action a = action(ActionType::AnswerItem, seat, person);
    a.targetRole = item.targetRole;
    a.itemKind = static_cast<int>(item.kind);
    a.choice = choice;
    return a;
}

Action predict(int seat, int person, int target, std::vector<int> values) {
    Action a = action(ActionType::Predict, seat, person);
    a.targetRole = target;
    a.values = std::move(values);
    return a;
}

// Answers every item of `seat` (a right answer or not does not matter).
void answerAll(Game& game, int seat, int person) {
    for (const BegripItem& item :
         begripItems(game.scenario(), game.state().world, game.roleOfSeat(seat)))
        apply(game, item.kind == BegripItemKind::Values
                        ? predict(seat, person, item.targetRole, {0})
                        : answer(seat, person, item, 0));
}

} // namespace

TEST_CASE("at perspectief a phone asks its begrip questions and never carries the answer key") {
    auto sc = skatebaan();
    Game game = gameWithPersonAtSeat0(sc);
    CHECK(viewOf(game, 0, "nl")["begrip"].is_null()); // kennismaken asks nothing
    advanceTo(game, PhaseKind::Perspectief);
    const std::vector<BegripItem> items = begripItems(*sc, game.state().world, game.roleOfSeat(0));
    REQUIRE(items.size() > 2);

    for (const char* lang : {"nl", "en"}) {
        CAPTURE(lang);
        const Json view = viewOf(game, 0, lang);
        const Json& begrip = view["begrip"];
        CHECK(begrip["boardHidden"].get<bool>());
        CHECK(begrip["total"].get<std::size_t>() == items.size());
        CHECK(begrip["open"].get<std::size_t>() == items.size());
        REQUIRE(begrip["items"].size() == items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            const BegripItem& item = items[i];
            const Json& shown = begrip["items"][i];
            CHECK(shown["kind"].get<std::string>() == begripItemKindId(item.kind));
            CHECK(shown["role"].get<int>() == item.targetRole);
            CHECK(shown["roleName"].get<std::string>() ==
                  sc->roles[static_cast<std::size_t>(item.targetRole)].name.get(lang));
            if (item.kind == BegripItemKind::Values) {
                CHECK(shown["values"].is_null());
                continue;
            }
            CHECK(shown["choice"].get<int>() == -1);
            REQUIRE(shown["options"].size() == item.options.size());
            for (std::size_t o = 0; o < item.options.size(); ++o)
                CHECK(shown["options"][o].get<std::string>() == item.options[o].text.get(lang));
            if (item.kind == BegripItemKind::Interest)
                CHECK(shown["issueName"].get<std::string>() ==
                      sc->issues[static_cast<std::size_t>(item.issue)].name.get(lang));
        }
    }

    // Answered wrong, then changed: the view shows the latest own choice and
    // still nothing that tells whether it is right.
    const BegripItem& item = firstChoiceItem(items);
    const std::string kind = begripItemKindId(item.kind);
    const int wrong = item.correct == 0 ? 1 : 0;
    apply(game, answer(0, -1, item, wrong));
    const int target = items.front().targetRole;
    apply(game, predict(0, -1, target, {2, 0}));
    Json view = viewOf(game, 0, "nl");
    REQUIRE(itemOf(view, kind, item.targetRole));
    CHECK((*itemOf(view, kind, item.targetRole))["choice"].get<int>() == wrong);
    REQUIRE(itemOf(view, "values", target));
    CHECK((*itemOf(view, "values", target))["values"] == Json::array({2, 0}));
    CHECK(view["begrip"]["open"].get<std::size_t>() == items.size() - 2);
    apply(game, answer(0, -1, item, item.correct));
    view = viewOf(game, 0, "nl");
    CHECK((*itemOf(view, kind, item.targetRole))["choice"].get<int>() == item.correct);
    std::vector<std::string> keys;
    keysOf(view, keys);
    for (const std::string& k : keys) {
        CHECK_MESSAGE(k != "correct", "the answer key in a phone's view");
        CHECK_MESSAGE(k != "right", "whether an answer is right in a phone's view");
        CHECK_MESSAGE(k != "score", "a score in a phone's view");
    }
    // The page may answer every choice item, and nothing else.
    std::size_t choiceItems = 0;
    for (const BegripItem& i : items)
        choiceItems += i.kind != BegripItemKind::Values;
    CHECK(view["can"]["answerItem"].size() == choiceItems);
}

TEST_CASE("the board's shared values stay out of a phone's view until its questions are "
          "answered") {
    auto sc = skatebaan();
    Game game = gameWithPersonAtSeat0(sc);
    advanceTo(game, PhaseKind::Waarden);
    // A bot's seat shares a value its role weighs, and answers a question about it.
    const int sharer = 1;
    const int sharerRole = game.roleOfSeat(sharer);
    int value = -1;
    for (int v = 0; v < static_cast<int>(sc->values.size()) && value < 0; ++v)
        if (game.state().world.weights[static_cast<std::size_t>(sharerRole)]
                                      [static_cast<std::size_t>(v)] > 0)
            value = v;
    REQUIRE(value >= 0);
    Action share = action(ActionType::ShareValue, sharer);
    share.value = value;
    apply(game, share);
    const auto sharedOf = [](const Json& view, int role) {
        return view["roles"][static_cast<std::size_t>(role)];
    };
    CHECK(sharedOf(viewOf(game, 0, "nl"), sharerRole)["sharedValues"] == Json::array({value}));

    advanceTo(game, PhaseKind::Reflectie);
    for (int seat : {0, sharer}) {
        const Json view = viewOf(game, seat, "en");
        CHECK(view["begrip"]["boardHidden"].get<bool>());
        for (const Json& role : view["roles"]) {
            CHECK_FALSE(role.contains("sharedValues"));
            CHECK_FALSE(role.contains("sharedPreconditions"));
        }
    }

    answerAll(game, 0, -1);
    const Json view = viewOf(game, 0, "en");
    CHECK(view["begrip"]["open"].get<int>() == 0);
    CHECK_FALSE(view["begrip"]["boardHidden"].get<bool>());
    CHECK(sharedOf(view, sharerRole)["sharedValues"] == Json::array({value}));
    CHECK(sharedOf(view, sharerRole).contains("sharedPreconditions"));
}

TEST_CASE("in a team every member answers for themself and sees only their own answers") {
    auto sc = skatebaan();
    Game game = gameWithPersonAtSeat0(sc, {"Anna", "Bram"});
    advanceTo(game, PhaseKind::Perspectief);
    const std::vector<BegripItem> items = begripItems(*sc, game.state().world, game.roleOfSeat(0));
    const BegripItem& item = firstChoiceItem(items);
    const std::string kind = begripItemKindId(item.kind);
    apply(game, answer(0, 1, item, 1));
    const Json bram = viewOf(game, 0, "nl", 1);
    const Json anna = viewOf(game, 0, "nl", 0);
    CHECK((*itemOf(bram, kind, item.targetRole))["choice"].get<int>() == 1);
    CHECK((*itemOf(anna, kind, item.targetRole))["choice"].get<int>() == -1);
    CHECK(bram["begrip"]["open"].get<std::size_t>() == items.size() - 1);
    CHECK(anna["begrip"]["open"].get<std::size_t>() == items.size());
    // Bram done, Anna not yet: the board stays hidden for both.
    answerAll(game, 0, 1);
    CHECK(viewOf(game, 0, "nl", 1)["begrip"]["boardHidden"].get<bool>());
    answerAll(game, 0, 0);
    CHECK_FALSE(viewOf(game, 0, "nl", 1)["begrip"]["boardHidden"].get<bool>());
}

TEST_CASE("a team member's phone debrief shows that member's own begrip, not the team's") {
    const auto sc = skatebaan();
    Game game = gameWithPersonAtSeat0(sc, {"Anna", "Bram"});
    advanceTo(game, PhaseKind::Perspectief);
    // Anna gets the first values item right, Bram predicts nothing.
    const std::vector<BegripItem> items = begripItems(*sc, game.state().world, game.roleOfSeat(0));
    REQUIRE_FALSE(items.empty());
    const int target = items.front().targetRole;
    std::vector<int> top;
    const std::vector<int>& weights = game.state().world.weights[static_cast<std::size_t>(target)];
    for (int k = 0; k < valuesItemPicks(weights); ++k) {
        int best = -1;
        for (int v = 0; v < static_cast<int>(weights.size()); ++v)
            if (std::find(top.begin(), top.end(), v) == top.end() &&
                (best < 0 ||
                 weights[static_cast<std::size_t>(v)] > weights[static_cast<std::size_t>(best)]))
                best = v;
        top.push_back(best);
    }
    Action predict = action(ActionType::Predict, 0, 0);
    predict.targetRole = target;
    predict.values = top;
    apply(game, predict);
    while (!game.state().finished)
        apply(game, action(ActionType::Advance, kFacilitator));
    const Json anna = viewOf(game, 0, "nl", 0);
    const Json bram = viewOf(game, 0, "nl", 1);
    CHECK(anna["debrief"]["begripVersion"].get<int>() == 2);
    REQUIRE(anna["debrief"]["begripBefore"].is_number());
    CHECK(anna["debrief"]["begripBefore"].get<double>() == doctest::Approx(1.0));
    CHECK(bram["debrief"]["begripBefore"].is_null());
}
