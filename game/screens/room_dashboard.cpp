// The facilitator's room dashboard: every table of a room at a glance, on
// the projector or the facilitator's laptop. One tile per table (its phase
// and countdown, who is there, the proposal that leads, whether it decided),
// the alerts of engine/core/room_alerts, buttons that act on every table at
// once, and a way into one table's own board. With more tables than fit as
// tiles, one line per table. It reads a RoomSource (room_source.hpp), so a
// hosted room and a local room of bots look the same.
//
// [SECTION] index
//   What a tile says ........ leadingText, decisionText (and room_source.hpp)
//   Screen .................. RoomDashboardScreen (bar, tiles or lines, alerts)
#include <algorithm>
#include <cstdio>

#include <SFML/Window/Keyboard.hpp>

#include "core/room_alerts.hpp"
#include "core/scoring.hpp"
#include "core/wording.hpp"
#include "room_source.hpp"
#include "screens.hpp"
#include "table_view.hpp"

namespace samenspel {

namespace {

using namespace table;

// [SECTION] What a tile says --------------------------------------------------------

std::string leadingText(const App& app, const Game& game, const LeadingProposal& lead) {
    if (lead.proposal < 0)
        return app.tr("room.no_proposal");
    const ProposalNumber n = proposalNumber(game.state(), lead.proposal);
    const std::string lowest = formatNumber(app, roundSupport(lead.lowest), 0);
    return n.version > 1 ? app.tr("room.leading_version", n.number, n.version, lowest)
                         : app.tr("room.leading", n.number, lowest);
}

// The decision line and its colour.
std::pair<std::string, ImVec4> decisionText(const App& app, const Game& game) {
    const Decision& d = game.state().decision;
    if (d.taken)
        return d.gedragen ? std::pair{app.tr("room.decided_gedragen"), app.theme().good}
                          : std::pair{app.tr("room.decided_not_gedragen"), app.theme().warning};
    if (reachedDecision(game))
        return {app.tr("room.no_decision_taken"), app.theme().bad};
    return {app.tr("room.no_decision_yet"), app.theme().textMuted};
}

std::string phaseLabel(const App& app, const RoomTable& t) {
    const Game& g = *t.game;
    if (g.state().finished)
        return app.tr("room.finished");
    return phaseName(app, g.scenario(), g.state().phase);
}

void rightAligned(const std::string& text) {
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    ImGui::TextUnformatted(text.c_str());
}

// [SECTION] Screen ----------------------------------------------------------------------

class RoomDashboardScreen final : public Screen {
  public:
    explicit RoomDashboardScreen(std::shared_ptr<RoomSource> room) : room_(std::move(room)) {}
    const char* name() const override { return "room"; }

    void onOpen(App& app) override { app.setRoom(room_); }

    // The tiles change when anything happens at a table and every second
    // of a countdown: only then is a new frame worth drawing.
    void update(App& app, double) override {
        std::uint64_t actions = 0;
        std::int64_t seconds = 0;
        for (int t = 0; t < room_->tableCount(); ++t) {
            const RoomTable table = room_->table(t);
            if (!table.game)
                continue;
            actions += table.game->state().actionCount;
            seconds = std::max(seconds, table.clockMs / 1000);
        }
        if (actions != seenActions_ || seconds != seenSecond_)
            app.requestRedraw();
        seenActions_ = actions;
        seenSecond_ = seconds;
    }

    void draw(App& app) override {
        const ImGuiIO& io = ImGui::GetIO();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##room", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
        tables_.clear();
        for (int t = 0; t < room_->tableCount(); ++t)
            tables_.push_back(room_->table(t));
        drawBar(app);
        const float alertsW = std::clamp(ImGui::GetContentRegionAvail().x * 0.27f,
                                         15 * ImGui::GetFontSize(), 26 * ImGui::GetFontSize());
        const float tilesW = ImGui::GetContentRegionAvail().x - alertsW - app.unit() * 2;
        ImGui::BeginChild("##tables", ImVec2(tilesW, 0));
        drawTables(app);
        ImGui::EndChild();
        ImGui::SameLine(0, app.unit() * 2);
        ImGui::BeginChild("##alerts", ImVec2(0, 0));
        drawAlerts(app);
        ImGui::EndChild();
        ImGui::End();
        drawEventPicker(app);
        drawCloseQuestion(app);
    }

