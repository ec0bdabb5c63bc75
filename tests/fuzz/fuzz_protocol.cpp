// What a stranger can send a host (and a host a client): a byte stream cut
// into frames, each parsed as a message, with the lookups the handlers make
// and the action, setup and action list decoded as the host and client do.
// The whole input is also tried as one frame body, so the JSON reader is
// reached without the fuzzer first finding a valid length prefix.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/log.hpp"
#include "net/protocol.hpp"

namespace {

void handleBody(const std::string& body) {
    using namespace samenspel;
    std::string error;
    std::optional<net::Message> m = net::parseMessage(body, error);
    if (!m)
        return;
    (void)m->body.stringOr("name");
    (void)m->body.stringOr("token");
    (void)m->body.intOr("seat", -1);
    (void)m->body.intOr("index", 0);
    (void)m->body.boolOr("bot", false);
    if (const Json* a = m->body.find("action"))
        (void)decodeAction(*a, error);
    if (const Json* s = m->body.find("setup"))
        (void)decodeSetup(*s, error);
    if (const Json* list = m->body.find("actions"); list && list->is_array()) {
        for (const Json& item : *list) {
            (void)intOr(item, "index", 0);
            if (const Json* a = member(item, "action"))
                (void)decodeAction(*a, error);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* bytes = reinterpret_cast<const char*>(data);
    // As it arrives: in two pieces, split where the first byte says.
    samenspel::net::FrameReader reader(samenspel::net::kMaxClientFrame);
    const std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
    reader.feed(bytes, split);
    while (std::optional<std::string> body = reader.next())
        handleBody(*body);
    reader.feed(bytes + split, size - split);
    while (std::optional<std::string> body = reader.next())
        handleBody(*body);
    (void)reader.oversized();
    (void)reader.midFrame();
    handleBody(std::string(bytes, size));
    return 0;
}
