// Session setup: for every role its seats (a player's name, or a bot with its
// character), the language, the phase times and whether a phase ends early
// once everyone is done; the seed folded away under "advanced". Starting
// creates the session and its log.
//
// Every number is set with - and + buttons that move it one step, never
// with a slider: on a projector or a touch screen a slider jumps to wherever
// it was touched (one tap set a phase to 30 minutes). Labels stand beside
// their control, and a bot's traits are shown as words, not as 0..100.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "core/session_files.hpp"
#include "screens/screens.hpp"
#include "session.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace {

// A bot's trait in steps of a quarter: five levels, each with its word.
constexpr int kTraitLevels = 5;

// A bot's trait as the setup screen shows it: its name, what its ends do
// (the tooltip), and a word for each level.
struct TraitTexts {
    const char* label;
    const char* hint;
    std::array<const char*, kTraitLevels> levels;
};
constexpr TraitTexts kCooperation = {
    "ui.setup.cooperation",
    "ui.setup.cooperation_hint",
    {"ui.setup.cooperation.level.0", "ui.setup.cooperation.level.1", "ui.setup.cooperation.level.2",
     "ui.setup.cooperation.level.3", "ui.setup.cooperation.level.4"}};
constexpr TraitTexts kOpenness = {"ui.setup.openness",
                                  "ui.setup.openness_hint",
                                  {"ui.setup.openness.level.0", "ui.setup.openness.level.1",
                                   "ui.setup.openness.level.2", "ui.setup.openness.level.3",
                                   "ui.setup.openness.level.4"}};

struct SeatDraft {
    std::array<char, 64> name{};
    bool bot = false;
    int cooperation = 2; // 0 hard-line .. 4 cooperative (core: 0..1)
    int openness = 2;    // 0 guarded .. 4 open
};

double traitValue(int level) {
    return static_cast<double>(level) / (kTraitLevels - 1);
}

// Phase lengths in minutes a facilitator plans with: every minute up to 10,
// then fives up to an hour, then quarters of an hour. A scenario's own odd
// length (12) steps onto the grid (10 or 15).
constexpr int kMaxPhaseMinutes = 120;
int nextMinutes(int m) {
    if (m < 10)
        return m + 1;
    if (m < 60)
        return (m / 5 + 1) * 5;
    return std::min(kMaxPhaseMinutes, (m / 15 + 1) * 15);
}
int previousMinutes(int m) {
    if (m <= 10)
        return std::max(1, m - 1);
    if (m <= 60)
        return ((m - 1) / 5) * 5;
    return ((m - 1) / 15) * 15;
}

// A level shown as dots before its word: their radius and pitch.
float pipRadius() {
    return ImGui::GetFontSize() * 0.24f;
}
float pipsWidth(int pips) {
    return static_cast<float>(pips) * pipRadius() * 2.9f;
}
float stepButtonWidth() {
    return ImGui::GetFrameHeight();
}
// The width of a stepper whose value box is `valueWidth` wide.
float stepperWidth(float valueWidth) {
    return valueWidth + 2 * stepButtonWidth() + 2 * ImGui::GetStyle().ItemInnerSpacing.x;
}

