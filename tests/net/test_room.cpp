// Rooms: several tables in one host, teams on a seat, dealing the people
// who wait, moving a person, the room deciding its tables, the room's clock.
#include "net_test_util.hpp"

#include <algorithm>
#include <set>

#include "core/log.hpp"
#include "net/protocol.hpp"

using namespace samenspel;
using namespace nettest;

namespace {

net::HostConfig roomConfig(int tables, int teamSize) {
    net::HostConfig c = loopbackConfig();
    c.startWhenFull = false;
    c.room.tables = tables;
    c.room.teamSize = teamSize;
    return c;
}

std::unique_ptr<net::Client> joinAs(const net::Host& host, const std::string& name,
                                    const std::string& role, int table, bool bot = true) {
    net::ClientConfig c;
    c.port = host.port();
    c.code = "piano-zebra-tango";
    c.name = name;
    c.seatWish = role;
    c.table = table;
    c.bot = bot;
    std::string error;
    auto client = net::Client::connect(c, error);
    REQUIRE_MESSAGE(client, error);
    return client;
}

std::unique_ptr<net::Client> joinToWait(const net::Host& host, const std::string& name,
                                        const std::string& cameWith) {
    net::ClientConfig c;
    c.port = host.port();
    c.code = "piano-zebra-tango";
    c.name = name;
    c.waitToBeSeated = true;
    c.cameWith = cameWith;
    std::string error;
    auto client = net::Client::connect(c, error);
    REQUIRE_MESSAGE(client, error);
    return client;
}

bool allHaveStatus(const std::vector<net::Client*>& clients, net::Client::Status status) {
    return std::all_of(clients.begin(), clients.end(),
                       [&](const net::Client* c) { return c->status() == status; });
}

// The table and seat of each of `names`, as the host has them.
std::pair<int, int> placeOf(const net::Host& host, const std::string& name) {
    for (int t = 0; t < host.tableCount(); ++t)
        for (const net::SeatStatus& s : host.table(t).seats)
            for (const net::PersonStatus& p : s.people)
                if (p.name == name)
                    return {t, s.seat};
    return {-1, -1};
}

} // namespace

