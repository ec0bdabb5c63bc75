// `samenspel` with no command, and `samenspel play ...`: the game window.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app.hpp"
#include "cli/commands.hpp"
#include "core/scenario.hpp"
#include "net/protocol.hpp"
#include "room_source.hpp"
#include "screens/screens.hpp"

namespace samenspel::cli {

namespace {

const char* kUsage = "usage: samenspel [play] [options]\n"
                     "  --scenario PATH     list this scenario file (or folder) in the picker;\n"
                     "                      with --autoplay: the scenario to play\n"
                     "  --lang nl|en        interface and scenario language\n"
                     "  --plain             scenario texts in plain language where written\n"
                     "  --autoplay          bots in every seat, play the whole session at speed\n"
                     "  --seed N            seed of the session (autoplay)\n"
                     "  --screenshots DIR   save a PNG of every phase and of the debrief here\n"
                     "  --log PATH          write the session log here (default: the data folder)\n"
                     "  --continue [LOG]    continue the last (or the given) unfinished session\n"
                     "  --fullscreen        start in fullscreen (F11 toggles)\n"
                     "  --scale X           UI scale, 0.6 .. 3 (Ctrl+= / Ctrl+- change it)\n"
                     "  --size WxH          initial window size (default: as you left it if\n"
                     "                      it fits the screen, else up to 1600x900)\n"
                     "  --max-seconds S     give up with exit code 3 after S seconds\n"
                     "  --freeze-after-actions N   (tests) stop the session after N actions\n"
                     "  --bench-frames N    (benchmark) once frozen, time N frames and quit\n"
                     "  --first-frame-exit  (benchmark) quit after the first frame\n"
                     "  --bench-idle S      (benchmark) with --scenario: a table of people\n"
                     "                      nobody touches; CPU use over S seconds\n"
                     "  --trace-ui          (tests) print the screen and named buttons\n"
                     "Networked play in the window (docs/network.md):\n"
                     "  --host FILE         host scenario FILE: the projector's join screen,\n"
                     "                      then its table with the facilitator panel\n"
                     "  --port P            port to host on (default 7531; 0 picks a free one,\n"
                     "                      printed as 'hosting: port=P code=C log=L')\n"
                     "  --code C            the session code (host: default from the seed)\n"
                     "  --bind ADDR         host on this address only (default: all)\n"
                     "  --bots-fill         host: tick 'fill empty seats with bots'\n"
                     "  --bots-after N      host: start once N people took a seat, bots in\n"
                     "                      the other seats\n"
                     "  --clock-speed X     host: the session clock runs X times as fast\n"
                     "  --tables N          host: a room of N tables of the scenario (1 to 50);\n"
                     "                      the facilitator's dashboard once it starts\n"
                     "  --team-size K       host: up to K people share a role as a team (1 to 4)\n"
                     "  --in-step           host: a room's tables move to the next phase together\n"
                     "  --join HOST:PORT    join a hosted session (with --code)\n"
                     "  --name N            join: your name at the table\n"
                     "  --seat ROLE         join: the role you want (its id)\n"
                     "  With --autoplay a host starts as soon as a player joined (bots in\n"
                     "  the other seats), a joined window's seat is played by a bot; each\n"
                     "  window saves a PNG per phase and of the debrief, writes the report\n"
                     "  beside its log (a player's copy of the log) and exits 0.\n"
                     "A room of tables on this machine (rehearsing a workshop):\n"
                     "  --room-demo FILE    the facilitator's room dashboard over tables of\n"
                     "                      bots playing scenario FILE (with --clock-speed)\n"
                     "  --tables N          how many tables, 1 to 50 (default 3)\n";

// --host / --join and their companions, until they become the first screen.
struct NetOptions {
    bool host = false, join = false, portGiven = false, botsFill = false;
    HostLaunch hostLaunch;
    JoinLaunch joinLaunch;
};

// One networked option at args[i]; false when it is not one. `ok` turns
// false (with a message) for a bad value.
bool parseNetOption(const Args& args, std::size_t& i, NetOptions& n, bool& ok) {
    const std::string& a = args[i];
    const auto value = [&](std::string& out) {
        if (takeValue(args, i, out))
            return true;
        std::fprintf(stderr, "samenspel: %s needs a value\n", a.c_str());
        return ok = false;
    };
    double number = 0;
    std::string v;
    if (a == "--host") {
        n.host = value(n.hostLaunch.scenarioFile);
    } else if (a == "--join") {
        n.join = value(n.joinLaunch.address);
    } else if (a == "--port") {
        if (value(v) && (!parseNumber(v, number) || number < 0 || number > 65535)) {
            std::fprintf(stderr, "samenspel: --port needs a number from 0 to 65535\n");
            ok = false;
        }
        n.hostLaunch.port = static_cast<unsigned short>(number);
        n.portGiven = true;
    } else if (a == "--code") {
        if (value(v))
            n.hostLaunch.code = n.joinLaunch.code = v;
    } else if (a == "--bind") {
        value(n.hostLaunch.bindAddress);
    } else if (a == "--bots-fill") {
        n.hostLaunch.botsFill = true;
    } else if (a == "--bots-after") {
        if (value(v) && (!parseNumber(v, number) || number < 1 || number > 64)) {
            std::fprintf(stderr, "samenspel: --bots-after needs a number from 1 to 64\n");
            ok = false;
        }
        n.hostLaunch.botsAfter = static_cast<int>(number);
    } else if (a == "--clock-speed") {
        if (value(v) && (!parseNumber(v, number) || number < 0.1 || number > 1000)) {
            std::fprintf(stderr, "samenspel: --clock-speed needs a number from 0.1 to 1000\n");
            ok = false;
        }
        n.hostLaunch.clockSpeed = number;
    } else if (a == "--in-step") {
        n.hostLaunch.inStep = true;
    } else if (a == "--team-size") {
        if (value(v) && (!parseNumber(v, number) || number < 1 || number > 4 ||
                         number != static_cast<int>(number))) {
            std::fprintf(stderr, "samenspel: --team-size needs a whole number from 1 to 4\n");
            ok = false;
        }
        n.hostLaunch.teamSize = static_cast<int>(number);
    } else if (a == "--name") {
        value(n.joinLaunch.name);
    } else if (a == "--seat") {
        value(n.joinLaunch.seat);
    } else {
        return false;
    }
    return true;
}

// The networked options make sense together, and pick the first screen.
bool applyNetOptions(NetOptions& n, LaunchOptions& o) {
    if (n.host && n.join) {
        std::fprintf(stderr, "samenspel: --host and --join cannot go together\n");
        return false;
    }
    if (n.join) {
        unsigned short port = 0;
        std::string address;
        if (!net::splitHostPort(n.joinLaunch.address, address, port)) {
            std::fprintf(stderr, "samenspel: --join needs HOST:PORT, like 192.168.1.20:7531\n");
            return false;
        }
        if (n.joinLaunch.code.empty()) {
            std::fprintf(stderr, "samenspel: --join needs --code (the words the host shows)\n");
            return false;
        }
        o.firstScreen = [launch = n.joinLaunch](App& app) { return makeJoinScreen(app, launch); };
    } else if (n.host) {
        o.firstScreen = [launch = n.hostLaunch](App& app) { return makeHostScreen(app, launch); };
    } else if (n.portGiven || !n.hostLaunch.code.empty() || n.hostLaunch.botsFill ||
               n.hostLaunch.botsAfter > 0 || n.hostLaunch.clockSpeed != 1.0 ||
               !n.joinLaunch.name.empty() || !n.joinLaunch.seat.empty()) {
        std::fprintf(
            stderr,
            "samenspel: --port, --code, --bots-fill, --bots-after, --clock-speed, --name and "
            "--seat go with "
            "--host FILE or --join HOST:PORT\n");
        return false;
    }
    return true;
}

// --room-demo and --tables: a local room of bot tables on the dashboard.
struct RoomDemo {
    std::string file;
    int tables = 3;
    bool tablesGiven = false;
};

bool parseRoomOption(const Args& args, std::size_t& i, RoomDemo& room, bool& ok) {
    const std::string& a = args[i];
    std::string v;
    double number = 0;
    if (a == "--room-demo") {
        if (!takeValue(args, i, room.file)) {
            std::fprintf(stderr, "samenspel: --room-demo needs a scenario file\n");
            ok = false;
        }
    } else if (a == "--tables") {
        // 50: the most tables a room holds (a hosted room's limit too).
        if (!takeValue(args, i, v) || !parseNumber(v, number) || number < 1 || number > 50 ||
            number != static_cast<int>(number)) {
            std::fprintf(stderr, "samenspel: --tables needs a whole number from 1 to 50\n");
            ok = false;
        }
        room.tables = static_cast<int>(number);
        room.tablesGiven = true;
    } else {
        return false;
    }
    return true;
}

// The room's scenario is read here, so a bad file fails before a window opens.
bool applyRoomOptions(const RoomDemo& room, NetOptions& net, LaunchOptions& o) {
    if (room.file.empty()) {
        // A hosted room: the host screen opens it with this many tables.
        if (room.tablesGiven && net.host) {
            net.hostLaunch.tables = room.tables;
            return true;
        }
        if (room.tablesGiven)
            std::fprintf(stderr, "samenspel: --tables goes with --room-demo FILE or --host FILE\n");
        return !room.tablesGiven;
    }
    if (net.host || net.join) {
        std::fprintf(stderr, "samenspel: --room-demo cannot go with --host or --join\n");
        return false;
    }
    LoadResult loaded = loadScenarioFile(room.file);
    if (!loaded.ok()) {
        for (const auto& d : loaded.errors)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return false;
    }
    auto scenario = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    const double speed = net.hostLaunch.clockSpeed;
    net.hostLaunch.clockSpeed = 1.0; // the room's, not a host's
    o.firstScreen = [scenario, speed, tables = room.tables](App& app) {
        LocalRoomOptions options;
        options.tables = tables;
        options.seed = app.options().seed;
        options.speed = speed;
        options.language = app.lang();
        std::string error;
        std::shared_ptr<RoomSource> local = makeLocalRoom(scenario, options, error);
        if (!local) {
            std::fprintf(stderr, "samenspel: %s\n", error.c_str());
            app.quit(1);
            return makeTitleScreen(app);
        }
        return makeRoomDashboardScreen(app, std::move(local));
    };
    return true;
}

// Returns false (with a message on stderr) for a bad command line.
bool parseOptions(const Args& args, LaunchOptions& o) {
    NetOptions net;
    RoomDemo room;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool ok = true;
        if (parseNetOption(args, i, net, ok) || parseRoomOption(args, i, room, ok)) {
            if (!ok)
                return false;
            continue;
        }
        auto value = [&](std::string& out) {
            if (takeValue(args, i, out))
                return true;
            std::fprintf(stderr, "samenspel: %s needs a value\n", a.c_str());
            return false;
        };
        std::string v;
        double number = 0;
        if (a == "--scenario") {
            if (!value(v))
                return false;
            o.extraScenarios.push_back(v);
        } else if (a == "--lang") {
            if (!value(v))
                return false;
            if (v != "nl" && v != "en") {
                std::fprintf(stderr, "samenspel: --lang must be nl or en\n");
                return false;
            }
            o.lang = v;
        } else if (a == "--plain") {
            o.plainLanguage = true;
        } else if (a == "--autoplay") {
            o.autoplay = true;
        } else if (a == "--seed") {
            unsigned long long seed = 0;
            if (!value(v) || !parseCount(v, ~0ull, seed)) {
                std::fprintf(stderr, "samenspel: --seed needs an unsigned whole number\n");
                return false;
            }
            o.seed = seed;
            o.seedGiven = true;
        } else if (a == "--screenshots") {
            if (!value(o.screenshotDir))
                return false;
        } else if (a == "--log") {
            if (!value(o.logPath))
                return false;
        } else if (a == "--continue") {
            o.continueLast = true;
            if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0)
                o.logPath = args[++i];
        } else if (a == "--fullscreen") {
            o.fullscreen = true;
        } else if (a == "--scale") {
            if (!value(v) || !parseNumber(v, number) || number < 0.6 || number > 3) {
                std::fprintf(stderr, "samenspel: --scale needs a number from 0.6 to 3\n");
                return false;
            }
            o.scale = static_cast<float>(number);
        } else if (a == "--size") {
            if (!value(v) || std::sscanf(v.c_str(), "%dx%d", &o.width, &o.height) != 2 ||
                o.width < 320 || o.height < 240) {
                std::fprintf(stderr, "samenspel: --size needs WIDTHxHEIGHT, e.g. 1600x900\n");
                return false;
            }
        } else if (a == "--max-seconds") {
            if (!value(v) || !parseNumber(v, number) || number <= 0) {
                std::fprintf(stderr, "samenspel: --max-seconds needs a positive number\n");
                return false;
            }
            o.maxSeconds = number;
        } else if (a == "--freeze-after-actions") {
            if (!value(v) || !parseNumber(v, number) || number < 1) {
                std::fprintf(stderr, "samenspel: --freeze-after-actions needs a positive number\n");
                return false;
            }
            o.freezeAfterActions = static_cast<std::uint64_t>(number);
        } else if (a == "--bench-frames") {
            if (!value(v) || !parseNumber(v, number) || number < 1) {
                std::fprintf(stderr, "samenspel: --bench-frames needs a positive number\n");
                return false;
            }
            o.benchFrames = static_cast<int>(number);
        } else if (a == "--bench-idle") {
            if (!value(v) || !parseNumber(v, number) || number <= 0 || o.extraScenarios.empty()) {
                std::fprintf(stderr, "samenspel: --bench-idle needs --scenario FILE and seconds\n");
                return false;
            }
            o.benchIdleSeconds = number;
        } else if (a == "--first-frame-exit") {
            o.firstFrameExit = true;
        } else if (a == "--trace-ui") {
            o.traceUi = true;
        } else if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            std::exit(kExitOk);
        } else {
            std::fprintf(stderr, "samenspel: unknown option '%s'\n%s", a.c_str(), kUsage);
            return false;
        }
    }
    if (!applyRoomOptions(room, net, o) || !applyNetOptions(net, o))
        return false;
    if (o.autoplay && !o.continueLast && !o.firstScreen && o.extraScenarios.size() != 1) {
        std::fprintf(stderr, "samenspel: --autoplay needs exactly one --scenario FILE\n");
        return false;
    }
    return true;
}

} // namespace

int runGame(const Args& args) {
    LaunchOptions options;
    if (!parseOptions(args, options))
        return kExitBadInput;
    App app(std::move(options));
    return app.run();
}

} // namespace samenspel::cli
