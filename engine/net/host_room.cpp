// The room: its tables, the people in it, where they sit, dealing the
// waiting over the tables, moving a person, the start and the room's clock.
// docs/network.md, "Rooms", says what a facilitator and a phone see.
#include <algorithm>
#include <filesystem>
#include <map>

#include "core/limits.hpp"
#include "net/host_internal.hpp"

namespace samenspel::net {

std::string tableLogPath(const std::string& roomLog, int table, int tables) {
    if (tables <= 1 || roomLog.empty())
        return roomLog;
    const std::filesystem::path path(roomLog);
    const std::string name =
        path.stem().string() + "-tafel-" + std::to_string(table + 1) + path.extension().string();
    return (path.parent_path() / name).string();
}

int tablesForPeople(int people, int seatsPerTable, int teamSize) {
    const int perTable = std::max(1, seatsPerTable * std::max(1, teamSize));
    return std::clamp((people + perTable - 1) / perTable, 1, kMaxTables);
}

Table* Host::Impl::tableOf(const Connection& c) {
    if (c.table < 0 || c.table >= static_cast<int>(tables.size()))
        return nullptr;
    return tables[static_cast<std::size_t>(c.table)].get();
}

// People are never removed and get ids in join order, so id n is usually
// people[n - 1]: presence at a table of a room of a thousand stays cheap.
Person* Host::Impl::personById(std::uint64_t id) {
    if (id >= 1 && id <= people.size() && people[id - 1].id == id)
        return &people[id - 1];
    for (Person& p : people)
        if (p.id == id)
            return &p;
    return nullptr;
}

Person* Host::Impl::personByToken(const std::string& token) {
    for (Person& p : people)
        if (!token.empty() && p.token == token)
            return &p;
    return nullptr;
}

int Host::Impl::teamSize() const {
    return std::clamp(config.room.teamSize, 1, limits::kMaxTeamSize);
}

// Table t plays the room's setup with seed + t, so each table's log replays
// on its own and two tables do not play the same bots.
void Host::Impl::addTables(int count) {
    for (int t = 0; t < count; ++t) {
        auto table = std::make_unique<Table>(*this, t);
        table->setup = setup;
        table->setup.seed = setup.seed + static_cast<std::uint64_t>(t);
        table->logPath = tableLogPath(logPath, t, count);
        table->seats.resize(setup.seats.size());
        tables.push_back(std::move(table));
    }
}

// The table with the most free places for `role` (any: -1); the first of
// equals. -1 when every table is full.
int Host::Impl::pickTable(int role) const {
    int best = -1;
    int bestFree = 0;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        if (tables[t]->game)
            continue;
        const int free = tables[t]->freePlacesFor(role);
        if (free > bestFree) {
            best = static_cast<int>(t);
            bestFree = free;
        }
    }
    return best;
}

namespace {
// Before the start a seat shows who holds it: one name, or a team's names.
void nameSeat(Host::Impl& room, Table& t, int seat) {
    std::string joined;
    for (std::uint64_t id : t.seats[static_cast<std::size_t>(seat)].people)
        if (const Person* p = room.personById(id); p && !p->name.empty())
            joined += (joined.empty() ? "" : ", ") + p->name;
    // Nobody named: the seat keeps the setup's name, or none, and every
    // screen shows the role's name in its own language.
    t.setup.seats[static_cast<std::size_t>(seat)].name =
        joined.empty() ? room.setup.seats[static_cast<std::size_t>(seat)].name : joined;
}
} // namespace

bool Host::Impl::seatPerson(Person& p, int table, int seat) {
    Table& t = *tables[static_cast<std::size_t>(table)];
    SeatSlot& slot = t.seats[static_cast<std::size_t>(seat)];
    if (static_cast<int>(slot.people.size()) >= teamSize())
        return false;
    slot.people.push_back(p.id);
    p.table = table;
    p.seat = seat;
    if (!t.game)
        nameSeat(*this, t, seat);
    if (Connection* c = connectionById(p.connection)) {
        c->table = table;
        c->seat = seat;
        for (auto& cp : connections)
            if (cp.get() == c)
                t.connections.push_back(cp);
    }
    t.writeSeatFile();
    return true;
}