  private:
    // [Bar] the room's name, its counts, and what acts on every table.
    void drawBar(App& app) {
        int decided = 0;
        bool anyRunning = false, anyOpen = false;
        for (const RoomTable& t : tables_) {
            if (!t.game)
                continue;
            decided += t.game->state().decision.taken ? 1 : 0;
            anyOpen = anyOpen || !t.game->state().finished;
            anyRunning = anyRunning || (!t.game->state().paused && !t.game->state().finished);
        }
        ImGui::PushFont(app.fonts().title);
        ImGui::TextUnformatted(app.tr("room.title").c_str());
        ImGui::PopFont();
        ImGui::SameLine(0, app.unit() * 3);
        ImGui::PushFont(app.fonts().heading);
        const std::string counts =
            app.catalog().trCount("room.tables", static_cast<long long>(tables_.size())) + " · " +
            app.catalog().trCount("room.decided", decided);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                             (app.fonts().title->FontSize - app.fonts().heading->FontSize) * 0.5f);
        ImGui::TextUnformatted(counts.c_str());
        ImGui::PopFont();

        ImGui::PushFont(app.fonts().bold);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(app.tr("room.all_tables").c_str());
        // Buttons that do not fit beside the one before go to the next line.
        const auto nextButton = [](const std::string& label) {
            const float w =
                ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
            if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <=
                ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
                ImGui::SameLine();
            return ImGui::Button(label.c_str());
        };
        const auto facilitator = [](ActionType type) {
            Action a;
            a.type = type;
            a.seat = kFacilitator;
            a.seconds = type == ActionType::Extend ? 300 : 0;
            return a;
        };
        // Once every table finished, nothing is left to act on.
        ImGui::BeginDisabled(!anyOpen);
        // Pause while any table runs; once all are paused (or done), resume.
        const char* pauseKey = anyRunning ? "room.pause_all" : "room.resume_all";
        if (nextButton(app.tr(pauseKey)))
            toAll(app, facilitator(anyRunning ? ActionType::Pause : ActionType::Resume));
        app.traceItem(pauseKey);
        if (nextButton(app.tr("room.extend_all")))
            toAll(app, facilitator(ActionType::Extend));
        app.traceItem("room.extend_all");
        if (nextButton(app.tr("room.next_phase_all")))
            toAll(app, facilitator(ActionType::Advance));
        app.traceItem("room.next_phase_all");
        const bool events = !tables_.empty() && tables_.front().game &&
                            !tables_.front().game->scenario().events.empty();
        if (events) {
            if (nextButton(app.tr("room.event_all")))
                pickingEvent_ = true;
            app.traceItem("room.event_all");
        }
        ImGui::EndDisabled();
        // Every table finished: the room turns to the plenary.
        const bool started = !tables_.empty() && tables_.front().game;
        if (started && !anyOpen) {
            if (nextButton(app.tr("room.to_plenary")))
                openPlenary(app);
            app.traceItem("room.to_plenary");
        }
        // Closing a room that still plays ends every table: asked first.
        if (nextButton(app.tr("room.close")))
            closing_ = true;
        app.traceItem("room.close");
        if (closing_ && !anyOpen)
            closeRoom(app);
        ImGui::PopFont();
        if (!message_.empty())
            wrappedText(message_);
        ImGui::Spacing();
    }

    // The tables side by side, from their games as they ended (what each
    // table's log replays to); the logs go along for the room report.
    void openPlenary(App& app) {
        PlenaryInput input;
        for (const RoomTable& t : tables_) {
            if (!t.game)
                continue;
            if (!input.scenario)
                input.scenario = t.game->scenarioPtr();
            input.tables.push_back(plenaryTableOf(*t.game, std::to_string(t.table + 1)));
            input.logs.push_back(t.logPath);
        }
        app.push(makePlenaryScreen(app, std::move(input)));
    }