// [-] value [+]: returns -1 or +1 when a button was pressed this frame, else
// 0. The value sits in a box `valueWidth` wide, so the buttons do not move
// as it changes; a tap on the box changes nothing. `traceName` names the
// parts for GUI tests ("NAME.less", "NAME.value", "NAME.more").
int stepper(App& app, const char* traceName, const std::string& value, float valueWidth,
            bool canLess, bool canMore, int pips = 0, int pipsLit = 0) {
    const ui::Theme& theme = app.theme();
    const float button = stepButtonWidth();
    int step = 0;
    ImGui::PushID(traceName);
    if (ui::buttonIf(canLess, app.tr("ui.stepper.less").c_str(), ImVec2(button, 0)))
        step = -1;
    app.traceItem((std::string(traceName) + ".less").c_str());
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(valueWidth, ImGui::GetFrameHeight());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ui::toU32(theme.surfaceRaised),
                        ImGui::GetStyle().FrameRounding);
    if (ImGui::GetStyle().FrameBorderSize > 0) // framed like the other fields
        draw->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), ui::toU32(theme.border),
                      ImGui::GetStyle().FrameRounding, 0, ImGui::GetStyle().FrameBorderSize);
    float textX = pos.x + ImGui::GetStyle().FramePadding.x;
    if (pips > 0) {
        // The level as dots too, so the row reads at a glance from afar.
        const float r = pipRadius();
        const float cy = pos.y + size.y * 0.5f;
        for (int i = 0; i < pips; ++i) {
            const ImVec2 c(textX + r + static_cast<float>(i) * r * 2.9f, cy);
            if (i < pipsLit)
                draw->AddCircleFilled(c, r, ui::toU32(theme.accent));
            else
                draw->AddCircle(c, r, ui::toU32(theme.textMuted), 0, 1.5f);
        }
        textX += pipsWidth(pips) + ImGui::GetStyle().ItemInnerSpacing.x;
    }
    const ImVec2 textSize = ImGui::CalcTextSize(value.c_str());
    const float textLeft =
        pips > 0 ? textX : pos.x + (size.x - textSize.x) * 0.5f; // numbers centred
    draw->AddText(ImVec2(textLeft, pos.y + (size.y - textSize.y) * 0.5f), ui::toU32(theme.text),
                  value.c_str());
    ImGui::Dummy(size);
    app.traceItem((std::string(traceName) + ".value").c_str());
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    if (ui::buttonIf(canMore, app.tr("ui.stepper.more").c_str(), ImVec2(button, 0)))
        step = 1;
    app.traceItem((std::string(traceName) + ".more").c_str());
    ImGui::PopID();
    return step;
}

