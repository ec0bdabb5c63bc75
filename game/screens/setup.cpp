// Session setup: for every role its seats (a player's name, or a bot with its
// character), the language, the phase times and whether a phase ends early
// once everyone is done. Starting creates the session and its log.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <random>

#include "core/session_files.hpp"
#include "screens/screens.hpp"
#include "session.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace {

struct SeatDraft {
    std::array<char, 64> name{};
    bool bot = false;
    float cooperation = 0.5f;
    float openness = 0.5f;
};

class SetupScreen final : public Screen {
  public:
    explicit SetupScreen(std::shared_ptr<const Scenario> scenario)
        : scenario_(std::move(scenario)) {
        const SessionSetup defaults = SessionSetup::defaultFor(*scenario_, false, 1);
        seats_.resize(scenario_->roles.size());
        for (const Seat& seat : defaults.seats) {
            // Names start empty (the hint asks for one); an empty name
            // becomes the role's name when the session starts.
            seats_[static_cast<std::size_t>(seat.role)].push_back(SeatDraft{});
        }
        for (std::size_t r = 0; r < seats_.size(); ++r)
            if (seats_[r].empty())
                seats_[r].push_back(SeatDraft{});
        for (const Phase& p : scenario_->phases)
            minutes_.push_back(p.minutes);
        seed_ = static_cast<int>(std::random_device{}() % 100000u) + 1;
    }

