// The hostile network battery (ctest: reliability_hostile_network). A host on
// loopback runs a real session: bot clients play five of skatebaan's six
// seats, and the sixth is held by a seated cheat. In bounded loops, strangers
// (from loopback addresses of their own) and the cheat send everything a
// network lets them send. The battery counts the inputs of each kind and how
// the host answered, prints a table, and fails on any broken invariant:
//   - the host keeps serving: the honest bots play the session to the debrief;
//   - no seat is stolen: no stranger gets a welcome, no honest player is
//     replaced or refused, no action is applied for a seat its sender does
//     not hold;
//   - nothing hidden leaks to the cheat before the session reveals it:
//     another role's secret, an unnamed precondition, an event that has not
//     fired, another seat's prediction;
//   - nothing piles up: every connection that never completes a hello is
//     closed, the host's books (open connections, queued bytes, wrong-code
//     table, drop reasons) stay small;
//   - every text the host passes on (frames to honest players, its log, its
//     console) is valid UTF-8 without control or bidi-override characters.
// battery.hpp holds the stage (host, players, checks, tally); this file the
// kinds of attack. docs/testing.md "The reliability suite" explains the table.
#include <doctest/doctest.h>

#include <climits>
#include <cstdlib>

#include "battery.hpp"

using namespace reliability;
using namespace nettest;

