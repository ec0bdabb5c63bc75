// What each seat may see: welcome, actions, presence, public support and
// the redacted scenario (redact.hpp).
#include "net/host_internal.hpp"

#include <algorithm>

#include "core/begrip.hpp"
#include "core/json.hpp"
#include "core/scoring.hpp"
#include "core/visibility.hpp"
#include "net/redact.hpp"

namespace samenspel::net {

// [Messages] ------------------------------------------------------------------

std::string Table::presenceJson() const {
    JsonWriter w;
    w.beginArray();
    for (const SeatStatus& s : seatStatus()) {
        w.beginObject().key("seat").value(s.seat).key("role").value(roleIdOf(scenario(), s.role));
        w.key("name").value(s.name).key("taken").value(s.taken);
        w.key("connected").value(s.connected).key("bot").value(s.bot);
        if (s.people.size() > 1) { // a team: who is on it
            w.key("people").beginArray();
            for (const PersonStatus& p : s.people)
                w.beginObject()
                    .key("name")
                    .value(p.name)
                    .key("connected")
                    .value(p.connected)
                    .endObject();
            w.endArray();
        }
        w.endObject();
    }
    w.endArray();
    return w.str();
}

std::vector<SeatStatus> Table::seatStatus() const {
    std::vector<SeatStatus> out;
    for (std::size_t i = 0; i < seats.size(); ++i) {
        const Seat& seat = setupSeat(static_cast<int>(i));
        SeatStatus s;
        s.seat = static_cast<int>(i);
        s.role = seat.role;
        s.name = seat.name;
        s.bot = seat.bot;
        s.taken = seats[i].taken();
        for (std::uint64_t id : seats[i].people) {
            const Person* p = room.personById(id);
            if (!p)
                continue;
            s.people.push_back(PersonStatus{p->id, p->name, p->connection != 0});
            s.connected = s.connected || p->connection != 0;
        }
        out.push_back(s);
    }
    return out;
}

const Seat& Table::setupSeat(int seat) const {
    return game ? game->setup().seats.at(static_cast<std::size_t>(seat))
                : setup.seats.at(static_cast<std::size_t>(seat));
}

// For the facilitator's terminal: the role id, and the player's name if given.
std::string Table::seatLabel(int seat) const {
    const std::string& name = setupSeat(seat).name;
    const std::string role = roleIdOf(scenario(), roleOfSeat(seat));
    return name.empty() ? role : role + ", " + name;
}

void Table::broadcastPresence() {
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("presence");
    w.key("seats").raw(presenceJson()).endObject();
    const std::string message = w.str();
    markViewsChanged();
    for (auto& c : connections)
        if (c->helloDone && !c->closing && !c->web)
            room.send(*c, message);
}

const RoleView& Table::viewFor(int role) {
    RedactionView view =
        game ? RedactionView::of(*game, role) : RedactionView::initial(scenario(), role);
    RoleView& cached = views[role];
    std::string fp = view.fingerprint();
    if (fp != cached.fingerprint) {
        auto made = room.redactedYaml.find(fp);
        if (made == room.redactedYaml.end()) {
            if (room.redactedYaml.size() >= Host::Impl::kMaxRedactedYaml)
                room.redactedYaml.clear();
            made = room.redactedYaml.emplace(fp, redactedScenarioYaml(scenario(), view)).first;
        }
        cached.yaml = made->second;
        cached.fingerprint = std::move(fp);
    }
    return cached;
}

std::string Table::actionMessage(std::size_t index) const {
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("action");
    w.key("index").value(static_cast<std::uint64_t>(index)).key("action").raw(encoded[index]);
    w.endObject();
    return w.str();
}

// [Catching up] ---------------------------------------------------------------

namespace {
// How much of a catch-up may wait unread in a connection's send buffer, and
// how big one slice is: small next to the send limit (HostConfig::
// maxOutgoingBytes), large enough that a normal session's catch-up goes out
// in one or two slices.
constexpr std::size_t kCatchUpWindowBytes = 512 * 1024;
constexpr std::size_t kCatchUpSliceBytes = 128 * 1024;
} // namespace

void Table::startCatchUp(Connection& c) {
    c.catchingUp = true;
    c.catchUpNext = 0;
    continueCatchUp(c);
}

// Sends slices {"type":"actions","actions":[{index, action}], "more"} of
// the actions the seat may see, while the client keeps reading; the last
// slice has "more": false, after which actions go out one by one again.
void Table::continueCatchUp(Connection& c) {
    const std::size_t window = std::min(kCatchUpWindowBytes, room.config.maxOutgoingBytes / 4);
    const std::size_t sliceBytes = std::min(kCatchUpSliceBytes, window);
    const bool all = ended() && c.revealed; // hidden actions only after the full text
    while (c.catchingUp && !c.dead && !c.closing && c.pending() < window) {
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("actions");
        w.key("actions").beginArray();
        std::size_t bytes = 0;
        for (; c.catchUpNext < actions.size() && bytes < sliceBytes; ++c.catchUpNext) {
            const std::size_t i = c.catchUpNext;
            if (!actionVisibleTo(actions[i], c.seat, all))
                continue;
            w.beginObject().key("index").value(static_cast<std::uint64_t>(i));
            w.key("action").raw(encoded[i]).endObject();
            bytes += encoded[i].size() + 32;
        }
        w.endArray();
        c.catchingUp = c.catchUpNext < actions.size();
        w.key("more").value(c.catchingUp).endObject();
        room.send(c, w.str());
        ++room.stats.catchUpSlicesSent;
    }
}

void Table::sendWelcome(Connection& c) {
    if (c.web) {
        sendWebWelcome(c);
        return;
    }
    const int role = roleOfSeat(c.seat);
    const RoleView& view = viewFor(role);
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("welcome");
    w.key("seat").value(c.seat).key("role").value(roleIdOf(scenario(), role));
    const Person* person = room.personById(c.person);
    w.key("token").value(person ? person->token : std::string());
    if (room.tables.size() > 1)
        w.key("table").value(index);
    w.key("started").value(game != nullptr);
    // The session clock now: the actions only tell the time of the last
    // one, which after a quiet stretch (or a host restarted from its log)
    // is well behind, and the player's countdown would run from there.
    if (game)
        w.key("clock").value(clockMs());
    w.key("setup").raw(encodeSetup(game ? game->setup() : setup));
    w.key("scenario").value(view.yaml).key("revealed").value(ended());
    w.key("presence").raw(presenceJson());
    w.endObject();
    room.send(c, w.str());
    c.viewFingerprint = view.fingerprint;
    c.revealed = ended();
    startCatchUp(c);
    if (game && sentSupport != "[]")
        room.send(c, supportMessage());
    c.sentQuestions.clear();
    sendQuestions(c);
}

// [Public support] ------------------------------------------------------------

// A role's support for a proposal once it is public (core/visibility.hpp: a
// seat of that role reacted to it or voted on it). A player's copy of the
// game cannot compute it (it lacks the other roles' weights), so the host
// sends the public values, as [{proposal, role, support, accepts}], whenever
// they change.
std::string Table::publicSupportJson() const {
    const GameState& st = game->state();
    JsonWriter w;
    w.beginArray();
    for (const Proposal& p : st.proposals) {
        for (int r = 0; r < static_cast<int>(scenario().roles.size()); ++r) {
            if (!supportIsPublic(*game, p, r))
                continue;
            w.beginObject().key("proposal").value(p.id).key("role").value(roleIdOf(scenario(), r));
            w.key("support").value(supportOf(scenario(), st.world, r, p.package), 2);
            w.key("accepts").value(canAccept(scenario(), st.world, r, p.package)).endObject();
        }
    }
    w.endArray();
    return w.str();
}

std::string Table::supportMessage() const {
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("support");
    w.key("support").raw(sentSupport).endObject();
    return w.str();
}

// After an action: only when a value changed (a reaction, a vote, an event
// that moved weights or options).
void Table::broadcastSupport() {
    std::string list = publicSupportJson();
    if (list == sentSupport)
        return;
    sentSupport = std::move(list);
    const std::string message = supportMessage();
    for (auto& c : connections)
        if (c->helloDone && !c->closing && !c->dead && c->seat >= 0 && !c->web)
            room.send(*c, message);
}

// [Begrip questions] ----------------------------------------------------------

namespace {

// {"nl": ..., "en": ..., "plain": {"nl": ...}}: a player's laptop shows it in
// its own language and register.
void writeText(JsonWriter& w, const LocalizedText& text) {
    w.beginObject();
    for (const auto& [lang, s] : text.byLang)
        w.key(lang).value(s);
    if (!text.plainLanguage.empty()) {
        w.key("plain").beginObject();
        for (const auto& [lang, s] : text.plainLanguage)
            w.key(lang).value(s);
        w.endObject();
    }
    w.endObject();
}

} // namespace

// The items a player answers at perspectief and reflectie (core/begrip.hpp)
// are built from every role's card, which a player's copy of the scenario
// lacks, so the host sends them: {"type":"questions", "phase", "person",
// "board_hidden", "items": [{kind, role, issue, options: [{text}]}]}, without
// the right answers. Empty items outside those phases.
std::string Table::questionsMessage(const Connection& c) const {
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("questions");
    const GameState* st = game ? &game->state() : nullptr;
    w.key("phase").value(st ? st->phase : -1).key("person").value(personOf(c));
    w.key("board_hidden").value(game != nullptr && boardHidden(*game));
    w.key("items").beginArray();
    const PhaseKind phase = game ? game->currentPhase() : PhaseKind::Kennismaken;
    if (st && !st->finished && (phase == PhaseKind::Perspectief || phase == PhaseKind::Reflectie))
        for (const BegripItem& item : begripItems(scenario(), st->world, roleOfSeat(c.seat))) {
            w.beginObject().key("kind").value(begripItemKindId(item.kind));
            w.key("role").value(roleIdOf(scenario(), item.targetRole));
            w.key("issue").value(item.issue).key("options").beginArray();
            for (const ItemOption& o : item.options) {
                w.beginObject().key("text");
                writeText(w, o.text);
                w.endObject();
            }
            w.endArray().endObject();
        }
    w.endArray().endObject();
    return w.str();
}

void Table::sendQuestions(Connection& c) {
    if (c.web || c.seat < 0 || !c.helloDone || c.closing || c.dead)
        return;
    std::string message = questionsMessage(c);
    if (message == c.sentQuestions)
        return;
    room.send(c, message);
    c.sentQuestions = std::move(message);
}

// After an action: to each player whose questions or board changed (a new
// phase, an event that moved a role's weights, the last answer at the table).
void Table::broadcastQuestions() {
    for (auto& c : connections)
        sendQuestions(*c);
}

// After an action: new scenario texts first (so the client's copy of the
// rules accepts what follows), then the action itself.
void Table::broadcastAction(std::size_t index) {
    const Action& a = actions[index];
    const bool all = ended();
    const std::string message = actionMessage(index);
    std::map<int, const RoleView*> byRole; // each role's view once per action
    for (auto& cp : connections) {
        Connection& c = *cp;
        if (!c.helloDone || c.closing || c.dead || c.seat < 0)
            continue;
        if (c.web) {
            c.viewDirty = true; // a phone gets its view, not the action
            continue;
        }
        const int role = roleOfSeat(c.seat);
        auto known = byRole.find(role);
        if (known == byRole.end())
            known = byRole.emplace(role, &viewFor(role)).first;
        const RoleView& view = *known->second;
        if (all && !c.revealed) {
            JsonWriter w;
            w.beginObject().key("v").value(kProtocolVersion).key("type").value("scenario");
            w.key("scenario").value(view.yaml).key("revealed").value(true);
            w.endObject();
            room.send(c, w.str());
            c.viewFingerprint = view.fingerprint;
            c.revealed = true;
            startCatchUp(c); // every action again, the hidden ones too
            continue;        // this action is among them
        }
        if (view.fingerprint != c.viewFingerprint) {
            JsonWriter w;
            w.beginObject().key("v").value(kProtocolVersion).key("type").value("scenario");
            w.key("scenario").value(view.yaml).endObject();
            room.send(c, w.str());
            c.viewFingerprint = view.fingerprint;
        }
        if (c.catchingUp)
            continue; // the catch-up reaches this action in its turn
        if (actionVisibleTo(a, c.seat, all))
            room.send(c, message);
    }
}

} // namespace samenspel::net
