// The facilitator's host screen: pick a scenario, open the session on the
// local network, and show the room (projector size) a large QR code of the
// join address to scan with a phone, the address to type and the session
// code, and the seats as people join (who is here, who is away), with "fill
// empty seats with bots" and the start button. Once started, the
// projector's table (public board, countdown, seats with presence, the
// facilitator panel) takes over, and after it the debrief.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <cstdio>

#include "core/limits.hpp"
#include "core/session_files.hpp"
#include "net/addresses.hpp"
#include "net/host.hpp"
#include "room_source.hpp"
#include "screens/join_code.hpp"
#include "screens/screens.hpp"
#include "session.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace {

struct Choice {
    std::shared_ptr<const Scenario> scenario;
    std::string path;
};

class HostScreen final : public Screen {
  public:
    HostScreen() = default;
    explicit HostScreen(HostLaunch launch) : launch_(std::move(launch)) {
        fillWithBots_ = launch_->botsFill;
        tables_ = launch_->tables;
        teamSize_ = launch_->teamSize;
        inStep_ = launch_->inStep;
    }

    void onOpen(App& app) override {
        if (launch_ && !link_ && !tried_) {
            tried_ = true;
            openFromLaunch(app);
            return;
        }
        if (!choices_.empty() || launch_)
            return;
        std::error_code ec;
        std::vector<std::string> files;
        for (const auto& e : std::filesystem::directory_iterator(app.sourceDir() / "scenarios", ec))
            if (e.path().extension() == ".yaml")
                files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        for (const std::string& f : files) {
            LoadResult r = loadScenarioFile(f);
            if (r.ok())
                choices_.push_back({std::make_shared<const Scenario>(std::move(*r.scenario)), f});
        }
    }

    void update(App& app, double) override {
        if (!link_)
            return;
        net::Host& host = *hostOf(*link_);
        // Nobody presses start in a test run: a player is enough, or as many as
        // --bots-after asks for (the browser test waits for its phones).
        const int startAt = launch_ && launch_->botsAfter > 0 ? launch_->botsAfter
                            : app.options().autoplay          ? 1
                                                              : 0;
        if (!host.started() && startAt > 0 && seatedPeople(host) >= startAt)
            host.start(true);
        if (!host.started())
            return;
        // A room of tables goes to the facilitator's dashboard; one table to
        // the projector's board, as always.
        if (host.tableCount() > 1) {
            std::shared_ptr<RoomSource> room = makeHostedRoom(link_);
            app.setRoom(room);
            app.replace(makeRoomDashboardScreen(app, room));
            return;
        }
        app.replace(makeTableScreen(app, link_, join_));
    }

