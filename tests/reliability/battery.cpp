// The stage of the hostile network battery: see battery.hpp.
#include "battery.hpp"

#include <cstdio>
#include <set>

#include "core/begrip.hpp"
#include "core/limits.hpp"
#include "net/redact.hpp"

namespace reliability {

using namespace nettest;

// [The stage] -----------------------------------------------------------------

Battery::Battery(std::uint64_t seed) : rng_(seed) {
    // The table lists the kinds in this order.
    for (const char* kind :
         {"junk bytes", "oversized length prefix", "unframed data", "floods of frames",
          "slow senders", "wrong codes", "idle connections", "seat theft", "guessed tokens",
          "reused tokens", "actions for another seat", "malformed JSON", "huge numbers",
          "invalid UTF-8, bidi"})
        tally(kind);
}

Battery::~Battery() {
    if (host_)
        host_->onNotice = nullptr; // it would write to notices_ while going
    hostiles_.clear();
    honest_.bots.clear();
    honest_.clients.clear();
    host_.reset();
    std::filesystem::remove_all(dir_);
}

void Battery::seatEveryone() {
    net::HostConfig config = loopbackConfig();
    config.handshakeTimeoutSeconds = kHandshakeSeconds;
    config.stalledFrameSeconds = kStalledFrameSeconds;
    config.maxConnectionsPerAddress = 16;
    config.maxOutgoingBytes = 2u << 20;
    std::string error;
    host_ = net::Host::create(sc_, SessionSetup::defaultFor(*sc_, false, 11),
                              (dir_ / "session.log").string(), config, error);
    REQUIRE_MESSAGE(host_, error);
    host_->onNotice = [this](const std::string& line) {
        notices_.push_back(line);
        if (!safeToShow(line))
            problem("the host's console got a line with control, bidi or invalid bytes: " +
                    cleanText(line, 120));
    };
    residentAtStart_ = residentBytes();
    cheatRole_ = sc_->roleIndex(kCheatRole);
    REQUIRE(cheatRole_ >= 0);
    for (const Role& role : sc_->roles) {
        if (role.id == kCheatRole)
            continue;
        honest_.add(join(*host_, role.id));
        honest_.clients.back()->onFrame = [this](const std::string& body) {
            checkHonestFrame(body);
        };
    }
    REQUIRE(turnUntil(
        [&] {
            return std::all_of(honest_.raw.begin(), honest_.raw.end(), [](net::Client* c) {
                return c->status() == net::Client::Status::Lobby;
            });
        },
        kAnswerBound));
    for (net::Client* c : honest_.raw) {
        honestSeats_.push_back(c->seat());
        honestTokens_.push_back(c->token());
    }

    // The cheat's name: a bidi override and isolate, a terminal escape
    // sequence, a NUL, and far too long, with a two-byte character where a
    // count of bytes would cut it. (Raw invalid UTF-8 makes a frame that is
    // not JSON: see invalidText.)
    const std::string name = "Mallory\u202E\u2066" + std::string("\x1B[2J\x07") + '\0' +
                             std::string(57, 'm') + "\xC3\xAB" + std::string(100, 'z');
    seatCheat(helloBody(kCode, kCheatRole, name));
    Tally& names = tally("invalid UTF-8, bidi");
    const std::string kept = host_->seats()[static_cast<std::size_t>(cheatSeat_)].name;
    names.add({Answer::Accepted, "name cleaned"});
    if (!safeToShow(kept) || inspectText(kept).chars > limits::kSeatNameChars)
        problem("the cheat's name was kept unsafe: " + cleanText(kept, 80));
    REQUIRE(turnUntil([&] { return host_->started(); }, kAnswerBound));
    Action keep;
    keep.type = ActionType::SetEndWhenAllDone;
    keep.enabled = false;
    REQUIRE(host_->submitFacilitator(keep));
}

void Battery::playToTheEnd() {
    for (const Wave& wave : waiting_)
        settle(wave);
    waiting_.clear();
    // Everything a stranger opened is closed by now; only the six seats stay.
    turnUntil([&] { return host_->stats().connectionsOpen <= 6; }, kCloseBound);
    openAfterBattery_ = host_->stats().connectionsOpen;
    if (openAfterBattery_ != 6)
        problem("after the battery the host holds " + std::to_string(openAfterBattery_) +
                " connections, not the 6 seats");
    if (host_->pendingOutgoingBytes() > (1u << 20))
        problem("the host still queues " + std::to_string(host_->pendingOutgoingBytes()) +
                " bytes after the battery");

    Action endWhenDone;
    endWhenDone.type = ActionType::SetEndWhenAllDone;
    endWhenDone.enabled = true;
    REQUIRE(host_->submitFacilitator(endWhenDone));
    handOverCheatSeat();
    const bool finished =
        turnUntil([&] { return host_->finished() && honest_.allFinished(); }, 60.0);
    if (!finished) {
        problem("the honest bots did not finish the session (phase " +
                std::to_string(host_->game()->state().phase) + ")");
        return;
    }
    ++sessionsFinished_;
    residentAtEnd_ = residentBytes();
    checkAfterSession();
}

// An honest bot takes the cheat's seat with its token; the cheat's
// connection hears it was replaced, and what it sends after that is not read.
void Battery::handOverCheatSeat() {
    Hostile* old = cheat_;
    honest_.add(rejoinWithToken(*host_, cheatToken_, true));
    // The same seat, so the same view: nothing of the others' hidden parts
    // before the session reveals it, to the end.
    honest_.clients.back()->onFrame = [this](const std::string& body) {
        checkHonestFrame(body);
        if (const auto p = parseHostFrame(body))
            checkNoLeak(*p, body);
    };
    Action done;
    done.type = ActionType::Done;
    done.seat = cheatSeat_;
    old->queue(actionFrame(done) + actionFrame(done));
    turnUntil([&] { return old->closed(); }, kCloseBound);
    bool toldReplaced = false;
    for (const std::string& body : old->bodies())
        if (auto p = parseHostFrame(body);
            p && p->type == "bye" && stringOr(p->json, "reason") == net::reason::kReplaced)
            toldReplaced = true;
    Tally& reused = tally("reused tokens");
    reused.add({toldReplaced ? Answer::Dropped : Answer::Ignored, "replaced (older connection)"});
    reused.add({Answer::Ignored, ""}, 2);
    forget({old});
    cheat_ = nullptr;
}

// No honest player lost its seat or heard a refusal on the way; the log
// replays to the same end and holds only safe text; the host's books are small.
void Battery::checkAfterSession() {
    for (std::size_t i = 0; i < honestSeats_.size(); ++i) {
        const net::Client& c = *honest_.raw[i];
        if (c.seat() != honestSeats_[i] || c.status() != net::Client::Status::Playing ||
            !c.refusalKey().empty())
            problem("honest seat " + std::to_string(honestSeats_[i]) + " was disturbed (" +
                    c.refusalKey() + ")");
        if (c.mirrorRefusals() != 0)
            problem("an honest player's copy of the game refused what the host sent");
    }
    const std::string logPath = (dir_ / "session.log").string();
    Replay replay = replaySessionLog(logPath);
    if (!replay.game || !replay.errors.empty() || !replay.game->state().finished)
        problem("the session log does not replay to the end");
    std::ifstream log(logPath);
    std::string line;
    while (std::getline(log, line)) {
        JsonError error;
        auto json = parseJson(line, error);
        if (!json)
            problem("a log line is not JSON");
        else
            forEachString(*json, [&](const std::string& s) {
                if (!safeToShow(s))
                    problem("the log holds unsafe text: " + cleanText(s, 80));
            });
    }
    // One count per reason, however many connections were turned away.
    if (host_->stats().dropReasons.size() > 32)
        problem("the host keeps a record per dropped connection");
}

void Battery::printSummary(std::uint64_t seed) const {
    std::printf("\nHostile network battery (seed %llu; SAMENSPEL_RELIABILITY_SEED overrides)\n",
                static_cast<unsigned long long>(seed));
    std::printf("%-26s %7s %8s %8s %8s %9s  %s\n", "kind", "inputs", "refused", "dropped",
                "ignored", "accepted", "answers (reason: count)");
    int inputs = 0;
    for (const std::string& kind : kinds_) {
        const Tally& t = tallies_.at(kind);
        std::string reasons;
        for (const auto& [reason, n] : t.reasons)
            reasons += (reasons.empty() ? "" : ", ") + reason + ": " + std::to_string(n);
        std::printf("%-26s %7d %8d %8d %8d %9d  %s\n", kind.c_str(), t.inputs, t.answers[0],
                    t.answers[1], t.answers[2], t.answers[3], reasons.c_str());
        inputs += t.inputs;
    }
    const net::HostStats& s = host_->stats();
    std::printf("inputs tried: %d\n", inputs);
    std::printf("sessions finished: %d\n", sessionsFinished_);
    std::printf("host: %d connections accepted, %d refused at once, %d handshakes refused, %d "
                "dropped, %d actions refused, %zu addresses in the wrong-code table\n",
                s.connectionsAccepted, s.connectionsRefusedAtOnce, s.handshakesRefused,
                s.connectionsDropped, s.actionsRefused, s.addressesWithWrongCodes);
    std::printf("host: %d connections open after the battery (the 6 seats), at most %zu bytes "
                "queued, %zu console lines; frames read: %d by honest players, %d by the cheat\n",
                openAfterBattery_, mostPendingBytes_, notices_.size(), framesToHonest_,
                framesToCheat_);
    std::printf("memory of this process: %.1f MB at the start, %.1f MB at the end\n",
                static_cast<double>(residentAtStart_) / 1e6,
                static_cast<double>(residentAtEnd_) / 1e6);
    std::printf("broken invariants: %d\n", problemCount_);
    std::fflush(stdout);
}

void Battery::seatCheat(const std::string& hello) {
    Hostile& h = open(Hostile::Kind::Seated, "127.0.0.50");
    h.queue(net::frame(hello));
    bool welcomed = false;
    turnUntil(
        [&] {
            for (const std::string& body : h.bodies())
                if (auto p = parseHostFrame(body); p && p->type == "welcome") {
                    cheatSeat_ = static_cast<int>(intOr(p->json, "seat", -1));
                    cheatToken_ = stringOr(p->json, "token");
                    welcomed = true;
                }
            return welcomed || h.closed();
        },
        kAnswerBound);
    REQUIRE_MESSAGE(welcomed, "the cheat's seat was not given (back)");
    if (cheat_)
        forget({cheat_});
    cheat_ = &h;
}

std::vector<Reply> Battery::cheatSends(const std::string& bytes, int messages, bool trickle) {
    Hostile& h = *cheat_;
    const std::size_t from = h.bodies().size();
    h.queue(bytes);
    if (trickle)
        h.trickle(1, 0);
    std::vector<Reply> replies;
    bool farewell = false;
    std::size_t seen = from;
    turnUntil(
        [&] {
            for (; seen < h.bodies().size(); ++seen) {
                const auto p = parseHostFrame(h.bodies()[seen]);
                if (!p)
                    continue;
                if (p->type == "refused") {
                    replies.push_back({Answer::Refused, shortReason(stringOr(p->json, "reason"))});
                } else if (p->type == "bye") {
                    replies.push_back({Answer::Dropped, shortReason(stringOr(p->json, "reason"))});
                    farewell = true;
                } else if (p->type == "action") {
                    const Json* a = member(p->json, "action");
                    if (a && intOr(*a, "seat", -99) == cheatSeat_)
                        replies.push_back({Answer::Accepted, stringOr(*a, "type")});
                }
            }
            return farewell || h.closed() || static_cast<int>(replies.size()) >= messages;
        },
        kAnswerBound);
    h.trickle(0, 0);
    while (static_cast<int>(replies.size()) < messages)
        replies.push_back({Answer::Ignored, ""});
    if (farewell || h.closed()) {
        turnUntil([&] { return h.closed(); }, kAnswerBound);
        seatCheat(helloBody(kCode, "", "Mallory", cheatToken_));
    }
    return replies;
}

void Battery::cheatTallies(const std::string& kind, const std::string& bytes, int messages,
                           bool trickle) {
    Tally& t = tally(kind);
    for (const Reply& r : cheatSends(bytes, messages, trickle))
        t.add(r);
}

void Battery::strangers(const std::string& kind, const std::vector<std::string>& inputs,
                        const StrangerOptions& o) {
    Wave wave{kind, o, {}};
    for (const std::string& bytes : inputs) {
        Hostile& h = open(Hostile::Kind::Stranger, o.source.empty() ? freshAddress() : o.source);
        h.queue(bytes);
        h.trickle(o.trickleBytes, o.trickleSeconds);
        wave.connections.push_back(&h);
        if (o.oneAtATime)
            turnUntil([&] { return h.closed(); }, kCloseBound);
        else
            turn();
    }
    if (o.settleLater)
        waiting_.push_back(std::move(wave));
    else
        settle(wave);
}

void Battery::settle(const Wave& wave) {
    const auto allClosed = [&] {
        return std::all_of(wave.connections.begin(), wave.connections.end(),
                           [](Hostile* h) { return h->closed(); });
    };
    if (!turnUntil(allClosed, kCloseBound)) {
        const auto open = std::count_if(wave.connections.begin(), wave.connections.end(),
                                        [](Hostile* h) { return !h->closed(); });
        problem(wave.kind + ": the host kept " + std::to_string(open) +
                " connection(s) without a seat open for over " +
                std::to_string(static_cast<int>(kCloseBound)) + " s");
    }
    Tally& t = tally(wave.kind);
    for (Hostile* h : wave.connections) {
        t.add(firstWord(*h));
        if (wave.options.inputsPerConnection > 1)
            t.add({Answer::Ignored, ""}, wave.options.inputsPerConnection - 1);
    }
    forget(wave.connections);
}

// [Tools] ---------------------------------------------------------------------

void Battery::problem(const std::string& what) {
    ++problemCount_;
    if (problems_.size() < 25)
        problems_.push_back(what);
}

Tally& Battery::tally(const std::string& kind) {
    if (!tallies_.count(kind))
        kinds_.push_back(kind);
    return tallies_[kind];
}

// 127.1.0.1, 127.1.0.2, ...: the whole of 127/8 is this machine.
std::string Battery::freshAddress() {
    const int n = addressCounter_++;
    return "127.1." + std::to_string(n / 250) + "." + std::to_string(n % 250 + 1);
}

Hostile& Battery::open(Hostile::Kind kind, const std::string& source, int receiveBuffer) {
    hostiles_.push_back(std::make_unique<Hostile>(kind, source, host_->port(), receiveBuffer));
    Hostile& h = *hostiles_.back();
    if (!h.connected())
        problem("could not connect from " + source);
    return h;
}

void Battery::forget(const std::vector<Hostile*>& done) {
    std::erase_if(hostiles_, [&](const std::unique_ptr<Hostile>& h) {
        return std::find(done.begin(), done.end(), h.get()) != done.end();
    });
}

void Battery::turn() {
    host_->poll(0.001);
    for (net::Client* c : honest_.raw)
        c->poll(0.0);
    for (net::ClientBot* b : honest_.rawBots)
        b->step();
    const auto now = Clock::now();
    for (auto& h : hostiles_) {
        h->pump(now);
        h->read();
        while (h->checked < h->bodies().size())
            checkFrame(*h, h->bodies()[h->checked++]);
    }
    mostPendingBytes_ = std::max(mostPendingBytes_, host_->pendingOutgoingBytes());
}

bool Battery::turnUntil(const std::function<bool()>& done, double seconds) {
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
        turn();
        if (done())
            return true;
    }
    return done();
}