    void toAll(App& app, const Action& action) {
        int refused = 0;
        std::string why;
        for (const ApplyResult& r : room_->submitFacilitatorToAll(action)) {
            // A table that finished has nothing to pause or extend: no news.
            if (r.accepted || r.refusal.key == "refuse.finished")
                continue;
            if (refused++ == 0)
                why = refusalText(app, r.refusal);
        }
        message_ = refused == 0 ? std::string()
                                : app.catalog().trCount("room.refused", refused,
                                                        std::vector<std::string>{why});
        app.requestRedraw();
    }

    // Tells the players (a hosted room's farewell) and goes back to where
    // the room was opened from; the logs stay, every finished table is in
    // the archive.
    void closeRoom(App& app) {
        closing_ = false;
        app.setRoom(nullptr);
        app.endSession();
        app.pop();
    }

    void drawCloseQuestion(App& app) {
        if (!closing_)
            return;
        int playing = 0;
        for (const RoomTable& t : tables_)
            playing += t.game && !t.game->state().finished ? 1 : 0;
        const ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f,
                            ImGui::GetIO().DisplaySize.y * 0.5f);
        ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::Begin("##room_close", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings);
        heading(app, app.catalog().trCount("room.close_question", playing));
        ImGui::Spacing();
        if (ImGui::Button(app.tr("room.close_yes").c_str()))
            closeRoom(app);
        app.traceItem("room.close_yes");
        ImGui::SameLine();
        if (ImGui::Button(app.tr("room.cancel").c_str()) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            closing_ = false;
        ImGui::End();
    }

    void drawEventPicker(App& app) {
        if (!pickingEvent_ || tables_.empty() || !tables_.front().game)
            return;
        const Scenario& sc = tables_.front().game->scenario();
        const ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f,
                            ImGui::GetIO().DisplaySize.y * 0.5f);
        ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::Begin("##room_event", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings);
        heading(app, app.tr("room.event_pick"));
        for (int e = 0; e < static_cast<int>(sc.events.size()); ++e) {
            const std::string title = app.text(sc.events[static_cast<std::size_t>(e)].title);
            if (ImGui::Button((title + "##event" + std::to_string(e)).c_str())) {
                Action a;
                a.type = ActionType::InjectEvent;
                a.seat = kFacilitator;
                a.event = e;
                toAll(app, a);
                pickingEvent_ = false;
            }
        }
        ImGui::Spacing();
        if (ImGui::Button(app.tr("room.cancel").c_str()) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            pickingEvent_ = false;
        ImGui::End();
    }

