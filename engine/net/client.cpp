#include "net/client.hpp"

#include <algorithm>
#include <chrono>

#include <SFML/Network.hpp>

#include "core/bot.hpp"
#include "core/json.hpp"
#include "core/live_session.hpp"
#include "core/log.hpp"
#include "net/protocol.hpp"
#include "net/redact.hpp"

namespace samenspel::net {

namespace {
// SFML waits forever on a zero timeout; a zero wait here means "just look".
sf::Time waitTime(double seconds) {
    return seconds <= 0.0 ? sf::microseconds(1) : sf::seconds(static_cast<float>(seconds));
}
} // namespace

namespace {
using Clock = std::chrono::steady_clock;
}

struct Client::Impl {
    ClientConfig config;
    sf::TcpSocket socket;
    sf::SocketSelector selector;
    FrameReader reader{kMaxHostFrame};
    std::string out;
    std::size_t outPos = 0;
    Status status = Status::Connecting;
    std::string refusalKey, refusalMessage;

    int seat = -1;
    int table = 0;
    int role = -1;
    std::string token;
    std::string scenarioYaml;
    bool scenarioRevealed = false; // the whole scenario: the session has ended
    std::shared_ptr<const Scenario> scenario;
    std::optional<SessionSetup> setup;
    bool started = false;
    std::vector<std::pair<std::uint64_t, Action>> actions; // as received, by index
    std::optional<std::uint64_t> lastIndex;
    bool catchingUp = false; // more slices of actions are coming
    Status statusWhenCaughtUp = Status::Connecting;
    std::unique_ptr<Game> mirror;
    int mirrorRefusals = 0;
    std::vector<SeatStatus> presence;
    std::vector<PublicSupport> support;
    HostQuestions questions;
    bool awaiting = false;
    std::optional<Refusal> lastRefusal;
    // The host's session clock as last heard (a welcome's "clock", an
    // action's time) and when: estimatedClockMs() runs on from there.
    std::int64_t clockBaseMs = 0;
    Clock::time_point clockBaseAt = Clock::now();
    Client* owner = nullptr;

    // [Sending] ---------------------------------------------------------------
    void flush() {
        while (outPos < out.size()) {
            std::size_t sent = 0;
            sf::Socket::Status s = socket.send(out.data() + outPos, out.size() - outPos, sent);
            outPos += sent;
            if (s == sf::Socket::Done)
                continue;
            if (s == sf::Socket::Partial || s == sf::Socket::NotReady)
                break;
            lost("net.client.lost", "The connection to the host was lost.");
            return;
        }
        if (outPos == out.size()) {
            out.clear();
            outPos = 0;
        }
    }
    void send(const std::string& body) {
        appendFrame(out, body);
        flush();
    }

    void lost(const std::string& key, const std::string& message) {
        if (status == Status::Refused || status == Status::Disconnected)
            return;
        status = Status::Disconnected;
        if (refusalKey.empty()) {
            refusalKey = key;
            refusalMessage = message;
        }
        selector.clear();
        socket.disconnect();
        awaiting = false;
    }

    bool openSocket(std::string& error) {
        sf::IpAddress address(config.host);
        if (address == sf::IpAddress::None) {
            error = "Unknown host address '" + config.host + "'.";
            return false;
        }
        socket.setBlocking(true);
        if (socket.connect(address, config.port,
                           sf::seconds(static_cast<float>(config.connectTimeoutSeconds))) !=
            sf::Socket::Done) {
            error = "Cannot connect to " + config.host + ":" + std::to_string(config.port) +
                    " (is the host running, is the address right, does a firewall block the port?)";
            return false;
        }
        socket.setBlocking(false);
        selector.clear();
        selector.add(socket);
        reader = FrameReader(kMaxHostFrame);
        out.clear();
        outPos = 0;
        status = Status::Connecting;
        refusalKey.clear();
        refusalMessage.clear();
        const int version = config.protocolVersion ? config.protocolVersion : kProtocolVersion;
        JsonWriter w;
        w.beginObject().key("v").value(version).key("type").value("hello");
        w.key("version").value(version).key("code").value(config.code);
        w.key("name").value(config.name).key("seat").value(config.seatWish);
        if (config.table >= 0)
            w.key("table").value(config.table);
        if (config.waitToBeSeated)
            w.key("wait").value(true).key("cameWith").value(config.cameWith);
        if (!token.empty())
            w.key("token").value(token);
        if (config.bot)
            w.key("bot").value(true);
        w.endObject();
        send(w.str());
        return true;
    }

