// Whole sessions over loopback: bots joining as clients, reconnecting, and a
// host resuming from its log.
#include "net_test_util.hpp"

#include <fstream>
#include <iterator>
#include <set>

#include "core/begrip.hpp"
#include "core/live_session.hpp"
#include "core/log.hpp"

using namespace samenspel;
using namespace nettest;

TEST_CASE("a networked session with bot clients plays to the debrief") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("session");
    std::string error;
    auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false),
                                  (dir / "s.log").string(), loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);

    BotClients players;
    for (const Role& role : sc->roles)
        players.add(join(*host, role.id));
    const std::vector<net::Client*>& raw = players.raw;
    const bool finished = players.playToEnd(*host, 40.0);
    if (!finished) {
        const GameState& st = host->game() ? host->game()->state() : GameState{};
        MESSAGE("host phase " << st.phase << " actions " << st.actionCount << " clock "
                              << host->clockMs());
        for (auto* c : raw)
            MESSAGE("client seat "
                    << c->seat() << " status " << static_cast<int>(c->status())
                    << " mirror refusals " << c->mirrorRefusals() << " awaiting "
                    << c->awaitingReply() << " refusal "
                    << (c->lastActionRefusal() ? c->lastActionRefusal()->english : std::string("-"))
                    << " key " << c->refusalKey() << " " << c->refusalMessage());
    }
    REQUIRE(finished);
    // Every client ends with the host's own game: the same decision and actions.
    const GameState& truth = host->game()->state();
    for (auto* c : raw) {
        CHECK(c->mirrorRefusals() == 0);
        CHECK(c->game()->state().actionCount == truth.actionCount);
        CHECK(c->game()->state().decision.taken == truth.decision.taken);
        CHECK(c->game()->state().decision.gedragen == truth.decision.gedragen);
    }
    // The log replays to the same session.
    Replay replay = replaySessionLog((dir / "s.log").string());
    REQUIRE(replay.game);
    CHECK(replay.game->state().actionCount == truth.actionCount);
    CHECK(replay.game->state().finished);
}

TEST_CASE("a player who drops out gets the seat back with the token and the table caught up") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("reconnect");
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    for (std::size_t i = 2; i < setup.seats.size(); ++i)
        setup.seats[i].bot = true;
    std::string error;
    auto host = net::Host::create(sc, setup, (dir / "s.log").string(), loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);
    auto a = join(*host, "skaters", "piano-zebra-tango", false);
    auto b = join(*host, "omwonenden", "piano-zebra-tango", false);
    REQUIRE(runUntil(
        *host, {a.get(), b.get()},
        [&] {
            return a->status() == net::Client::Status::Playing &&
                   b->status() == net::Client::Status::Playing;
        },
        5.0));
    const int seatA = a->seat();

    // a's connection drops; the host shows the seat as away.
    a->disconnect();
    REQUIRE(runUntil(
        *host, {b.get()},
        [&] {
            return !host->seats()[static_cast<std::size_t>(seatA)].connected &&
                   !b->presence()[static_cast<std::size_t>(seatA)].connected;
        },
        5.0));
    CHECK(host->seats()[static_cast<std::size_t>(seatA)].taken);
    CHECK_FALSE(b->presence()[static_cast<std::size_t>(seatA)].connected);

    // The session goes on: b says it is done meanwhile.
    Action done;
    done.type = ActionType::Done;
    REQUIRE(b->sendAction(done));
    REQUIRE(runUntil(
        *host, {b.get()}, [&] { return !b->awaitingReply(); }, 5.0));
    const int phaseMeanwhile = host->game()->state().phase;

    // Back with the token: the same seat and what happened meanwhile.
    std::string reconnectError;
    REQUIRE(a->reconnect(reconnectError));
    REQUIRE(runUntil(
        *host, {a.get(), b.get()}, [&] { return a->status() == net::Client::Status::Playing; },
        5.0));
    CHECK(a->seat() == seatA);
    CHECK(host->seats()[static_cast<std::size_t>(seatA)].connected);
    CHECK(a->game()->state().phase == phaseMeanwhile);
    CHECK(a->game()->state().done[static_cast<std::size_t>(b->seat())] ==
          host->game()->state().done[static_cast<std::size_t>(b->seat())]);
    CHECK(a->mirrorRefusals() == 0);
}

