#pragma once
// A small JSON writer for the command line's --json output, session logs and
// the network format. Numbers are written with fixed rules so that the same
// values always give byte-identical output.
#include <cstdint>
#include <string>
#include <vector>

namespace samenspel {

class JsonWriter {
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(const std::string& k);
    JsonWriter& value(const std::string& s);
    JsonWriter& value(const char* s);
    JsonWriter& value(bool b);
    JsonWriter& value(int n);
    JsonWriter& value(std::int64_t n);
    JsonWriter& value(std::uint64_t n);
    JsonWriter& value(double d, int decimals = 4); // fixed decimals, trailing zeros trimmed
    JsonWriter& null();
    JsonWriter& raw(const std::string& json); // an already-encoded JSON value

    const std::string& str() const { return out_; }

private:
    void separate();
    std::string out_;
    std::vector<bool> first_; // per open container: no element written yet
    bool afterKey_ = false;
};

std::string jsonEscape(const std::string& s);
std::string formatNumber(double d, int decimals); // "12.5", "-3", "0.3333"

} // namespace samenspel
