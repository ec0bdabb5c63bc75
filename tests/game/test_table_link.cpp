// The links the table plays on over the network: a player's seat (only their
// own, actions sent and decided by the host later), the host's projector (no
// seat, the facilitator's actions at once, who is away), the countdown from
// the session clock, and the player's copy of the log at the end.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "../file_size_limit.hpp"
#include "../net/net_test_util.hpp"
#include "core/log.hpp"
#include "core/scoring.hpp"
#include "i18n.hpp"
#include "net/protocol.hpp"
#include "sound_cues.hpp"
#include "table_link.hpp"

using namespace samenspel;
using namespace nettest;

namespace {

struct Table {
    std::shared_ptr<TableLink> host;
    std::shared_ptr<TableLink> player;
};

// A skatebaan host with one player at the skaters' seat and bots elsewhere,
// started. Quiet bots and no fast-forward unless `bots`, so the clock is
// the only thing that moves.
Table startedTable(const std::string& name, bool bots, std::string playerLog = "") {
    auto scenario = loadShipped("skatebaan");
    net::HostConfig config = loopbackConfig();
    if (!bots) {
        config.botPaceMs = 1'000'000'000;
        config.botFastForwardMs = 0;
    }
    std::string error;
    auto host = net::Host::create(scenario, SessionSetup::defaultFor(*scenario, false, 5),
                                  (tempDir(name) / "host.log").string(), config, error);
    REQUIRE_MESSAGE(host, error);
    auto client = join(*host, "skaters", "piano-zebra-tango", bots);
    net::Host& h = *host;
    net::Client& c = *client;
    REQUIRE(runUntil(
        h, {&c}, [&] { return c.status() == net::Client::Status::Lobby; }, 5));
    REQUIRE(h.start(true));
    Table t{makeHostLink(std::move(host)), makeClientLink(std::move(client), playerLog, bots)};
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!t.player->ready() && std::chrono::steady_clock::now() < end) {
        t.host->poll();
        t.player->poll();
    }
    REQUIRE(t.player->ready());
    return t;
}

void turn(
    Table& t, double seconds, const std::function<bool()>& done = [] { return false; }) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end && !done()) {
        t.host->poll();
        t.player->poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

Action seatAction(ActionType type, int seat) {
    Action a;
    a.type = type;
    a.seat = seat;
    return a;
}

} // namespace

TEST_CASE("table link: a player acts only for their own seat, and the host decides later") {
    Table t = startedTable("player", false);
    TableLink& player = *t.player;
    const int own = player.ownSeat();
    REQUIRE(own >= 0);
    CHECK(player.view() == TableView::Player);
    CHECK_FALSE(player.facilitatorAvailable());
    CHECK(player.mayActFor(own));
    CHECK_FALSE(player.mayActFor((own + 1) % player.game().seatCount()));

    // Another seat's action never leaves the laptop.
    const int other = (own + 1) % player.game().seatCount();
    const SubmitOutcome foreign = player.submit(seatAction(ActionType::Done, other));
    CHECK(foreign.kind == SubmitOutcome::Kind::Refused);
    CHECK(foreign.refusal.key == "net.refuse.other_seat");

    // Its own action is sent; the verdict comes with the host's echo.
    REQUIRE(player.check(seatAction(ActionType::Done, own)).accepted);
    CHECK(player.submit(seatAction(ActionType::Done, own)).kind == SubmitOutcome::Kind::Sent);
    CHECK(player.awaitingReply());
    turn(t, 3, [&] { return !player.awaitingReply(); });
    CHECK_FALSE(player.awaitingReply());
    CHECK_FALSE(player.lastRefusal());
    // Applied on the host and echoed (the phase may have ended with it: the
    // bots said they were done at the start).
    const std::vector<Action> echoed = clientOf(player)->actions();
    CHECK(std::any_of(echoed.begin(), echoed.end(), [&](const Action& a) {
        return a.type == ActionType::Done && a.seat == own;
    }));

    // A proposal in kennismaken is sent too (the link does not pre-judge) and
    // comes back refused with the rules' own reason.
    Action propose = seatAction(ActionType::Propose, own);
    propose.package.assign(player.game().scenario().issues.size(), 0);
    CHECK(player.submit(propose).kind == SubmitOutcome::Kind::Sent);
    turn(t, 3, [&] { return !player.awaitingReply(); });
    REQUIRE(player.lastRefusal());
    CHECK(player.lastRefusal()->key == "refuse.wrong_phase");
}