    // [The mirror] -------------------------------------------------------------
    // Another role's weights are not sent. The copy gives such a role weight 1
    // on every value: it tells nothing (all equal) and the rules then accept
    // what that role shares or gives as a reason, as they did on the host.
    void standInWeights(Scenario& sc) const {
        for (std::size_t r = 0; r < sc.roles.size(); ++r) {
            auto& weights = sc.roles[r].weights;
            if (static_cast<int>(r) == role ||
                std::any_of(weights.begin(), weights.end(), [](int w) { return w != 0; }))
                continue;
            std::fill(weights.begin(), weights.end(), 1);
        }
    }

    // Another role's value that an action shows in public but that this
    // copy of the scenario does not know gets weight 1, so the rules accept
    // the action here as they did on the host. True when something changed.
    bool learnValues(const Action& a) {
        if (!scenario || !setup || a.seat < 0 || a.seat >= static_cast<int>(setup->seats.size()))
            return false;
        const int r = setup->seats[static_cast<std::size_t>(a.seat)].role;
        if (r < 0 || r >= static_cast<int>(scenario->roles.size()) || r == role)
            return false;
        std::shared_ptr<Scenario> patched;
        for (int v : publicValuesOf(a)) {
            const auto& weights =
                (patched ? *patched : *scenario).roles[static_cast<std::size_t>(r)].weights;
            if (v >= static_cast<int>(weights.size()) || weights[static_cast<std::size_t>(v)] > 0)
                continue;
            if (!patched)
                patched = std::make_shared<Scenario>(*scenario);
            patched->roles[static_cast<std::size_t>(r)].weights[static_cast<std::size_t>(v)] = 1;
        }
        if (!patched)
            return false;
        scenario = std::move(patched);
        return true;
    }

    void rebuildMirror() {
        mirror.reset();
        if (!scenario || !setup || !started)
            return;
        for (const auto& entry : actions)
            learnValues(entry.second);
        mirror = std::make_unique<Game>(scenario, *setup);
        // Begrip questions are built from what the copy does not hold: it
        // takes the host's word for them until everything is revealed.
        mirror->setPartialView(!scenarioRevealed);
        mirrorRefusals = 0;
        for (const auto& [index, a] : actions)
            if (!mirror->apply(a))
                ++mirrorRefusals;
    }

    bool loadScenario(const std::string& yaml, bool revealed) {
        LoadResult loaded = loadScenarioText(yaml, "host");
        if (!loaded.ok()) {
            lost("net.client.bad_scenario",
                 "The scenario from the host could not be read: " +
                     (loaded.errors.empty() ? std::string("?") : loaded.errors.front().format()));
            return false;
        }
        Scenario sc = std::move(*loaded.scenario);
        if (!revealed)
            standInWeights(sc);
        scenario = std::make_shared<const Scenario>(std::move(sc));
        scenarioRevealed = revealed;
        scenarioYaml = yaml;
        return true;
    }

    bool readSetup(const JsonValue& body) {
        const Json* s = body.find("setup");
        if (!s)
            return false;
        std::string error;
        setup = decodeSetup(*s, error);
        return setup.has_value();
    }

