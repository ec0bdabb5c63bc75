// The facilitator's host screen: pick a scenario, open the session on the
// local network, and show the room (projector size) the address to type and
// the session code, and the seats as people join (who is here, who is away),
// with "fill empty seats with bots" and the start button. Once started, the
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

#include "core/session_files.hpp"
#include "net/addresses.hpp"
#include "net/host.hpp"
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
        if (!host.started() && app.options().autoplay && seatedPeople(host) >= 1)
            host.start(true); // nobody presses start in a test run: a player is enough
        if (host.started())
            app.replace(makeTableScreen(app, link_));
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
    static int seatedPeople(const net::Host& host) {
        int n = 0;
        for (const net::SeatStatus& seat : host.seats())
            n += seat.taken && seat.connected && !seat.bot ? 1 : 0;
        return n;
    }

    void drawPick(App& app) {
        const float s = app.uiScale();
        ui::textInFont(app.fonts().title, app.tr("net.host.pick"));
        ui::gap(2, s);
        for (std::size_t i = 0; i < choices_.size(); ++i) {
            const Scenario& sc = *choices_[i].scenario;
            if (ImGui::RadioButton(ui::labelWithId(app.text(sc.title), sc.id).c_str(),
                                   picked_ == static_cast<int>(i)))
                picked_ = static_cast<int>(i);
        }
        ui::gap(2, s);
        ImGui::SetNextItemWidth(200 * s);
        ImGui::InputInt(app.tr("net.host.port").c_str(), &port_);
        port_ = std::clamp(port_, 1, 65535);
        ui::gap(2, s);
        if (ui::buttonIf(picked_ >= 0, app.tr("net.host.open").c_str(), ImVec2(360 * s, 56 * s)))
            open(app, choices_[static_cast<std::size_t>(picked_)].scenario, HostLaunch{});
        ImGui::SameLine();
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
            error_ = app.tr("net.host.bad_scenario", launch_->scenarioFile);
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
        config.code = launch.code;
        config.bindAddress = launch.bindAddress;
        config.startWhenFull = false; // the facilitator presses start
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
        config.bindAddress = launch.bindAddress;
        std::string error;
        std::unique_ptr<net::Host> host = net::Host::resume(log, config, error);
        if (!host) {
            error_ = app.tr("net.host.error_resume", log, error);
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
        addresses_ = launch.bindAddress == "0.0.0.0" ? net::localIpv4Addresses()
                                                     : std::vector<std::string>{launch.bindAddress};
    }

    void drawJoinInfo(App& app) {
        const ui::Theme& theme = app.theme();
        const net::Host& host = *hostOf(*link_);
        ui::textInFont(app.fonts().heading, app.tr("net.host.title"));
        ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
        ui::text(app.tr("net.host.addresses"));
        ImGui::PopStyleColor();
        if (addresses_.empty())
            ui::textWrappedColored(theme.warning, app.tr("net.host.no_address"));
        for (const std::string& a : addresses_)
            ui::textInFont(app.fonts().display, a + ":" + std::to_string(host.port()));
        ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
        ui::text(app.tr("net.host.code"));
        ImGui::PopStyleColor();
        ui::textInFont(app.fonts().display, host.code(), &theme.accent);
        ImGui::PushFont(app.fonts().small);
        ui::textWrappedColored(theme.textMuted, app.tr("net.host.firewall_hint"));
        ImGui::PopFont();
    }

    void drawSeats(App& app) {
        const ui::Theme& theme = app.theme();
        const net::Host& host = *hostOf(*link_);
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

    void drawHosting(App& app) {
        const float s = app.uiScale();
        const ImVec2 button(420 * s, 56 * s);
        net::Host& host = *hostOf(*link_);
        if (ImGui::BeginTable("##hosting", 2)) {
            ImGui::TableNextColumn();
            drawJoinInfo(app);
            ImGui::TableNextColumn();
            drawSeats(app);
            ui::gap(2, s);
            ImGui::Checkbox(app.tr("net.host.fill_bots").c_str(), &fillWithBots_);
            const bool full = seatedPeople(host) == static_cast<int>(host.seats().size());
            const bool canStart = full || fillWithBots_;
            if (canStart) {
                if (ui::primaryButton(app.tr("net.host.start").c_str(), button, app.theme()))
                    host.start(fillWithBots_);
            } else {
                ui::buttonIf(false, app.tr("net.host.start_wait").c_str(), button);
            }
            // The log could not be created (a full disk): the start did not
            // happen, and pressing it again after freeing space will do.
            if (!host.started() && !host.diskError().empty()) {
                ui::gap(1, s);
                ImGui::PushFont(app.fonts().bold);
                ui::textWrappedColored(app.theme().bad,
                                       app.tr("net.host.start_failed", app.tr("net.host.start")));
                ImGui::PopFont();
                ImGui::PushFont(app.fonts().small);
                ui::textWrappedColored(app.theme().textMuted,
                                       app.tr("table.stop.system", host.diskError()));
                ImGui::PopFont();
            }
            ui::gap(1, s);
            if (ImGui::Button(app.tr("net.host.stop").c_str(), button)) {
                link_.reset();
                app.endSession(); // tells the players the session closed
                app.pop();
            }
            ImGui::EndTable();
        }
    }

    std::optional<HostLaunch> launch_;
    bool tried_ = false;
    std::vector<Choice> choices_;
    int picked_ = -1;
    int port_ = 7531;
    bool fillWithBots_ = false;
    std::string error_;
    std::shared_ptr<TableLink> link_;
    std::vector<std::string> addresses_;
};

} // namespace

std::unique_ptr<Screen> makeHostScreen(App&) {
    return std::make_unique<HostScreen>();
}

std::unique_ptr<Screen> makeHostScreen(App&, HostLaunch launch) {
    return std::make_unique<HostScreen>(std::move(launch));
}

} // namespace samenspel