TEST_CASE("a room of three tables with a team of two plays each table to the end, apart") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("room");
    SessionSetup setup = SessionSetup::defaultFor(*sc, false, 40);
    std::string error;
    auto host = net::Host::create(sc, setup, (dir / "room.log").string(), roomConfig(3, 2), error);
    REQUIRE_MESSAGE(host, error);
    REQUIRE(host->tableCount() == 3);

    // A council role votes: its team shows that a team's vote is one vote.
    const auto council = std::find_if(sc->roles.begin(), sc->roles.end(),
                                      [](const Role& r) { return r.kind == RoleKind::Council; });
    REQUIRE(council != sc->roles.end());
    const std::string teamRole = council->id;
    BotClients players;
    players.add(joinAs(*host, "Anna", teamRole, 0));
    players.add(joinAs(*host, "Bram", teamRole, 0));
    players.add(joinAs(*host, "Cas", sc->roles[1].id, 1));
    net::Client& anna = *players.raw[0];
    net::Client& bram = *players.raw[1];
    net::Client& cas = *players.raw[2];
    std::vector<std::string> casFrames;
    cas.onFrame = [&](const std::string& body) { casFrames.push_back(body); };
    REQUIRE(runUntil(
        *host, players.raw, [&] { return allHaveStatus(players.raw, net::Client::Status::Lobby); },
        5.0));
    CHECK(anna.table() == 0);
    CHECK(bram.table() == 0);
    CHECK(anna.seat() == bram.seat());
    CHECK(cas.table() == 1);

    // Someone sitting down at table 3 is news for table 3 only.
    const std::size_t casBefore = casFrames.size();
    players.add(joinAs(*host, "Daan", sc->roles[1].id, 2));
    net::Client& daan = *players.raw[3];
    REQUIRE(runUntil(
        *host, players.raw, [&] { return daan.status() == net::Client::Status::Lobby; }, 5.0));
    for (int i = 0; i < 20; ++i) {
        host->poll(0.001);
        cas.poll(0.001);
    }
    CHECK(casFrames.size() == casBefore);
    // The team sees both its names on the seat.
    const auto teamSeat =
        std::find_if(anna.presence().begin(), anna.presence().end(),
                     [&](const net::SeatStatus& s) { return s.seat == anna.seat(); });
    REQUIRE(teamSeat != anna.presence().end());
    REQUIRE(teamSeat->people.size() == 2);
    CHECK(teamSeat->people[0].name == "Anna");
    CHECK(teamSeat->people[1].name == "Bram");

    // The team's vote is one vote: when one member voted, the other's is
    // refused. While the other member's vote is on its way, its bot waits.
    std::optional<Action> firstTeamVote;
    anna.onAction = [&](std::uint64_t, const Action& a) {
        if (a.type == ActionType::Vote && a.seat == anna.seat() && !firstTeamVote)
            firstTeamVote = a;
    };
    REQUIRE(host->start(true));
    const int teamSeatIndex = anna.seat();
    const Seat& seatAtStart =
        host->table(0).game->setup().seats[static_cast<std::size_t>(teamSeatIndex)];
    CHECK(seatAtStart.name == "Anna, Bram");
    CHECK(seatAtStart.members == std::vector<std::string>{"Anna", "Bram"});

    std::vector<net::ClientBot*> bots = players.rawBots;
    net::ClientBot* otherBot = nullptr;
    net::Client* other = nullptr;
    std::optional<Refusal> secondVote;
    const bool finished = runUntil(
        *host, players.raw,
        [&] {
            if (firstTeamVote && !other) {
                const int k = firstTeamVote->person == 0 ? 1 : 0;
                other = players.raw[static_cast<std::size_t>(k)];
                otherBot = players.rawBots[static_cast<std::size_t>(k)];
                std::erase(bots, otherBot);
            }
            if (other && !secondVote &&
                std::find(bots.begin(), bots.end(), otherBot) == bots.end()) {
                if (!other->awaitingReply() && !other->lastActionRefusal()) {
                    Action again = *firstTeamVote;
                    again.person = -1; // the host says who sent it
                    other->sendAction(again);
                } else if (other->lastActionRefusal()) {
                    secondVote = other->lastActionRefusal();
                    bots.push_back(otherBot);
                }
            }
            return host->finished() && players.allFinished();
        },
        60.0, bots);
    REQUIRE(finished);
    REQUIRE(firstTeamVote);
    REQUIRE(secondVote);
    CHECK(secondVote->key == "refuse.already_voted");

    // Each table is a session of its own, seed + table, one log each,
    // that replays to the host's game for that table.
    std::set<std::string> logs;
    for (int t = 0; t < 3; ++t) {
        const net::TableStatus table = host->table(t);
        REQUIRE(table.game);
        CHECK(table.finished);
        CHECK(table.game->setup().seed == 40u + static_cast<std::uint64_t>(t));
        CHECK(table.logPath == (dir / ("room-tafel-" + std::to_string(t + 1) + ".log")).string());
        logs.insert(table.logPath);
        Replay replay = replaySessionLog(table.logPath);
        REQUIRE(replay.game);
        CHECK(replay.game->state().actionCount == table.game->state().actionCount);
        CHECK(replay.game->state().decision.gedragen == table.game->state().decision.gedragen);
    }
    CHECK(logs.size() == 3);
    // Both members acted for the role, each under their own person index;
    // Cas at table 2 saw none of table 1's actions (its mirror matches its table).
    ReadLog read = readSessionLog(host->table(0).logPath);
    std::set<int> persons;
    for (const Action& a : read.actions)
        if (a.seat == teamSeatIndex)
            persons.insert(a.person);
    CHECK(persons == std::set<int>{0, 1});
    CHECK(cas.game()->state().actionCount == host->table(1).game->state().actionCount);
    CHECK(daan.game()->state().actionCount == host->table(2).game->state().actionCount);
}

