#pragma once
// Reading JSON, for session logs and network messages alike. nlohmann::json
// does the parsing; this adds what text from a file or from a stranger needs:
// a bound on nesting, the place of a problem in the text, and lookups that
// never throw and check a number's range before it becomes an int. Writing
// stays with JsonWriter (core/json.hpp): its fixed number format is what keeps
// logs byte-identical.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

namespace samenspel {

// Members stay in the order of the text, so the first problem reported in a
// line is the first one a reader finds there.
using Json = nlohmann::ordered_json;

// Objects and arrays inside one another. Copying a value recurses once per
// level, so input from outside is held to this while it is parsed.
inline constexpr int kMaxJsonNesting = 32;

struct JsonError {
    std::string message;    // nlohmann's description, without its prefix and place
    std::size_t offset = 0; // byte in the text where it was found
    bool tooDeep = false;   // nested beyond the bound (offset is then 0)
};

// One JSON document, white space around it allowed; nothing and `error` when
// the text is not one.
std::optional<Json> parseJson(const std::string& text, JsonError& error,
                              int maxNesting = kMaxJsonNesting);

// Byte offset in `text` where `node` starts, or where its member name starts
// when `name` is true. `root` is the value parsed from `text` and `node` lies
// inside it (or is it). Slow: meant for error messages.
std::size_t offsetIn(const std::string& text, const Json& root, const Json* node,
                     bool name = false);

// A whole number that fits `Int`; nothing for fractions, other types or
// numbers out of range.
template <class Int> std::optional<Int> toInteger(const Json& v) {
    static_assert(std::is_integral_v<Int> && !std::is_same_v<Int, bool>);
    if (v.is_number_unsigned()) {
        const auto n = v.get<std::uint64_t>();
        if (std::in_range<Int>(n))
            return static_cast<Int>(n);
    } else if (v.is_number_integer()) {
        const auto n = v.get<std::int64_t>();
        if (std::in_range<Int>(n))
            return static_cast<Int>(n);
    }
    return std::nullopt;
}

// Member lookups that never throw: nullptr, or the fallback when the value is
// not an object, has no such member or it is of another type.
const Json* member(const Json& object, const std::string& key);
std::string stringOr(const Json& object, const std::string& key, const std::string& fallback = "");
std::int64_t intOr(const Json& object, const std::string& key, std::int64_t fallback);
bool boolOr(const Json& object, const std::string& key, bool fallback);

} // namespace samenspel
