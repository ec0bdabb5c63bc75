// `samenspel host FILE --port P ...`: hosts a session on the local network.
// The facilitator's machine is the authority: it keeps the game and its log,
// and players join from their own laptops (`samenspel join`, or Join in the
// game, or a phone's browser through the QR code it prints). Headless it runs
// in a terminal, for servers, tests and load.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <unistd.h>

#include "cli/commands.hpp"
#include "core/limits.hpp"
#include "core/log.hpp"
#include "core/scenario.hpp"
#include "core/session_files.hpp"
#include "i18n.hpp"
#include "net/addresses.hpp"
#include "net/host.hpp"
#include "net/protocol.hpp"
#include "net/qr.hpp"
#include "report.hpp"
#include "room_report.hpp"
#include "session_archive.hpp"
#include "sound_cues.hpp"
#include "table_link.hpp"

namespace samenspel::cli {

namespace {

volatile std::sig_atomic_t gStop = 0;
void onSignal(int) {
    gStop = 1;
}

constexpr unsigned short kDefaultPort = 7531;

const char* kUsage =
    "usage: samenspel host FILE [--port P] [--code C] [--headless] [--bots-fill]\n"
    "                      [--log PATH] [--max-seconds T] [--players N] [--bind ADDR]\n"
    "                      [--seed S] [--lang nl|en] [--plain] [--mute] [--no-qr]\n"
    "                      [--bots-after N] [--clock-speed X] [--group LABEL]\n"
    "                      [--tables N] [--team-size K] [--in-step]\n"
    "Hosts a session of scenario FILE on this machine (TCP port P, default 7531),\n"
    "or a room of several tables that each play it.\n"
    "Players join by scanning the QR code it prints with a phone, by opening\n"
    "http://ADDRESS:P in a browser and typing the code, or with\n"
    "samenspel join ADDRESS:P --code C (or Join in the game).\n"
    "  --code C        session code (three words); default: made from the seed\n"
    "  --headless      no window: run in this terminal until the debrief\n"
    "  --bots-fill     start at once, bots in every seat nobody took\n"
    "  --bots-after N  start once N people took a seat, bots in the other seats\n"
    "  --clock-speed X the session clock runs X times as fast (tests, rehearsals)\n"
    "  --log PATH      session log; an existing log is resumed (default:\n"
    "                  ./<yyyymmdd-hhmmss>-<scenario>.log)\n"
    "  --max-seconds T give up after T seconds (exit code 3)\n"
    "  --players N     seats for N players over the roles (default: one per role);\n"
    "                  more than one table holds: the room gets as many tables\n"
    "                  as it needs, and says how it seats them\n"
    "  --tables N      a room of N tables (1-50), each its own session and log\n"
    "                  (<log>-tafel-1.log, ...); table n plays seed S + n - 1\n"
    "  --team-size K   up to K people share a seat as a team (1-4)\n"
    "  --in-step       all tables move to the next phase together\n"
    "  --bind ADDR     listen on this address only (default: all)\n"
    "  --group LABEL   who plays, for the archive (\"Raad Vianen, 12 maart\")\n"
    "  --plain         phones show the scenario's texts in plain language (B1)\n"
    "                  where it has them\n"
    "  --mute          no chime when a phase ends or an event is announced\n"
    "  --no-qr         do not print the join QR code (it is printed black on\n"
    "                  white; set NO_COLOR for the characters alone)\n"
    "Exit codes: 0 session ended, 1 failure, 2 bad input, 3 --max-seconds ran out.\n";

struct HostArgs {
    std::string file;
    net::HostConfig config;
    bool tablesGiven = false;
    std::string logPath;
    double maxSeconds = 0;
    int players = 0;
    int botsAfter = 0;
    std::uint64_t seed = 0;
    bool seedGiven = false;
    std::string lang = "nl";
    std::string group;
    bool headless = false;
    bool mute = false;
    bool qr = true;
};

// Returns an exit code when parsing ends the command, -1 to go on.
int parseArgs(const Args& args, HostArgs& h) {
    h.config.port = kDefaultPort;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto next = [&](std::string& out) { return takeValue(args, i, out); };
        std::string v;
        double n = 0;
        unsigned long long seed = 0;
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return kExitOk;
        } else if (a == "--headless") {
            h.headless = true;
        } else if (a == "--mute") {
            h.mute = true;
        } else if (a == "--no-qr") {
            h.qr = false;
        } else if (a == "--bots-fill") {
            h.config.botsFill = true;
        } else if (a == "--port" && next(v) && parseNumber(v, n) && n >= 0 && n <= 65535) {
            h.config.port = static_cast<unsigned short>(n);
        } else if (a == "--code" && next(v) && !net::normalizeSessionCode(v).empty()) {
            h.config.code = v;
        } else if (a == "--log" && next(v)) {
            h.logPath = v;
        } else if (a == "--max-seconds" && next(v) && parseNumber(v, n) && n > 0) {
            h.maxSeconds = n;
        } else if (a == "--players" && next(v) && parseNumber(v, n) && n >= 1 && n <= 1000) {
            h.players = static_cast<int>(n);
        } else if (a == "--tables" && next(v) && parseNumber(v, n) && n >= 1 &&
                   n <= net::kMaxTables) {
            h.config.room.tables = static_cast<int>(n);
            h.tablesGiven = true;
        } else if (a == "--team-size" && next(v) && parseNumber(v, n) && n >= 1 &&
                   n <= limits::kMaxTeamSize) {
            h.config.room.teamSize = static_cast<int>(n);
        } else if (a == "--in-step") {
            h.config.room.inStep = true;
        } else if (a == "--plain") {
            h.config.plainLanguage = true;
        } else if (a == "--bots-after" && next(v) && parseNumber(v, n) && n >= 1 && n <= 1000) {
            h.botsAfter = static_cast<int>(n);
        } else if (a == "--clock-speed" && next(v) && parseNumber(v, n) && n > 0 && n <= 1000) {
            h.config.clockSpeed = n;
        } else if (a == "--bind" && next(v)) {
            h.config.bindAddress = v;
        } else if (a == "--seed" && next(v) && parseCount(v, ~0ull, seed)) {
            h.seed = seed;
            h.seedGiven = true;
        } else if (a == "--group" && next(v)) {
            h.group = v;
        } else if (a == "--lang" && next(v) && (v == "nl" || v == "en")) {
            h.lang = v;
        } else if (!a.empty() && a[0] != '-' && h.file.empty()) {
            h.file = a;
        } else {
            std::fprintf(stderr, "samenspel host: bad or incomplete option '%s'\n\n%s", a.c_str(),
                         kUsage);
            return kExitBadInput;
        }
    }
    return -1;
}