TEST_CASE("dealing the people who wait keeps those who came together at one table, or apart") {
    auto sc = loadShipped("skatebaan");
    for (net::DealMode mode : {net::DealMode::KeepTogether, net::DealMode::KeepApart}) {
        CAPTURE(static_cast<int>(mode));
        auto dir = tempDir("deal");
        std::string error;
        auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false),
                                      (dir / "d.log").string(), roomConfig(2, 1), error);
        REQUIRE_MESSAGE(host, error);
        std::vector<std::unique_ptr<net::Client>> owned;
        std::vector<net::Client*> clients;
        for (const char* name : {"Eva", "Femke", "Gijs", "Hugo"}) {
            owned.push_back(joinToWait(*host, name, name[0] < 'G' ? "Vianen" : "Gouda"));
            clients.push_back(owned.back().get());
        }
        REQUIRE(runUntil(
            *host, clients, [&] { return allHaveStatus(clients, net::Client::Status::Waiting); },
            5.0));
        const std::vector<net::WaitingPerson> waiting = host->waiting();
        REQUIRE(waiting.size() == 4);
        CHECK(waiting[0].name == "Eva");
        CHECK(waiting[0].cameWith == "Vianen");

        CHECK(host->deal(mode) == 4);
        CHECK(host->waiting().empty());
        REQUIRE(runUntil(
            *host, clients, [&] { return allHaveStatus(clients, net::Client::Status::Lobby); },
            5.0));
        // Each phone is told its table and seat, as the host has them.
        for (std::size_t i = 0; i < clients.size(); ++i) {
            const auto place = placeOf(*host, waiting[i].name);
            CHECK(clients[i]->table() == place.first);
            CHECK(clients[i]->seat() == place.second);
        }
        const bool vianenTogether = clients[0]->table() == clients[1]->table();
        const bool goudaTogether = clients[2]->table() == clients[3]->table();
        if (mode == net::DealMode::KeepTogether) {
            CHECK(vianenTogether);
            CHECK(goudaTogether);
        } else {
            CHECK_FALSE(vianenTogether);
            CHECK_FALSE(goudaTogether);
        }
        // Roles fill evenly: four people at six-seat tables take four roles.
        std::set<int> roles;
        for (int t = 0; t < 2; ++t)
            for (const net::SeatStatus& s : host->table(t).seats)
                if (s.taken)
                    roles.insert(s.role);
        CHECK(roles.size() == 4);
    }
}

TEST_CASE("the facilitator moves a person to another table before the start, not after") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("move");
    std::string error;
    auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false),
                                  (dir / "m.log").string(), roomConfig(2, 1), error);
    REQUIRE_MESSAGE(host, error);
    auto ilse = joinAs(*host, "Ilse", sc->roles[0].id, 0, false);
    REQUIRE(runUntil(
        *host, {ilse.get()}, [&] { return ilse->status() == net::Client::Status::Lobby; }, 5.0));
    const std::uint64_t id = host->table(0).seats[0].people.at(0).id;
    CHECK_FALSE(host->movePerson(id, 1, 99)); // no such seat
    REQUIRE(host->movePerson(id, 1, 2));
    REQUIRE(runUntil(
        *host, {ilse.get()}, [&] { return ilse->table() == 1; }, 5.0));
    CHECK(ilse->seat() == 2);
    CHECK(ilse->role() == host->table(1).seats[2].role);
    CHECK_FALSE(host->table(0).seats[0].taken);
    CHECK(host->table(1).seats[2].people.at(0).name == "Ilse");
    REQUIRE(host->start(true));
    CHECK(host->table(1).game->setup().seats[2].name == "Ilse");
    CHECK_FALSE(host->movePerson(id, 0, 0));
}

TEST_CASE("a room that decides its tables seats everyone who joined at enough tables") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("decide");
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    const int seatsPerTable = static_cast<int>(setup.seats.size());
    std::string error;
    auto host = net::Host::create(sc, setup, (dir / "r.log").string(), roomConfig(0, 2), error);
    REQUIRE_MESSAGE(host, error);
    CHECK(host->tableCount() == 0);
    // One more person than one table of teams of two holds.
    const int people = seatsPerTable * 2 + 1;
    CHECK(net::tablesForPeople(people, seatsPerTable, 2) == 2);
    std::vector<std::unique_ptr<net::Client>> owned;
    std::vector<net::Client*> clients;
    for (int i = 0; i < people; ++i) {
        owned.push_back(joinAs(*host, "P" + std::to_string(i), "", -1));
        clients.push_back(owned.back().get());
    }
    REQUIRE(runUntil(
        *host, clients, [&] { return allHaveStatus(clients, net::Client::Status::Waiting); }, 5.0));
    REQUIRE(host->start(true));
    CHECK(host->tableCount() == 2);
    CHECK(host->waiting().empty());
    REQUIRE(runUntil(
        *host, clients, [&] { return allHaveStatus(clients, net::Client::Status::Playing); }, 5.0));
    int seated = 0;
    for (int t = 0; t < 2; ++t)
        for (const net::SeatStatus& s : host->table(t).seats)
            seated += static_cast<int>(s.people.size());
    CHECK(seated == people);
}

