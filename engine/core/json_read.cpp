#include "core/json_read.hpp"

#include <sstream>
#include <vector>

namespace samenspel {

namespace {

struct TooDeep {};

// "[json.exception.parse_error.101] parse error at line 1, column 9: syntax
// error while parsing value - ..." -> "syntax error while parsing value - ...":
// the caller names the place in its own terms.
std::string withoutPlace(const std::string& what) {
    const std::size_t colon = what.find(": ", what.find("parse error"));
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

} // namespace

std::optional<Json> parseJson(const std::string& text, JsonError& error, int maxNesting) {
    // nlohmann parses without recursion; the callback sees every object and
    // array as it opens, with the number of those around it.
    const Json::parser_callback_t bound = [maxNesting](int depth, Json::parse_event_t event,
                                                       Json&) {
        if ((event == Json::parse_event_t::object_start ||
             event == Json::parse_event_t::array_start) &&
            depth >= maxNesting)
            throw TooDeep{};
        return true;
    };
    try {
        return Json::parse(text, bound);
    } catch (const TooDeep&) {
        error = {"nested more than " + std::to_string(maxNesting) + " levels deep", 0, true};
    } catch (const Json::parse_error& e) {
        error = {withoutPlace(e.what()), e.byte > 0 ? std::min(e.byte - 1, text.size()) : 0, false};
    } catch (const Json::exception& e) {
        error = {withoutPlace(e.what()), 0, false};
    }
    return std::nullopt;
}

// [SECTION] Where a value sits ---------------------------------------------------------

namespace {

struct Step {
    std::string key;       // in an object
    std::size_t index = 0; // in an array
};

bool findPath(const Json& at, const Json* node, std::vector<Step>& path) {
    if (&at == node)
        return true;
    if (at.is_object()) {
        for (auto it = at.begin(); it != at.end(); ++it) {
            path.push_back({it.key(), 0});
            if (findPath(it.value(), node, path))
                return true;
            path.pop_back();
        }
    } else if (at.is_array()) {
        for (std::size_t i = 0; i < at.size(); ++i) {
            path.push_back({"", i});
            if (findPath(at[i], node, path))
                return true;
            path.pop_back();
        }
    }
    return false;
}

// Walks the text again with nlohmann's SAX parser, following the path. The
// parser reports no places, but its stream does: a token starts at the first
// character after the previous one that is not white space, ':' or ','.
class Locator final : public nlohmann::json_sax<Json> {
  public:
    Locator(std::istringstream& in, const std::string& text, const std::vector<Step>& target,
            bool name)
        : in_(in), text_(text), target_(target), name_(name) {}

    std::size_t found = std::string::npos;

    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t) override { return scalar(); }
    bool number_unsigned(number_unsigned_t) override { return scalar(); }
    bool number_float(number_float_t, const string_t&) override { return scalar(); }
    bool string(string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        const std::size_t start = tokenStart();
        levels_.back().key = k;
        if (name_ && here())
            found = start;
        lastEnd_ = readSoFar();
        return found == std::string::npos;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

  private:
    struct Level {
        bool object = false;
        std::string key;
        std::size_t index = 0; // of the current element, once there is one
        bool any = false;
    };

    std::istringstream& in_;
    const std::string& text_;
    const std::vector<Step>& target_;
    bool name_;
    std::vector<Level> levels_;
    std::size_t lastEnd_ = 0;

    std::size_t readSoFar() const {
        const auto at = in_.tellg();
        return at < 0 ? text_.size() : static_cast<std::size_t>(at);
    }
    std::size_t tokenStart() const {
        std::size_t i = lastEnd_;
        while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' ||
                                    text_[i] == '\r' || text_[i] == ':' || text_[i] == ','))
            ++i;
        return i;
    }
    bool here() const {
        if (levels_.size() != target_.size())
            return false;
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            if (levels_[i].object ? levels_[i].key != target_[i].key
                                  : levels_[i].index != target_[i].index)
                return false;
        }
        return true;
    }
    // A value begins: the next element when inside an array.
    void value() {
        const std::size_t start = tokenStart();
        if (!levels_.empty() && !levels_.back().object) {
            Level& array = levels_.back();
            array.index = array.any ? array.index + 1 : 0;
            array.any = true;
        }
        if (!name_ && here())
            found = start;
    }
    bool scalar() {
        value();
        lastEnd_ = readSoFar();
        return found == std::string::npos;
    }
    bool open(bool object) {
        value();
        levels_.push_back({object, "", 0, false});
        lastEnd_ = readSoFar();
        return found == std::string::npos;
    }
    bool close() {
        levels_.pop_back();
        lastEnd_ = readSoFar();
        return true;
    }
};

} // namespace

std::size_t offsetIn(const std::string& text, const Json& root, const Json* node, bool name) {
    std::vector<Step> path;
    if (!node || !findPath(root, node, path) || (name && path.empty()))
        return 0;
    std::istringstream in(text);
    Locator locator(in, text, path, name);
    Json::sax_parse(in, &locator);
    return locator.found == std::string::npos ? 0 : locator.found;
}

// [SECTION] Lookups ----------------------------------------------------------------------

const Json* member(const Json& object, const std::string& key) {
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string stringOr(const Json& object, const std::string& key, const std::string& fallback) {
    const Json* v = member(object, key);
    return v && v->is_string() ? v->get<std::string>() : fallback;
}

std::int64_t intOr(const Json& object, const std::string& key, std::int64_t fallback) {
    const Json* v = member(object, key);
    return v ? toInteger<std::int64_t>(*v).value_or(fallback) : fallback;
}

bool boolOr(const Json& object, const std::string& key, bool fallback) {
    const Json* v = member(object, key);
    return v && v->is_boolean() ? v->get<bool>() : fallback;
}

} // namespace samenspel