    void readPresence(const Json* list) {
        if (!list || !list->is_array())
            return;
        presence.clear();
        for (const Json& item : *list) {
            SeatStatus s;
            s.seat = static_cast<int>(intOr(item, "seat", -1));
            s.role = scenario ? scenario->roleIndex(stringOr(item, "role")) : -1;
            s.name = stringOr(item, "name");
            s.taken = boolOr(item, "taken", false);
            s.connected = boolOr(item, "connected", false);
            s.bot = boolOr(item, "bot", false);
            if (const Json* people = member(item, "people"); people && people->is_array())
                for (const Json& p : *people) {
                    PersonStatus person;
                    person.name = stringOr(p, "name");
                    person.connected = boolOr(p, "connected", false);
                    s.people.push_back(person);
                }
            presence.push_back(s);
        }
    }

    void readSupport(const Json* list) {
        if (!list || !list->is_array())
            return;
        support.clear();
        for (const Json& item : *list) {
            PublicSupport s;
            s.proposal = static_cast<int>(intOr(item, "proposal", -1));
            s.role = scenario ? scenario->roleIndex(stringOr(item, "role")) : -1;
            if (const Json* v = member(item, "support"); v && v->is_number())
                s.support = v->get<double>();
            s.accepts = boolOr(item, "accepts", true);
            if (s.proposal >= 0 && s.role >= 0)
                support.push_back(s);
        }
    }

    static LocalizedText readText(const Json* text) {
        LocalizedText out;
        if (!text || !text->is_object())
            return out;
        for (const auto& [lang, s] : text->items()) {
            if (s.is_string())
                out.byLang[lang] = s.get<std::string>();
            else if (lang == "plain" && s.is_object())
                for (const auto& [plainLang, p] : s.items())
                    if (p.is_string())
                        out.plainLanguage[plainLang] = p.get<std::string>();
        }
        return out;
    }

    // A `questions` message (host_broadcast.cpp). An item this copy cannot
    // place (an unknown role or kind) is left out rather than shown wrong.
    void readQuestions(const JsonValue& b) {
        HostQuestions q;
        q.phase = static_cast<int>(b.intOr("phase", -1));
        q.person = static_cast<int>(b.intOr("person", -1));
        q.boardHidden = b.boolOr("board_hidden", false);
        const Json* list = b.find("items");
        if (list && list->is_array())
            for (const Json& entry : *list) {
                BegripItem item;
                if (!begripItemKindFromId(stringOr(entry, "kind"), item.kind))
                    continue;
                item.targetRole = scenario ? scenario->roleIndex(stringOr(entry, "role")) : -1;
                item.issue = static_cast<int>(intOr(entry, "issue", -1));
                if (item.targetRole < 0)
                    continue;
                if (const Json* options = member(entry, "options"); options && options->is_array())
                    for (const Json& o : *options) {
                        ItemOption option;
                        option.text = readText(member(o, "text"));
                        item.options.push_back(std::move(option));
                    }
                if (item.kind != BegripItemKind::Values && item.options.size() < 2)
                    continue;
                q.items.push_back(std::move(item));
            }
        questions = std::move(q);
    }

    void heardClock(std::int64_t ms) {
        clockBaseMs = ms;
        clockBaseAt = Clock::now();
    }