namespace {

std::uint64_t seedFromEnvironment() {
    if (const char* text = std::getenv("SAMENSPEL_RELIABILITY_SEED"))
        return std::strtoull(text, nullptr, 10);
    return 20250610;
}

void junkBytes(Battery& b) {
    std::vector<std::string> inputs;
    std::uniform_int_distribution<int> length(1, 4096), byte(0, 255);
    for (int i = 0; i < 40; ++i) {
        std::string junk(static_cast<std::size_t>(length(b.random())), '\0');
        for (char& c : junk)
            c = static_cast<char>(byte(b.random()));
        inputs.push_back(junk);
    }
    b.strangers("junk bytes", inputs);
}

void oversizedPrefixes(Battery& b) {
    std::vector<std::string> inputs;
    const std::uint32_t limit = static_cast<std::uint32_t>(net::kMaxClientFrame);
    for (std::uint32_t n : {limit + 1, limit * 2, 1u << 20, 1u << 24, 0x7FFFFFFFu, 0x80000000u,
                            0xFFFFFFFFu, 0xFFFFFFFEu})
        inputs.push_back(lengthPrefix(n) + std::string(64, 'x'));
    inputs.push_back(lengthPrefix(0xFFFFFFFFu)); // the prefix alone
    inputs.push_back(lengthPrefix(limit + 1) + "{\"v\":2,\"type\":\"hello\"}");
    b.strangers("oversized length prefix", inputs);
}

void unframedData(Battery& b) {
    const std::string hello = helloBody(kCode, "skaters");
    Battery::StrangerOptions o;
    o.settleLater = true; // a few bytes too short for a length wait for the timeout
    b.strangers("unframed data",
                {"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", hello, hello + "\n",
                 "SSH-2.0-OpenSSH_9.0\r\n", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xFC", 9),
                 "PING\r\n", "hi", "\n", std::string(4, '\0') + "hello", "{}", "[]",
                 std::string(3, '\0')},
                o);
}

void floods(Battery& b) {
    // Thousands of frames on one connection: the first is answered, the rest
    // are never read.
    std::string hellos, syncs;
    for (int i = 0; i < 3000; ++i) {
        hellos += net::frame(helloBody(kCode, "skaters"));
        syncs += net::frame("{\"v\":2,\"type\":\"sync\"}");
    }
    Battery::StrangerOptions many;
    many.inputsPerConnection = 3000;
    b.strangers("floods of frames", {hellos}, many);
    b.strangers("floods of frames", {syncs}, many);

    // Connections from one address beyond its cap.
    Battery::StrangerOptions oneAddress;
    oneAddress.source = "127.2.0.1";
    oneAddress.settleLater = true;
    b.strangers("floods of frames", std::vector<std::string>(24, ""), oneAddress);

    // The seated cheat: unknown messages and done toggles by the hundred.
    std::string unknown, toggles;
    for (int i = 0; i < 200; ++i)
        unknown += net::frame("{\"v\":2,\"type\":\"chat\",\"text\":\"spam\"}");
    Action done;
    done.type = ActionType::Done;
    done.seat = b.cheatSeat();
    for (int i = 0; i < 60; ++i)
        toggles += actionFrame(done);
    b.cheatTallies("floods of frames", unknown, 200);
    b.cheatTallies("floods of frames", toggles, 60);

    // Its token on a second connection that asks for everything again and
    // again and never reads: it takes the seat over (the cheat's first
    // connection hears it was replaced), then the host drops it.
    Hostile& greedy = b.open(Hostile::Kind::Greedy, "127.2.0.2", 4096);
    greedy.stopReading();
    std::string asks = net::frame(helloBody(kCode, "", "Greedy", b.cheatToken()));
    for (int i = 0; i < 400; ++i)
        asks += net::frame("{\"v\":2,\"type\":\"sync\"}");
    greedy.queue(asks);
    const auto notReading = [&] {
        return b.host().stats().dropReasons.count(net::reason::kNotReading) > 0;
    };
    if (!b.turnUntil(notReading, kCloseBound))
        b.problem("a seated connection that never reads was not dropped");
    b.tally("floods of frames").add({Answer::Accepted, "rejoin with own token"});
    b.tally("floods of frames")
        .add({notReading() ? Answer::Dropped : Answer::Ignored, "not_reading"}, 400);
    b.turnUntil([&] { return b.cheat().closed(); }, kAnswerBound);
    for (const std::string& body : b.cheat().bodies())
        if (auto p = parseHostFrame(body);
            p && p->type == "bye" && stringOr(p->json, "reason") == net::reason::kReplaced)
            b.tally("reused tokens").add({Answer::Dropped, "replaced (older connection)"});
    b.forget({&greedy});
    b.seatCheat(helloBody(kCode, "", "Mallory", b.cheatToken()));
}

void slowSenders(Battery& b) {
    // A whole hello a byte at a time, within the time a frame may take.
    Battery::StrangerOptions slow;
    slow.trickleBytes = 1;
    std::vector<std::string> hellos;
    for (const Role& role : b.scenario().roles)
        hellos.push_back(net::frame(helloBody(kCode, role.id)));
    b.strangers("slow senders", hellos, slow);

    // Slower than that (a byte every 0.3 s): the host stops waiting.
    Battery::StrangerOptions slower;
    slower.trickleBytes = 1;
    slower.trickleSeconds = 0.3;
    slower.settleLater = true;
    b.strangers("slow senders",
                std::vector<std::string>(4, net::frame(helloBody(kCode, "skaters"))), slower);

    // The cheat trickles an action (a vote, in a phase without voting).
    Action vote;
    vote.type = ActionType::Vote;
    vote.seat = b.cheatSeat();
    vote.proposal = 0;
    b.cheatTallies("slow senders", actionFrame(vote), 1, true);
}

void wrongCodes(Battery& b) {
    // Eight guesses from each of four addresses, one after another: the
    // sixth and later are turned away even before the code is looked at.
    const std::vector<std::string> guesses = {"",
                                              "piano-zebra-tangoo",
                                              "zebra-piano-tango",
                                              std::string(1000, 'a'),
                                              "pi\u00E4no-zebra-tango",
                                              "piano",
                                              "wrong-code-here",
                                              "piano-zebra-tango-x"};
    for (int a = 0; a < 4; ++a) {
        Battery::StrangerOptions same;
        same.source = "127.3.0." + std::to_string(a + 1);
        same.oneAtATime = true;
        std::vector<std::string> inputs;
        for (const std::string& g : guesses)
            inputs.push_back(net::frame(helloBody(g, "")));
        b.strangers("wrong codes", inputs, same);
    }
    if (b.host().stats().addressesWithWrongCodes > 4)
        b.problem("the wrong-code table holds more addresses than guessed");
}

void idleConnections(Battery& b) {
    // From one address, beyond its cap of 16; and from 20 addresses.
    Battery::StrangerOptions oneAddress;
    oneAddress.source = "127.4.0.1";
    oneAddress.settleLater = true;
    b.strangers("idle connections", std::vector<std::string>(24, ""), oneAddress);
    Battery::StrangerOptions many;
    many.settleLater = true;
    b.strangers("idle connections", std::vector<std::string>(20, ""), many);
}

void seatTheft(Battery& b) {
    std::vector<std::string> inputs;
    for (const Role& role : b.scenario().roles)
        inputs.push_back(net::frame(helloBody(kCode, role.id, "Thief")));
    inputs.push_back(net::frame(helloBody(kCode, "", "Thief")));
    for (const char* wish : {"facilitator", "0", "SKATERS", "skaters ", "observer"})
        inputs.push_back(net::frame(helloBody(kCode, wish, "Thief")));
    // A role wish that would write to the facilitator's terminal.
    inputs.push_back(net::frame(helloBody(kCode, "\x1B]0;owned\x07\x1B[2J\u202Eskaters", "Thief")));
    // A bot flag or a seat number do not make a seat free.
    inputs.push_back(net::frame(helloBody(kCode, "skaters", "Thief", "", true)));
    inputs.push_back(net::frame(
        "{\"v\":2,\"type\":\"hello\",\"version\":2,\"code\":\"piano-zebra-tango\",\"seat\":0}"));
    // An honest player's token with a wrong code.
    for (const std::string& token : b.honestTokens())
        inputs.push_back(net::frame(helloBody("wrong-code-theft", "", "Thief", token)));
    b.strangers("seat theft", inputs);

    // The seated cheat says hello again, for another seat.
    b.cheatTallies("seat theft", net::frame(helloBody(kCode, "skaters", "Mallory")));
}

void guessedTokens(Battery& b) {
    std::vector<std::string> inputs;
    std::uniform_int_distribution<int> hex(0, 15);
    for (int i = 0; i < 50; ++i) {
        std::string token;
        for (int k = 0; k < 32; ++k)
            token += "0123456789abcdef"[hex(b.random())];
        inputs.push_back(net::frame(helloBody(kCode, "", "Guess", token)));
    }
    // Near misses of a real token.
    const std::string real = b.honestTokens().front();
    for (std::size_t pos : {std::size_t{0}, std::size_t{7}, std::size_t{15}, real.size() - 1}) {
        std::string near = real;
        near[pos] = near[pos] == 'a' ? 'b' : 'a';
        inputs.push_back(net::frame(helloBody(kCode, "", "Guess", near)));
    }
    std::string upper = real;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (const std::string& near :
         {real.substr(0, 16), real + "0", " " + real, real + std::string(1, '\0'), upper,
          std::string(32, '0'), std::string(4000, 'f')})
        if (near != real)
            inputs.push_back(net::frame(helloBody(kCode, "", "Guess", near)));
    b.strangers("guessed tokens", inputs);
}

void reusedTokens(Battery& b) {
    // Tokens of an earlier session on this machine.
    std::vector<std::string> old;
    {
        std::string error;
        auto earlier = net::Host::create(
            loadShipped("skatebaan"), SessionSetup::defaultFor(b.scenario(), false, 3),
            (b.dir() / "earlier.log").string(), loopbackConfig(), error);
        REQUIRE_MESSAGE(earlier, error);
        std::vector<std::unique_ptr<net::Client>> players;
        std::vector<net::Client*> raw;
        for (int i = 0; i < 3; ++i) {
            players.push_back(join(*earlier, b.scenario().roles[static_cast<std::size_t>(i)].id));
            raw.push_back(players.back().get());
        }
        runUntil(
            *earlier, raw,
            [&] {
                return std::all_of(raw.begin(), raw.end(),
                                   [](net::Client* c) { return !c->token().empty(); });
            },
            kAnswerBound);
        for (net::Client* c : raw)
            if (!c->token().empty())
                old.push_back(c->token());
    }
    std::vector<std::string> inputs;
    for (const std::string& token : old)
        inputs.push_back(net::frame(helloBody(kCode, "", "Old", token)));
    b.strangers("reused tokens", inputs);
    // The cheat's own token again while it is connected: the seat moves to
    // the newer connection (the token is the seat), the older one hears so.
    b.seatCheat(helloBody(kCode, "", "Mallory", b.cheatToken()));
    b.tally("reused tokens").add({Answer::Accepted, "rejoin with own token"});
}

void actionsForAnotherSeat(Battery& b) {
    const int phaseBefore = b.host().game()->state().phase;
    std::string forged;
    int count = 0;
    for (int seat : {0, 1, 2, 3, 4, 5, kFacilitator, kSystem, 6, 99, INT_MAX, INT_MIN}) {
        if (seat == b.cheatSeat())
            continue;
        for (ActionType type : {ActionType::Done, ActionType::ShareValue, ActionType::Pause}) {
            Action a;
            a.type = type;
            a.seat = seat;
            a.value = 0;
            forged += actionFrame(a);
            ++count;
        }
    }
    // Facilitator's and the clock's actions under its own seat.
    for (ActionType type :
         {ActionType::Advance, ActionType::Pause, ActionType::Resume, ActionType::Extend,
          ActionType::InjectEvent, ActionType::SetEndWhenAllDone}) {
        Action a;
        a.type = type;
        a.seat = b.cheatSeat();
        a.seconds = 3600;
        a.event = 0;
        a.enabled = true;
        forged += actionFrame(a);
        ++count;
    }
    const std::vector<Reply> replies = b.cheatSends(forged, count);
    for (const Reply& r : replies) {
        b.tally("actions for another seat").add(r);
        if (r.answer == Answer::Accepted)
            b.problem("an action for another seat or the facilitator was applied");
    }
    const GameState& st = b.host().game()->state();
    if (st.paused || st.phase != phaseBefore)
        b.problem("forged facilitator actions paused or advanced the session");

    // An action before hello, from a stranger.
    Action a;
    a.type = ActionType::Done;
    a.seat = b.honestSeats().front();
    b.strangers("actions for another seat", {actionFrame(a)});
}

void malformedJson(Battery& b) {
    const std::vector<std::string> bodies = {
        "",
        "{",
        "}",
        "[]",
        "null",
        "1",
        "\"hello\"",
        "{\"v\":1}",
        "{\"type\":\"hello\"}",
        "{\"v\":\"1\",\"type\":\"hello\"}",
        "{\"v\":2,\"type\":5}",
        "{\"v\":2,\"type\":\"\"}",
        "{\"v\":2,\"type\":\"hello\",}",
        "{'v':1,'type':'hello'}",
        "{\"v\":2,\"type\":\"hello\"} trailing",
        "{\"v\":NaN,\"type\":\"hello\"}",
        "{\"v\":Infinity,\"type\":\"hello\"}",
        "{\"v\":1,\"v\":2,\"type\":\"hello\"}",
        "\xEF\xBB\xBF{\"v\":2,\"type\":\"hello\"}",
        "{\"v\":2,\"type\":\"hello\",\"code\":\"\\ud800\"}",
        "{\"v\":2,\"type\":\"hello\",\"code\":\"\\u00\"}",
        "{\"v\":2,\"type\":\"hello\",\"name\":\"" + std::string(60000, 'n') + "\"}",
        std::string(50000, '[') + std::string(50000, ']'),
        "{\"a\":" + std::string(40, '{') + std::string(40, '}') + "}",
        "{\"v\":2" + std::string(20000, ' ') + ",\"type\":\"hello\"}",
        "{\"v\":2,\"type\":\"hello\",\"code\":\"piano-zebra-tango\",\"seat\":[\"skaters\"]}",
        "{\"v\":2,\"type\":\"hello\",\"code\":{\"$ne\":\"\"}}",
    };
    std::vector<std::string> inputs;
    for (const std::string& body : bodies)
        inputs.push_back(net::frame(body));
    b.strangers("malformed JSON", inputs);

    // From the seated cheat: each ends its connection, and it comes back.
    for (const std::string& body :
         {std::string("{\"v\":2,\"type\":\"action\",\"action\":"), std::string("not json"),
          std::string("{\"v\":2,\"type\":\"action\",\"action\":{\"type\":\"done\"") +
              std::string(40, '[')})
        b.cheatTallies("malformed JSON", net::frame(body));
    // Well-formed, but not an action.
    for (const std::string& body :
         {std::string("{\"v\":2,\"type\":\"action\"}"),
          std::string("{\"v\":2,\"type\":\"action\",\"action\":[]}"),
          std::string("{\"v\":2,\"type\":\"action\",\"action\":{\"type\":\"fly\",\"seat\":") +
              std::to_string(b.cheatSeat()) + "}}",
          std::string("{\"v\":2,\"type\":\"action\",\"action\":{\"seat\":") +
              std::to_string(b.cheatSeat()) + "}}"})
        b.cheatTallies("malformed JSON", net::frame(body));
}

void hugeNumbers(Battery& b) {
    std::vector<std::string> inputs;
    for (const char* v :
         {"1e39", "-1e400", "18446744073709551616", "18446744073709551615", "-9223372036854775809",
          "1e308", "1.5", "-0", "1e-400", "123456789012345678901234567890"})
        inputs.push_back(net::frame(std::string("{\"v\":") + v +
                                    ",\"type\":\"hello\",\"version\":2,\"code\":\"piano-zebra-"
                                    "tango\",\"seat\":\"skaters\"}"));
    for (const char* version : {"1e39", "18446744073709551616", "-1", "4294967297"})
        inputs.push_back(net::frame(std::string("{\"v\":2,\"type\":\"hello\",\"version\":") +
                                    version + ",\"code\":\"piano-zebra-tango\"}"));
    for (const char* field : {"\"name\":1e39", "\"bot\":1e39", "\"code\":-1e400", "\"token\":1e39",
                              "\"seat\":18446744073709551616"})
        inputs.push_back(net::frame(
            std::string(
                "{\"v\":2,\"type\":\"hello\",\"version\":2,\"code\":\"piano-zebra-tango\",") +
            field + "}"));
    b.strangers("huge numbers", inputs);

    // In the cheat's actions, one at a time: a number beyond what JSON can
    // hold (1e400) makes the message malformed and ends the connection (the
    // cheat comes back with its token); the others are refused.
    const std::string seat = std::to_string(b.cheatSeat());
    for (const std::string& fields : std::vector<std::string>{
             "\"seat\":1e39", "\"seat\":18446744073709551616", "\"seat\":-1e400",
             "\"seat\":" + seat + ",\"timeMs\":1e400",
             "\"seat\":" + seat + ",\"timeMs\":9223372036854775808",
             "\"seat\":" + seat + ",\"proposal\":18446744073709551615",
             "\"seat\":" + seat + ",\"value\":1e39",
             "\"seat\":" + seat + ",\"targetRole\":-9223372036854775808",
             "\"seat\":" + seat + ",\"seconds\":-1e39",
             "\"seat\":" + seat + ",\"values\":[1e39,18446744073709551616]",
             "\"seat\":" + seat + ",\"package\":[4294967296]",
             "\"seat\":" + seat + ",\"reason\":{\"kind\":\"value\",\"index\":1e39}",
             "\"seat\":" + seat + ",\"event\":2147483648"}) {
        const std::string type =
            fields.find("proposal") != std::string::npos ? "vote" : "share_value";
        b.cheatTallies("huge numbers", actionFrame("{\"type\":\"" + type + "\"," + fields + "}"));
    }
    // A message whose protocol version is out of range ends the connection.
    b.cheatTallies("huge numbers", net::frame("{\"v\":1e39,\"type\":\"sync\"}"));
}

void invalidText(Battery& b) {
    // Strangers: raw invalid bytes make the frame malformed JSON; escaped
    // bidi and control characters are valid JSON and reach the handshake.
    std::vector<std::string> inputs;
    for (const std::string& bad :
         {std::string("\xFF\xFE"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
          std::string("\xE2\x80"), std::string("\xF4\x90\x80\x80")}) {
        inputs.push_back(net::frame("{\"v\":2,\"type\":\"hello\",\"version\":2,\"code\":\"piano-"
                                    "zebra-tango\",\"name\":\"x" +
                                    bad + "\"}"));
        inputs.push_back(
            net::frame("{\"v\":2,\"type\":\"hello\",\"version\":2,\"code\":\"" + bad + "\"}"));
    }
    for (const char* escaped : {"\\u202e", "\\u2066", "\\u0000", "\\u001b[31m", "\\ufeff"})
        inputs.push_back(net::frame(std::string("{\"v\":2,\"type\":\"hello\",\"version\":2,"
                                                "\"code\":\"piano-zebra-tango\",\"seat\":\"") +
                                    escaped + "skaters\"}"));
    b.strangers("invalid UTF-8, bidi", inputs);

    // The cheat's texts: a proposal's note and a decline's reason. Escaped
    // characters are refused by the rules; raw invalid bytes end the
    // connection (the frame is not JSON).
    std::string actions;
    int count = 0;
    for (const std::string& text :
         {std::string("\u202Eevil"), std::string("a\u2066b"), std::string("nul\\u0000"),
          std::string("\\u001b[2J"), std::string("line\\nbreak"), std::string(600, 'w'),
          std::string("\u00EB") + std::string(499, 'e')}) {
        for (const char* type : {"propose", "decline"}) {
            Action a;
            a.type = std::string(type) == "propose" ? ActionType::Propose : ActionType::Decline;
            a.seat = b.cheatSeat();
            a.question = 0;
            a.package = {0, 0, 0, 0};
            std::string json = encodeAction(a);
            // Written by hand so that the escapes stay as the cheat wrote them.
            json.insert(json.size() - 1, ",\"reasonText\":\"" + text + "\"");
            actions += actionFrame(json);
            ++count;
        }
    }
    b.cheatTallies("invalid UTF-8, bidi", actions, count);
    b.cheatTallies("invalid UTF-8, bidi",
                   actionFrame("{\"type\":\"propose\",\"seat\":" + std::to_string(b.cheatSeat()) +
                               ",\"package\":[0,0,0,0],\"reasonText\":\"\xFF\xFE\"}"));
}

} // namespace

TEST_CASE("reliability: the hostile network battery") {
    const std::uint64_t seed = seedFromEnvironment();
    Battery battery(seed);
    battery.seatEveryone();
    for (void (*kind)(Battery&) :
         {junkBytes, oversizedPrefixes, unframedData, floods, slowSenders, wrongCodes,
          idleConnections, seatTheft, guessedTokens, reusedTokens, actionsForAnotherSeat,
          malformedJson, hugeNumbers, invalidText})
        kind(battery);
    battery.playToTheEnd();
    battery.printSummary(seed);
    for (const std::string& p : battery.problems())
        FAIL_CHECK(p);
    CHECK(battery.problemCount() == 0);
}
