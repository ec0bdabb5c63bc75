// Bad input against a running host: each kind is refused or disconnected
// with a reason, and the host goes on serving the other players.
#include "net_test_util.hpp"

#include <SFML/Network.hpp>

#include "core/json.hpp"
#include "core/log.hpp"
#include "core/safe_text.hpp"
#include "net/protocol.hpp"

using namespace samenspel;
using namespace nettest;

namespace {

// A host with two people's seats (skaters, omwonenden) and bots in the
// others; the session runs at the pace of people, so it stays in its first
// phase during a test.
struct Table {
    std::shared_ptr<const Scenario> sc = loadShipped("skatebaan");
    std::unique_ptr<net::Host> host;
    std::unique_ptr<net::Client> a, b;
    std::filesystem::path dir = tempDir("faults");

    explicit Table(net::HostConfig config = loopbackConfig()) {
        SessionSetup setup = SessionSetup::defaultFor(*sc, false);
        for (std::size_t i = 2; i < setup.seats.size(); ++i)
            setup.seats[i].bot = true;
        std::string error;
        host = net::Host::create(sc, setup, (dir / "s.log").string(), config, error);
        REQUIRE_MESSAGE(host, error);
        a = join(*host, "skaters", "piano-zebra-tango", false);
        b = join(*host, "omwonenden", "piano-zebra-tango", false);
        REQUIRE(turn([&] {
            return a->status() == net::Client::Status::Playing &&
                   b->status() == net::Client::Status::Playing;
        }));
    }

    bool turn(const std::function<bool()>& done, double seconds = 5.0) {
        return runUntil(*host, {a.get(), b.get()}, done, seconds);
    }

    // The host still takes a player's action and sends it back.
    void expectServing(net::Client& client) {
        REQUIRE(client.status() == net::Client::Status::Playing);
        const std::uint64_t before = host->game()->state().actionCount;
        Action done;
        done.type = ActionType::Done;
        REQUIRE(client.sendAction(done));
        CHECK(turn([&] { return !client.awaitingReply(); }));
        CHECK_FALSE(client.lastActionRefusal().has_value());
        CHECK(host->game()->state().actionCount > before);
        // Its copy of the table follows the host's (other seats' predictions
        // stay hidden, so the counts of actions may differ).
        CHECK(turn([&] { return client.game()->state().phase == host->game()->state().phase; }));
    }
};

// A raw TCP connection for sending bytes no real client would send.
struct Raw {
    sf::TcpSocket socket;
    std::string received;
    net::FrameReader reader{net::kMaxHostFrame};

    explicit Raw(const net::Host& host) {
        REQUIRE(socket.connect(sf::IpAddress::LocalHost, host.port(), sf::seconds(2)) ==
                sf::Socket::Done);
        socket.setBlocking(false);
    }
    void send(const std::string& bytes) {
        std::size_t sent = 0;
        socket.setBlocking(true);
        socket.send(bytes.data(), bytes.size(), sent);
        socket.setBlocking(false);
    }
    // Reads what is there; true when the host closed the connection.
    bool read() {
        char buffer[4096];
        while (true) {
            std::size_t n = 0;
            auto status = socket.receive(buffer, sizeof buffer, n);
            if (status == sf::Socket::NotReady)
                return false;
            if (status != sf::Socket::Done)
                return true;
            reader.feed(buffer, n);
        }
    }
    // The reason the host gave in its last refuse/bye frame.
    std::string reason() {
        std::string last;
        while (auto body = reader.next()) {
            std::string error;
            auto m = net::parseMessage(*body, error);
            if (m && (m->type == "refuse" || m->type == "bye"))
                last = m->body.stringOr("reason");
        }
        return last;
    }
};

std::string hello(const std::string& code, const std::string& seat = "") {
    JsonWriter w;
    w.beginObject().key("v").value(net::kProtocolVersion).key("type").value("hello");
    w.key("version").value(net::kProtocolVersion);
    w.key("code").value(code).key("name").value("x").key("seat").value(seat).endObject();
    return net::frame(w.str());
}

// Turns the table until the raw connection is closed by the host; its reason.
std::string closedWith(Table& t, Raw& raw) {
    bool closed = false;
    t.turn([&] { return closed = raw.read(); });
    REQUIRE_MESSAGE(closed, "the host did not close the connection");
    return raw.reason();
}

} // namespace