    // [Messages] ---------------------------------------------------------------
    void handle(const std::string& body) {
        if (owner && owner->onFrame)
            owner->onFrame(body);
        std::string error;
        std::optional<Message> m = parseMessage(body, error);
        if (!m) {
            lost("net.client.malformed", "The host sent something unreadable: " + error);
            return;
        }
        const JsonValue& b = m->body;
        if (m->type == "refuse" || m->type == "bye") {
            refusalKey = b.stringOr("reason");
            refusalMessage = b.stringOr("message");
            const bool refused = m->type == "refuse";
            selector.clear();
            socket.disconnect();
            status = refused ? Status::Refused : Status::Disconnected;
            awaiting = false;
            return;
        }
        if (m->version != kProtocolVersion) {
            lost("net.refuse.version",
                 "The host speaks Samenspel network protocol version " +
                     std::to_string(m->version) + "; this client speaks version " +
                     std::to_string(kProtocolVersion) + ". Use the same Samenspel version.");
            return;
        }
        if (m->type == "welcome")
            welcome(*m);
        else if (m->type == "waiting") {
            token = b.stringOr("token");
            status = Status::Waiting;
        } else if (m->type == "start")
            start(*m);
        else if (m->type == "action")
            action(*m);
        else if (m->type == "scenario")
            newScenario(*m);
        else if (m->type == "actions")
            actionSlice(*m);
        else if (m->type == "support")
            readSupport(b.find("support"));
        else if (m->type == "questions")
            readQuestions(b);
        else if (m->type == "presence")
            readPresence(b.find("presence") ? b.find("presence") : b.find("seats"));
        else if (m->type == "refused") {
            Refusal r;
            r.key = b.stringOr("reason");
            r.english = b.stringOr("message");
            if (const Json* args = b.find("args"); args && args->is_array())
                for (const Json& a : *args)
                    r.args.push_back(a.is_string() ? a.get<std::string>() : std::string());
            lastRefusal = r;
            awaiting = false;
        }
        // Unknown types are ignored: a newer host may say more than we know.
    }

    void welcome(const Message& m) {
        const JsonValue& b = m.body;
        seat = static_cast<int>(b.intOr("seat", -1));
        table = static_cast<int>(b.intOr("table", 0));
        token = b.stringOr("token");
        // Dealt a seat after waiting: the welcome is a first one.
        if (status == Status::Waiting)
            status = Status::Connecting;
        started = b.boolOr("started", false);
        role = -1;
        if (!loadScenario(b.stringOr("scenario"), true))
            return;
        role = scenario->roleIndex(b.stringOr("role"));
        if (!b.boolOr("revealed", false))
            loadScenario(b.stringOr("scenario"), false); // now that the own role is known
        if (!readSetup(b)) {
            lost("net.client.malformed", "The host's welcome has no readable setup.");
            return;
        }
        // The actions follow in slices ("actions" messages).
        actions.clear();
        lastIndex.reset();
        catchingUp = true;
        readPresence(b.find("presence"));
        rebuildMirror();
        // A host restarted from its log after a quiet stretch is well past
        // its last action; a host without "clock" leaves the actions' time.
        if (b.find("clock"))
            heardClock(b.intOr("clock", 0));
        // A first welcome is "connecting" until the last slice has come, so
        // a seated player never sees a table that is behind; a fresh welcome
        // asked for with sync keeps the table on screen meanwhile.
        statusWhenCaughtUp = started ? Status::Playing : Status::Lobby;
        if (status != Status::Connecting)
            status = statusWhenCaughtUp;
        awaiting = false;
    }

    void start(const Message& m) {
        if (!readSetup(m.body))
            return;
        started = true;
        actions.clear();
        lastIndex.reset();
        heardClock(0);
        rebuildMirror();
        status = Status::Playing;
    }

    void action(const Message& m) {
        const Json* a = m.body.find("action");
        if (!a)
            return;
        takeAction(static_cast<std::uint64_t>(m.body.intOr("index", 0)), *a, false);
    }

    // A slice of the host's catch-up after a welcome or the reveal: actions
    // this client has not seen, in order. After the reveal they include the
    // ones that were hidden from this seat; those go in their place and the
    // mirror is built again.
    void actionSlice(const Message& m) {
        const Json* list = m.body.find("actions");
        if (!list || !list->is_array())
            return;
        bool insertedEarlier = false;
        for (const Json& item : *list) {
            const Json* a = member(item, "action");
            const auto index = static_cast<std::uint64_t>(intOr(item, "index", 0));
            if (a && lastIndex && index <= *lastIndex)
                insertedEarlier |= insertEarlier(index, *a);
            else if (a)
                takeAction(index, *a, true);
        }
        if (insertedEarlier)
            rebuildMirror();
        catchingUp = m.body.boolOr("more", false);
        if (!catchingUp && status == Status::Connecting)
            status = statusWhenCaughtUp;
    }