TEST_CASE("table link: the projector acts for no seat, runs the facilitator's actions and "
          "shows who is away") {
    Table t = startedTable("projector", false);
    TableLink& projector = *t.host;
    const int own = t.player->ownSeat();
    CHECK(projector.view() == TableView::Projector);
    CHECK(projector.facilitatorAvailable());
    for (int s = 0; s < projector.game().seatCount(); ++s)
        CHECK_FALSE(projector.mayActFor(s));
    CHECK(projector.submit(seatAction(ActionType::Done, own)).kind == SubmitOutcome::Kind::Refused);
    CHECK(projector.submit(seatAction(ActionType::Pause, kFacilitator)).kind ==
          SubmitOutcome::Kind::Applied);
    CHECK(projector.game().state().paused);

    const auto seatOf = [&](int seat) {
        for (const net::SeatStatus& s : projector.presence())
            if (s.seat == seat)
                return s;
        return net::SeatStatus{};
    };
    CHECK(seatOf(own).taken);
    CHECK(seatOf(own).connected);
    clientOf(*t.player)->disconnect(); // the laptop drops out
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (seatOf(own).connected && std::chrono::steady_clock::now() < end)
        projector.poll();
    CHECK(seatOf(own).taken);
    CHECK_FALSE(seatOf(own).connected);
    CHECK(t.player->connectionLost());
}

TEST_CASE("table link: the countdown follows the session clock between actions, and stands "
          "still while paused") {
    Table t = startedTable("clock", false);
    TableLink& player = *t.player;
    const std::int64_t rulesBefore = player.game().state().phaseRemainingMs();
    const std::int64_t before = player.phaseRemainingMs();
    const std::uint64_t actions = player.game().state().actionCount;
    turn(t, 0.6);
    REQUIRE(player.game().state().actionCount == actions);          // nothing happened...
    CHECK(player.game().state().phaseRemainingMs() == rulesBefore); // ...so this stood still
    CHECK(player.phaseRemainingMs() <= before - 400);               // but time went on
    CHECK(t.host->phaseRemainingMs() <= before - 400);

    CHECK(t.host->submit(seatAction(ActionType::Pause, kFacilitator)).kind ==
          SubmitOutcome::Kind::Applied);
    turn(t, 3, [&] { return player.game().state().paused; });
    REQUIRE(player.game().state().paused);
    const std::int64_t paused = player.phaseRemainingMs();
    turn(t, 0.4);
    CHECK(player.phaseRemainingMs() == paused);
}

