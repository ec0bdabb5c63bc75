// A joining player's name reaches the host's setup, and every other client,
// made safe: valid UTF-8 without control or bidi characters, cut to
// limits::kSeatNameChars characters between two characters (the host used to
// cut at 80 bytes, inside a character, and kept U+202E).
#include <doctest/doctest.h>

#include "core/limits.hpp"
#include "net_test_util.hpp"

using namespace nettest;

TEST_CASE("the host makes a joining player's name safe and cuts it between characters") {
    auto sc = loadShipped("skatebaan");
    const auto dir = tempDir("names");
    std::string error;
    auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false),
                                  (dir / "session.log").string(), loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);
    net::ClientConfig c;
    c.host = "127.0.0.1";
    c.port = host->port();
    c.code = "piano-zebra-tango";
    // 84 bytes: "Sam", U+202E RIGHT-TO-LEFT OVERRIDE, 76 letters and a two-byte "ë".
    c.name = "Sam\xE2\x80\xAE" + std::string(76, 'a') + "\xC3\xAB";
    auto client = net::Client::connect(c, error);
    REQUIRE_MESSAGE(client, error);
    const bool named = runUntil(
        *host, {client.get()},
        [&] {
            for (const net::SeatStatus& s : host->seats())
                if (s.taken)
                    return true;
            return false;
        },
        10.0);
    REQUIRE(named);
    std::string name;
    for (const net::SeatStatus& s : host->seats())
        if (s.taken)
            name = s.name;
    CHECK(name == "Sam" + std::string(limits::kSeatNameChars - 3, 'a'));
    std::filesystem::remove_all(dir);
}
