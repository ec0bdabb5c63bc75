// The facilitator's host screen: pick a scenario, open the session on the
// local network, and show the room (projector size) the address to type and
// the session code; then the seats (who is here, who is away), the start
// button, the facilitator's controls and, at the end, the outcome.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "net/addresses.hpp"
#include "net/host.hpp"
#include "screens/screens.hpp"
#include "session.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

std::unique_ptr<Screen> makeHostScreen(App& app);

namespace {

struct Choice {
    std::shared_ptr<const Scenario> scenario;
    std::string path;
};

class HostScreen final : public Screen {
  public:
    void onOpen(App& app) override {
        if (!choices_.empty())
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

    void update(App&, double) override {
        if (host_)
            host_->poll(0.0);
    }

    void draw(App& app) override {
        ui::beginScreenWindow("##host", app.theme());
        if (!host_)
            drawPick(app);
        else
            drawHosting(app);
        ui::endScreenWindow();
    }

    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key == sf::Keyboard::Escape && !host_) {
            app.pop();
            return true;
        }
        return false;
    }

    const char* name() const override { return "host"; }

  private:
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
            open(app);
        ImGui::SameLine();
        if (ImGui::Button(app.tr("net.join.back").c_str(), ImVec2(200 * s, 56 * s)))
            app.pop();
        if (!error_.empty())
            ui::textWrappedColored(app.theme().bad, error_);
    }

    void open(App& app) {
        const Choice& choice = choices_[static_cast<std::size_t>(picked_)];
        SessionSetup setup = SessionSetup::defaultFor(
            *choice.scenario, false,
            app.options().seedGiven ? app.options().seed
                                    : static_cast<std::uint64_t>(std::time(nullptr)));
        setup.language = app.lang();
        net::HostConfig config;
        config.port = static_cast<unsigned short>(port_);
        config.startWhenFull = false; // the facilitator presses start
        std::string error;
        const std::string log = newLogPath(app.sessionsDir().string(), choice.scenario->id);
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(log).parent_path(), ec);
        host_ = net::Host::create(choice.scenario, setup, log, config, error);
        if (!host_)
            error_ = app.tr("net.host.error_listen", std::to_string(port_), error);
        addresses_ = net::localIpv4Addresses();
    }

    void drawJoinInfo(App& app) {
        const ui::Theme& theme = app.theme();
        ui::textInFont(app.fonts().heading, app.tr("net.host.title"));
        ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
        ui::text(app.tr("net.host.addresses"));
        ImGui::PopStyleColor();
        if (addresses_.empty())
            ui::textWrappedColored(theme.warning, app.tr("net.host.no_address"));
        for (const std::string& a : addresses_)
            ui::textInFont(app.fonts().display, a + ":" + std::to_string(host_->port()));
        ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
        ui::text(app.tr("net.host.code"));
        ImGui::PopStyleColor();
        ui::textInFont(app.fonts().display, host_->code(), &theme.accent);
        ImGui::PushFont(app.fonts().small);
        ui::textWrappedColored(theme.textMuted, app.tr("net.host.firewall_hint"));
        ImGui::PopFont();
    }

    void drawSeats(App& app) {
        const ui::Theme& theme = app.theme();
        ui::textInFont(app.fonts().heading, app.tr("net.host.seats"));
        const Scenario& sc = host_->scenario();
        for (const net::SeatStatus& seat : host_->seats()) {
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
            ui::text(role + (seat.name.empty() ? "" : " — " + seat.name));
            ImGui::SameLine();
            ui::textColored(colour, "(" + state + ")");
        }
    }

    void drawHosting(App& app) {
        const float s = app.uiScale();
        const ImVec2 button(420 * s, 56 * s);
        if (ImGui::BeginTable("##hosting", 2)) {
            ImGui::TableNextColumn();
            drawJoinInfo(app);
            ImGui::TableNextColumn();
            drawSeats(app);
            ui::gap(2, s);
            if (!host_->started()) {
                if (ui::primaryButton(app.tr("net.host.start").c_str(), button, app.theme()))
                    host_->start(true);
            } else {
                drawRunning(app, button);
            }
            ui::gap(1, s);
            if (ImGui::Button(app.tr("net.host.stop").c_str(), button)) {
                host_.reset();
                app.pop();
            }
            ImGui::EndTable();
        }
    }

    void drawRunning(App& app, const ImVec2& button) {
        const Game* g = host_->game();
        if (!g)
            return;
        const GameState& st = g->state();
        if (st.finished) {
            const Decision& d = st.decision;
            ui::textInFont(app.fonts().heading,
                           d.taken ? (d.gedragen ? app.tr("net.play.decided_gedragen")
                                                 : app.tr("net.play.decided"))
                                   : app.tr("net.play.no_decision"));
            return;
        }
        const std::string phase = app.tr(std::string("table.phase.") + phaseId(g->currentPhase()));
        const std::int64_t left = std::max<std::int64_t>(0, st.phaseRemainingMs() / 1000);
        ui::textInFont(app.fonts().heading, phase + "  " + std::to_string(left / 60) + ":" +
                                                (left % 60 < 10 ? "0" : "") +
                                                std::to_string(left % 60));
        Action a;
        if (ImGui::Button(app.tr(st.paused ? "net.play.resume" : "net.play.pause").c_str(),
                          button)) {
            a.type = st.paused ? ActionType::Resume : ActionType::Pause;
            host_->submitFacilitator(a);
        }
        if (ImGui::Button(app.tr("net.play.next_phase").c_str(), button)) {
            a.type = ActionType::Advance;
            host_->submitFacilitator(a);
        }
    }

    std::vector<Choice> choices_;
    int picked_ = -1;
    int port_ = 7531;
    std::string error_;
    std::unique_ptr<net::Host> host_;
    std::vector<std::string> addresses_;
};

} // namespace

std::unique_ptr<Screen> makeHostScreen(App&) {
    return std::make_unique<HostScreen>();
}

} // namespace samenspel