TEST_CASE("table link: a bot plays the player's seat through the link, and the player keeps a "
          "copy of the log that replays to the host's game") {
    const std::string log = (tempDir("copy") / "player.log").string();
    Table t = startedTable("copy", true, log);
    // On the way, the public support of other roles the player's laptop shows
    // is the host's (its own copy lacks their weights).
    int compared = 0, wrong = 0;
    const auto compareSupport = [&] {
        const Game& mine = t.player->game();
        const Game& host = t.host->game();
        // Only where the copy has caught up (other seats' predictions reach
        // it only at the end, so action counts differ): same events, same
        // proposals and reactions.
        if (mine.state().finished ||
            mine.state().proposals.size() != host.state().proposals.size() ||
            mine.state().announcements.size() != host.state().announcements.size())
            return;
        const int own = mine.roleOfSeat(t.player->ownSeat());
        for (const Proposal& p : host.state().proposals) {
            if (mine.state().proposals[static_cast<std::size_t>(p.id)].reactions.size() !=
                p.reactions.size())
                continue;
            for (const Reaction& r : p.reactions) {
                const int role = host.roleOfSeat(r.seat);
                if (role == own)
                    continue;
                const auto shown = t.player->hostSupport(p.id, role);
                const double real = supportOf(host.scenario(), host.state().world, role, p.package);
                if (!shown)
                    continue; // its message may still be on the way
                ++compared;
                if (std::abs(shown->support - real) > 0.01)
                    ++wrong;
            }
        }
    };
    turn(t, 60, [&] {
        compareSupport();
        return t.player->game().state().finished;
    });
    CHECK(compared > 0);
    CHECK(wrong == 0);
    REQUIRE(t.player->game().state().finished);
    turn(t, 0.2); // the copy is written on the next poll
    const Game& host = t.host->game();
    CHECK(t.player->game().state().actionCount == host.state().actionCount);
    // The bot acted for the seat: some actions of the session are the player's.
    const std::vector<Action> actions = clientOf(*t.player)->actions();
    CHECK(std::any_of(actions.begin(), actions.end(),
                      [&](const Action& a) { return a.seat == t.player->ownSeat(); }));
    Replay replay = replaySessionLog(log);
    REQUIRE_MESSAGE(replay.game, (replay.errors.empty() ? "" : replay.errors.front().format()));
    CHECK(replay.game->state().finished);
    CHECK(replay.game->state().actionCount == host.state().actionCount);
    CHECK(replay.game->state().decision.taken == host.state().decision.taken);
    CHECK(std::filesystem::exists(log + ".finished"));
}

TEST_CASE("table link: every network text the host, join, title and table screens ask for is in "
          "both catalogs") {
    const std::string root = SAMENSPEL_SOURCE_DIR;
    Catalog en, nl;
    std::vector<std::string> problems;
    REQUIRE(en.load(root + "/assets/i18n", "en", problems));
    REQUIRE(nl.load(root + "/assets/i18n", "nl", problems));
    const std::regex key(
        R"re("((net\.[a-z_]+|table\.stop|table\.checkpoint_failed)\.?[a-z_.]*[a-z_])")re");
    int found = 0;
    for (const char* file :
         {"game/screens/host.cpp", "game/screens/join.cpp", "game/screens/title.cpp",
          "game/screens/table.cpp", "game/screens/table_notices.cpp"}) {
        std::ifstream in(root + "/" + file);
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (std::sregex_iterator it(s.begin(), s.end(), key), end; it != end; ++it) {
            const std::string k = (*it)[1].str();
            ++found;
            // A counted text (trCount) has its plural forms instead.
            CHECK_MESSAGE((en.has(k) || en.has(k + ".other")),
                          "en misses " << k << " (" << file << ")");
            CHECK_MESSAGE((nl.has(k) || nl.has(k + ".other")),
                          "nl misses " << k << " (" << file << ")");
        }
    }
    CHECK(found > 20);
}

TEST_CASE("table link: the projector and a player's laptop hear every phase change and event "
          "of a networked session, through the sound cues (muted)") {
    Table t = startedTable("sounds", true);
    // A muted room: the cues are counted, nothing is played (no audio device).
    static int played = 0;
    struct CountingSpeaker final : SoundCues::Speaker {
        void phaseEnd() override { ++played; }
        void event() override { ++played; }
    };
    const SoundCues::SpeakerFactory factory = [] {
        return std::unique_ptr<SoundCues::Speaker>(std::make_unique<CountingSpeaker>());
    };
    SoundCues projector(factory), laptop(factory);
    projector.setMuted(true);
    laptop.setMuted(true);
    int finishedEvents = 0;
    const auto hear = [&](TableLink& link, SoundCues& cues) {
        const std::vector<LinkEvent> events = link.takeEvents();
        for (const LinkEvent& e : events)
            finishedEvents += e.kind == LinkEvent::Kind::Finished ? 1 : 0;
        cues.hear(events);
    };
    const int startPhase = t.host->game().state().phase;
    turn(t, 60, [&] {
        hear(*t.host, projector);
        hear(*t.player, laptop);
        return t.player->game().state().finished && t.host->game().state().finished;
    });
    REQUIRE(t.host->game().state().finished);
    turn(t, 0.2);
    hear(*t.host, projector);
    hear(*t.player, laptop);
    const GameState& st = t.host->game().state();
    // Every phase that began after the start was heard on both screens.
    CHECK(projector.phaseEndsHeard() == st.phase - startPhase);
    CHECK(laptop.phaseEndsHeard() == st.phase - startPhase);
    // Every announcement (the scenario's minute and condition events).
    CHECK(st.announcements.size() > 0);
    CHECK(projector.eventsHeard() == static_cast<int>(st.announcements.size()));
    CHECK(laptop.eventsHeard() == static_cast<int>(st.announcements.size()));
    CHECK(finishedEvents == 2); // each screen learned once that it ended
    CHECK(played == 0);
}