TEST_CASE(
    "a client's bytes never hold another role's secret, hidden preconditions or predictions") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("bytes");
    std::string error;
    auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false),
                                  (dir / "s.log").string(), loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);
    BotClients players;
    for (const Role& role : sc->roles)
        players.add(join(*host, role.id));
    const auto& clients = players.clients;
    // Everything the skaters' laptop receives, frame by frame, until the
    // session has ended (after which everything is revealed).
    std::string bytes;
    bool ended = false;
    clients[0]->onFrame = [&](const std::string& body) {
        // The reveal at the end: the full scenario, then every action.
        if (body.find("\"type\":\"scenario\"") != std::string::npos &&
            body.find("\"revealed\":true") != std::string::npos)
            ended = true;
        if (!ended)
            bytes += body;
    };
    REQUIRE(players.playToEnd(*host, 40.0, false));

    const GameState& st = host->game()->state();
    const int own = clients[0]->role();
    // The begrip questions name red lines as the options of "which one is
    // theirs?" (docs/network.md): those names travel, whose they are does not.
    std::set<std::string> asked;
    for (const BegripItem& item : begripItems(*sc, st.world, own))
        for (const ItemOption& o : item.options)
            if (item.kind == BegripItemKind::RedLine)
                asked.insert(o.text.get("nl"));
    for (std::size_t r = 0; r < sc->roles.size(); ++r) {
        if (static_cast<int>(r) == own)
            continue;
        const Role& role = sc->roles[r];
        if (!st.secretRevealed[r])
            for (const auto& [lang, text] : role.secret.byLang)
                CHECK_MESSAGE(bytes.find(text.substr(0, 40)) == std::string::npos, role.id);
        for (std::size_t p = 0; p < role.preconditions.size(); ++p) {
            bool shared = false;
            for (const SharedPrecondition& s : st.sharedPreconditions)
                shared |= s.role == static_cast<int>(r) && s.precondition == static_cast<int>(p);
            const Precondition& pre = role.preconditions[p];
            if (shared || asked.count(pre.name.get("nl")))
                continue;
            CHECK_MESSAGE(bytes.find(pre.id) == std::string::npos, pre.id);
            CHECK_MESSAGE(bytes.find(pre.name.get("nl")) == std::string::npos, pre.id);
            CHECK_MESSAGE(bytes.find(pre.name.get("en")) == std::string::npos, pre.id);
        }
    }
    // No other seat's prediction travelled before the end.
    CHECK(bytes.find("\"type\":\"predict\",\"seat\":1") == std::string::npos);
    std::size_t predictions = 0;
    for (std::size_t at = bytes.find("predict"); at != std::string::npos;
         at = bytes.find("predict", at + 1))
        ++predictions;
    std::size_t own_predictions = 0;
    for (const Prediction& p : st.predictions)
        own_predictions += p.seat == clients[0]->seat();
    CHECK(predictions <= own_predictions * 2 + 1);
}

TEST_CASE("a host restarted with its log resumes the session and players get their seats back") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("resume");
    const std::string log = (dir / "s.log").string();
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    for (std::size_t i = 2; i < setup.seats.size(); ++i)
        setup.seats[i].bot = true;
    std::string error;
    auto host = net::Host::create(sc, setup, log, loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);
    auto a = join(*host, "skaters");
    auto b = join(*host, "omwonenden");
    net::ClientBot botA(*a), botB(*b);
    REQUIRE(runUntil(*host, {a.get(), b.get()},
                     [&] { return host->game() && host->game()->state().actionCount >= 25; }, 20.0,
                     {&botA, &botB}));
    const std::uint64_t before = host->game()->state().actionCount;
    const int phaseBefore = host->game()->state().phase;
    const std::string tokenA = a->token(), tokenB = b->token();
    host.reset(); // the host goes away (its log is already on disk)

    auto resumed = net::Host::resume(log, loopbackConfig(), error);
    REQUIRE_MESSAGE(resumed, error);
    CHECK(resumed->started());
    CHECK(resumed->game()->state().actionCount == before);
    CHECK(resumed->game()->state().phase == phaseBefore);

    auto a2 = rejoinWithToken(*resumed, tokenA, true);
    auto b2 = rejoinWithToken(*resumed, tokenB, true);
    net::ClientBot botA2(*a2), botB2(*b2);
    REQUIRE(runUntil(*resumed, {a2.get(), b2.get()},
                     [&] { return a2->finished() && b2->finished() && resumed->finished(); }, 40.0,
                     {&botA2, &botB2}));
    CHECK(a2->seat() == 0);
    CHECK(a2->mirrorRefusals() == 0);
    Replay replay = replaySessionLog(log);
    REQUIRE(replay.game);
    CHECK(replay.game->state().finished);
    CHECK(replay.game->state().actionCount == resumed->game()->state().actionCount);
}

TEST_CASE("every shipped scenario plays to the end over the network with bot clients") {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios")) {
        if (entry.path().extension() != ".yaml")
            continue;
        const std::string name = entry.path().stem().string();
        CAPTURE(name);
        auto sc = loadShipped(name);
        auto dir = tempDir("all-" + name);
        net::HostConfig config = loopbackConfig();
        config.botIdleMs = 15;
        std::string error;
        auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false),
                                      (dir / "s.log").string(), config, error);
        REQUIRE_MESSAGE(host, error);
        BotClients players;
        for (std::size_t i = 0; i < host->seats().size(); ++i)
            players.add(join(*host));
        CHECK(players.playToEnd(*host, 20.0));
        for (auto* c : players.raw)
            CHECK(c->mirrorRefusals() == 0);
    }
}

TEST_CASE("the host refuses to resume from a log with an error and leaves it as it was") {
    // Finding 1 of issue 10: line 47 replaced by an action the session never took.
    const auto dir = tempDir("resume-refused");
    const std::string log = (dir / "s.log").string();
    auto sc = loadShipped("skatebaan");
    {
        LiveSessionOptions options;
        options.logPath = log;
        options.pace = SessionPace::asFastAsPossible();
        std::string error;
        auto session =
            LiveSession::start(sc, SessionSetup::defaultFor(*sc, true, 3), options, error);
        REQUIRE_MESSAGE(session, error);
        REQUIRE(session->runToEnd());
    }
    std::vector<std::string> ls;
    {
        std::ifstream in(log, std::ios::binary);
        for (std::string line; std::getline(in, line);)
            ls.push_back(line);
    }
    REQUIRE(ls.size() > 60);
    ls[46] = R"({"type":"done","seat":0,"phase":99,"timeMs":1})";
    std::string text;
    for (const std::string& l : ls)
        text += l + "\n";
    {
        std::ofstream out(log, std::ios::binary);
        out << text;
    }
    std::string error;
    CHECK_FALSE(net::Host::resume(log, loopbackConfig(), error));
    CHECK(error.rfind(log + ":47:1: error: ", 0) == 0);
    CHECK(error.find("start a new session or repair the log") != std::string::npos);
    std::ifstream in(log, std::ios::binary);
    const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(after == text);
}
