// The table: what a group around one screen plays on. Layout, top to bottom:
// the phase banner (what to do now, the countdown), then three columns —
// the seats, the public board, and the active seat's private card with its
// actions behind a privacy screen. The facilitator's drawer (F2) takes the
// card's place at the right, so it never covers the board.
// Index:
//   [SECTION] Banner          phase, what to do, countdown, paused or stopped
//   [SECTION] Seats           seat switcher with role, bot and done marks
//   [SECTION] Announcements   events as a modal (people) and a strip (always)
//   [SECTION] Screen          layout, phase changes, keys
#include <SFML/Window/Keyboard.hpp>
#include <algorithm>

#include "screens/decision_moment.hpp"
#include "screens/join_code.hpp"
#include "screens/screens.hpp"
#include "screens/table_view.hpp"
#include "ui/theme.hpp"

namespace samenspel {

namespace table {

// [SECTION] Banner ----------------------------------------------------------------

// A short screen for the text size (a large UI scale on a 720p projector):
// fewer than about 26 lines of body text fit. The banner and the event strip
// then keep to a few lines, so the seats, the board and the card stay.
static bool shortOfRoom() {
    return ImGui::GetIO().DisplaySize.y < ImGui::GetTextLineHeightWithSpacing() * 26;
}

void drawBanner(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    const GameState& st = game.state();
    const Scenario& sc = game.scenario();
    const ui::Theme& theme = app.theme();
    // The projector keeps the banner's right end for the late joiners' corner.
    const float width = ImGui::GetContentRegionAvail().x - ui.bannerInset;
    const bool over = st.finished;

    // The clock and the buttons on the right are measured first, so they
    // stay in view beside the phase's name, also at a large UI scale.
    const std::string facilitator = app.tr("table.facilitator_button");
    const std::string debrief = app.tr("table.debrief_button");
    ImGui::PushFont(app.fonts().title);
    const float clockW = ImGui::CalcTextSize("00:00").x;
    ImGui::PopFont();
    const bool withFacilitator = link.facilitatorAvailable();
    // Before the end the debrief shows every role card: one click in the
    // banner must not put that on the projector (the facilitator's drawer
    // opens it, after a warning).
    const bool withDebrief = debriefInBanner(game);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttonPad = 2 * style.FramePadding.x + style.ItemSpacing.x;
    const float buttonsW =
        (withFacilitator ? ImGui::CalcTextSize(facilitator.c_str()).x + buttonPad : 0.0f) +
        (withDebrief ? ImGui::CalcTextSize(debrief.c_str()).x + buttonPad : 0.0f);
    const float right = ImGui::GetWindowContentRegionMax().x - ui.bannerInset;

    ImGui::BeginGroup();
    ImGui::PushFont(app.fonts().title);
    ImGui::TextUnformatted(phaseName(app, sc, st.phase).c_str());
    ImGui::PopFont();
    ImGui::EndGroup();

    // Right side: countdown and the buttons that are always there.
    ImGui::SameLine();
    ImGui::BeginGroup();
    // The session clock, not GameState::nowMs: that one stands still between actions.
    const std::int64_t remaining = link.phaseRemainingMs();
    const std::string clock = over ? "" : clockText(remaining);
    ImGui::SetCursorPosX(
        std::max(ImGui::GetCursorPosX(), right - clockW - buttonsW - style.ItemSpacing.x * 2));
    if (!over) {
        const bool low = remaining < 60000;
        ImGui::PushFont(app.fonts().title);
        const bool standsStill = st.paused || link.stop();
        ImGui::PushStyleColor(ImGuiCol_Text, standsStill ? theme.textMuted
                                             : low       ? theme.warning
                                                         : theme.text);
        ImGui::TextUnformatted(clock.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    if (withFacilitator) {
        if (ImGui::Button(facilitator.c_str()))
            toggleFacilitatorDrawer(ui);
        app.traceItem("banner.facilitator");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", app.tr("table.facilitator_tooltip").c_str());
        if (withDebrief)
            ImGui::SameLine();
    }
    if (withDebrief) {
        if (ImGui::Button(debrief.c_str()))
            ui.openDebrief = true;
        app.traceItem("banner.debrief");
    }
    if (link.stop())
        badge(app, app.tr("table.stop.badge"), theme.bad);
    else if (st.paused)
        badge(app, app.tr("table.paused"), theme.warning);
    ImGui::EndGroup();
    ImGui::EndGroup();
    // Under the title and the clock, so a narrow window wraps it wide.
    if (!over) {
        const std::string what = phaseWhat(app, sc, game.currentPhase());
        ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
        ImGui::TextUnformatted(
            app.tr("table.phase_of", st.phase + 1, static_cast<int>(sc.phases.size())).c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        // A comfortable line length on a wide screen; the full width when that
        // would leave a narrow column (a large UI scale); two lines at most
        // on a short screen, the rest in a tooltip, so the board keeps room.
        const float startX = ImGui::GetCursorPosX();
        float wrapAt = width * 0.62f;
        if (wrapAt - startX < ImGui::GetFontSize() * 26)
            wrapAt = right;
        ImGui::BeginGroup(); // its lines under each other, beside "Fase 5 van 7"
        wordWrapped(what, wrapAt - startX, shortOfRoom() ? 2 : 0);
        ImGui::EndGroup();
    } else {
        ImGui::TextUnformatted(app.tr("table.session_over_what").c_str());
    }

    // Time bar: how much of the phase is gone.
    if (!over && st.phaseDurationMs > 0) {
        const float used =
            1.0f - static_cast<float>(remaining) / static_cast<float>(st.phaseDurationMs);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = app.unit() * 0.6f;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ui::toU32(theme.surface), h);
        draw->AddRectFilled(p, ImVec2(p.x + width * std::clamp(used, 0.0f, 1.0f), p.y + h),
                            ui::toU32(remaining < 60000 ? theme.warning : theme.accent), h);
        ImGui::Dummy(ImVec2(width, h));
    }
}

// [SECTION] Seats -------------------------------------------------------------------

// Network: whether the seat's player is at their laptop, as the room should see it.
std::string presenceText(const App& app, const TableLink& link, int seat, ImVec4& colour) {
    for (const net::SeatStatus& p : link.presence()) {
        if (p.seat != seat || p.bot)
            continue;
        if (!p.taken) {
            colour = app.theme().textMuted;
            return app.tr("net.host.seat_free");
        }
        colour = p.connected ? app.theme().good : app.theme().warning;
        return app.tr(p.connected ? "net.host.seat_here" : "net.host.seat_away");
    }
    return "";
}

// The face for the seats' names: the largest in which every word of every
// name fits the column (bold, else regular, else small), one face for the
// whole list so the names read alike. A name longer than three lines ends in
// "…" (the whole name when hovered, and on the seat's card).
ImFont* seatNameFace(App& app, const Game& game, float width) {
    ImFont* faces[] = {app.fonts().bold, app.fonts().regular, app.fonts().small};
    for (ImFont* face : faces) {
        ImGui::PushFont(face);
        bool all = true;
        for (int s = 0; s < game.seatCount() && all; ++s) {
            bool shortened = false;
            wordLines(seatName(app, game, s), width, 0, shortened);
            all = !shortened;
        }
        ImGui::PopFont();
        if (all)
            return face;
    }
    return faces[2];
}

void drawSeatsCompact(App& app, TableLink& link, TableUi& ui);

void drawSeats(App& app, TableLink& link, TableUi& ui) {
    if (ui.compactSeats) {
        drawSeatsCompact(app, link, ui);
        return;
    }
    const Game& game = link.game();
    const GameState& st = game.state();
    const ui::Theme& theme = app.theme();
    // Only a shared screen switches seats; elsewhere the list is to read.
    const bool switching = link.view() == TableView::SharedScreen;
    heading(app, app.tr("table.seats"));
    int done = 0;
    for (bool d : st.done)
        done += d ? 1 : 0;
    mutedText(app, app.tr("table.done_count", done, game.seatCount()));
    ImGui::Spacing();
    // A row is as tall as its text: long names and role names wrap inside
    // the column, between words, instead of running out of it. The text is
    // drawn first on the front channel, then the selectable behind it with
    // the measured height.
    const float pad = app.unit() * 0.6f;
    const float indent = app.unit() * 0.5f;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImFont* nameFace = nullptr; // measured at the first row, where the text starts
    {
        // Where the rows may go, for the GUI test of what fits (tests/gui/table_fit.sh).
        const ImVec2 at = ImGui::GetCursorPos();
        ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, 0));
        app.traceItem("seats.area");
        ImGui::SetCursorPos(at);
    }
    for (int s = 0; s < game.seatCount(); ++s) {
        ImGui::PushID(s);
        const int role = game.roleOfSeat(s);
        const bool selected = switching ? ui.activeSeat == s : link.ownSeat() == s;
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(start.x + indent, start.y + pad));
        // The lines of one seat close together, the seats apart.
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                            ImVec2(ImGui::GetStyle().ItemSpacing.x, app.unit() * 0.15f));
        ImGui::BeginGroup();
        roleToken(app, game.scenario(), role);
        ImGui::SameLine();
        ImGui::BeginGroup();
        const float textW = right - ImGui::GetCursorScreenPos().x;
        if (!nameFace)
            nameFace = seatNameFace(app, game, textW);
        ImGui::PushFont(nameFace);
        wordWrapped(seatName(app, game, s), textW, 3);
        ImGui::PopFont();
        app.traceItem(("seats.name." + std::to_string(s)).c_str());
        ImGui::PushFont(app.fonts().small);
        // What the room waits for: who is done, who voted (in besluit), on
        // one short line.
        std::vector<std::string> marks;
        if (game.currentPhase() == PhaseKind::Besluit && voteOf(game, s))
            marks.push_back("✓ " + app.tr("table.seat_voted"));
        if (s < static_cast<int>(st.done.size()) && st.done[s])
            marks.push_back("✓ " + app.tr("table.done"));
        for (std::size_t m = 0; m < marks.size(); ++m) {
            if (m > 0 && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x +
                                 ImGui::CalcTextSize(marks[m].c_str()).x <=
                             right)
                ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, theme.good);
            ImGui::TextUnformatted(marks[m].c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
        // A seat called after its role says it once.
        const std::string roleText = roleName(app, game.scenario(), role);
        std::string line = seatName(app, game, s).rfind(roleText, 0) == 0 ? "" : roleText;
        if (link.isBot(s))
            line += (line.empty() ? "" : " · ") + app.tr("table.bot");
        if (s == link.ownSeat())
            line = app.tr("table.you") + (line.empty() ? "" : " · " + line);
        // Presence first: "away" must be read first, even when the line wraps.
        ImVec4 colour = theme.textMuted;
        if (const std::string presence = presenceText(app, link, s, colour); !presence.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            wordWrapped(presence, textW);
            ImGui::PopStyleColor();
        }
        if (!line.empty()) {
            // After the marks when it fits there: a row as short as it can be.
            if (!marks.empty() && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x +
                                          ImGui::CalcTextSize(line.c_str()).x <=
                                      right)
                ImGui::SameLine();
            wordWrapped(line, textW);
        }
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::EndGroup();
        ImGui::EndGroup();
        ImGui::PopStyleVar();
        const float rowH = ImGui::GetItemRectMax().y - start.y + pad;
        draw->ChannelsSetCurrent(0);
        ImGui::SetCursorScreenPos(start);
        if (ImGui::Selectable("##seat", selected, ImGuiSelectableFlags_None, ImVec2(0, rowH)) &&
            !selected && switching) {
            ui.activeSeat = s;
            ui.cardShownFor = -1; // the next player starts behind the privacy screen
            ui.message.clear();
        }
        draw->ChannelsMerge();
        ImGui::PopID();
    }
}

// The seat list as a strip of tokens, for a narrow table (a large UI scale
// on a small screen): the board and the card need the width more than the
// names, which the card's band and each token's tooltip still give. A green
// tick on a token: done with the phase (or voted, in besluit).
void drawSeatsCompact(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    const GameState& st = game.state();
    const bool switching = link.view() == TableView::SharedScreen;
    int done = 0;
    for (bool d : st.done)
        done += d ? 1 : 0;
    ImGui::PushFont(app.fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
    wordWrapped(app.tr("table.done_short", done, game.seatCount()),
                ImGui::GetContentRegionAvail().x);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    {
        // Where the tokens may go, for the GUI test of what fits (tests/gui/table_fit.sh).
        const ImVec2 at = ImGui::GetCursorPos();
        ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, 0));
        app.traceItem("seats.area");
        ImGui::SetCursorPos(at);
    }
    const float lines = 1.5f;
    const float size = ImGui::GetTextLineHeight() * lines;
    for (int s = 0; s < game.seatCount(); ++s) {
        ImGui::PushID(s);
        const int role = game.roleOfSeat(s);
        const bool selected = switching ? ui.activeSeat == s : link.ownSeat() == s;
        const bool ticked = (s < static_cast<int>(st.done.size()) && st.done[s]) ||
                            (game.currentPhase() == PhaseKind::Besluit && voteOf(game, s));
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float pad = app.unit() * 0.4f;
        // As wide as the list (a scrollbar may take its part); the token centred.
        const float rowW = ImGui::GetContentRegionAvail().x;
        const float left = std::max(0.0f, (rowW - size) * 0.5f);
        if (ImGui::Selectable("##seat", selected, ImGuiSelectableFlags_None,
                              ImVec2(rowW, size + 2 * pad)) &&
            !selected && switching) {
            ui.activeSeat = s;
            ui.cardShownFor = -1;
            ui.message.clear();
        }
        if (ImGui::IsItemHovered()) {
            std::string tip = seatWithRole(app, game, s);
            if (link.isBot(s))
                tip += " · " + app.tr("table.bot");
            if (ticked)
                tip += "\n✓ " + app.tr(game.currentPhase() == PhaseKind::Besluit && voteOf(game, s)
                                           ? "table.seat_voted"
                                           : "table.done");
            ImGui::SetTooltip("%s", tip.c_str());
        }
        const ImVec2 after = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(start.x + left, start.y + pad));
        roleToken(app, game.scenario(), role, lines);
        app.traceItem(("seats.token." + std::to_string(s)).c_str());
        if (ticked) {
            ImDrawList* draw = ImGui::GetWindowDrawList();
            const ImVec2 c(start.x + left + size * 0.88f, start.y + pad + size * 0.88f);
            draw->AddCircleFilled(c, size * 0.24f, ui::toU32(app.theme().good));
            draw->AddText(ImVec2(c.x - ImGui::CalcTextSize("✓").x * 0.5f,
                                 c.y - ImGui::GetTextLineHeight() * 0.5f),
                          ui::toU32(app.theme().background), "✓");
        }
        ImGui::SetCursorScreenPos(after);
        ImGui::PopID();
    }
}