// [A host that cannot write its log] ---------------------------------------------

namespace {

int stoppedEvents(TableLink& link) {
    int n = 0;
    for (const LinkEvent& e : link.takeEvents())
        n += e.kind == LinkEvent::Kind::Stopped ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("table link: when the host's log cannot be written, the projector and the laptop say "
          "the session stopped; the laptop tries again and is back once the host is continued") {
    Table t = startedTable("log-fails", true);
    turn(t, 10, [&] { return t.host->game().state().actionCount >= 5; });
    net::Host& host = *hostOf(*t.host);
    const unsigned short port = host.port();
    const std::string log = host.logPath();
    t.host->takeEvents();
    t.player->takeEvents();
    {
        FileSizeLimit diskFull(std::filesystem::file_size(log) + 40);
        turn(t, 10, [&] { return t.host->stop() && t.player->stop(); });
    }
    REQUIRE(t.host->stop());
    REQUIRE(t.player->stop());
    // The projector: this machine's log, and what its system said.
    const LinkStop projectorStop = *t.host->stop();
    CHECK_FALSE(projectorStop.atHost);
    CHECK(projectorStop.cause == std::errc::file_too_large);
    CHECK(projectorStop.logPath == log);
    // The laptop: the host said why, and the laptop says it keeps trying.
    const LinkStop laptopStop = *t.player->stop();
    CHECK(laptopStop.atHost);
    CHECK(laptopStop.retrying);
    CHECK(laptopStop.message.find("File too large") != std::string::npos);
    CHECK(stoppedEvents(*t.host) == 1);
    CHECK(stoppedEvents(*t.player) == 1);
    // Neither pretends: buttons are refused with the reason, countdowns stand still.
    const int own = t.player->ownSeat();
    CHECK(t.player->check(seatAction(ActionType::Done, own)).refusal.key ==
          net::reason::kHostLogFailed);
    CHECK(t.host->check(seatAction(ActionType::Pause, kFacilitator)).refusal.key ==
          "refuse.session_stopped");
    const std::int64_t projectorLeft = t.host->phaseRemainingMs();
    const std::int64_t laptopLeft = t.player->phaseRemainingMs();
    const std::uint64_t actions = t.player->game().state().actionCount;
    // It tried again: the stopped host refused it, and it still says why.
    turn(t, 3, [&] { return clientOf(*t.player)->status() == net::Client::Status::Refused; });
    CHECK(clientOf(*t.player)->status() == net::Client::Status::Refused);
    CHECK(t.player->stop());
    CHECK(t.host->phaseRemainingMs() == projectorLeft);
    CHECK(t.player->phaseRemainingMs() == laptopLeft);
    CHECK(t.player->game().state().actionCount == actions);

    // The facilitator frees the disk and continues on the same port.
    t.host.reset();
    net::HostConfig again = loopbackConfig();
    again.port = port;
    std::string error;
    auto resumed = net::Host::resume(log, again, error);
    REQUIRE_MESSAGE(resumed, error);
    std::shared_ptr<TableLink> projector = makeHostLink(std::move(resumed));
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(8);
    while (t.player->stop() && std::chrono::steady_clock::now() < end) {
        projector->poll();
        t.player->poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK_FALSE(t.player->stop());
    CHECK(clientOf(*t.player)->status() == net::Client::Status::Playing);
    CHECK(t.player->game().state().actionCount >= actions);
    CHECK_FALSE(projector->stop());
}