// Dark on light whatever the terminal's colours, unless the output is not a
// terminal or the person asked for no colours (https://no-color.org).
bool colourTerminal() {
    const char* term = std::getenv("TERM");
    const char* noColour = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(noColour && *noColour) &&
           !(term && std::string(term) == "dumb");
}

// The first address is the best guess (the local network's): the QR code
// holds that one, the others are listed to type.
void printJoinQr(const net::Host& host, const std::string& address) {
    const net::QrMatrix qr = net::encodeQr(net::joinUrl(address, host.port(), host.code()));
    if (qr.empty())
        return;
    std::printf("\n%s\n", net::qrHalfBlocks(qr, colourTerminal()).c_str());
    std::printf("  Scan the code with a phone's camera, or open %s in a browser\n"
                "  and type the code %s.\n\n",
                net::pageAddress(address, host.port()).c_str(), host.code().c_str());
}

void printWelcome(const net::Host& host, const HostArgs& h) {
    std::printf("Samenspel host: %s\n", host.scenario().title.get("en").c_str());
    std::printf("  session code: %s\n", host.code().c_str());
    if (host.tableCount() > 1)
        std::printf("  port: %u    %d tables, logs: %s ... %s\n", host.port(), host.tableCount(),
                    host.table(0).logPath.c_str(),
                    host.table(host.tableCount() - 1).logPath.c_str());
    else
        std::printf("  port: %u    log: %s\n", host.port(), host.logPath().c_str());
    const auto addresses = net::reachableAddresses(h.config.bindAddress);
    if (addresses.empty())
        std::printf("  join on this machine: samenspel join 127.0.0.1:%u --code %s\n", host.port(),
                    host.code().c_str());
    for (const std::string& a : addresses) {
        std::printf("  phone: %s\n", net::joinUrl(a, host.port(), host.code()).c_str());
        std::printf("  join: samenspel join %s:%u --code %s\n", a.c_str(), host.port(),
                    host.code().c_str());
    }
    if (h.qr && !addresses.empty())
        printJoinQr(host, addresses.front());
    std::fflush(stdout);
}