void Host::Impl::unseatPerson(Person& p) {
    if (p.table < 0)
        return;
    Table& t = *tables[static_cast<std::size_t>(p.table)];
    std::erase(t.seats[static_cast<std::size_t>(p.seat)].people, p.id);
    if (!t.game)
        nameSeat(*this, t, p.seat);
    if (Connection* c = connectionById(p.connection)) {
        std::erase_if(t.connections, [c](const auto& cp) { return cp.get() == c; });
        c->table = -1;
        c->seat = -1;
    }
    p.table = -1;
    p.seat = -1;
    t.writeSeatFile();
    t.broadcastPresence();
}

// The person's phone or laptop learns its (new) table and seat.
void Host::Impl::tellSeated(Person& p) {
    if (p.table < 0)
        return;
    Table& t = *tables[static_cast<std::size_t>(p.table)];
    if (Connection* c = connectionById(p.connection); c && !c->closing && !c->dead)
        t.sendWelcome(*c);
    t.broadcastPresence();
    notice("table " + std::to_string(p.table + 1) + ", seat " + std::to_string(p.seat) + " (" +
           t.seatLabel(p.seat) + "): " + (p.name.empty() ? "a person" : p.name) + " seated");
}

namespace {
// The seat at `t` for someone who would like `wish` (-1: no wish): that
// role's seat if it has room, else the seat with the fewest people, of the
// role that has the fewest people over the whole room, so roles fill evenly.
int seatForDeal(const Host::Impl& room, const Table& t, int wish,
                const std::vector<int>& peopleOfRole) {
    if (wish >= 0) {
        if (int seat = t.freeSeatFor(wish); seat >= 0)
            return seat;
    }
    int best = -1;
    auto key = [&](int i) {
        const auto& slot = t.seats[static_cast<std::size_t>(i)];
        return std::make_pair(static_cast<int>(slot.people.size()),
                              peopleOfRole[static_cast<std::size_t>(t.roleOfSeat(i))]);
    };
    for (int i = 0; i < static_cast<int>(t.seats.size()); ++i) {
        if (t.setupSeat(i).bot ||
            static_cast<int>(t.seats[static_cast<std::size_t>(i)].people.size()) >= room.teamSize())
            continue;
        if (best < 0 || key(i) < key(best))
            best = i;
    }
    return best;
}
} // namespace

int Host::Impl::deal(DealMode mode) {
    if (roomStarted)
        return 0;
    if (tables.empty())
        addTables(tablesForPeople(static_cast<int>(people.size()), seatsPerTable(), teamSize()));
    std::vector<int> peopleOfRole(scenario->roles.size(), 0);
    for (const auto& t : tables)
        for (std::size_t i = 0; i < t->seats.size(); ++i)
            peopleOfRole[static_cast<std::size_t>(t->roleOfSeat(static_cast<int>(i)))] +=
                static_cast<int>(t->seats[i].people.size());
    // Groups of people who came together, in the order they joined; a person
    // without a label is a group of one.
    std::vector<std::vector<std::size_t>> groups;
    std::map<std::string, std::size_t> groupOf;
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (people[i].table >= 0)
            continue;
        const std::string& label = people[i].cameWith;
        if (label.empty() || !groupOf.count(label)) {
            if (!label.empty())
                groupOf[label] = groups.size();
            groups.emplace_back();
        }
        groups[label.empty() ? groups.size() - 1 : groupOf[label]].push_back(i);
    }
    // Together: the big groups first, while the tables still have room.
    if (mode == DealMode::KeepTogether)
        std::stable_sort(groups.begin(), groups.end(),
                         [](const auto& a, const auto& b) { return a.size() > b.size(); });
    int seated = 0;
    for (const auto& group : groups) {
        std::vector<int> used; // the group's tables so far
        for (std::size_t i : group) {
            Person& p = people[i];
            int table = -1;
            if (mode == DealMode::KeepTogether && !used.empty() &&
                tables[static_cast<std::size_t>(used.front())]->freePlacesFor(-1) > 0)
                table = used.front();
            if (table < 0) {
                // The emptiest table, one the group has none at yet if any.
                int bestFree = 0;
                bool bestNew = false;
                for (int t = 0; t < static_cast<int>(tables.size()); ++t) {
                    const int free = tables[static_cast<std::size_t>(t)]->freePlacesFor(-1);
                    const bool isNew = std::find(used.begin(), used.end(), t) == used.end();
                    if (free <= 0)
                        continue;
                    if (table < 0 || (isNew && !bestNew) || (isNew == bestNew && free > bestFree)) {
                        table = t;
                        bestFree = free;
                        bestNew = isNew;
                    }
                }
            }
            if (table < 0)
                break; // the room is full: the rest keep waiting
            const Table& t = *tables[static_cast<std::size_t>(table)];
            const int seat = seatForDeal(*this, t, p.roleWish, peopleOfRole);
            if (seat < 0 || !seatPerson(p, table, seat))
                continue;
            ++peopleOfRole[static_cast<std::size_t>(t.roleOfSeat(seat))];
            used.push_back(table);
            tellSeated(p);
            ++seated;
        }
    }
    return seated;
}

