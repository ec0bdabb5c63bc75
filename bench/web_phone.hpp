#pragma once
// The scripted phones of bench_web (web_bench.cpp): each plays one seat as the
// phone page does, over a WebSocket (Boost.Beast) on the parent's one
// io_context, and stamps the first view that shows each action.
#include <utility> // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include "bench_util.hpp"
#include "net/protocol.hpp"

namespace benchweb {

using namespace samenspel;
using bench::nowNs;
using Clock = std::chrono::steady_clock;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using JsonDoc = nlohmann::json; // the phones read views as a page would: unordered

inline const std::string kCode = "bench-web-load";
// A phone that sent an action and saw neither a view showing it nor a
// refusal sends the next one after this.
inline constexpr int kWatchdogMs = 3000;

// [The phones: the parent process] --------------------------------------------

// One action a phone sent, and which phones of its table have a view that
// shows it.
struct Tracked {
    int seat = -1;
    std::string type;  // as in the action: "share_value", "done", ...
    int phase = -1;    // the phase the phone saw when it acted
    int role = -1;     // share_value: the sharing role; predict: the predicted one
    int value = -1;    // share_value
    int proposal = -1; // react, vote
    int before = 0;    // propose: the seat's proposals before this one
    bool refused = false;
    std::vector<char> seenBy;
    int seen = 0;
    std::int64_t last = 0; // when the last phone so far got a view showing it
};

struct Table {
    unsigned short port = 0;
    std::deque<Tracked> tracked; // stable references while phones add to it
};

struct Totals {
    long views = 0, sameViews = 0; // same: equal to the phone's last view but for the countdown
    std::uint64_t viewBytes = 0;
    std::size_t largestView = 0;
    long sent = 0, refused = 0;
    long unconfirmed = 0; // sent, and neither shown in a view nor refused in time
    std::map<std::string, int> refusals;
    std::map<std::string, int> failures; // connection problems, by message
};

inline const JsonDoc kNull;

inline const JsonDoc& at(const JsonDoc& o, const char* key) {
    if (!o.is_object())
        return kNull;
    auto it = o.find(key);
    return it == o.end() ? kNull : *it;
}

inline std::string str(const JsonDoc& v) {
    return v.is_string() ? v.get<std::string>() : "?";
}

inline int num(const JsonDoc& v, int fallback = -1) {
    return v.is_number_integer() ? v.get<int>() : fallback;
}

inline bool flag(const JsonDoc& v) {
    return v.is_boolean() && v.get<bool>();
}

// The first entry of a JSON list that `test` accepts, or null.
template <class Test> inline const JsonDoc& find(const JsonDoc& list, Test test) {
    for (const JsonDoc& x : list)
        if (test(x))
            return x;
    return kNull;
}

// The entry of `list` for `seat` (a reaction, a vote, a seat), or null.
inline const JsonDoc& ofSeat(const JsonDoc& list, int seat) {
    return find(list, [seat](const JsonDoc& x) { return num(at(x, "seat")) == seat; });
}

inline const JsonDoc& proposalOf(const JsonDoc& view, int id) {
    return find(at(view, "proposals"),
                [id](const JsonDoc& p) { return num(at(p, "proposal")) == id; });
}

inline int proposalsBy(const JsonDoc& view, int seat) {
    const JsonDoc& all = at(view, "proposals");
    return static_cast<int>(std::count_if(
        all.begin(), all.end(), [seat](const JsonDoc& p) { return num(at(p, "author")) == seat; }));
}

// Whether `view` shows the action: the change it makes, seen from any seat
// (a prediction only from its own).
inline bool shows(const JsonDoc& view, const Tracked& t) {
    const JsonDoc& phase = at(view, "phase");
    if (t.type == "done") {
        bool done = false;
        for (const JsonDoc& r : at(view, "roles"))
            done = done || flag(at(ofSeat(at(r, "seats"), t.seat), "done"));
        return num(at(phase, "index")) > t.phase || flag(at(phase, "finished")) || done;
    }
    if (t.type == "share_value") {
        const JsonDoc& role = find(at(view, "roles"),
                                   [&t](const JsonDoc& r) { return num(at(r, "role")) == t.role; });
        return !find(at(role, "sharedValues"), [&t](const JsonDoc& v) {
                    return num(v) == t.value;
                }).is_null();
    }
    if (t.type == "predict")
        return !find(at(view, "predictions"), [&t](const JsonDoc& p) {
                    return num(at(p, "role")) == t.role && num(at(p, "phase")) == t.phase;
                }).is_null();
    if (t.type == "propose")
        return proposalsBy(view, t.seat) > t.before;
    if (t.type == "react" || t.type == "vote")
        return !ofSeat(at(proposalOf(view, t.proposal), t.type == "react" ? "reactions" : "votes"),
                       t.seat)
                    .is_null();
    return false;
}

class Phone {
  public:
    Phone(asio::io_context& io, Table& table, int index, int tableSize, std::string role,
          int thinkMs, unsigned seed, Totals& totals)
        : ws_(io), timer_(io), table_(table), index_(index), tableSize_(tableSize),
          role_(std::move(role)), thinkMs_(thinkMs), rng_(seed), totals_(totals) {}

