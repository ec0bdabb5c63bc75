#pragma once
// The pieces of the hostile network battery (hostile_network.cpp): texts and
// messages, a connection driven byte by byte from a loopback address of its
// own, and the tally of what the host answered.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/json_read.hpp"
#include "core/log.hpp"
#include "core/safe_text.hpp"
#include "net/protocol.hpp"

// The battery's messages are written out by hand, in protocol 2: a new
// protocol version must look at them again.
static_assert(samenspel::net::kProtocolVersion == 2, "the battery speaks protocol 2");

namespace reliability {

using namespace samenspel;
using Clock = std::chrono::steady_clock;

// [Texts] ---------------------------------------------------------------------

// A text a person may be shown: valid UTF-8 without control or bidi
// characters (line breaks and tabs aside: scenario texts hold them).
inline bool safeToShow(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\t', ' ');
    return inspectText(text).problem == TextInspection::Problem::None;
}

// Every string in a parsed value, member names too.
inline void forEachString(const Json& v, const std::function<void(const std::string&)>& f) {
    if (v.is_string()) {
        f(v.get_ref<const std::string&>());
    } else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            f(it.key());
            forEachString(it.value(), f);
        }
    } else if (v.is_array()) {
        for (const Json& e : v)
            forEachString(e, f);
    }
}

// Runs of white space as one space: YAML may fold a long text over lines.
inline std::string squeezed(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        const bool white = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (white && !space && !out.empty())
            out += ' ';
        space = white;
        if (!white)
            out += c;
    }
    return out;
}

inline std::string helloBody(const std::string& code, const std::string& seat,
                             const std::string& name = "Stranger", const std::string& token = "",
                             bool bot = false) {
    JsonWriter w;
    w.beginObject().key("v").value(net::kProtocolVersion).key("type").value("hello");
    w.key("version").value(net::kProtocolVersion).key("code").value(code);
    w.key("name").value(name).key("seat").value(seat);
    if (!token.empty())
        w.key("token").value(token);
    w.key("bot").value(bot).endObject();
    return w.str();
}

inline std::string actionFrame(const std::string& actionJson) {
    return net::frame("{\"v\":2,\"type\":\"action\",\"action\":" + actionJson + "}");
}

inline std::string actionFrame(const Action& a) {
    return actionFrame(encodeAction(a));
}

inline std::string lengthPrefix(std::uint32_t n) {
    std::string out(4, '\0');
    out[0] = static_cast<char>((n >> 24) & 0xFF);
    out[1] = static_cast<char>((n >> 16) & 0xFF);
    out[2] = static_cast<char>((n >> 8) & 0xFF);
    out[3] = static_cast<char>(n & 0xFF);
    return out;
}

inline std::string shortReason(std::string key) {
    for (const char* prefix : {"net.refuse.", "refuse."})
        if (key.rfind(prefix, 0) == 0)
            key = key.substr(std::string(prefix).size());
    return key;
}

// [A hostile connection] ------------------------------------------------------

// A TCP connection the battery drives byte by byte, from a loopback source
// address of its own (the host limits some things per address).
class Hostile {
  public:
    enum class Kind { Stranger, Seated, Greedy };

    Hostile(Kind kind, const std::string& source, unsigned short port, int receiveBuffer = 0)
        : kind_(kind) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd_ < 0)
            return;
        if (receiveBuffer > 0)
            ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in from{};
        from.sin_family = AF_INET;
        ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
            ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
            ::close(fd_);
            fd_ = -1;
            return;
        }
        ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    }
    ~Hostile() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Hostile(const Hostile&) = delete;
    Hostile& operator=(const Hostile&) = delete;

    Kind kind() const { return kind_; }
    bool connected() const { return fd_ >= 0; }
    void queue(const std::string& bytes) { out_ += bytes; }
    // At most `bytes` per turn, and then only every `seconds` (0: every turn).
    void trickle(std::size_t bytes, double seconds) {
        trickleBytes_ = bytes;
        trickleSeconds_ = seconds;
    }
    void stopReading() { reads_ = false; }

    void pump(Clock::time_point now) {
        if (fd_ < 0 || closed_ || sent_ >= out_.size())
            return;
        if (trickleSeconds_ > 0 && now < nextSend_)
            return;
        nextSend_ = now + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(trickleSeconds_));
        std::size_t budget = trickleBytes_ > 0 ? trickleBytes_ : out_.size();
        while (budget > 0 && sent_ < out_.size()) {
            const std::size_t chunk = std::min(budget, out_.size() - sent_);
            const ssize_t n = ::send(fd_, out_.data() + sent_, chunk, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                sent_ += static_cast<std::size_t>(n);
                budget -= static_cast<std::size_t>(n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                return;
            closed_ = true; // reset or closed by the host: the rest is never read
            return;
        }
    }

    void read() {
        if (fd_ < 0 || closed_ || !reads_)
            return;
        char buffer[16384];
        while (true) {
            const ssize_t n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n > 0) {
                reader_.feed(buffer, static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                break;
            closed_ = true;
            break;
        }
        while (auto body = reader_.next())
            bodies_.push_back(std::move(*body));
        if (reader_.oversized())
            closed_ = true;
    }

    bool closed() const { return closed_ || fd_ < 0; }
    const std::vector<std::string>& bodies() const { return bodies_; }
    std::size_t checked = 0; // bodies the invariants have seen

  private:
    Kind kind_;
    int fd_ = -1;
    std::string out_;
    std::size_t sent_ = 0;
    std::size_t trickleBytes_ = 0;
    double trickleSeconds_ = 0;
    Clock::time_point nextSend_{};
    bool reads_ = true;
    bool closed_ = false;
    net::FrameReader reader_{net::kMaxHostFrame};
    std::vector<std::string> bodies_;
};

// [Answers and tallies] -------------------------------------------------------

enum class Answer { Refused, Dropped, Ignored, Accepted };

struct Reply {
    Answer answer = Answer::Ignored;
    std::string reason;
};

struct Tally {
    int inputs = 0;
    std::array<int, 4> answers{};
    std::map<std::string, int> reasons;

    void add(const Reply& r, int count = 1) {
        inputs += count;
        answers[static_cast<std::size_t>(r.answer)] += count;
        if (!r.reason.empty())
            reasons[r.reason] += count;
    }
};

struct Parsed {
    std::string type;
    Json json;
};

inline std::optional<Parsed> parseHostFrame(const std::string& body) {
    JsonError error;
    std::optional<Json> json = parseJson(body, error, 64);
    if (!json || !json->is_object())
        return std::nullopt;
    return Parsed{stringOr(*json, "type"), std::move(*json)};
}

// What the host said first to a connection that never got a seat.
inline Reply firstWord(const Hostile& h) {
    for (const std::string& body : h.bodies()) {
        const auto p = parseHostFrame(body);
        if (!p)
            continue;
        if (p->type == "refuse")
            return {Answer::Refused, shortReason(stringOr(p->json, "reason"))};
        if (p->type == "bye")
            return {Answer::Dropped, shortReason(stringOr(p->json, "reason"))};
        if (p->type == "welcome")
            return {Answer::Accepted, "welcome"};
    }
    if (h.closed())
        return {Answer::Dropped, "closed"};
    return {Answer::Ignored, ""};
}

inline std::size_t residentBytes() {
    std::ifstream in("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    in >> pages >> resident;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

} // namespace reliability