    // [Tables] tiles when they fit, else one line per table.
    void drawTables(App& app) {
        const float minTileW = 16 * ImGui::GetFontSize();
        const float gap = app.unit() * 1.5f;
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const int columns = std::max(1, static_cast<int>((avail.x + gap) / (minTileW + gap)));
        const float tileW =
            (avail.x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        const float tileH = app.fonts().heading->FontSize + 5 * tileLineHeight() +
                            2 * tilePadding(app).y + ImGui::GetStyle().ItemSpacing.y;
        const int rows = (static_cast<int>(tables_.size()) + columns - 1) / columns;
        if (rows > 1 && rows * (tileH + gap) - gap > avail.y) {
            drawLines(app);
            return;
        }
        for (int i = 0; i < static_cast<int>(tables_.size()); ++i) {
            if (i % columns != 0)
                ImGui::SameLine(0, gap);
            else if (i > 0)
                ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
            drawTile(app, tables_[static_cast<std::size_t>(i)], ImVec2(tileW, tileH));
        }
    }

    // Lines in a tile sit closer than in the rest of the screen: a tile is
    // one thing, read at once.
    static float tileLineHeight() { return ImGui::GetFontSize() * 1.25f; }
    static ImVec2 tilePadding(const App& app) { return ImVec2(app.unit() * 1.5f, app.unit()); }

    void drawTile(App& app, const RoomTable& t, ImVec2 size) {
        const std::string id = "tile." + std::to_string(t.table);
        const bool gedragen =
            t.game && t.game->state().decision.taken && t.game->state().decision.gedragen;
        ImGui::PushStyleColor(ImGuiCol_Border, gedragen ? app.theme().good : app.theme().border);
        ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, app.unit());
        ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, gedragen ? 3.0f : 1.5f);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, tilePadding(app));
        ImGui::BeginChild(("##" + id).c_str(), size, true, ImGuiWindowFlags_NoScrollbar);
        ImGui::PushStyleVar(
            ImGuiStyleVar_ItemSpacing,
            ImVec2(ImGui::GetStyle().ItemSpacing.x, tileLineHeight() - ImGui::GetFontSize()));
        ImGui::PushFont(app.fonts().heading);
        ImGui::TextUnformatted(app.tr("room.table", t.table + 1).c_str());
        ImGui::PopFont();
        app.traceItem(id.c_str());
        if (t.game) {
            // The countdown beside the table's name, where the eye lands first.
            ImGui::PushFont(app.fonts().heading);
            if (t.game->state().paused) {
                ImGui::PopFont();
                ImGui::SameLine();
                badge(app, app.tr("room.paused"), app.theme().warning);
                app.traceItem((id + ".paused").c_str());
                ImGui::PushFont(app.fonts().heading);
            }
            if (!t.game->state().finished)
                rightAligned(clockText(t.phaseRemainingMs));
            ImGui::PopFont();
            drawTileBody(app, t, id);
        } else {
            mutedText(app, app.tr("room.not_started"));
        }
        ImGui::PopStyleVar();
        ImGui::EndChild();
        ImGui::PopStyleVar(3);
        ImGui::PopStyleColor();
    }

    void drawTileBody(App& app, const RoomTable& t, const std::string& id) {
        const Game& g = *t.game;
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(phaseLabel(app, t).c_str());
        if (g.state().finished)
            app.traceItem((id + ".finished").c_str());
        const std::string open = app.tr("room.open_table");
        const float w = ImGui::CalcTextSize(open.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                            ImVec2(ImGui::GetStyle().FramePadding.x, 0));
        if (ImGui::Button((open + "##" + id).c_str()))
            openTable(app, t.table);
        ImGui::PopStyleVar();
        app.traceItem((id + ".open").c_str());
        ImGui::PopFont();
        const std::string presence = presenceText(app.catalog(), t);
        ImGui::TextUnformatted(presence.empty() ? " " : presence.c_str());
        const LeadingProposal lead = leadingProposal(g);
        ImGui::TextUnformatted(leadingText(app, g, lead).c_str());
        if (lead.proposal >= 0)
            ImGui::TextUnformatted(
                app.catalog()
                    .trCount("room.accepts", lead.accepting,
                             std::vector<std::string>{std::to_string(g.scenario().roles.size())})
                    .c_str());
        else
            ImGui::TextUnformatted(" ");
        const auto [decision, colour] = decisionText(app, g);
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextColored(colour, "%s", decision.c_str());
        ImGui::PopFont();
    }

    // One line per table, for a room whose tiles do not fit: large type
    // while the lines fit the screen, the body's size beyond that (and a
    // scroll bar from 20 or so tables on). A click on a line opens its table.
    void drawLines(App& app) {
        const float rowsH = static_cast<float>(tables_.size() + 1) *
                            (app.fonts().heading->FontSize + 2 * ImGui::GetStyle().CellPadding.y);
        // Large type needs the width too: a long phase name and "niet
        // gedragen" side by side.
        const bool large = rowsH <= ImGui::GetContentRegionAvail().y &&
                           ImGui::GetContentRegionAvail().x >= 48 * ImGui::GetFontSize();
        ImFont* font = large ? app.fonts().heading : app.fonts().bold;
        const ImGuiTableFlags flags =
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
        if (!ImGui::BeginTable("##room_lines", 6, flags))
            return;
        ImGui::PushFont(font);
        const auto width = [](const std::string& text) {
            return ImGui::CalcTextSize(text.c_str()).x;
        };
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(app.tr("room.col.table").c_str(), ImGuiTableColumnFlags_WidthFixed,
                                width(app.tr("room.table", 50)));
        ImGui::TableSetupColumn(app.tr("room.col.phase").c_str(), 0, 1.4f);
        ImGui::TableSetupColumn(app.tr("room.col.time").c_str(), ImGuiTableColumnFlags_WidthFixed,
                                std::max(width("00:00"), width(app.tr("room.paused"))));
        ImGui::TableSetupColumn(app.tr("room.col.lowest").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(app.tr("room.col.accepts").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(app.tr("room.col.decision").c_str(), 0, 1.2f);
        ImGui::PopFont();
        ImGui::TableHeadersRow(); // in the body's type: the lines are what counts
        ImGui::PushFont(font);
        for (const RoomTable& t : tables_)
            drawLine(app, t);
        ImGui::PopFont();
        ImGui::EndTable();
    }

    void drawLine(App& app, const RoomTable& t) {
        const std::string id = "tile." + std::to_string(t.table);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable((app.tr("room.table", t.table + 1) + "##" + id).c_str(), false,
                              ImGuiSelectableFlags_SpanAllColumns) &&
            t.game)
            openTable(app, t.table);
        app.traceItem(id.c_str());
        app.traceItem((id + ".open").c_str());
        ImGui::TableNextColumn();
        if (!t.game) {
            mutedText(app, app.tr("room.not_started"));
            return;
        }
        const GameState& st = t.game->state();
        ImGui::TextUnformatted(phaseLabel(app, t).c_str());
        if (st.finished)
            app.traceItem((id + ".finished").c_str());
        ImGui::TableNextColumn();
        if (st.paused) {
            ImGui::TextColored(app.theme().warning, "%s", app.tr("room.paused").c_str());
            app.traceItem((id + ".paused").c_str());
        } else if (!st.finished) {
            ImGui::TextUnformatted(clockText(t.phaseRemainingMs).c_str());
        }
        const LeadingProposal lead = leadingProposal(*t.game);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(
            lead.proposal >= 0 ? formatNumber(app, roundSupport(lead.lowest), 0).c_str() : "–");
        ImGui::TableNextColumn();
        if (lead.proposal >= 0)
            ImGui::TextUnformatted(
                app.tr("room.accepts_short", lead.accepting, t.game->scenario().roles.size())
                    .c_str());
        ImGui::TableNextColumn();
        const Decision& d = st.decision;
        const char* key = d.taken ? (d.gedragen ? "room.short.gedragen" : "room.short.not_gedragen")
                          : reachedDecision(*t.game) ? "room.short.none"
                                                     : "room.short.pending";
        const ImVec4 colour =
            d.taken ? (d.gedragen ? app.theme().good : app.theme().warning) : app.theme().textMuted;
        ImGui::TextColored(colour, "%s", app.tr(key).c_str());
    }

    // [Alerts] in the facilitator's words, table by table.
    void drawAlerts(App& app) {
        heading(app, app.tr("room.alerts"));
        std::vector<AlertTable> view;
        for (const RoomTable& t : tables_)
            view.push_back({t.started ? t.game : nullptr, t.clockMs});
        const std::vector<RoomAlert> alerts = roomAlerts(view, app.lang());
        if (alerts.empty())
            mutedText(app, app.tr("room.no_alerts"));
        ImGui::PushTextWrapPos(0.0f);
        for (const RoomAlert& a : alerts) {
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::BeginGroup(); // a long alert wraps under its own first line
            ImGui::TextUnformatted(app.catalog().trCount(a.key, a.count, a.args).c_str());
            ImGui::EndGroup();
            ImGui::Spacing();
        }
        ImGui::PopTextWrapPos();
    }

    void openTable(App& app, int t) {
        if (std::shared_ptr<TableLink> link = room_->tableLink(t))
            app.push(makeRoomTableScreen(app, t, std::move(link)));
    }

    std::shared_ptr<RoomSource> room_;
    std::vector<RoomTable> tables_; // this frame's
    std::string message_;
    bool pickingEvent_ = false;
    bool closing_ = false; // "close the room" asked, the answer not yet given
    std::uint64_t seenActions_ = 0;
    std::int64_t seenSecond_ = -1;
};

} // namespace

std::unique_ptr<Screen> makeRoomDashboardScreen(App& app, std::shared_ptr<RoomSource> room) {
    app.setRoom(room);
    return std::make_unique<RoomDashboardScreen>(std::move(room));
}

} // namespace samenspel
