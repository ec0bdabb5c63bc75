#pragma once
// The wire format between a Samenspel host and its clients (docs/network.md):
// every message is a frame of a 4-byte big-endian length followed by that many
// bytes of UTF-8 JSON, an object with at least "v" (protocol version) and
// "type". Frames from clients are small and bounded; frames from the host can
// be larger (a welcome carries the scenario; the actions so far follow in
// slices, so no frame grows with the length of a session).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/json_read.hpp"

namespace samenspel::net {

inline constexpr int kProtocolVersion = 2; // 2: actions after a welcome come in slices
inline constexpr std::size_t kMaxClientFrame = 64 * 1024;      // host refuses bigger
inline constexpr std::size_t kMaxHostFrame = 32 * 1024 * 1024; // client refuses bigger

// Appends one frame holding `body` to `out`.
void appendFrame(std::string& out, const std::string& body);
std::string frame(const std::string& body);

// Collects bytes as they arrive and cuts them into frame bodies.
class FrameReader {
  public:
    explicit FrameReader(std::size_t maxFrame) : maxFrame_(maxFrame) {}

    void feed(const char* data, std::size_t size) { buffer_.append(data, size); }
    // Next complete body, if any. After an oversized length prefix it returns
    // nothing and oversized() stays true: the connection is beyond repair.
    std::optional<std::string> next();
    bool oversized() const { return oversized_; }
    std::size_t announcedSize() const { return announced_; }
    bool midFrame() const { return !buffer_.empty(); } // a frame has begun but not ended

  private:
    std::size_t maxFrame_;
    std::string buffer_;
    std::size_t announced_ = 0;
    bool oversized_ = false;
};

// A message body as parsed, with the lookups the handlers use; none of them
// throws, whatever a stranger sent.
class JsonValue {
  public:
    JsonValue() = default;
    explicit JsonValue(Json value) : value_(std::move(value)) {}

    const Json& json() const { return value_; }
    const Json* find(const std::string& key) const { return member(value_, key); }
    std::string stringOr(const std::string& key, const std::string& fallback = "") const {
        return samenspel::stringOr(value_, key, fallback);
    }
    std::int64_t intOr(const std::string& key, std::int64_t fallback) const {
        return samenspel::intOr(value_, key, fallback);
    }
    bool boolOr(const std::string& key, bool fallback) const {
        return samenspel::boolOr(value_, key, fallback);
    }

  private:
    Json value_;
};

// A message as received.
struct Message {
    std::string type;
    int version = 0;
    JsonValue body;
};

// Parses a frame body into a Message; on failure explains why in `error`.
std::optional<Message> parseMessage(const std::string& body, std::string& error);

// The catalog keys of reasons a host gives when it refuses or drops a
// connection; docs/network.md lists them. The English sentence travels along.
namespace reason {
inline constexpr const char* kVersion = "net.refuse.version";
inline constexpr const char* kWrongCode = "net.refuse.wrong_code";
inline constexpr const char* kTooManyAttempts = "net.refuse.too_many_attempts";
inline constexpr const char* kNoFreeSeat = "net.refuse.no_free_seat";
inline constexpr const char* kUnknownRole = "net.refuse.unknown_role";
inline constexpr const char* kBadToken = "net.refuse.bad_token";
inline constexpr const char* kHelloFirst = "net.refuse.hello_first";
inline constexpr const char* kHelloTwice = "net.refuse.hello_twice";
inline constexpr const char* kMalformed = "net.refuse.malformed";
inline constexpr const char* kFrameTooLarge = "net.refuse.frame_too_large";
inline constexpr const char* kHandshakeTimeout = "net.refuse.handshake_timeout";
inline constexpr const char* kStalledFrame = "net.refuse.stalled_frame";
inline constexpr const char* kNotReading = "net.refuse.not_reading";
inline constexpr const char* kReplaced = "net.refuse.replaced";
inline constexpr const char* kHostClosing = "net.refuse.host_closing";
// The host's session log could not be written, so the session stopped: the
// facilitator frees disk space and continues it from the log.
inline constexpr const char* kHostLogFailed = "net.refuse.host_log_failed";
inline constexpr const char* kOtherSeat = "net.refuse.other_seat";
// A team member's connection named another member of the team.
inline constexpr const char* kOtherPerson = "net.refuse.other_person";
// The hello named a table the room does not have.
inline constexpr const char* kUnknownTable = "net.refuse.unknown_table";
inline constexpr const char* kNotStarted = "net.refuse.not_started";
inline constexpr const char* kUnknownType = "net.refuse.unknown_type";
inline constexpr const char* kBadAction = "net.refuse.bad_action";
} // namespace reason

// Session codes: three short words that read the same in Dutch and English,
// easy to say aloud in a room ("piano-zebra-tango").
std::string sessionCodeFromSeed(std::uint64_t seed);
// Lower case, words joined by '-', whatever separators the person typed.
std::string normalizeSessionCode(const std::string& code);

// "host:port" -> parts; false when it is not of that form. The address the
// projector shows for phones ("http://host:port", also with "/?code=...")
// is taken as well.
bool splitHostPort(const std::string& text, std::string& host, unsigned short& port);

// FNV-1a 64 of text, as 16 hex digits (tokens, quick fingerprints).
std::string fnvHex(const std::string& text);

} // namespace samenspel::net