// Empty seats leave the game: the seats that stay keep their order, and a
// role nobody took keeps its minimum, played by bots.
void Host::Impl::leaveEmptySeatsOut(Table& t) {
    std::vector<int> kept(scenario->roles.size(), 0);
    for (std::size_t i = 0; i < t.seats.size(); ++i)
        if (t.seats[i].taken() || t.setup.seats[i].bot)
            ++kept[static_cast<std::size_t>(t.setup.seats[i].role)];
    SessionSetup setup2 = t.setup;
    setup2.seats.clear();
    std::vector<SeatSlot> seats2;
    for (std::size_t i = 0; i < t.seats.size(); ++i) {
        const Seat& seat = t.setup.seats[i];
        int& count = kept[static_cast<std::size_t>(seat.role)];
        const int minimum =
            std::max(1, scenario->roles[static_cast<std::size_t>(seat.role)].minPlayers);
        if (!t.seats[i].taken() && !seat.bot) {
            if (count >= minimum)
                continue;
            ++count;
        }
        const int index = static_cast<int>(setup2.seats.size());
        for (std::uint64_t id : t.seats[i].people) {
            if (Person* p = personById(id)) {
                p->seat = index;
                if (Connection* c = connectionById(p->connection); c && c->seat != index) {
                    c->seat = index;
                    c->seatMoved = true;
                }
            }
        }
        setup2.seats.push_back(seat);
        seats2.push_back(t.seats[i]);
    }
    t.setup = std::move(setup2);
    t.seats = std::move(seats2);
}

bool Host::Impl::startRoom(bool fillWithBots) {
    if (roomStarted)
        return true;
    if (tables.empty()) {
        if (!fillWithBots && people.empty())
            return false;
        addTables(tablesForPeople(static_cast<int>(people.size()), seatsPerTable(), teamSize()));
    }
    if (std::any_of(people.begin(), people.end(), [](const Person& p) { return p.table < 0; }))
        deal(DealMode::KeepTogether);
    if (!config.room.emptySeatsToBots) {
        for (auto& t : tables)
            if (!t->game)
                leaveEmptySeatsOut(*t);
    } else if (!fillWithBots) {
        for (const auto& t : tables)
            if (!t->game && !t->allSeatsTaken())
                return false;
    }
    bool all = true;
    for (auto& t : tables) {
        all = t->startSession(true) && all;
        // Seats that moved up when the empty ones left: their players learn
        // their seat's new number.
        for (auto& c : t->connections)
            if (c->seatMoved && t->game) {
                c->seatMoved = false;
                t->sendWelcome(*c);
            }
    }
    roomStarted = all;
    // Anyone still waiting (the room was full) hears that there is no seat.
    if (all)
        for (auto& c : connections)
            if (c->helloDone && c->table < 0 && !c->closing && !c->dead)
                closeWith(*c, "bye", reason::kNoFreeSeat);
    return all;
}

// The room's clock: when one table's phase ends (its time, or everyone
// done), every table still in that phase gets the facilitator's Advance, so
// all tables are in the same phase.
void Host::Impl::keepInStep() {
    if (!config.room.inStep || !roomStarted)
        return;
    int lowest = -1;
    int highest = -1;
    for (const auto& t : tables) {
        if (!t->game || t->ended())
            continue;
        const int phase = t->game->state().phase;
        lowest = lowest < 0 ? phase : std::min(lowest, phase);
        highest = std::max(highest, phase);
    }
    if (stepPhase < 0)
        stepPhase = lowest;
    if (highest <= stepPhase)
        return;
    for (auto& t : tables) {
        if (!t->game || t->ended())
            continue;
        Action advance;
        advance.type = ActionType::Advance;
        advance.seat = kFacilitator;
        while (!t->ended() && t->game->state().phase < highest && t->submit(advance))
            ;
    }
    stepPhase = highest;
}

bool Host::Impl::anyStoppedForDisk() const {
    return std::any_of(tables.begin(), tables.end(),
                       [](const auto& t) { return t->stoppedForDisk(); });
}

} // namespace samenspel::net