// [SECTION] Announcements --------------------------------------------------------------

void drawAnnouncements(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    const GameState& st = game.state();
    const Scenario& sc = game.scenario();
    // Autoplay has nobody to click OK: it shows only the strip.
    if (app.options().autoplay)
        ui.announcementsSeen = st.announcements.size();
    if (ui.announcementPopup < 0 && ui.announcementsSeen < st.announcements.size()) {
        ui.announcementPopup = static_cast<int>(ui.announcementsSeen);
        ImGui::OpenPopup("###announcement");
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.6f, app.unit() * 110), 0));
    const std::string title = app.tr("table.announcement") + "###announcement";
    if (ImGui::BeginPopupModal(title.c_str(), nullptr,
                               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) {
        const int index = ui.announcementPopup;
        if (index >= 0 && index < static_cast<int>(st.announcements.size())) {
            const int e = st.announcements[index].event;
            if (e >= 0 && e < static_cast<int>(sc.events.size())) {
                const Event& ev = sc.events[e];
                ImGui::PushFont(app.fonts().heading);
                ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
                wrappedText(ev.title.empty() ? ev.id : app.text(ev.title));
                ImGui::PopStyleColor();
                ImGui::PopFont();
                ImGui::Spacing();
                wrappedText(app.text(ev.text));
                ImGui::Spacing();
                readAloudButton(app, "read_aloud.announcement", [&] {
                    return spokenSentence(ev.title.empty() ? std::string() : app.text(ev.title)) +
                           app.text(ev.text);
                });
            }
        }
        ImGui::Spacing();
        if (ImGui::Button(app.tr("table.announcement_ok").c_str(), ImVec2(app.unit() * 20, 0)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            ui.announcementsSeen = static_cast<std::size_t>(ui.announcementPopup) + 1;
            ui.announcementPopup = -1;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    } else if (ui.announcementPopup >= 0 && !ImGui::IsPopupOpen("###announcement")) {
        ImGui::OpenPopup("###announcement");
    }
}

// The events of this phase as a calm strip under the banner.
void drawAnnouncementStrip(App& app, const Game& game) {
    const GameState& st = game.state();
    const Scenario& sc = game.scenario();
    for (const Announcement& a : st.announcements) {
        if (a.phase != st.phase || a.event < 0 || a.event >= static_cast<int>(sc.events.size()))
            continue;
        const Event& ev = sc.events[a.event];
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(("▲ " + (ev.title.empty() ? ev.id : app.text(ev.title))).c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        // Beside its title when that leaves a wide column, else under it; on
        // a short screen one line (the whole text is in the tooltip, the
        // modal showed it and the Events tab keeps it).
        const float available = ImGui::GetContentRegionAvail().x;
        const float titleW = ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x;
        const bool beside = available - titleW > ImGui::GetFontSize() * 22;
        if (beside)
            ImGui::SameLine();
        ImGui::BeginGroup();
        wordWrapped(app.text(ev.text), beside ? available - titleW : available,
                    shortOfRoom() ? 1 : 0);
        ImGui::EndGroup();
    }
}

} // namespace table

// [SECTION] Screen ----------------------------------------------------------------------

namespace {

using namespace table;

class TableScreen final : public Screen {
  public:
    explicit TableScreen(std::shared_ptr<TableLink> link, JoinCode join = {})
        : link_(std::move(link)), join_(std::move(join)) {}

    const char* name() const override { return "table"; }

    void onOpen(App& app) override {
        // Also called when the debrief above is popped: keep the seat and
        // what was read then.
        if (!link_->ready() || opened_)
            return;
        opened_ = true;
        const Game& game = link_->game();
        // Start with the first person at the table; bots need no card. A
        // player's laptop has only its own seat.
        // The projector has no seat of its own (-1: no seat highlighted).
        ui_.activeSeat = link_->view() == TableView::Projector ? -1 : std::max(0, link_->ownSeat());
        if (link_->view() == TableView::SharedScreen)
            for (int s = 0; s < game.seatCount(); ++s)
                if (!link_->isBot(s)) {
                    ui_.activeSeat = s;
                    break;
                }
        // The projector shows the facilitator panel beside the board.
        ui_.facilitatorOpen = link_->view() == TableView::Projector;
        // Announcements from before (a resumed session) were already read.
        ui_.announcementsSeen = game.state().announcements.size();
        openedPhase_ = game.state().phase;
    }

    bool onKey(App& app, int key, bool ctrl, bool shift, bool alt) override {
        if (key == sf::Keyboard::F2 && link_->facilitatorAvailable()) {
            toggleFacilitatorDrawer(ui_);
            return true;
        }
        if (key == sf::Keyboard::F3 && link_->view() == TableView::SharedScreen) {
            // next seat, behind the privacy screen
            if (link_->ready()) {
                ui_.activeSeat = (ui_.activeSeat + 1) % std::max(1, link_->game().seatCount());
                ui_.cardShownFor = -1;
            }
            return true;
        }
        return false;
    }

    void draw(App& app) override {
        const ImGuiIO& io = ImGui::GetIO();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
        // The shell clears the frame to theme.background: an opaque window
        // background would fill all of it a second time, and software
        // renderers are fill-rate bound (bench/gui.cmake).
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::withAlpha(app.theme().background, 0.0f));
        ImGui::Begin("##table", nullptr, flags);
        ImGui::PopStyleColor();
        if (!link_->ready()) {
            heading(app, app.tr("table.no_session"));
            if (ImGui::Button(app.tr("table.back_to_title").c_str()))
                app.resetTo(makeTitleScreen(app));
            ImGui::End();
            return;
        }
        TableLink& link = *link_;
        settleMessage(app, link, ui_);
        ui_.supportKnownOnlyFor = link.view() == TableView::Player && !link.game().state().finished
                                      ? link.game().roleOfSeat(std::max(0, link.ownSeat()))
                                      : -1;
        followPhase(app, link);
        drawBannerWithLateJoin(app, link);
        drawNotices(app, link, ui_);
        drawAnnouncementStrip(app, link.game());
        drawSpeakingStrip(app, link, ui_);
        ImGui::Spacing();
        drawColumns(app, link);
        // A stopped session's notice takes the announcements' place (one
        // modal at a time); they stay in the strip.
        if (!link.stop())
            drawAnnouncements(app, link, ui_);
        ImGui::End();
        drawTransition(app, link);
        if (ui_.openDebrief) {
            ui_.openDebrief = false;
            app.push(makeDebriefScreen(app, link_));
        }
    }

  private:
    void drawTransition(App& app, TableLink& link) {
        const int phase = link.game().state().phase;
        if (transitionAtFrame_ >= 0) {
            // Autoplay: counted in frames, so the picture is the same on every
            // run, and taken in the third (ImGui sizes a new window in two),
            // within the frames the director holds a new phase.
            const std::int64_t shown =
                static_cast<std::int64_t>(app.frameCount()) - transitionAtFrame_;
            drawPhaseTransition(app, link.game(), phase, kTransitionFullyShownSeconds);
            if (shown >= 2) {
                app.requestScreenshot("transition");
                transitionPhotographed_ = true;
                transitionAtFrame_ = -1;
            }
            return;
        }
        if (transitionSince_ < 0)
            return;
        if (drawPhaseTransition(app, link.game(), phase, ImGui::GetTime() - transitionSince_))
            app.requestRedraw(); // it fades: every frame until it is gone
        else
            transitionSince_ = -1;
    }

    void followPhase(App& app, TableLink& link) {
        const GameState& st = link.game().state();
        if (st.phase == ui_.lastPhase)
            return;
        // Besluit just ended (not a session resumed after it): its moment.
        // Before the first frame, the phase the table opened on counts: a
        // session continued in besluit can be decided before it is drawn.
        const int before = ui_.lastPhase >= 0 ? ui_.lastPhase : openedPhase_;
        if (before >= 0 && before < st.phase &&
            link.game().phaseKindAt(before) == PhaseKind::Besluit)
            app.push(makeDecisionMomentScreen(app, link_, before));
        // Every later phase change gets its short transition; not the phase
        // the table opens on. Autoplay, whose phase pictures show the table
        // itself, shows the first one for a picture of its own.
        if (ui_.lastPhase >= 0 && !st.finished) {
            if (!app.options().autoplay)
                transitionSince_ = ImGui::GetTime();
            else if (!transitionPhotographed_)
                transitionAtFrame_ = static_cast<std::int64_t>(app.frameCount());
        }
        ui_.lastPhase = st.phase;
        ui_.message.clear();
        ui_.awaitingHost = false;
        ui_.drafts.forPhase = -1; // drafts start over in a new phase
        // Show the board part the phase is about.
        switch (link.game().currentPhase()) {
        case PhaseKind::Kennismaken:
            ui_.boardTabWanted = 0;
            break;
        case PhaseKind::Perspectief:
        case PhaseKind::Waarden:
        case PhaseKind::Randvoorwaarden:
            ui_.boardTabWanted = 1;
            break;
        default:
            ui_.boardTabWanted = 2;
            break;
        }
    }

    void drawColumns(App& app, TableLink& link) {
        const float width = ImGui::GetContentRegionAvail().x;
        const float height = ImGui::GetContentRegionAvail().y;
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const bool projector = link.view() == TableView::Projector;
        // The third column is the facilitator's drawer when it is open (F2),
        // else the active seat's card and actions; the projector has no seat.
        const bool drawer = ui_.facilitatorOpen && link.facilitatorAvailable();
        const bool panel = !projector || drawer;
        // A player's own laptop gives their card and actions more room.
        const bool player = link.view() == TableView::Player;
        // Fewer than about 46 em across (a large UI scale on a small
        // screen): the seats become a strip of tokens.
        ui_.compactSeats = width < ImGui::GetFontSize() * 46;
        const float seatsW = ui_.compactSeats
                                 ? ImGui::GetTextLineHeight() * 1.5f + app.unit() * 0.8f +
                                       2 * ImGui::GetStyle().WindowPadding.x +
                                       ImGui::GetStyle().ScrollbarSize
                                 : std::clamp(width * 0.19f, app.unit() * 26, app.unit() * 44);
        float panelW =
            panel ? std::clamp(width * (player ? 0.42f : 0.34f), app.unit() * 44, app.unit() * 100)
                  : 0;
        // A large UI scale on a small screen: the card gives up room before
        // the board does, so the board's tabs and text stay readable.
        // With the seats as tokens the board takes half.
        const float boardShare = ui_.compactSeats ? 0.5f : 0.36f;
        if (panel && width - seatsW - panelW - 2 * gap < width * boardShare)
            panelW = std::max(width - seatsW - width * boardShare - 2 * gap, app.unit() * 30);
        const float boardW =
            panel ? std::max(width - seatsW - panelW - 2 * gap, app.unit() * 30) : 0.0f;
        const ImGuiWindowFlags childFlags = ImGuiWindowFlags_AlwaysUseWindowPadding;
        ImGui::PushStyleColor(ImGuiCol_ChildBg, app.theme().surface);
        ImGui::BeginChild("seats", ImVec2(seatsW, height), true, childFlags);
        drawSeats(app, link, ui_);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("board", ImVec2(boardW, height), true, childFlags);
        drawBoard(app, link, ui_);
        ImGui::EndChild();
        if (panel) {
            ImGui::SameLine();
            ImGui::BeginChild("panel", ImVec2(0, height), true, childFlags);
            if (drawer) {
                drawFacilitatorDrawer(app, link, ui_);
            } else {
                drawSeatPanel(app, link, ui_);
            }
            ImGui::EndChild();
        }
        ImGui::PopStyleColor();
    }

    // The projector's banner with the QR code for late joiners in its top
    // right corner, beside the clock: it covers neither the board nor the
    // seats, and the facilitator can hide it.
    void drawBannerWithLateJoin(App& app, TableLink& link) {
        const bool corner = link.view() == TableView::Projector && !join_.empty() &&
                            !join_.qr.empty() && !link.game().state().finished;
        const ImVec2 size = corner ? lateJoinSize(app, join_, lateJoinShown_) : ImVec2(0, 0);
        ui_.bannerInset = corner ? size.x + 3 * app.unit() : 0.0f;
        const ImVec2 start = ImGui::GetCursorPos();
        drawBanner(app, link, ui_);
        if (!corner)
            return;
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - size.x, start.y));
        const float height = drawLateJoin(app, join_, lateJoinShown_);
        ImGui::SetCursorPos(
            ImVec2(after.x, std::max(after.y, start.y + height + ImGui::GetStyle().ItemSpacing.y)));
    }

    std::shared_ptr<TableLink> link_;
    TableUi ui_;
    bool opened_ = false;
    JoinCode join_; // the host's projector only
    bool lateJoinShown_ = true;
    double transitionSince_ = -1;         // ImGui time the phase transition began, -1 none
    std::int64_t transitionAtFrame_ = -1; // autoplay: the frame its transition began
    bool transitionPhotographed_ = false;
    int openedPhase_ = -1; // the phase when the table opened
};

} // namespace

std::unique_ptr<Screen> makeTableScreen(App& app) {
    return std::make_unique<TableScreen>(app.link());
}

bool isTableScreen(const Screen* screen) {
    return dynamic_cast<const TableScreen*>(screen) != nullptr;
}

std::unique_ptr<Screen> makeTableScreen(App& app, std::shared_ptr<TableLink> link) {
    return std::make_unique<TableScreen>(std::move(link));
}

std::unique_ptr<Screen> makeTableScreen(App& app, std::shared_ptr<TableLink> link,
                                        const JoinCode& join) {
    return std::make_unique<TableScreen>(std::move(link), join);
}

} // namespace samenspel