// Each table's session report beside its log, as after a local session.
void writeReports(const net::Host& host) {
    for (int t = 0; t < host.tableCount(); ++t) {
        const net::TableStatus table = host.table(t);
        if (!table.game)
            continue;
        const Game& game = *table.game;
        const std::string lang = game.setup().language.empty() ? "nl" : game.setup().language;
        Catalog catalog;
        std::vector<std::string> problems;
        catalog.load(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", lang, problems);
        const std::string path = SessionFiles::report(table.logPath);
        std::string error;
        if (writeSessionReport(
                game, lang, [&](const std::string& key) { return catalog.tr(key); }, path, error))
            std::printf("Session report: %s\n", path.c_str());
        else
            std::fprintf(stderr, "samenspel host: no session report: %s\n", error.c_str());
    }
}

// A room: the plenary of its tables as one page beside the room's log
// ("<log stem>-zaal.html"), linking each table's own report (written too).
bool writeRoomReportOf(const net::Host& host, const std::string& lang) {
    std::vector<std::string> logs;
    for (int t = 0; t < host.tableCount(); ++t)
        logs.push_back(host.table(t).logPath);
    const std::filesystem::path roomLog(host.logPath());
    const std::string out =
        (roomLog.parent_path() / (roomLog.stem().string() + "-zaal.html")).string();
    std::string error;
    if (!writeRoomReport(logs, out, lang, error)) {
        std::fprintf(stderr, "samenspel host: no room report: %s\n", error.c_str());
        return false;
    }
    std::printf("Room report: %s\n", out.c_str());
    return true;
}

// Every finished session (each table of a room) goes into the facilitator's
// archive; a failure there is said and changes nothing else.
void archive(const net::Host& host) {
    for (int t = 0; t < host.tableCount(); ++t) {
        const net::TableStatus table = host.table(t);
        if (!table.game)
            continue;
        if (const std::int64_t n =
                archiveFinishedSession(*table.game, table.logPath, "samenspel host"))
            std::printf("Archived %sas session %lld (samenspel archive show %lld)\n",
                        host.tableCount() > 1 ? ("table " + std::to_string(t + 1) + " ").c_str()
                                              : "",
                        static_cast<long long>(n), static_cast<long long>(n));
    }
}

// What the room hears, also in words for the facilitator's terminal.
void printEvents(const TableLink& link, const std::vector<LinkEvent>& events,
                 const std::string& lang) {
    if (events.empty())
        return;
    const Game& game = link.game();
    const Scenario& sc = game.scenario();
    std::size_t announcement = game.state().announcements.size();
    for (const LinkEvent& e : events)
        announcement -= e.kind == LinkEvent::Kind::Announcement ? 1 : 0;
    for (const LinkEvent& e : events) {
        if (e.kind == LinkEvent::Kind::PhaseChanged && e.phase < static_cast<int>(sc.phases.size()))
            std::printf("  phase %d of %zu: %s\n", e.phase + 1, sc.phases.size(),
                        phaseId(sc.phases[static_cast<std::size_t>(e.phase)].kind));
        if (e.kind == LinkEvent::Kind::Announcement) {
            const int ev = game.state().announcements[announcement++].event;
            if (ev >= 0 && ev < static_cast<int>(sc.events.size()))
                std::printf("  event: %s\n",
                            sc.events[static_cast<std::size_t>(ev)].title.get(lang).c_str());
        }
    }
    std::fflush(stdout);
}

void printEnd(const net::Host& host) {
    for (int t = 0; t < host.tableCount(); ++t) {
        const Game* game = host.table(t).game;
        if (!game)
            continue;
        const std::string table =
            host.tableCount() > 1 ? "Table " + std::to_string(t + 1) + ": session" : "Session";
        const Decision& d = game->state().decision;
        if (d.taken)
            std::printf("%s ended: proposal %d decided%s (%llu actions)\n", table.c_str(),
                        d.proposal, d.gedragen ? ", gedragen" : "",
                        static_cast<unsigned long long>(game->state().actionCount));
        else
            std::printf("%s ended without a decision (%llu actions)\n", table.c_str(),
                        static_cast<unsigned long long>(game->state().actionCount));
    }
    std::fflush(stdout);
}

// How many people a room seats: `tables` tables of the seats for `players`
// (each seat a team of `teamSize`). Without --tables, a crowd bigger than
// one table gets as many tables as it needs; said on the terminal, so 30
// people never silently get 13 seats.
SessionSetup planRoom(const Scenario& scenario, HostArgs& h) {
    const int team = h.config.room.teamSize;
    const int players = h.players;
    if (players <= 0)
        return net::setupForPlayers(scenario, 0, h.seed);
    int maxSeats = 0;
    for (const Role& r : scenario.roles)
        maxSeats += r.maxPlayers;
    int tables = h.config.room.tables;
    if (!h.tablesGiven)
        tables = net::tablesForPeople(players, maxSeats, team);
    const int seatsWanted = (players + tables * team - 1) / (tables * team);
    SessionSetup setup = net::setupForPlayers(scenario, seatsWanted, h.seed);
    h.config.room.tables = tables;
    const int places = tables * static_cast<int>(setup.seats.size()) * team;
    std::printf("%d people: %d table%s of %zu seats%s (%d places)\n", players, tables,
                tables == 1 ? "" : "s", setup.seats.size(),
                team > 1 ? (", teams of up to " + std::to_string(team)).c_str() : "", places);
    if (places < players)
        std::printf("  %d people will not have a place: a table of this scenario has at most %d "
                    "seats; use --tables %d or --team-size %d\n",
                    players - places, maxSeats, net::tablesForPeople(players, maxSeats, team),
                    std::min(limits::kMaxTeamSize, team + 1));
    return setup;
}

std::unique_ptr<net::Host> openHost(HostArgs& h, std::string& error, int& code) {
    code = kExitFailure;
    if (!h.logPath.empty() && std::filesystem::exists(h.logPath)) {
        std::printf("Resuming the session in %s\n", h.logPath.c_str());
        auto host = net::Host::resume(h.logPath, h.config, error);
        if (host)
            for (const Diagnostic& d : host->resumeNotes())
                std::fprintf(stderr, "%s\n", d.format().c_str());
        return host;
    }
    if (h.file.empty()) {
        error = "no scenario FILE given";
        code = kExitBadInput;
        return nullptr;
    }
    LoadResult loaded = loadScenarioFile(h.file);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.errors)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        error = "the scenario could not be loaded";
        code = kExitBadInput;
        return nullptr;
    }
    auto scenario = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    if (!h.seedGiven)
        h.seed =
            static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    SessionSetup setup = planRoom(*scenario, h);
    setup.language = h.lang;
    setup.group = h.group;
    if (h.logPath.empty())
        h.logPath = newLogPath(".", scenario->id); // in the folder the host runs in
    // A room's tables resume one by one: a new room never writes over them.
    for (int t = 0; t < h.config.room.tables; ++t) {
        const std::string table = net::tableLogPath(h.logPath, t, h.config.room.tables);
        if (std::filesystem::exists(table)) {
            error = "the log " + table + " exists; resume a table of a room with --log " + table +
                    ", or give the new room another --log";
            code = kExitBadInput;
            return nullptr;
        }
    }
    return net::Host::create(scenario, setup, h.logPath, h.config, error);
}

} // namespace