    bool insertEarlier(std::uint64_t index, const Json& encoded) {
        auto at =
            std::lower_bound(actions.begin(), actions.end(), index,
                             [](const auto& entry, std::uint64_t i) { return entry.first < i; });
        if (at != actions.end() && at->first == index)
            return false; // already had it
        std::string error;
        std::optional<Action> action = decodeAction(encoded, error);
        if (!action)
            return false;
        actions.insert(at, {index, *action});
        return true;
    }

    // An action past the last one this client has: kept, applied to the
    // mirror, and the clock follows it (never back: a catch-up's old actions
    // are behind the welcome's clock).
    void takeAction(std::uint64_t index, const Json& encoded, bool fromCatchUp) {
        if (lastIndex && index <= *lastIndex)
            return; // already had it (from a catch-up)
        std::string error;
        std::optional<Action> action = decodeAction(encoded, error);
        if (!action)
            return;
        if (owner && owner->onAction)
            owner->onAction(index, *action);
        actions.emplace_back(index, *action);
        lastIndex = index;
        if (!fromCatchUp || action->timeMs > clockBaseMs)
            heardClock(action->timeMs);
        if (learnValues(*action))
            rebuildMirror(); // replays every action on the amended copy
        else if (mirror && !mirror->apply(*action))
            ++mirrorRefusals;
        if (action->seat == seat)
            awaiting = false;
    }

    void newScenario(const Message& m) {
        // At the end ("revealed") a catch-up with every action follows.
        if (!loadScenario(m.body.stringOr("scenario"), m.body.boolOr("revealed", false)))
            return;
        rebuildMirror();
    }

    void poll(double maxWaitSeconds) {
        if (status == Status::Refused || status == Status::Disconnected)
            return;
        flush();
        if (status == Status::Disconnected)
            return;
        if (!selector.wait(waitTime(maxWaitSeconds)))
            return;
        char buffer[65536];
        for (int rounds = 0; rounds < 64; ++rounds) {
            std::size_t received = 0;
            sf::Socket::Status s = socket.receive(buffer, sizeof buffer, received);
            if (s == sf::Socket::NotReady)
                break;
            if (s != sf::Socket::Done && s != sf::Socket::Partial) {
                lost("net.client.lost", "The host closed the connection.");
                return;
            }
            reader.feed(buffer, received);
            while (status != Status::Refused && status != Status::Disconnected) {
                std::optional<std::string> body = reader.next();
                if (!body)
                    break;
                handle(*body);
            }
            if (reader.oversized()) {
                lost("net.refuse.frame_too_large", "The host sent a frame beyond the limit.");
                return;
            }
            if (status == Status::Refused || status == Status::Disconnected)
                return;
        }
    }
};

Client::Client(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
    impl_->owner = this;
}
Client::~Client() = default;

std::unique_ptr<Client> Client::connect(ClientConfig config, std::string& error) {
    auto impl = std::make_unique<Impl>();
    impl->config = std::move(config);
    impl->token = impl->config.token;
    if (!impl->openSocket(error))
        return nullptr;
    return std::unique_ptr<Client>(new Client(std::move(impl)));
}

void Client::poll(double maxWaitSeconds) {
    impl_->poll(maxWaitSeconds);
}
Client::Status Client::status() const {
    return impl_->status;
}
bool Client::finished() const {
    return impl_->mirror && impl_->mirror->state().finished;
}
int Client::seat() const {
    return impl_->seat;
}
int Client::table() const {
    return impl_->table;
}
int Client::role() const {
    return impl_->role;
}
const std::string& Client::token() const {
    return impl_->token;
}
const std::string& Client::refusalKey() const {
    return impl_->refusalKey;
}
const std::string& Client::refusalMessage() const {
    return impl_->refusalMessage;
}
const Game* Client::game() const {
    return impl_->mirror.get();
}
std::shared_ptr<const Scenario> Client::scenario() const {
    return impl_->scenario;
}
const std::vector<SeatStatus>& Client::presence() const {
    return impl_->presence;
}
std::vector<Action> Client::actions() const {
    std::vector<Action> out;
    out.reserve(impl_->actions.size());
    for (const auto& entry : impl_->actions)
        out.push_back(entry.second);
    return out;
}
const std::string& Client::scenarioText() const {
    return impl_->scenarioYaml;
}
const std::vector<PublicSupport>& Client::publicSupport() const {
    return impl_->support;
}
const HostQuestions& Client::hostQuestions() const {
    return impl_->questions;
}
int Client::mirrorRefusals() const {
    return impl_->mirrorRefusals;
}
bool Client::awaitingReply() const {
    return impl_->awaiting;
}
const std::optional<Refusal>& Client::lastActionRefusal() const {
    return impl_->lastRefusal;
}

bool Client::sendAction(Action action) {
    if (impl_->status != Status::Playing)
        return false;
    action.seat = impl_->seat;
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("action");
    w.key("action").raw(encodeAction(action)).endObject();
    impl_->lastRefusal.reset();
    impl_->awaiting = true;
    impl_->send(w.str());
    return true;
}

void Client::requestSync() {
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("sync").endObject();
    impl_->send(w.str());
}

void Client::sendRaw(const std::string& bytes) {
    impl_->out += bytes;
    impl_->flush();
}

bool Client::reconnect(std::string& error) {
    impl_->selector.clear();
    impl_->socket.disconnect();
    return impl_->openSocket(error);
}

void Client::disconnect() {
    impl_->selector.clear();
    impl_->socket.disconnect();
    impl_->status = Status::Disconnected;
}

bool Client::catchingUp() const {
    return impl_->catchingUp;
}

std::int64_t Client::estimatedClockMs() const {
    const Game* g = impl_->mirror.get();
    const std::int64_t base = std::max(impl_->clockBaseMs, g ? g->state().nowMs : 0);
    // The host's clock stands still while paused and after the end.
    if (!g || g->state().paused || g->state().finished)
        return base;
    return base +
           std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - impl_->clockBaseAt)
               .count();
}