TEST_CASE("a room in step moves every table to the next phase together") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("step");
    // Table 2 has only the host's bots and races through its phases; table
    // 1 has a player at human pace, so only the room's clock keeps it along.
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    net::HostConfig config = roomConfig(2, 1);
    config.room.inStep = true;
    std::string error;
    auto host = net::Host::create(sc, setup, (dir / "s.log").string(), config, error);
    REQUIRE_MESSAGE(host, error);
    int finishedCalls = 0;
    host->onTableFinished = [&](int) { ++finishedCalls; };
    auto kim = joinAs(*host, "Kim", sc->roles[0].id, 0, false);
    REQUIRE(runUntil(
        *host, {kim.get()}, [&] { return kim->status() == net::Client::Status::Lobby; }, 5.0));
    REQUIRE(host->start(true));
    int pollsChecked = 0;
    int lastPhase = -1;
    const bool done = runUntil(
        *host, {kim.get()},
        [&] {
            const net::TableStatus first = host->table(0);
            const net::TableStatus second = host->table(1);
            if (!first.finished && !second.finished) {
                REQUIRE(first.game->state().phase == second.game->state().phase);
                lastPhase = second.game->state().phase;
            }
            ++pollsChecked;
            return second.finished;
        },
        20.0);
    REQUIRE(done);
    CHECK(pollsChecked > 3);
    CHECK(finishedCalls == 1);
    // A table that decided does not cut the others' decision short.
    CHECK(host->table(0).game->state().phase == lastPhase);
    CHECK_FALSE(host->table(0).finished);
    // The room's Advance is in the log of the table that was not done yet.
    int advances = 0;
    for (const Action& a : readSessionLog(host->table(0).logPath).actions)
        advances += a.type == ActionType::Advance && a.seat == kFacilitator;
    CHECK(advances > 0);
}

TEST_CASE("empty seats stay out of the game when the facilitator says so") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("leftout");
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    // Two seats for the first role: one is taken, the other stays out.
    Seat extra;
    extra.role = 0;
    setup.seats.insert(setup.seats.begin(), extra);
    net::HostConfig config = roomConfig(1, 1);
    config.room.emptySeatsToBots = false;
    std::string error;
    auto host = net::Host::create(sc, setup, (dir / "e.log").string(), config, error);
    REQUIRE_MESSAGE(host, error);
    auto jan = joinAs(*host, "Jan", sc->roles[2].id, 0, false);
    REQUIRE(runUntil(
        *host, {jan.get()}, [&] { return jan->status() == net::Client::Status::Lobby; }, 5.0));
    REQUIRE(host->start(false));
    const SessionSetup& played = host->game()->setup();
    CHECK(played.seats.size() == sc->roles.size()); // one seat per role
    REQUIRE(runUntil(
        *host, {jan.get()}, [&] { return jan->status() == net::Client::Status::Playing; }, 5.0));
    CHECK(played.seats[static_cast<std::size_t>(jan->seat())].name == "Jan");
    CHECK_FALSE(played.seats[static_cast<std::size_t>(jan->seat())].bot);
}

TEST_CASE("a team member acts as themselves: naming another member is refused, a token brings them "
          "back") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("team");
    std::string error;
    auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false),
                                  (dir / "t.log").string(), roomConfig(1, 2), error);
    REQUIRE_MESSAGE(host, error);
    auto lot = joinAs(*host, "Lot", sc->roles[0].id, 0, false);
    auto mo = joinAs(*host, "Mo", sc->roles[0].id, 0, false);
    REQUIRE(runUntil(
        *host, {lot.get(), mo.get()},
        [&] {
            return lot->status() == net::Client::Status::Lobby &&
                   mo->status() == net::Client::Status::Lobby;
        },
        5.0));
    REQUIRE(lot->seat() == mo->seat());
    REQUIRE(host->start(true));
    REQUIRE(runUntil(
        *host, {lot.get(), mo.get()},
        [&] {
            return lot->status() == net::Client::Status::Playing &&
                   mo->status() == net::Client::Status::Playing;
        },
        5.0));
    Action done;
    done.type = ActionType::Done;
    done.person = 1; // Mo, not Lot
    REQUIRE(lot->sendAction(done));
    REQUIRE(runUntil(
        *host, {lot.get(), mo.get()}, [&] { return !lot->awaitingReply(); }, 5.0));
    REQUIRE(lot->lastActionRefusal());
    CHECK(lot->lastActionRefusal()->key == net::reason::kOtherPerson);

    // Mo's laptop drops and comes back with the token: Mo again, person 1.
    const std::string token = mo->token();
    mo->disconnect();
    auto back = rejoinWithToken(*host, token);
    REQUIRE(runUntil(
        *host, {lot.get(), back.get()},
        [&] { return back->status() == net::Client::Status::Playing; }, 5.0));
    CHECK(back->seat() == lot->seat());
    done.person = -1;
    REQUIRE(back->sendAction(done));
    REQUIRE(runUntil(
        *host, {lot.get(), back.get()}, [&] { return !back->awaitingReply(); }, 5.0));
    CHECK_FALSE(back->lastActionRefusal());
    std::vector<int> persons; // of the team seat's actions, in order
    for (const Action& a : readSessionLog(host->logPath()).actions)
        if (a.seat == lot->seat())
            persons.push_back(a.person);
    CHECK(persons == std::vector<int>{1});
}