    bool over() const { return finished_ || closed_; }
    bool finished() const { return finished_; }

    void start() {
        const tcp::endpoint to(asio::ip::make_address("127.0.0.1"), table_.port);
        beast::get_lowest_layer(ws_).async_connect(to, [this](const beast::error_code& ec) {
            if (ec)
                return fail("connect", ec);
            // The Host header names the host's address; a script sends no Origin.
            ws_.async_handshake("127.0.0.1:" + std::to_string(table_.port), "/ws",
                                [this](const beast::error_code& e) { onOpen(e); });
        });
    }

    void close() {
        closed_ = true;
        beast::error_code ec;
        timer_.cancel();
        beast::get_lowest_layer(ws_).close(ec);
    }

  private:
    void fail(const char* what, const beast::error_code& ec) {
        if (!over())
            ++totals_.failures[std::string(what) + ": " + ec.message()];
        closed_ = true;
    }

    void onOpen(const beast::error_code& ec) {
        if (ec)
            return fail("WebSocket handshake", ec);
        ws_.text(true);
        // As the page: the lobby for the code, then a seat by its role id.
        const char* lang = index_ % 2 ? "en" : "nl";
        const int v = net::kProtocolVersion;
        send(JsonDoc{{"v", v}, {"type", "lobby"}, {"code", kCode}, {"lang", lang}}.dump());
        send(JsonDoc{{"v", v},
                     {"type", "hello"},
                     {"version", v},
                     {"code", kCode},
                     {"name", "phone " + std::to_string(index_ + 1)},
                     {"seat", role_},
                     {"client", "web"},
                     {"lang", lang}}
                 .dump());
        read();
    }

    void send(std::string text) {
        out_.push_back(std::move(text));
        if (!writing_)
            writeNext();
    }

    void writeNext() {
        if (out_.empty() || closed_) {
            writing_ = false;
            return;
        }
        writing_ = true;
        ws_.async_write(asio::buffer(out_.front()),
                        [this](const beast::error_code& ec, std::size_t) {
                            out_.pop_front();
                            writing_ = false;
                            if (ec)
                                return fail("write", ec);
                            writeNext();
                        });
    }

    void read() {
        ws_.async_read(in_, [this](const beast::error_code& ec, std::size_t) {
            if (ec)
                return fail("read", ec);
            const std::int64_t at = nowNs(); // before any work of ours
            std::string text = beast::buffers_to_string(in_.data());
            in_.consume(in_.size());
            onMessage(text, at);
            if (!closed_)
                read();
        });
    }

    void onMessage(const std::string& text, std::int64_t arrivedNs) {
        JsonDoc m = JsonDoc::parse(text, nullptr, false);
        const std::string type = str(at(m, "type"));
        if (type == "welcome") {
            seat_ = num(at(m, "seat"));
        } else if (type == "view") {
            onView(std::move(m), text.size(), arrivedNs);
        } else if (type == "refused") {
            ++totals_.refused;
            ++totals_.refusals[str(at(m, "reason"))];
            if (outstanding_ >= 0) {
                Tracked& t = table_.tracked[static_cast<std::size_t>(outstanding_)];
                t.refused = true;
                // Something else next (a refused done: wait for the next view).
                if (t.type != "done")
                    arm(think());
                outstanding_ = -1;
            }
        } else if (type == "refuse" || type == "bye") {
            ++totals_.failures[type + ": " + str(at(m, "reason"))];
            close();
        }
    }

    void onView(JsonDoc view, std::size_t bytes, std::int64_t arrivedNs) {
        ++totals_.views;
        totals_.viewBytes += bytes;
        totals_.largestView = std::max(totals_.largestView, bytes);
        seat_ = num(at(at(view, "you"), "seat"), seat_);
        if (JsonDoc& phase = view["phase"]; phase.is_object())
            phase.erase("remainingMs"); // changes with every view
        totals_.sameViews += view == view_ ? 1 : 0;
        // Which actions of this table this view shows for the first time here.
        auto& tracked = table_.tracked;
        for (std::size_t i = scanFrom_; i < tracked.size(); ++i) {
            if (Tracked& t = tracked[i]; !settled(t) && shows(view, t)) {
                t.seenBy[me()] = 1;
                ++t.seen;
                t.last = std::max(t.last, arrivedNs);
            }
            scanFrom_ += i == scanFrom_ && settled(tracked[i]) ? 1 : 0;
        }
        view_ = std::move(view);
        if (flag(at(at(view_, "phase"), "finished"))) {
            finished_ = true;
            timer_.cancel();
            return;
        }
        if (outstanding_ >= 0 && tracked[static_cast<std::size_t>(outstanding_)].seenBy[me()]) {
            outstanding_ = -1; // the host took it: think, then the next one
            arm(think());
        } else if (outstanding_ < 0 && !armed_) {
            arm(think());
        }
    }