TEST_CASE("malformed JSON is refused and the host serves the others") {
    Table t;
    Raw raw(*t.host);
    raw.send(net::frame("{\"v\":1,\"type\":\"hello\",\"code\":"));
    CHECK(closedWith(t, raw) == net::reason::kMalformed);
    t.expectServing(*t.a);
}

TEST_CASE("a message from a seated client that is not JSON ends only that connection") {
    Table t;
    t.b->sendRaw(net::frame("this is not json"));
    CHECK(t.turn([&] { return t.b->status() == net::Client::Status::Disconnected; }));
    CHECK(t.b->refusalKey() == net::reason::kMalformed);
    t.expectServing(*t.a);
}

TEST_CASE("a refusal quotes what the client sent only made safe, for it and the host's console") {
    Table t;
    std::vector<std::string> console;
    t.host->onNotice = [&](const std::string& line) { console.push_back(line); };
    // A role wish that would retitle and clear the facilitator's terminal.
    JsonWriter w;
    w.beginObject().key("v").value(1).key("type").value("hello").key("version").value(1);
    w.key("code").value("piano-zebra-tango");
    w.key("seat").value("\x1B]0;owned\x07\x1B[2J\u202Eskaters").endObject();
    Raw wish(*t.host);
    wish.send(net::frame(w.str()));
    // Invalid UTF-8, which the JSON parser's message quotes.
    Raw bytes(*t.host);
    bytes.send(net::frame("{\"v\":1,\"type\":\"hello\",\"name\":\"x\xFF\xFE\"}"));
    // A long string cut off, which the parser's message would quote whole.
    Raw longText(*t.host);
    longText.send(net::frame("{\"v\":1,\"type\":\"hello\",\"name\":\"" + std::string(20000, 'n') +
                             "\\u00\"}"));
    for (Raw* raw : {&wish, &bytes, &longText}) {
        bool closed = false;
        t.turn([&] { return closed = raw->read(); });
        REQUIRE(closed);
        // Every frame is valid UTF-8 JSON (the client's parser refuses anything else).
        bool refused = false;
        while (auto body = raw->reader.next()) {
            std::string error;
            auto m = net::parseMessage(*body, error);
            REQUIRE_MESSAGE(m, error);
            const std::string message = m->body.stringOr("message");
            CHECK(inspectText(message).problem == TextInspection::Problem::None);
            CHECK(message.size() < 1000);
            refused = refused || m->type == "refuse";
        }
        CHECK(refused);
    }
    REQUIRE(console.size() >= 3);
    for (const std::string& line : console) {
        CHECK_MESSAGE(inspectText(line).problem == TextInspection::Problem::None, line);
        CHECK(line.size() < 1000);
    }
    t.expectServing(*t.a);
    t.host->onNotice = nullptr; // `console` goes before the host does
}

TEST_CASE("an oversized frame is refused before it is read") {
    Table t;
    Raw raw(*t.host);
    const std::string header("\x00\x10\x00\x00", 4); // 1 MiB announced
    raw.send(header + std::string(1000, 'x'));
    CHECK(closedWith(t, raw) == net::reason::kFrameTooLarge);
    t.expectServing(*t.a);
}

TEST_CASE("a truncated frame times out and one cut off by a closed socket is forgotten") {
    net::HostConfig config = loopbackConfig();
    config.stalledFrameSeconds = 0.3;
    config.handshakeTimeoutSeconds = 5;
    Table t(config);
    {
        Raw cut(*t.host);
        cut.send(hello("piano-zebra-tango").substr(0, 20));
    } // closed mid-frame
    Raw stalled(*t.host);
    stalled.send(std::string("\x00\x00\x00\x64", 4) + "{\"v\":1,");
    CHECK(closedWith(t, stalled) == net::reason::kStalledFrame);
    t.expectServing(*t.a);
}

TEST_CASE("an action before hello is refused") {
    Table t;
    Raw raw(*t.host);
    raw.send(net::frame("{\"v\":1,\"type\":\"action\",\"action\":{\"type\":\"done\",\"seat\":0}}"));
    CHECK(closedWith(t, raw) == net::reason::kHelloFirst);
    t.expectServing(*t.a);
    CHECK(t.host->game()->state().done[0] == true); // only a's own Done counted
}