// [ClientBot] ---------------------------------------------------------------------

struct ClientBot::State {
    std::unique_ptr<Bot> bot;
    const Game* botGame = nullptr;
    std::uint64_t refusedAtCount = ~0ull;
    Clock::time_point refusedAt;
};

ClientBot::ClientBot(Client& client) : client_(client) {}
ClientBot::~ClientBot() = default;

bool ClientBot::step() {
    std::optional<Action> action = next();
    return action && client_.sendAction(*action);
}

std::optional<Action> ClientBot::next() {
    const Game* g = client_.game();
    if (client_.status() != Client::Status::Playing || !g || g->state().finished ||
        client_.awaitingReply() || client_.catchingUp())
        return std::nullopt;
    if (!state_)
        state_ = std::make_unique<State>();
    const int seat = client_.seat();
    if (seat < 0 || seat >= g->seatCount())
        return std::nullopt;
    if (!state_->bot) {
        const Seat& s = g->setup().seats[static_cast<std::size_t>(seat)];
        state_->bot = std::make_unique<Bot>(g->scenarioPtr(), seat, s.role, s.character,
                                            botSeed(g->setup().seed, seat));
    }
    // After a refusal, wait for the table to change (or a moment) before the
    // bot tries again, so a disagreement never turns into a flood.
    if (client_.lastActionRefusal()) {
        if (state_->refusedAtCount == ~0ull) {
            state_->refusedAtCount = g->state().actionCount;
            state_->refusedAt = Clock::now();
        }
        const double waited =
            std::chrono::duration<double>(Clock::now() - state_->refusedAt).count();
        if (g->state().actionCount == state_->refusedAtCount && waited < 0.5)
            return std::nullopt;
    }
    state_->refusedAtCount = ~0ull;
    return state_->bot->nextAction(*g, client_.estimatedClockMs());
}

} // namespace samenspel::net