int runHost(const Args& args) {
    HostArgs h;
    if (int code = parseArgs(args, h); code >= 0)
        return code;
    if (!h.headless)
        std::fprintf(stderr, "samenspel host: running in this terminal; the window host is "
                             "under 'Host a session' on the title screen\n");
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    std::string error;
    int failCode = kExitFailure;
    std::unique_ptr<net::Host> opened = openHost(h, error, failCode);
    if (!opened) {
        std::fprintf(stderr, "samenspel host: %s\n", error.c_str());
        return failCode;
    }
    // The same link the game window holds: its events become the chimes the
    // room hears and the lines the facilitator reads.
    const std::shared_ptr<TableLink> link = makeHostLink(std::move(opened));
    net::Host* host = hostOf(*link);
    SoundCues cues(&makeChimeSpeaker);
    cues.setMuted(h.mute);
    host->onNotice = [](const std::string& line) {
        std::printf("  %s\n", line.c_str());
        std::fflush(stdout);
    };
    printWelcome(*host, h);

    const auto begin = std::chrono::steady_clock::now();
    while (!gStop) {
        host->poll(0.01); // waits for the network up to 10 ms
        if (h.botsAfter > 0 && !host->started()) {
            int people = static_cast<int>(host->waiting().size());
            for (int t = 0; t < host->tableCount(); ++t)
                for (const net::SeatStatus& s : host->table(t).seats)
                    people += static_cast<int>(s.people.size());
            if (people >= h.botsAfter)
                host->start(true);
        }
        link->poll();
        const std::vector<LinkEvent> events = link->takeEvents();
        printEvents(*link, events, h.lang);
        cues.hear(events);
        if (!host->diskError().empty()) {
            std::fprintf(stderr, "samenspel host: %s\n", host->diskError().c_str());
            host->shutdown(1.0);
            return kExitFailure;
        }
        if (host->finished()) {
            host->shutdown(3.0);
            printEnd(*host);
            std::printf("Heard: %d phase chimes, %d event signals%s\n", cues.phaseEndsHeard(),
                        cues.eventsHeard(), cues.muted() ? " (muted)" : "");
            archive(*host);
            if (host->tableCount() == 1) {
                writeReports(*host);
                return kExitOk;
            }
            std::printf("The room's %d table logs:\n", host->tableCount());
            for (int t = 0; t < host->tableCount(); ++t)
                std::printf("  %s\n", host->table(t).logPath.c_str());
            return writeRoomReportOf(*host, h.lang) ? kExitOk : kExitFailure;
        }
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        if (h.maxSeconds > 0 && elapsed > h.maxSeconds) {
            std::fprintf(stderr,
                         "samenspel host: --max-seconds %.0f ran out; the log can be resumed "
                         "with --log %s\n",
                         h.maxSeconds, host->logPath().c_str());
            host->shutdown(1.0);
            return kExitTimeout;
        }
    }
    std::fprintf(stderr, "samenspel host: stopped; resume with --log %s\n",
                 host->logPath().c_str());
    host->shutdown(1.0);
    return kExitFailure;
}

} // namespace samenspel::cli