    std::size_t me() const { return static_cast<std::size_t>(index_); }

    // Nothing more to look for in this phone's views: seen, refused, or a
    // prediction of another seat.
    bool settled(const Tracked& t) const {
        return t.seenBy[me()] || t.refused || (t.type == "predict" && t.seat != seat_);
    }

    int think() {
        std::uniform_int_distribution<int> d(thinkMs_ / 2, thinkMs_ + thinkMs_ / 2);
        return d(rng_);
    }

    void arm(int ms) {
        armed_ = true;
        timer_.expires_after(std::chrono::milliseconds(ms));
        timer_.async_wait([this](const beast::error_code& ec) {
            if (ec == asio::error::operation_aborted || closed_)
                return;
            armed_ = false;
            if (outstanding_ >= 0) { // the watchdog: neither shown nor refused
                ++totals_.unconfirmed;
                outstanding_ = -1;
            }
            act();
        });
    }

    // On the newest view: in each phase one thing that the view offers (vote,
    // react, share a value, predict, propose when nothing is on the table),
    // then done.
    void act() {
        const JsonDoc& phase = at(view_, "phase");
        if (finished_ || seat_ < 0 || !phase.is_object() || flag(at(phase, "finished")) ||
            flag(at(phase, "paused")) || flag(at(phase, "done")))
            return; // the next view says when
        const int index = num(at(phase, "index"));
        const JsonDoc& can = at(view_, "can");
        Tracked t;
        t.seat = seat_;
        t.phase = index;
        JsonDoc a;
        if (acted_ != index) {
            const JsonDoc& card = at(at(view_, "card"), "values"); // most important first
            const int ownValue = card.empty() ? -1 : num(at(card[0], "value"));
            int reactTo = -1;
            for (const JsonDoc& p : at(can, "react"))
                if (reactTo < 0 &&
                    ofSeat(at(proposalOf(view_, num(p)), "reactions"), seat_).is_null())
                    reactTo = num(p);
            bool onTable = false;
            for (const JsonDoc& p : at(view_, "proposals"))
                onTable = onTable || flag(at(p, "onTable"));
            if (num(at(can, "vote")) >= 0) {
                t.proposal = num(at(can, "vote"));
                a = {{"type", "vote"}, {"proposal", t.proposal}, {"vote", "yes"}};
            } else if (reactTo >= 0 && ownValue >= 0) {
                t.proposal = reactTo;
                a = {{"type", "react"},
                     {"proposal", reactTo},
                     {"reaction", "support"},
                     {"reason", {{"kind", "value"}, {"index", ownValue}}}};
            } else if (!at(can, "shareValue").empty()) {
                t.role = num(at(at(view_, "you"), "role"));
                t.value = num(at(can, "shareValue")[0]);
                a = {{"type", "share_value"}, {"value", t.value}};
            } else if (!at(can, "predict").empty() && !at(view_, "values").empty()) {
                t.role = num(at(can, "predict")[0]);
                a = {{"type", "predict"},
                     {"targetRole", t.role},
                     {"values", {num(at(at(view_, "values")[0], "value"))}}};
            } else if (flag(at(can, "propose")) && !onTable) {
                JsonDoc package = JsonDoc::array(); // the first option of each issue still open
                for (const JsonDoc& issue : at(view_, "issues")) {
                    int pick = -1;
                    for (const JsonDoc& o : at(issue, "options"))
                        if (pick < 0 && flag(at(o, "enabled")))
                            pick = num(at(o, "option"));
                    package.push_back(pick);
                }
                t.before = proposalsBy(view_, seat_);
                a = {{"type", "propose"}, {"package", package}};
            }
        }
        if (a.is_null()) {
            if (!flag(at(can, "done")))
                return;
            a = {{"type", "done"}};
        } else {
            acted_ = index;
        }
        t.type = a["type"].get<std::string>();
        a["seat"] = seat_; // the host checks it against the connection's seat
        t.seenBy.assign(static_cast<std::size_t>(tableSize_), 0);
        table_.tracked.push_back(std::move(t));
        outstanding_ = static_cast<long>(table_.tracked.size()) - 1;
        ++totals_.sent;
        send(JsonDoc{{"v", net::kProtocolVersion}, {"type", "action"}, {"action", a}}.dump());
        arm(kWatchdogMs);
    }

    websocket::stream<tcp::socket> ws_;
    asio::steady_timer timer_;
    beast::flat_buffer in_;
    std::deque<std::string> out_;
    bool writing_ = false;
    bool armed_ = false;
    bool closed_ = false;
    bool finished_ = false;
    Table& table_;
    int index_;        // this phone's place at its table
    int tableSize_;    // phones at the table
    std::string role_; // the role id it asks for
    int thinkMs_;
    std::mt19937 rng_;
    Totals& totals_;
    JsonDoc view_;
    int seat_ = -1;
    int acted_ = -1;        // the phase of the last action other than done
    long outstanding_ = -1; // in table_.tracked: sent, not yet shown or refused
    std::size_t scanFrom_ = 0;
};

} // namespace benchweb