// [Invariants on what the host sends] -----------------------------------------

void Battery::checkHonestFrame(const std::string& body) {
    ++framesToHonest_;
    const auto p = parseHostFrame(body);
    if (!p) {
        problem("an honest player got a frame that is not valid JSON");
        return;
    }
    forEachString(p->json, [&](const std::string& s) {
        if (!safeToShow(s))
            problem("an honest player got a text with control or bidi characters: " +
                    cleanText(s, 80));
    });
}

void Battery::checkFrame(Hostile& h, const std::string& body) {
    const auto p = parseHostFrame(body);
    if (!p) {
        problem("the host sent a frame that is not a JSON object (or not valid UTF-8)");
        return;
    }
    if (h.kind() == Hostile::Kind::Stranger) {
        if (p->type != "refuse" && p->type != "bye")
            problem("a connection without a seat got a '" + p->type + "' frame");
        return;
    }
    ++framesToCheat_;
    checkNoLeak(*p, body);
}

// What the cheat's seat may not know yet must not be in any frame it gets.
void Battery::checkNoLeak(const Parsed& p, const std::string& body) {
    const Game* game = host_->game();
    if (!game)
        return;
    const net::RedactionView view = net::RedactionView::of(*game, cheatRole_);
    if (view.revealAll)
        return;
    std::string text; // every string of the frame, squeezed
    forEachString(p.json, [&](const std::string& s) { text += squeezed(s) + "\n"; });
    text += squeezed(body);
    const auto hidden = [&](const LocalizedText& t, const std::string& what) {
        for (const auto& [lang, words] : t.byLang) {
            const std::string snippet = squeezed(words).substr(0, 40);
            if (snippet.size() >= 20 && text.find(snippet) != std::string::npos)
                problem("the cheat's seat received " + what + " (" + lang + ")");
        }
    };
    // The one place a red line nobody named travels (docs/network.md): as an
    // option of the seat's own begrip question "which one is theirs?", in
    // the `questions` message, without saying whose it is.
    std::set<std::string> asked;
    if (p.type == "questions")
        for (const BegripItem& item : begripItems(*sc_, game->state().world, cheatRole_))
            if (item.kind == BegripItemKind::RedLine)
                for (const ItemOption& o : item.options)
                    asked.insert(o.text.get("nl"));
    for (std::size_t r = 0; r < sc_->roles.size(); ++r) {
        if (static_cast<int>(r) == cheatRole_)
            continue;
        const Role& role = sc_->roles[r];
        if (!view.secretRevealed[r])
            hidden(role.secret, "role " + role.id + "'s secret");
        for (std::size_t i = 0; i < role.preconditions.size(); ++i) {
            const bool shown = r < view.preconditionShown.size() &&
                               i < view.preconditionShown[r].size() && view.preconditionShown[r][i];
            if (!shown && !asked.count(role.preconditions[i].name.get("nl")))
                hidden(role.preconditions[i].name,
                       "role " + role.id + "'s precondition " + role.preconditions[i].id);
        }
    }
    for (std::size_t e = 0; e < sc_->events.size(); ++e)
        if (e >= view.eventFired.size() || !view.eventFired[e])
            hidden(sc_->events[e].text,
                   "the text of event " + sc_->events[e].id + " before it fired");

    // Another seat's prediction, as an action or among a welcome's actions.
    const auto checkAction = [&](const Json& encoded) {
        std::string error;
        if (auto a = decodeAction(encoded, error);
            a && a->type == ActionType::Predict && a->seat != cheatSeat_)
            problem("the cheat's seat received seat " + std::to_string(a->seat) + "'s prediction");
    };
    if (const Json* a = member(p.json, "action"))
        checkAction(*a);
    if (const Json* list = member(p.json, "actions"); list && list->is_array())
        for (const Json& entry : *list)
            if (const Json* a = member(entry, "action"))
                checkAction(*a);
}

} // namespace reliability