TEST_CASE("a player asks for the floor over the network and only the facilitator gives it") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("turns");
    std::string error;
    auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false),
                                  (dir / "t.log").string(), roomConfig(1, 2), error);
    REQUIRE_MESSAGE(host, error);
    auto lot = joinAs(*host, "Lot", sc->roles[0].id, 0, false);
    auto mo = joinAs(*host, "Mo", sc->roles[0].id, 0, false);
    REQUIRE(runUntil(
        *host, {lot.get(), mo.get()},
        [&] {
            return lot->status() == net::Client::Status::Lobby &&
                   mo->status() == net::Client::Status::Lobby;
        },
        5.0));
    REQUIRE(host->start(true));
    REQUIRE(runUntil(
        *host, {lot.get(), mo.get()},
        [&] {
            return lot->status() == net::Client::Status::Playing &&
                   mo->status() == net::Client::Status::Playing;
        },
        5.0));
    const int seat = lot->seat();
    auto send = [&](net::Client& who, const Action& a) {
        REQUIRE(who.sendAction(a));
        REQUIRE(runUntil(
            *host, {lot.get(), mo.get()}, [&] { return !who.awaitingReply(); }, 5.0));
    };
    // Mo asks first, then Lot: the host knows which of the team each is.
    Action ask;
    ask.type = ActionType::RequestTurn;
    send(*mo, ask);
    CHECK_FALSE(mo->lastActionRefusal());
    send(*lot, ask);
    CHECK_FALSE(lot->lastActionRefusal());
    CHECK(host->game()->state().queuePosition(seat, 1) == 1);
    CHECK(host->game()->state().queuePosition(seat, 0) == 2);

    // A player cannot give themselves the floor.
    Action give;
    give.type = ActionType::GiveTurn;
    give.targetSeat = seat;
    give.targetPerson = 0;
    send(*lot, give);
    REQUIRE(lot->lastActionRefusal());
    CHECK(lot->lastActionRefusal()->key == "refuse.facilitator_only");

    // The facilitator gives it to the first in line; every copy hears it.
    give.seat = kFacilitator;
    give.targetPerson = 1;
    REQUIRE(host->submitFacilitator(give).accepted);
    REQUIRE(runUntil(
        *host, {lot.get(), mo.get()},
        [&] { return lot->game() && lot->game()->state().hasFloor(seat, 1); }, 5.0));
    CHECK(host->game()->state().queuePosition(seat, 0) == 1);

    // Mo is done: the turn is logged as Mo's.
    Action end;
    end.type = ActionType::EndTurn;
    send(*mo, end);
    CHECK_FALSE(mo->lastActionRefusal());
    CHECK_FALSE(host->game()->state().floor);
    const ReadLog log = readSessionLog(host->logPath());
    auto who = [](int seat, int person) {
        return std::to_string(seat) + "/" + std::to_string(person);
    };
    std::vector<std::string> turnActions;
    for (const Action& a : log.actions) {
        if (a.type == ActionType::RequestTurn || a.type == ActionType::EndTurn)
            turnActions.push_back(std::string(actionTypeId(a.type)) + " " + who(a.seat, a.person));
        else if (a.type == ActionType::GiveTurn)
            turnActions.push_back("give_turn " + who(a.seat, a.person) + " to " +
                                  who(a.targetSeat, a.targetPerson));
    }
    const std::string s = std::to_string(seat);
    CHECK(turnActions ==
          std::vector<std::string>{"request_turn " + s + "/1", "request_turn " + s + "/0",
                                   "give_turn -1/-1 to " + s + "/1", "end_turn " + s + "/1"});
}
