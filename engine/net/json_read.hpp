#pragma once
// A small, bounded JSON reader for network messages. Input comes from
// strangers on the network, so it never throws, never recurses without a
// limit, and remembers where every value sat in the text (so an embedded
// action can be handed to decodeAction exactly as it was sent).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace samenspel::net {

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0.0;
    std::string text;                                       // String
    std::vector<JsonValue> items;                           // Array
    std::vector<std::pair<std::string, JsonValue>> members; // Object, in order
    std::size_t begin = 0, end = 0;                         // span in the parsed text

    const JsonValue* find(const std::string& key) const; // Object member or nullptr
    bool isObject() const { return kind == Kind::Object; }
    bool isString() const { return kind == Kind::String; }
    bool isNumber() const { return kind == Kind::Number; }
    bool isArray() const { return kind == Kind::Array; }

    // Typed member lookups: the fallback when missing or of another type.
    std::string stringOr(const std::string& key, const std::string& fallback = "") const;
    std::int64_t intOr(const std::string& key, std::int64_t fallback) const;
    bool boolOr(const std::string& key, bool fallback) const;
};

struct JsonParse {
    std::optional<JsonValue> value;
    std::string error; // set when !value
};

// Parses one JSON document (trailing white space allowed). Nesting deeper than
// `maxDepth` is an error, not a stack overflow.
JsonParse parseJson(const std::string& text, int maxDepth = 32);

} // namespace samenspel::net
