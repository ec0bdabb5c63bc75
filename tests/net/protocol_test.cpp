// The frame format and the bounded JSON reader: what arrives from strangers.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "net/json_read.hpp"
#include "net/protocol.hpp"

using namespace samenspel::net;

TEST_CASE("frames are cut out of a byte stream however it arrives") {
    std::string stream = frame("{\"v\":1,\"type\":\"a\"}") + frame("{\"v\":1,\"type\":\"b\"}");
    FrameReader reader(kMaxClientFrame);
    std::vector<std::string> bodies;
    for (char c : stream) { // one byte at a time
        reader.feed(&c, 1);
        while (auto body = reader.next())
            bodies.push_back(*body);
    }
    REQUIRE(bodies.size() == 2);
    CHECK(bodies[1] == "{\"v\":1,\"type\":\"b\"}");
    CHECK_FALSE(reader.midFrame());
}

TEST_CASE("a length beyond the limit marks the stream as oversized without buffering it") {
    FrameReader reader(16);
    const std::string header("\x00\x00\x00\x11", 4); // 17 bytes announced
    reader.feed(header.data(), header.size());
    CHECK_FALSE(reader.next());
    CHECK(reader.oversized());
    CHECK(reader.announcedSize() == 17);
}

TEST_CASE("messages need a version and a type and broken JSON is an error not a crash") {
    std::string error;
    CHECK(parseMessage("{\"v\":1,\"type\":\"hello\",\"code\":\"x\"}", error));
    CHECK_FALSE(parseMessage("{\"type\":\"hello\"}", error));
    CHECK_FALSE(parseMessage("{\"v\":1}", error));
    CHECK_FALSE(parseMessage("[1,2]", error));
    CHECK_FALSE(parseMessage("{\"v\":1,\"type\":\"x\"", error));
    CHECK_FALSE(parseMessage("{\"v\":1,\"type\":\"x\",\"s\":\"\\ud800\"}", error));
    CHECK_FALSE(parseMessage(std::string(100000, '['), error));
    CHECK(error.find("deep") != std::string::npos);
}

TEST_CASE("the JSON reader keeps each value's place in the text") {
    const std::string text =
        "{\"v\":1,\"action\":{\"type\":\"done\",\"seat\":2},\"n\":\"\\u00e9\"}";
    JsonParse p = parseJson(text);
    REQUIRE(p.value);
    const JsonValue* a = p.value->find("action");
    REQUIRE(a);
    CHECK(text.substr(a->begin, a->end - a->begin) == "{\"type\":\"done\",\"seat\":2}");
    CHECK(p.value->stringOr("n") == "\xc3\xa9");
    CHECK(a->intOr("seat", -1) == 2);
}

TEST_CASE("session codes are three words and typing them loosely still matches") {
    const std::string code = sessionCodeFromSeed(42);
    CHECK(std::count(code.begin(), code.end(), '-') == 2);
    CHECK(code == sessionCodeFromSeed(42));
    CHECK(normalizeSessionCode("  Piano Zebra_TANGO ") == "piano-zebra-tango");
    std::string host;
    unsigned short port = 0;
    CHECK(splitHostPort("192.168.1.20:7531", host, port));
    CHECK(host == "192.168.1.20");
    CHECK(port == 7531);
    CHECK_FALSE(splitHostPort("192.168.1.20", host, port));
    CHECK_FALSE(splitHostPort("host:99999", host, port));
}
