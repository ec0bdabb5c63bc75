#include "net/protocol.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace samenspel::net {

void appendFrame(std::string& out, const std::string& body) {
    const auto n = static_cast<std::uint32_t>(body.size());
    out += static_cast<char>((n >> 24) & 0xFF);
    out += static_cast<char>((n >> 16) & 0xFF);
    out += static_cast<char>((n >> 8) & 0xFF);
    out += static_cast<char>(n & 0xFF);
    out += body;
}

std::string frame(const std::string& body) {
    std::string out;
    out.reserve(body.size() + 4);
    appendFrame(out, body);
    return out;
}

std::optional<std::string> FrameReader::next() {
    if (oversized_ || buffer_.size() < 4)
        return std::nullopt;
    const auto* b = reinterpret_cast<const unsigned char*>(buffer_.data());
    const std::size_t n = (std::size_t{b[0]} << 24) | (std::size_t{b[1]} << 16) |
                          (std::size_t{b[2]} << 8) | std::size_t{b[3]};
    announced_ = n;
    if (n > maxFrame_) {
        oversized_ = true;
        buffer_.clear();
        return std::nullopt;
    }
    if (buffer_.size() < 4 + n)
        return std::nullopt;
    std::string body = buffer_.substr(4, n);
    buffer_.erase(0, 4 + n);
    return body;
}

std::optional<Message> parseMessage(const std::string& body, std::string& error) {
    JsonError problem;
    std::optional<Json> parsed = parseJson(body, problem);
    if (!parsed) {
        error = "malformed JSON: " + problem.message;
        if (!problem.tooDeep)
            error += " at byte " + std::to_string(problem.offset);
        return std::nullopt;
    }
    if (!parsed->is_object()) {
        error = "a message must be a JSON object";
        return std::nullopt;
    }
    const Json* v = member(*parsed, "v");
    const Json* type = member(*parsed, "type");
    if (!v || !v->is_number()) {
        error = "a message needs a numeric \"v\" (protocol version)";
        return std::nullopt;
    }
    const std::optional<int> version = toInteger<int>(*v);
    if (!version) {
        error = "the protocol version \"v\" must be a whole number";
        return std::nullopt;
    }
    if (!type || !type->is_string() || type->get_ref<const std::string&>().empty()) {
        error = "a message needs a \"type\"";
        return std::nullopt;
    }
    Message m;
    m.version = *version;
    m.type = type->get<std::string>();
    m.body = JsonValue(std::move(*parsed));
    return m;
}

namespace {

// Words that are written (nearly) the same in Dutch and English and are easy
// to say in a noisy room. 64 words: a code carries 18 bits.
constexpr std::array<const char*, 64> kWords = {
    "piano",   "radio",  "zebra",  "tango",  "kiwi",  "pizza", "salsa",  "lotus", "mango", "sofa",
    "lama",    "panda",  "koala",  "cacao",  "cobra", "delta", "disco",  "echo",  "film",  "golf",
    "hamster", "jazz",   "judo",   "lamp",   "menu",  "motor", "opera",  "park",  "pasta", "pixel",
    "polka",   "pony",   "puma",   "quiz",   "robot", "rodeo", "safari", "sauna", "ski",   "sport",
    "studio",  "taxi",   "tennis", "toast",  "tram",  "video", "villa",  "yoga",  "water", "winter",
    "hotel",   "banaan", "bus",    "data",   "kano",  "alpha", "atlas",  "basis", "bingo", "cirkel",
    "dino",    "fiets",  "gitaar", "orkest",
};

std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

} // namespace

std::string sessionCodeFromSeed(std::uint64_t seed) {
    std::uint64_t state = seed;
    std::string code;
    for (int i = 0; i < 3; ++i) {
        if (i)
            code += '-';
        code += kWords[splitmix(state) % kWords.size()];
    }
    return code;
}

std::string normalizeSessionCode(const std::string& code) {
    std::string out;
    bool pendingSeparator = false;
    for (unsigned char c : code) {
        if (std::isalnum(c)) {
            if (pendingSeparator && !out.empty())
                out += '-';
            pendingSeparator = false;
            out += static_cast<char>(std::tolower(c));
        } else {
            pendingSeparator = true;
        }
    }
    return out;
}

bool splitHostPort(const std::string& typed, std::string& host, unsigned short& port) {
    // The projector shows the phones' address, "http://HOST:PORT"; a laptop
    // that types the same into Join reaches the same host and port. The path
    // and the "?code=" of the QR code's address do not matter here.
    std::string text = typed;
    const std::string scheme = "http://";
    if (text.size() > scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), text.begin(), [](char a, char b) {
            return a == std::tolower(static_cast<unsigned char>(b));
        })) {
        text.erase(0, scheme.size());
        text = text.substr(0, text.find('/'));
    }
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= text.size())
        return false;
    unsigned long value = 0;
    for (std::size_t i = colon + 1; i < text.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
        value = value * 10 + static_cast<unsigned long>(text[i] - '0');
        if (value > 65535)
            return false;
    }
    if (value == 0)
        return false;
    host = text.substr(0, colon);
    port = static_cast<unsigned short>(value);
    return true;
}

std::string fnvHex(const std::string& text) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

} // namespace samenspel::net