    void draw(App& app) override {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        ui::beginScreenWindow("##setup", theme);
        if (ImGui::Button(app.tr("ui.back").c_str()))
            app.pop();
        ImGui::SameLine();
        ui::textInFont(app.fonts().title, app.tr("ui.setup.title", app.text(scenario_->title)));
        ui::gap(1, s);

        const float footer = 80.0f * s;
        ImGui::BeginChild("##seats", ImVec2(ImGui::GetContentRegionAvail().x * 0.6f, -footer),
                          true);
        drawSeats(app);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##options", ImVec2(0, -footer), true);
        drawOptions(app);
        ImGui::EndChild();

        ui::gap(1, s);
        ImGui::PushFont(app.fonts().heading);
        if (ui::primaryButton(app.tr("ui.setup.start").c_str(), ImVec2(420.0f * s, 60.0f * s),
                              theme))
            start(app);
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                             (60.0f * s - ImGui::GetTextLineHeight()) * 0.5f);
        if (!error_.empty()) {
            ui::textWrappedColored(theme.bad, error_);
        } else {
            ui::textColored(theme.textMuted,
                            app.catalog().trCount("ui.setup.summary", botCount(), seatCount()));
        }
        ui::endScreenWindow();
    }

    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key == sf::Keyboard::Escape) {
            app.pop();
            return true;
        }
        return false;
    }

    const char* name() const override { return "setup"; }

  private:
    int seatCount() const {
        int n = 0;
        for (const auto& role : seats_)
            n += static_cast<int>(role.size());
        return n;
    }
    int botCount() const {
        int n = 0;
        for (const auto& role : seats_)
            for (const auto& seat : role)
                n += seat.bot ? 1 : 0;
        return n;
    }

    void drawSeats(App& app) {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        ui::textInFont(app.fonts().heading, app.tr("ui.setup.seats"));
        ui::textWrappedColored(theme.textMuted, app.tr("ui.setup.seats_hint"));
        if (ImGui::Button(app.tr("ui.setup.all_bots").c_str()))
            for (auto& role : seats_)
                for (auto& seat : role)
                    seat.bot = true;
        ImGui::SameLine();
        if (ImGui::Button(app.tr("ui.setup.all_people").c_str()))
            for (auto& role : seats_)
                for (auto& seat : role)
                    seat.bot = false;
        ui::gap(1, s);
        for (std::size_t r = 0; r < scenario_->roles.size(); ++r) {
            const Role& role = scenario_->roles[r];
            auto& seats = seats_[r];
            ImGui::PushID(static_cast<int>(r));
            ImGui::Separator();
            ImGui::PushFont(app.fonts().bold);
            ui::textWrapped(app.text(role.name));
            ImGui::PopFont();
            const std::string range =
                role.minPlayers == role.maxPlayers
                    ? app.catalog().trCount("ui.setup.seat_exact", role.minPlayers)
                    : app.tr("ui.setup.seat_range", role.minPlayers, role.maxPlayers);
            const std::string details =
                "· " + app.tr(std::string("ui.kind.") + roleKindId(role.kind)) + " · " + range;
            // Beside a short role name, under a long one (large UI scale).
            if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x +
                    ImGui::CalcTextSize(details.c_str()).x <=
                ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
                ImGui::SameLine();
            ui::textColored(theme.textMuted, details);
            for (std::size_t i = 0; i < seats.size(); ++i)
                drawSeat(app, role, seats[i], static_cast<int>(i));
            if (static_cast<int>(seats.size()) < role.maxPlayers) {
                if (ImGui::Button(app.tr("ui.setup.add_seat").c_str())) {
                    SeatDraft d;
                    d.bot = !seats.empty() && seats.back().bot;
                    seats.push_back(d);
                }
                ImGui::SameLine();
            }
            if (static_cast<int>(seats.size()) > std::max(1, role.minPlayers)) {
                if (ImGui::Button(app.tr("ui.setup.remove_seat").c_str()))
                    seats.pop_back();
            } else if (static_cast<int>(seats.size()) < role.maxPlayers) {
                ImGui::NewLine();
            }
            ImGui::PopID();
        }
    }

    void drawSeat(App& app, const Role& role, SeatDraft& seat, int index) {
        const float s = app.uiScale();
        ImGui::PushID(index);
        ImGui::Checkbox(app.tr("ui.setup.bot").c_str(), &seat.bot);
        ImGui::SameLine();
        if (!seat.bot) {
            ImGui::SetNextItemWidth(std::min(420.0f * s, ImGui::GetContentRegionAvail().x));
            ImGui::InputTextWithHint("##name", app.tr("ui.setup.name_hint").c_str(),
                                     seat.name.data(), seat.name.size());
        } else {
            const float w = std::max(120.0f * s, ImGui::GetContentRegionAvail().x * 0.5f - 8 * s);
            ImGui::SetNextItemWidth(w);
            ImGui::SliderFloat(
                "##coop", &seat.cooperation, 0.0f, 1.0f,
                app.tr("ui.setup.cooperation", static_cast<int>(seat.cooperation * 100 + 0.5f))
                    .c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", app.tr("ui.setup.cooperation_hint").c_str());
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            ImGui::SliderFloat(
                "##open", &seat.openness, 0.0f, 1.0f,
                app.tr("ui.setup.openness", static_cast<int>(seat.openness * 100 + 0.5f)).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", app.tr("ui.setup.openness_hint").c_str());
        }
        ImGui::PopID();
    }

    void drawOptions(App& app) {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        ui::textInFont(app.fonts().heading, app.tr("ui.setup.language"));
        // Side by side when both fit, else one under the other (large UI scale).
        bool first = true;
        for (const char* lang : {"nl", "en"}) {
            const std::string label = app.tr(std::string("ui.language.") + lang);
            const float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                                ImGui::CalcTextSize(label.c_str()).x;
            if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <=
                              ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
                ImGui::SameLine();
            first = false;
            if (ImGui::RadioButton(label.c_str(), app.lang() == lang))
                app.setLanguage(lang);
        }
        ui::gap(1, s);
        ui::textInFont(app.fonts().heading, app.tr("ui.setup.phases"));
        int total = 0;
        for (std::size_t i = 0; i < minutes_.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::SetNextItemWidth(std::min(260.0f * s, ImGui::GetContentRegionAvail().x * 0.4f));
            ImGui::SliderInt("##min", &minutes_[i], 1, 60,
                             app.tr("ui.setup.minutes", minutes_[i]).c_str());
            ImGui::SameLine();
            ui::textWrapped(app.tr(std::string("ui.phase.") + phaseId(scenario_->phases[i].kind)));
            total += minutes_[i];
            ImGui::PopID();
        }
        ui::textColored(theme.textMuted, app.tr("ui.setup.total_minutes", total));
        ui::gap(1, s);
        ImGui::Checkbox(app.tr("ui.setup.end_when_done").c_str(), &endWhenDone_);
        ui::textWrappedColored(theme.textMuted, app.tr("ui.setup.end_when_done_hint"));
        ui::gap(1, s);
        ImGui::SetNextItemWidth(200.0f * s);
        ImGui::InputInt(app.tr("ui.setup.seed").c_str(), &seed_);
        seed_ = std::max(seed_, 1);
    }

    SessionSetup buildSetup(App& app) const {
        SessionSetup setup;
        setup.seed = static_cast<std::uint64_t>(seed_);
        setup.language = app.lang();
        setup.phaseMinutes = minutes_;
        setup.endPhaseWhenAllDone = endWhenDone_;
        int botNumber = 0;
        for (std::size_t r = 0; r < seats_.size(); ++r) {
            for (std::size_t i = 0; i < seats_[r].size(); ++i) {
                const SeatDraft& d = seats_[r][i];
                Seat seat;
                seat.role = static_cast<int>(r);
                seat.bot = d.bot;
                seat.character = {d.cooperation, d.openness};
                seat.name = d.name.data();
                if (d.bot)
                    seat.name = app.tr("ui.setup.bot_name", ++botNumber);
                else if (seat.name.empty())
                    seat.name = app.text(scenario_->roles[r].name) +
                                (seats_[r].size() > 1 ? " " + std::to_string(i + 1) : "");
                setup.seats.push_back(seat);
            }
        }
        return setup;
    }

    void start(App& app) {
        std::string error;
        auto session = Session::start(scenario_, buildSetup(app),
                                      app.options().logPath.empty()
                                          ? newLogPath(app.sessionsDir().string(), scenario_->id)
                                          : app.options().logPath,
                                      error);
        if (!session) {
            error_ = app.tr("ui.setup.start_failed", error);
            return;
        }
        app.setSession(std::move(session));
        app.resetTo(makeTableScreen(app));
    }

    std::shared_ptr<const Scenario> scenario_;
    std::vector<std::vector<SeatDraft>> seats_; // per role
    std::vector<int> minutes_;                  // per phase
    bool endWhenDone_ = true;
    int seed_ = 1;
    std::string error_;
};

} // namespace

std::unique_ptr<Screen> makeSetupScreen(App& app, std::shared_ptr<const Scenario> scenario) {
    return std::make_unique<SetupScreen>(std::move(scenario));
}

} // namespace samenspel