// The widest of the texts, for a value box that fits all of them.
float widestText(const std::vector<std::string>& texts) {
    float w = 0;
    for (const std::string& t : texts)
        w = std::max(w, ImGui::CalcTextSize(t.c_str()).x);
    return w;
}

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
        // The scenario's title in full: smaller, and wrapped, when it is long.
        const std::string title = app.tr("ui.setup.title", app.text(scenario_->title));
        ImGui::PushFont(app.fonts().title);
        const bool fits = ImGui::CalcTextSize(title.c_str()).x <= ImGui::GetContentRegionAvail().x;
        ImGui::PopFont();
        ImGui::PushFont(fits ? app.fonts().title : app.fonts().heading);
        if (!fits)
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                                 (ImGui::GetFrameHeight() - ImGui::GetTextLineHeight()) * 0.5f);
        ui::textWrapped(title);
        ImGui::PopFont();
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
        app.traceItem("setup.start");
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
        app.traceItem("setup.all_bots");
        ImGui::SameLine();
        if (ImGui::Button(app.tr("ui.setup.all_people").c_str()))
            for (auto& role : seats_)
                for (auto& seat : role)
                    seat.bot = false;
        if (botCount() > 0) {
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(theme.textMuted, app.tr("ui.setup.bot_traits_hint"));
            ImGui::PopFont();
        }
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
                drawSeat(app, static_cast<int>(r), seats[i], static_cast<int>(i));
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

    void drawSeat(App& app, int role, SeatDraft& seat, int index) {
        const float s = app.uiScale();
        ImGui::PushID(index);
        const float rowX = ImGui::GetCursorPosX();
        ImGui::Checkbox(app.tr("ui.setup.bot").c_str(), &seat.bot);
        if (!seat.bot) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(std::min(420.0f * s, ImGui::GetContentRegionAvail().x));
            ImGui::InputTextWithHint("##name", app.tr("ui.setup.name_hint").c_str(),
                                     seat.name.data(), seat.name.size());
        } else {
            // Both traits in one column: beside the box when they fit there,
            // else under it, indented past the box (a narrow window).
            const TraitLayout layout = traitLayout(app);
            float traitX = rowX + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
            if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + layout.width <=
                ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) {
                ImGui::SameLine();
                traitX = ImGui::GetCursorPosX();
            } else {
                ImGui::SetCursorPosX(traitX);
            }
            const std::string base =
                "setup.seat" + std::to_string(role) + "." + std::to_string(index);
            drawTrait(app, layout, base + ".cooperation", kCooperation, seat.cooperation);
            ImGui::SetCursorPosX(traitX);
            drawTrait(app, layout, base + ".openness", kOpenness, seat.openness);
        }
        ImGui::PopID();
    }

    // One column for both traits: labels as wide as the wider one, value
    // boxes as wide as the longest word.
    struct TraitLayout {
        float labelWidth = 0, boxWidth = 0, width = 0;
    };
    TraitLayout traitLayout(App& app) const {
        std::vector<std::string> words;
        for (const TraitTexts* trait : {&kCooperation, &kOpenness})
            for (const char* level : trait->levels)
                words.push_back(app.tr(level));
        TraitLayout l;
        l.labelWidth = widestText({app.tr(kCooperation.label), app.tr(kOpenness.label)});
        l.boxWidth = widestText(words) + pipsWidth(kTraitLevels) +
                     ImGui::GetStyle().ItemInnerSpacing.x + 2 * ImGui::GetStyle().FramePadding.x;
        l.width = l.labelWidth + ImGui::GetStyle().ItemSpacing.x + stepperWidth(l.boxWidth);
        return l;
    }

    // "Samenwerking [-] ●●●○○ gemiddeld [+]", the words saying what a level
    // means; the hint above the seats and the tooltip say what the ends do.
    void drawTrait(App& app, const TraitLayout& layout, const std::string& traceName,
                   const TraitTexts& trait, int& level) {
        const float labelX = ImGui::GetCursorPosX();
        ImGui::AlignTextToFramePadding();
        ui::text(app.tr(trait.label));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", app.tr(trait.hint).c_str());
        ImGui::SameLine(labelX + layout.labelWidth + ImGui::GetStyle().ItemSpacing.x);
        const std::string word = app.tr(trait.levels[static_cast<std::size_t>(level)]);
        const int step = stepper(app, traceName.c_str(), word, layout.boxWidth, level > 0,
                                 level < kTraitLevels - 1, kTraitLevels, level + 1);
        level = std::clamp(level + step, 0, kTraitLevels - 1);
    }

    void drawOptions(App& app) {
        const float s = app.uiScale();
        ui::textInFont(app.fonts().bold, app.tr("ui.setup.language"));
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
        drawPlainLanguage(app);
        ui::gap(1, s);
        drawPhaseTimes(app);
        ui::gap(1, s);
        drawEndWhenDone(app);
        ui::gap(1, s);
        drawGroup(app);
        ui::gap(1, s);
        drawAdvanced(app);
    }

    // Plain language for this group (the same setting as in the settings and
    // the facilitator's panel); says so when this case has no plain texts.
    void drawPlainLanguage(App& app) {
        Settings changed = app.settings();
        if (ImGui::Checkbox(app.tr("ui.settings.plain_language").c_str(), &changed.plainLanguage))
            app.updateSettings(changed);
        app.traceItem("setup.plain_language");
        if (changed.plainLanguage && !scenario_->hasPlainLanguage(app.lang())) {
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(app.theme().textMuted, app.tr("ui.setup.no_plain_language"));
            ImGui::PopFont();
        }
    }

    // Every phase's name with its - minutes + stepper, and the total.
    void drawPhaseTimes(App& app) {
        ui::textInFont(app.fonts().heading, app.tr("ui.setup.phases"));
        int total = 0;
        std::vector<std::string> names;
        for (const Phase& phase : scenario_->phases)
            names.push_back(app.tr(std::string("ui.phase.") + phaseId(phase.kind)));
        const float valueWidth = ImGui::CalcTextSize(app.tr("ui.setup.minutes", 120).c_str()).x +
                                 2 * ImGui::GetStyle().ItemInnerSpacing.x;
        const float width = stepperWidth(valueWidth);
        // The phase's name on the left, its stepper at the right edge; a name
        // too long for the room left goes on a line of its own.
        const float right = ImGui::GetWindowContentRegionMax().x;
        // Rows closer together than elsewhere: the whole list fits a
        // 720-pixel screen.
        ImGui::PushStyleVar(
            ImGuiStyleVar_ItemSpacing,
            ImVec2(ImGui::GetStyle().ItemSpacing.x, ImGui::GetStyle().ItemSpacing.y * 0.5f));
        for (std::size_t i = 0; i < minutes_.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::AlignTextToFramePadding();
            ui::text(names[i]);
            const float stepperX = std::max(right - width, ImGui::GetCursorPosX());
            if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x +
                    ImGui::GetStyle().ItemInnerSpacing.x <=
                stepperX)
                ImGui::SameLine(stepperX);
            else
                ImGui::SetCursorPosX(stepperX);
            int& m = minutes_[i];
            const std::string trace = "setup.phase" + std::to_string(i);
            const int step = stepper(app, trace.c_str(), app.tr("ui.setup.minutes", m), valueWidth,
                                     m > 1, m < std::max(kMaxPhaseMinutes, m));
            if (step < 0)
                m = previousMinutes(m);
            else if (step > 0)
                m = nextMinutes(m);
            total += m;
            ImGui::PopID();
        }
        ImGui::PopStyleVar();
        ui::textColored(app.theme().textMuted,
                        app.catalog().trCount("ui.setup.total_minutes", total));
    }

    void drawEndWhenDone(App& app) {
        // The box's label wraps beside it (a checkbox's own label would be
        // cut off in a narrow column), and a click on it ticks the box too.
        ImGui::Checkbox("##end_when_done", &endWhenDone_);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ui::textWrapped(app.tr("ui.setup.end_when_done"));
        if (ImGui::IsItemClicked())
            endWhenDone_ = !endWhenDone_;
        ImGui::PushFont(app.fonts().small);
        ui::textWrappedColored(app.theme().textMuted, app.tr("ui.setup.end_when_done_hint"));
        ImGui::PopFont();
    }

    // Who plays, as the facilitator calls the group: Past sessions and
    // `samenspel archive` tell a year's groups apart by it.
    void drawGroup(App& app) {
        ImGui::AlignTextToFramePadding();
        ui::text(app.tr("ui.setup.group"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        ImGui::InputTextWithHint("##group", app.tr("ui.setup.group_example").c_str(), group_.data(),
                                 group_.size());
        app.traceItem("setup.group");
        ImGui::PushFont(app.fonts().small);
        ui::textWrappedColored(app.theme().textMuted, app.tr("ui.setup.group_hint"));
        ImGui::PopFont();
    }

    void drawAdvanced(App& app) {
        // The seed matters to a trainer comparing groups, not to a first
        // session: folded away, and said what it is for.
        const bool advanced = ImGui::CollapsingHeader(app.tr("ui.setup.advanced").c_str());
        app.traceItem("setup.advanced");
        if (advanced) {
            ImGui::AlignTextToFramePadding();
            ui::text(app.tr("ui.setup.seed"));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000000").x +
                                    2 * ImGui::GetStyle().FramePadding.x);
            ImGui::InputInt("##seed", &seed_, 0, 0);
            seed_ = std::max(seed_, 1);
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(app.theme().textMuted, app.tr("ui.setup.seed_hint"));
            ImGui::PopFont();
        }
    }

    SessionSetup buildSetup(App& app) const {
        SessionSetup setup;
        setup.seed = static_cast<std::uint64_t>(seed_);
        setup.language = app.lang();
        setup.phaseMinutes = minutes_;
        setup.endPhaseWhenAllDone = endWhenDone_;
        setup.group = group_.data();
        int botNumber = 0;
        for (std::size_t r = 0; r < seats_.size(); ++r) {
            for (std::size_t i = 0; i < seats_[r].size(); ++i) {
                const SeatDraft& d = seats_[r][i];
                Seat seat;
                seat.role = static_cast<int>(r);
                seat.bot = d.bot;
                seat.character = {traitValue(d.cooperation), traitValue(d.openness)};
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
    std::array<char, limits::kGroupLabelChars + 1> group_{}; // bytes: never more characters
    std::string error_;
};

} // namespace

std::unique_ptr<Screen> makeSetupScreen(App& app, std::shared_ptr<const Scenario> scenario) {
    return std::make_unique<SetupScreen>(std::move(scenario));
}

} // namespace samenspel