    void draw(App& app) override {
        ui::beginScreenWindow("##host", app.theme());
        if (!link_)
            drawPick(app);
        else
            drawHosting(app);
        ui::endScreenWindow();
    }

    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key == sf::Keyboard::Escape && !link_) {
            app.pop();
            return true;
        }
        return false;
    }

    const char* name() const override { return "host"; }

  private:
    // People here and seated, at every table of the room.
    static int seatedPeople(const net::Host& host) {
        int n = 0;
        for (int t = 0; t < host.tableCount(); ++t)
            for (const net::SeatStatus& seat : host.table(t).seats)
                for (const net::PersonStatus& person : seat.people)
                    n += person.connected && !seat.bot ? 1 : 0;
        return n;
    }

    // Every seat of every table holds someone (a team needs one member).
    static bool everySeatTaken(const net::Host& host) {
        for (int t = 0; t < host.tableCount(); ++t)
            for (const net::SeatStatus& seat : host.table(t).seats)
                if (!seat.taken && !seat.bot)
                    return false;
        return host.tableCount() > 0;
    }

    // The scenarios on the left (they scroll when many), the room's choices
    // and the buttons on the right, so both fit a 1280x720 projector.
    void drawPick(App& app) {
        const float s = app.uiScale();
        ui::textInFont(app.fonts().title, app.tr("net.host.pick"));
        ui::gap(2, s);
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const float listW = std::max(avail.x * 0.5f, 20 * app.unit());
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::withAlpha(app.theme().background, 0.0f));
        ImGui::BeginChild("##pick_list", ImVec2(listW, avail.y), false);
        for (std::size_t i = 0; i < choices_.size(); ++i) {
            const Scenario& sc = *choices_[i].scenario;
            if (ImGui::RadioButton(ui::labelWithId(app.text(sc.title), sc.id).c_str(),
                                   picked_ == static_cast<int>(i)))
                picked_ = static_cast<int>(i);
        }
        ImGui::EndChild();
        ImGui::SameLine(0, 3 * app.unit());
        ImGui::BeginChild("##pick_options", ImVec2(0, avail.y), false);
        drawPickOptions(app);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }

    void drawPickOptions(App& app) {
        const float s = app.uiScale();
        ImGui::SetNextItemWidth(200 * s);
        ImGui::InputInt(app.tr("net.host.port").c_str(), &port_);
        port_ = std::clamp(port_, 1, 65535);
        // A room: several tables of the same case, and teams that share a
        // role when the group is larger than the seats.
        ImGui::SetNextItemWidth(200 * s);
        ImGui::InputInt(app.tr("net.host.tables").c_str(), &tables_);
        tables_ = std::clamp(tables_, 1, net::kMaxTables);
        app.traceItem("host.tables");
        ImGui::SetNextItemWidth(200 * s);
        ImGui::InputInt(app.tr("net.host.team_size").c_str(), &teamSize_);
        teamSize_ = std::clamp(teamSize_, 1, limits::kMaxTeamSize);
        app.traceItem("host.team_size");
        if (tables_ > 1) {
            ImGui::Checkbox(app.tr("net.host.in_step").c_str(), &inStep_);
            app.traceItem("host.in_step");
        }
        ImGui::PushFont(app.fonts().small);
        ui::textWrappedColored(app.theme().textMuted, app.tr("net.host.room_hint"));
        ImGui::PopFont();
        ui::gap(2, s);
        if (ui::buttonIf(picked_ >= 0, app.tr("net.host.open").c_str(), ImVec2(360 * s, 56 * s)))
            open(app, choices_[static_cast<std::size_t>(picked_)].scenario, HostLaunch{});
        if (ImGui::Button(app.tr("net.join.back").c_str(), ImVec2(200 * s, 56 * s)))
            app.pop();
        if (!error_.empty())
            ui::textWrappedColored(app.theme().bad, error_);
    }

    void openFromLaunch(App& app) {
        if (!launch_->resumeLog.empty()) {
            port_ = launch_->port;
            resume(app, launch_->resumeLog, *launch_);
            return;
        }
        LoadResult loaded = loadScenarioFile(launch_->scenarioFile);
        if (!loaded.ok()) {
            for (const auto& d : loaded.errors)
                std::fprintf(stderr, "%s\n", d.format().c_str());
            // The errors, with the file's path and lines, went to the
            // terminal; the projector says it in words.
            error_ = app.tr("net.host.bad_scenario");
            if (app.options().autoplay)
                app.quit(2);
            return;
        }
        port_ = launch_->port;
        open(app, std::make_shared<const Scenario>(std::move(*loaded.scenario)), *launch_);
        if (!link_ && app.options().autoplay) {
            std::fprintf(stderr, "samenspel: %s\n", error_.c_str());
            app.quit(1);
        }
    }

    void open(App& app, std::shared_ptr<const Scenario> scenario, const HostLaunch& launch) {
        SessionSetup setup = SessionSetup::defaultFor(
            *scenario, false,
            app.options().seedGiven ? app.options().seed
                                    : static_cast<std::uint64_t>(std::time(nullptr)));
        setup.language = app.lang();
        // Seats stay unnamed until a player gives a name: every screen then
        // shows the role's name in its own language (a laptop may be in English
        // while the projector is in Dutch).
        net::HostConfig config;
        // Bots act at the pace of local play, so the room can follow them. In
        // autoplay they act in rounds, so every phase is on screen for a
        // moment (the clock jumps ahead while only bots play).
        config.botPaceMs = app.options().autoplay ? 5000 : 1500;
        config.port = static_cast<unsigned short>(port_);
        config.clockSpeed = launch.clockSpeed;
        config.code = launch.code;
        config.bindAddress = launch.bindAddress;
        config.startWhenFull = false; // the facilitator presses start
        config.room.tables = std::clamp(tables_, 1, net::kMaxTables);
        config.room.teamSize = std::clamp(teamSize_, 1, limits::kMaxTeamSize);
        config.room.inStep = inStep_;
        const std::string log = app.options().logPath.empty()
                                    ? newLogPath(app.sessionsDir().string(), scenario->id)
                                    : app.options().logPath;
        std::error_code ec;
        // An existing log is a session to continue, never one to overwrite.
        if (std::filesystem::file_size(log, ec) > 0 && !ec) {
            resume(app, log, launch);
            return;
        }
        if (std::filesystem::path(log).has_parent_path())
            std::filesystem::create_directories(std::filesystem::path(log).parent_path(), ec);
        std::string error;
        std::unique_ptr<net::Host> host = net::Host::create(scenario, setup, log, config, error);
        if (!host) {
            error_ = app.tr("net.host.error_listen", std::to_string(port_), error);
            return;
        }
        showHosting(app, std::move(host), launch);
    }

    // A hosted session from its log: seats, tokens, code and clock come back,
    // and players rejoin their seats.
    void resume(App& app, const std::string& log, const HostLaunch& launch) {
        net::HostConfig config;
        config.botPaceMs = app.options().autoplay ? 5000 : 1500;
        config.port = static_cast<unsigned short>(port_);
        config.clockSpeed = launch.clockSpeed;
        config.bindAddress = launch.bindAddress;
        std::string error;
        std::unique_ptr<net::Host> host = net::Host::resume(log, config, error);
        if (!host) {
            std::fprintf(stderr, "samenspel: cannot continue the hosted session in %s: %s\n",
                         log.c_str(), error.c_str());
            error_ = app.tr("net.host.error_resume");
            return;
        }
        showHosting(app, std::move(host), launch);
    }

    void showHosting(App& app, std::unique_ptr<net::Host> host, const HostLaunch& launch) {
        const std::string log = host->logPath();
        // Scripts and tests read the port (port 0 picks a free one) and code here.
        std::printf("hosting: port=%u code=%s log=%s\n", host->port(), host->code().c_str(),
                    log.c_str());
        std::fflush(stdout);
        link_ = makeHostLink(std::move(host));
        app.setLink(link_); // the shell polls it from now on, in the lobby too
        // Listening on one address only: that is the one to type.
        const net::Host& opened = *hostOf(*link_);
        join_ =
            makeJoinCode(net::reachableAddresses(launch.bindAddress), opened.port(), opened.code());
    }

    // Beside the QR code: the same in words, for whoever cannot scan.
    void drawJoinText(App& app, float width) {
        const ui::Theme& theme = app.theme();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        if (join_.empty()) {
            ui::textWrappedColored(theme.warning, app.tr("net.host.no_address"));
            ImGui::PopTextWrapPos();
            return;
        }
        // On one line, smaller if need be (the seats below need the height),
        // but never smaller than the text under it.
        fittedText(app.fonts().heading, app.tr("net.host.scan"), width, theme.text,
                   app.fonts().regular->FontSize);
        ui::textWrappedColored(theme.textMuted, app.tr("net.host.or_go_to"));
        fittedText(app.fonts().display, join_.page, width, theme.text);
        ui::textWrappedColored(theme.textMuted, app.tr("net.host.and_type_code"));
        fittedText(app.fonts().display, join_.code, width, theme.accent);
        ImGui::PushFont(app.fonts().small);
        if (!join_.otherPages.empty()) {
            std::string others;
            for (const std::string& page : join_.otherPages)
                others += (others.empty() ? "" : ", ") + page;
            ui::textWrappedColored(theme.textMuted, app.tr("net.host.other_addresses", others));
        }
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
    }

    // A seat at `table` with room for one more person, the same role first
    // (a move keeps a person's role where it can); -1 when the table is full.
    static int seatWithRoom(const net::Host& host, int table, int role, int teamSize) {
        int any = -1;
        for (const net::SeatStatus& seat : host.table(table).seats) {
            if (seat.bot || static_cast<int>(seat.people.size()) >= teamSize)
                continue;
            if (seat.role == role)
                return seat.seat;
            if (any < 0)
                any = seat.seat;
        }
        return any;
    }

    // Before the start: a person's name with a menu of the other tables to
    // move them to (or, for someone waiting, to seat them at).
    void personMover(App& app, net::Host& host, std::uint64_t person, const std::string& name,
                     int fromTable, int role) {
        const std::string id = "##move" + std::to_string(person);
        const std::string moveTo = app.tr("net.host.move_to");
        ImGui::SetNextItemWidth(ImGui::CalcTextSize(moveTo.c_str()).x +
                                2 * ImGui::GetStyle().FramePadding.x + ImGui::GetFrameHeight());
        const bool open = ImGui::BeginCombo((name + id).c_str(), moveTo.c_str());
        app.traceItem(("host.move." + name).c_str());
        if (!open)
            return;
        for (int t = 0; t < host.tableCount(); ++t) {
            if (t == fromTable)
                continue;
            const int seat = seatWithRoom(host, t, role, teamSize_);
            if (ImGui::Selectable(app.tr("room.table", t + 1).c_str(), false,
                                  seat < 0 ? ImGuiSelectableFlags_Disabled : 0))
                host.movePerson(person, t, seat);
            app.traceItem(("host.move_to." + std::to_string(t)).c_str());
        }
        ImGui::EndCombo();
    }

    static int roleIndex(const Scenario& sc, const std::string& id) {
        for (std::size_t r = 0; r < sc.roles.size(); ++r)
            if (sc.roles[r].id == id)
                return static_cast<int>(r);
        return -1;
    }

    // A room: who waits to be given a place, with the buttons that deal them
    // over the tables (first: they need the facilitator), then per table how
    // many have a place, and who, to move them before the start.
    void drawRoomSeats(App& app) {
        const ui::Theme& theme = app.theme();
        net::Host& host = *hostOf(*link_);
        const std::vector<net::WaitingPerson> waiting = host.waiting();
        if (!waiting.empty()) {
            std::string names;
            for (const net::WaitingPerson& w : waiting)
                names += (names.empty() ? "" : ", ") + w.name;
            ui::textWrappedColored(theme.warning,
                                   app.catalog().trCount("net.host.waiting",
                                                         static_cast<long long>(waiting.size()),
                                                         std::vector<std::string>{names}));
            for (const net::WaitingPerson& w : waiting)
                personMover(app, host, w.id, w.name, -1, roleIndex(host.scenario(), w.roleWish));
            if (ImGui::Button(app.tr("net.host.deal_together").c_str()))
                host.deal(net::DealMode::KeepTogether);
            app.traceItem("host.deal_together");
            // One under the other: side by side they do not fit a 1280 screen.
            if (ImGui::Button(app.tr("net.host.deal_apart").c_str()))
                host.deal(net::DealMode::KeepApart);
            app.traceItem("host.deal_apart");
            ui::gap(1, app.uiScale());
        }

        ui::textInFont(app.fonts().heading, app.tr("net.host.tables_heading"));
        for (int t = 0; t < host.tableCount(); ++t) {
            const net::TableStatus table = host.table(t);
            int people = 0, places = 0;
            for (const net::SeatStatus& seat : table.seats) {
                people += static_cast<int>(seat.people.size());
                places += teamSize_;
            }
            const std::string line =
                app.tr("room.table", t + 1) + ": " +
                app.catalog().trCount("net.host.table_people", people,
                                      std::vector<std::string>{std::to_string(places)});
            if (people == 0 || host.started()) {
                ui::text(line);
                continue;
            }
            ImGui::SetNextItemOpen(true, ImGuiCond_Once);
            if (!ImGui::TreeNode((line + "##table" + std::to_string(t)).c_str()))
                continue;
            for (const net::SeatStatus& seat : table.seats)
                for (const net::PersonStatus& person : seat.people)
                    personMover(app, host, person.id, person.name, t, seat.role);
            ImGui::TreePop();
        }
    }

    void drawSeats(App& app) {
        const ui::Theme& theme = app.theme();
        const net::Host& host = *hostOf(*link_);
        if (host.tableCount() > 1 || !host.waiting().empty()) {
            drawRoomSeats(app);
            return;
        }
        ui::textInFont(app.fonts().heading, app.tr("net.host.seats"));
        const Scenario& sc = host.scenario();
        for (const net::SeatStatus& seat : host.seats()) {
            const std::string role = app.text(sc.roles[static_cast<std::size_t>(seat.role)].name);
            std::string state;
            ImVec4 colour = theme.textMuted;
            if (seat.bot)
                state = app.tr("net.host.seat_bot");
            else if (!seat.taken)
                state = app.tr("net.host.seat_free");
            else if (seat.connected)
                state = app.tr("net.host.seat_here"), colour = theme.good;
            else
                state = app.tr("net.host.seat_away"), colour = theme.warning;
            // A seat still carries its role's name until a player gives theirs.
            const bool ownName = !seat.name.empty() && seat.name != role;
            ui::text(role + (ownName ? " — " + seat.name : ""));
            ImGui::SameLine();
            ui::textColored(colour, "(" + state + ")");
        }
    }

    // The log could not be created (a full disk): the start did not happen,
    // and pressing it again after freeing space will do.
    void drawStartFailure(App& app) {
        const net::Host& host = *hostOf(*link_);
        if (host.started() || host.diskError().empty())
            return;
        ImGui::PushFont(app.fonts().bold);
        ui::textWrappedColored(app.theme().bad,
                               app.tr("net.host.start_failed", app.tr("net.host.start")));
        ImGui::PopFont();
        ImGui::PushFont(app.fonts().small);
        ui::textWrappedColored(app.theme().textMuted,
                               app.tr("table.stop.system", host.diskError()));
        ImGui::PopFont();
        ui::gap(1, app.uiScale());
    }

    // The facilitator's row along the bottom: bots, start, stop; two rows
    // when one is too narrow (a large UI scale on a small screen).
    struct Controls {
        std::string start, stop;
        float startW = 0, stopW = 0, checkboxW = 0;
        bool canStart = false;
        bool twoRows = false;
        float height = 0;
    };

    Controls measureControls(App& app, float width) {
        const float s = app.uiScale();
        const ImGuiStyle& style = ImGui::GetStyle();
        const net::Host& host = *hostOf(*link_);
        Controls c;
        c.canStart = everySeatTaken(host) || fillWithBots_;
        c.start = app.tr(c.canStart ? "net.host.start" : "net.host.start_wait");
        c.stop = app.tr("net.host.stop");
        const float pad = 2 * style.FramePadding.x + 4 * app.unit();
        c.startW = std::max(240 * s, ImGui::CalcTextSize(c.start.c_str()).x + pad);
        c.stopW = std::max(240 * s, ImGui::CalcTextSize(c.stop.c_str()).x + pad);
        c.checkboxW = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                      ImGui::CalcTextSize(app.tr("net.host.fill_bots").c_str()).x;
        c.twoRows = c.checkboxW + 3 * app.unit() + c.startW + style.ItemSpacing.x + c.stopW > width;
        c.height = 56 * s + (c.twoRows ? ImGui::GetFrameHeightWithSpacing() : 0.0f);
        return c;
    }

    void drawControls(App& app, const Controls& c) {
        const float s = app.uiScale();
        net::Host& host = *hostOf(*link_);
        ImGui::Checkbox(app.tr("net.host.fill_bots").c_str(), &fillWithBots_);
        if (!c.twoRows)
            ImGui::SameLine(0, 3 * app.unit());
        if (c.canStart) {
            if (ui::primaryButton(c.start.c_str(), ImVec2(c.startW, 56 * s), app.theme()))
                host.start(fillWithBots_);
        } else {
            ui::buttonIf(false, c.start.c_str(), ImVec2(c.startW, 56 * s));
        }
        ImGui::SameLine();
        if (ImGui::Button(c.stop.c_str(), ImVec2(c.stopW, 56 * s))) {
            link_.reset();
            app.endSession(); // tells the players the session closed
            app.pop();
        }
    }

    // The QR code as large as the screen allows on the left (the room scans
    // it from their chairs); the words, the address and the seats beside it;
    // the facilitator's buttons along the bottom.
    void drawHosting(App& app) {
        const ImGuiStyle& style = ImGui::GetStyle();
        ui::textInFont(app.fonts().title, app.tr("net.host.title"));
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const Controls controls = measureControls(app, avail.x);
        const float bodyH =
            std::max(avail.y - controls.height - 2 * style.ItemSpacing.y, 8 * app.unit());
        const float top = ImGui::GetCursorPosY();
        float textX = ImGui::GetCursorPosX();
        if (!join_.empty()) {
            const float side = drawQrCode(join_.qr, std::min(bodyH, avail.x * 0.48f));
            textX += side + 4 * app.unit();
        }
        const float textW = std::max(avail.x - (textX - ImGui::GetCursorPosX()), 20 * app.unit());
        ImGui::SetCursorPos(ImVec2(textX, top));
        // The column scrolls only when even a few seats do not fit under the
        // join text (a large UI scale): the buttons below stay in view.
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::withAlpha(app.theme().background, 0.0f));
        ImGui::BeginChild("##join_column", ImVec2(textW, bodyH), false);
        const float width = ImGui::GetContentRegionAvail().x;
        drawJoinText(app, width);
        ui::gap(2, app.uiScale());
        drawStartFailure(app);
        // Many seats scroll; the join text above them stays.
        const float fewSeats =
            4 * ImGui::GetTextLineHeightWithSpacing() + app.fonts().heading->FontSize;
        const float seatsH = std::max(ImGui::GetContentRegionAvail().y, fewSeats);
        ImGui::BeginChild("##seats", ImVec2(width, seatsH), false);
        drawSeats(app);
        // For the facilitator, after the seats: the room reads the code first.
        ui::gap(1, app.uiScale());
        ImGui::PushFont(app.fonts().small);
        ui::textWrappedColored(app.theme().textMuted, app.tr("net.host.firewall_hint"));
        ImGui::PopFont();
        ImGui::EndChild();
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::SetCursorPosY(top + bodyH + style.ItemSpacing.y);
        drawControls(app, controls);
    }

    std::optional<HostLaunch> launch_;
    bool tried_ = false;
    std::vector<Choice> choices_;
    int picked_ = -1;
    int port_ = 7531;
    bool fillWithBots_ = false;
    int tables_ = 1;
    int teamSize_ = 1;
    bool inStep_ = false;
    std::string error_;
    std::shared_ptr<TableLink> link_;
    JoinCode join_;
};

} // namespace

std::unique_ptr<Screen> makeHostScreen(App&) {
    return std::make_unique<HostScreen>();
}

std::unique_ptr<Screen> makeHostScreen(App&, HostLaunch launch) {
    return std::make_unique<HostScreen>(std::move(launch));
}

} // namespace samenspel
