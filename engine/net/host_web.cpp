// Players on phones (docs/web_client.md): the lobby before a seat is taken,
// the welcome, and the seat view the host sends instead of the scenario text
// and the actions, so the page decides nothing about hidden information.
// The transport (WebSocket) is host_http.cpp; seats, tokens and actions go
// through host_seats.cpp as for every other client.
#include "core/json.hpp"
#include "core/scoring.hpp"
#include "net/host_internal.hpp"
#include "net/seat_view.hpp"

namespace samenspel::net {

namespace {
constexpr const char* kDefaultLanguage = "nl";
}

const WebCatalog& Host::Impl::catalogFor(const std::string& lang) {
    auto found = catalogs.find(lang);
    if (found == catalogs.end()) {
        WebCatalog loaded = loadWebCatalog(assetsDir() + "/i18n", lang);
        for (const std::string& problem : loaded.problems)
            notice(problem);
        found = catalogs.emplace(lang, std::move(loaded)).first;
    }
    return found->second;
}

// The language the facilitator runs the session in: a phone whose player has
// not chosen one follows it, so a Dutch room gets Dutch phones.
std::string Host::Impl::sessionLanguage() const {
    return isCatalogLanguage(setup.language) ? setup.language : kDefaultLanguage;
}

// The language a phone asked for, if the host has it; else Dutch.
std::string Host::Impl::languageOf(const JsonValue& body) {
    const std::string lang = body.stringOr("lang", kDefaultLanguage);
    if (isCatalogLanguage(lang) && catalogFor(lang).found)
        return lang;
    return kDefaultLanguage;
}

// Before a seat: the case and who sits where, for a right code only (a
// wrong one counts for the per-address limit, as a wrong hello does).
// The lobby a phone sees. One table and one person per seat: as before
// rooms. In a room: the person's own table's seats (once seated) and, before
// that, the free places per role at every table, which is bounded by
// kMaxTablesPerHost however many people join.
std::string Host::Impl::roomLobbyJson(const std::string& lang, const Connection* c) {
    const bool plain = config.room.tables == 1 && teamSize() == 1;
    const Table* own = c ? tableOf(*c) : nullptr;
    if (plain && !tables.empty()) {
        const Table& t = *tables.front();
        return lobbyJson(*scenario, t.seatStatus(), t.game != nullptr, lang, sessionLanguage());
    }
    LobbyRoom room;
    room.tables = static_cast<int>(tables.size());
    room.teamSize = teamSize();
    room.table = own ? own->index : -1;
    const Person* p = c ? personById(c->person) : nullptr;
    room.waiting = p && p->table < 0;
    if (!own && !room.waiting)
        for (const auto& t : tables) {
            std::vector<int> free;
            for (int r = 0; r < static_cast<int>(scenario->roles.size()); ++r)
                free.push_back(t->game ? 0 : t->freePlacesFor(r));
            room.freeByRole.push_back(std::move(free));
        }
    return lobbyJson(*scenario, own ? own->seatStatus() : std::vector<SeatStatus>{}, roomStarted,
                     lang, sessionLanguage(), &room);
}

void Host::Impl::handleLobby(Connection& c, const Message& m) {
    const auto now = Clock::now();
    if (tooManyWrongCodes(c.address, now)) {
        closeWith(c, "refuse", reason::kTooManyAttempts);
        return;
    }
    if (normalizeSessionCode(m.body.stringOr("code")) != code) {
        noteWrongCode(c.address, now);
        closeWith(c, "refuse", reason::kWrongCode);
        return;
    }
    c.lang = languageOf(m.body);
    // A phone on the lobby (its player typing a name, choosing a role) asks
    // again every few seconds; each right-code request restarts the time it
    // has to say hello, so the person is not cut off while choosing.
    c.openedAt = now;
    send(c, roomLobbyJson(c.lang, &c));
}

// What a package would mean for the phone's own role while its player builds
// a proposal: the role's support, whether it can carry it, each of its red
// lines, and the package's totals. Computed here, as for the desktop's live
// preview, so the page never scores anything itself; only the asking seat
// gets its own role's figures.
void Table::handlePreview(Connection& c, const Message& m) {
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("preview");
    w.key("id").value(m.body.intOr("id", 0));
    const int role = roleOfSeat(c.seat);
    const Json* list = m.body.find("package");
    Package package;
    bool valid =
        game && role >= 0 && list && list->is_array() && list->size() == scenario().issues.size();
    for (std::size_t i = 0; valid && i < list->size(); ++i) {
        const Json& item = (*list)[i];
        valid = item.is_number_integer() && item.get<long long>() >= 0 &&
                item.get<long long>() < static_cast<long long>(scenario().issues[i].options.size());
        if (valid)
            package.push_back(item.get<int>());
    }
    if (!valid) {
        w.key("error").value("a package needs one option per issue").endObject();
        room.send(c, w.str());
        return;
    }
    const World& world = game->state().world;
    w.key("package").beginArray();
    for (int o : package)
        w.value(o);
    w.endArray();
    w.key("support").value(roundSupport(supportOf(scenario(), world, role, package)), 1);
    w.key("accepts").value(accepts(scenario(), world, role, package));
    w.key("redLines").beginArray();
    const Role& r = scenario().roles[static_cast<std::size_t>(role)];
    for (int k = 0; k < static_cast<int>(r.preconditions.size()); ++k)
        w.beginObject()
            .key("precondition")
            .value(k)
            .key("holds")
            .value(preconditionHolds(scenario(), world, role, k, package))
            .endObject();
    w.endArray().key("totals").beginArray();
    const std::vector<double> totals = attributeTotals(scenario(), package);
    for (std::size_t a = 0; a < totals.size(); ++a)
        w.beginObject()
            .key("attribute")
            .value(static_cast<int>(a))
            .key("total")
            .value(totals[a], 2)
            .endObject();
    w.endArray().endObject();
    room.send(c, w.str());
}

void Table::sendWebWelcome(Connection& c) {
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("welcome");
    w.key("seat").value(c.seat).key("role").value(roleIdOf(scenario(), roleOfSeat(c.seat)));
    const Person* person = room.personById(c.person);
    w.key("token").value(person ? person->token : std::string());
    if (room.tables.size() > 1)
        w.key("table").value(index);
    w.key("started").value(game != nullptr).key("lang").value(c.lang);
    w.key("sessionLang").value(room.sessionLanguage());
    w.endObject();
    room.send(c, w.str());
    c.viewDirty = true;
}

void Table::sendView(Connection& c) {
    c.viewDirty = false;
    if (!game || c.seat < 0) {
        // Seated before the start: the lobby again shows who else is there.
        room.send(c, room.roomLobbyJson(c.lang, &c));
        return;
    }
    const WebCatalog& catalog = room.catalogFor(c.lang);
    SeatViewContext context;
    context.seats = seatStatus();
    context.nowMs = clockMs();
    context.text = [&catalog](const std::string& key) { return catalog.text(key); };
    context.person = personOf(c);
    context.plainLanguage = room.config.plainLanguage;
    room.send(c, seatViewJson(*game, c.seat, c.lang, context));
}

void Table::markViewsChanged() {
    for (auto& c : connections)
        if (c->web)
            c->viewDirty = true;
}

// Once per poll at most: a burst of actions (bots, the clock) gives a phone
// one view, not one per action.
void Host::Impl::sendChangedViews() {
    for (auto& t : tables)
        for (auto& c : t->connections)
            if (c->web && c->viewDirty && c->helloDone && !c->closing && !c->dead)
                t->sendView(*c);
}

} // namespace samenspel::net