TEST_CASE("an action for another seat or another phase is refused and the connection stays") {
    Table t;
    Action other;
    other.type = ActionType::Done;
    // sendAction stamps the client's own seat, so forge one by hand.
    JsonWriter w;
    other.seat = t.b->seat();
    w.beginObject().key("v").value(net::kProtocolVersion).key("type").value("action");
    w.key("action").raw(encodeAction(other));
    w.endObject();
    t.a->sendRaw(net::frame(w.str()));
    CHECK(t.turn([&] { return t.a->lastActionRefusal().has_value(); }));
    CHECK(t.a->lastActionRefusal()->key == net::reason::kOtherSeat);
    CHECK_FALSE(t.host->game()->state().done[static_cast<std::size_t>(t.b->seat())]);

    Action vote; // besluit only; the session is in kennismaken
    vote.type = ActionType::Vote;
    vote.proposal = 0;
    REQUIRE(t.a->sendAction(vote));
    CHECK(t.turn([&] { return !t.a->awaitingReply(); }));
    REQUIRE(t.a->lastActionRefusal().has_value());
    CHECK(t.a->lastActionRefusal()->key.rfind("refuse.", 0) == 0);
    CHECK(t.a->status() == net::Client::Status::Playing);
    t.expectServing(*t.a);
    t.expectServing(*t.b);
}

TEST_CASE("wrong session codes are limited per address") {
    net::HostConfig config = loopbackConfig();
    config.codeAttempts = 5;
    Table t(config);
    for (int i = 0; i < 5; ++i) {
        Raw raw(*t.host);
        raw.send(hello("wrong-code-" + std::to_string(i)));
        CHECK(closedWith(t, raw) == net::reason::kWrongCode);
    }
    Raw right(*t.host); // even the right code is turned away for now
    right.send(hello("piano-zebra-tango"));
    CHECK(closedWith(t, right) == net::reason::kTooManyAttempts);
    t.expectServing(*t.a);
}

TEST_CASE("a client that says nothing is dropped after the handshake timeout") {
    net::HostConfig config = loopbackConfig();
    config.handshakeTimeoutSeconds = 0.3;
    Table t(config);
    Raw silent(*t.host);
    CHECK(closedWith(t, silent) == net::reason::kHandshakeTimeout);
    t.expectServing(*t.a);
}

TEST_CASE("a client that stops reading is dropped and never stalls the host") {
    net::HostConfig config = loopbackConfig();
    config.maxOutgoingBytes = 64 * 1024;
    config.socketSendBuffer = 4096;
    Table t(config);
    Raw greedy(*t.host);
    // Seated through b's reconnect token, then asking for everything again and
    // again without ever reading.
    JsonWriter w;
    w.beginObject().key("v").value(net::kProtocolVersion).key("type").value("hello");
    w.key("version").value(net::kProtocolVersion);
    w.key("code").value("piano-zebra-tango").key("token").value(t.b->token()).endObject();
    std::string flood = net::frame(w.str());
    for (int i = 0; i < 400; ++i)
        flood +=
            net::frame("{\"v\":" + std::to_string(net::kProtocolVersion) + ",\"type\":\"sync\"}");
    greedy.send(flood);
    const bool dropped = runUntil(
        *t.host, {t.a.get()},
        [&] { return t.host->stats().dropReasons.count(net::reason::kNotReading) > 0; }, 10.0);
    CHECK(dropped);
    runUntil(
        *t.host, {t.a.get()}, [] { return false; }, 0.1);
    t.expectServing(*t.a);
}

TEST_CASE("a client of another protocol version is refused with a clear message") {
    Table t;
    net::ClientConfig c;
    c.host = "127.0.0.1";
    c.port = t.host->port();
    c.code = "piano-zebra-tango";
    c.protocolVersion = 99;
    std::string error;
    auto old = net::Client::connect(c, error);
    REQUIRE(old);
    runUntil(
        *t.host, {t.a.get(), old.get()},
        [&] { return old->status() == net::Client::Status::Refused; }, 5.0);
    CHECK(old->status() == net::Client::Status::Refused);
    CHECK(old->refusalKey() == net::reason::kVersion);
    CHECK(old->refusalMessage().find("version " + std::to_string(net::kProtocolVersion)) !=
          std::string::npos);
    CHECK(old->refusalMessage().find("version 99") != std::string::npos);
    t.expectServing(*t.a);
}
