// The debrief: what the facilitator shows the room after the session. Tabs,
// one subject each so a projector shows one thing at a time: overview (the
// decision, support per role, support over time), begrip, who took part,
// every role card, points for reflection. "Export report" writes the HTML
// session report beside the session log.
#include <SFML/Window/Keyboard.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/session_files.hpp"
#include "open_folder.hpp"
#include "report.hpp"
#include "screens/screens.hpp"
#include "screens/table_view.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel {

namespace {

using namespace table;

// A seat with its role, and "bot" after a bot's, so the room never mistakes
// a bot's numbers for a person's.
std::string seatLabel(const App& app, const Game& game, int seat) {
    const bool bot = seat >= 0 && seat < game.seatCount() && game.setup().seats[seat].bot;
    return seatWithRole(app, game, seat) + (bot ? " · " + app.tr("table.bot") : "");
}

class DebriefScreen final : public Screen {
  public:
    explicit DebriefScreen(std::shared_ptr<TableLink> link) : link_(std::move(link)) {}
    const char* name() const override { return "debrief"; }

    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key >= sf::Keyboard::Num1 && key <= sf::Keyboard::Num6) { // jump to a tab
            tabWanted_ = key - sf::Keyboard::Num1;
            return true;
        }
        return false;
    }

    void draw(App& app) override {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        // The shell already cleared the frame to theme.background; an opaque
        // window would fill every pixel a second time, and software renderers
        // are fill-rate bound (docs/ui.md, like the table screen).
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::withAlpha(app.theme().background, 0.0f));
        ImGui::Begin("##debrief", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::PopStyleColor();
        if (!link_->ready()) {
            heading(app, app.tr("table.no_session"));
            if (ImGui::Button(app.tr("table.back_to_title").c_str()))
                app.resetTo(makeTitleScreen(app));
            ImGui::End();
            return;
        }
        const Game& game = link_->game();
        if (measuredAt_ != game.state().actionCount || !measured_) {
            measurements_ = game.measure();
            measured_ = true;
            measuredAt_ = game.state().actionCount;
        }
        if (!header(app, *link_)) {
            ImGui::End();
            return; // the session was just ended: nothing left to draw
        }
        ImGui::Spacing();
        tabs(app, *link_);
        ImGui::End();
    }

  private:
    // False when the session was ended here (to the title).
    bool header(App& app, TableLink& link) {
        const Game& game = link.game();
        ImGui::PushFont(app.fonts().title);
        ImGui::TextUnformatted(app.tr("debrief.title", app.text(game.scenario().title)).c_str());
        ImGui::PopFont();
        if (!game.state().finished) {
            ImGui::SameLine();
            badge(app, app.tr("debrief.not_finished"), app.theme().warning);
        }
        if (ImGui::Button(app.tr("debrief.export").c_str()))
            exportReport(app, link);
        ImGui::SameLine();
        // Autoplay replaced the table with this screen: there is nothing to go back to.
        if (!app.options().autoplay) {
            if (ImGui::Button(app.tr("debrief.back_to_table").c_str()))
                app.pop();
            ImGui::SameLine();
        }
        if (ImGui::Button(app.tr("debrief.to_title").c_str())) {
            // The session closes: a local log stays resumable, a host says
            // goodbye to its players, a player's laptop disconnects.
            app.endSession();
            app.resetTo(makeTitleScreen(app));
            return false;
        }
        if (!exportMessage_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text,
                                  exportFailed_ ? app.theme().bad : app.theme().good);
            wrappedText(exportMessage_);
            ImGui::PopStyleColor();
            // Where the file went is for the facilitator's file manager, not
            // for the room: a button instead of a path on the projector.
            if (!exportFailed_ && ImGui::Button(app.tr("ui.show_in_folder").c_str()))
                folderMessage_ = showFolderMessage(app.catalog(), exportFolder_);
            if (!folderMessage_.empty())
                mutedText(app, folderMessage_);
        }
        return true;
    }

    void exportReport(App& app, TableLink& link) {
        ReportOptions options;
        options.lang = app.lang();
        const std::string path = SessionFiles::report(link.logPath());
        std::string error;
        const Catalog& catalog = app.catalog();
        folderMessage_.clear();
        if (writeSessionReport(link.game(), translateWith(catalog), options, path, error)) {
            exportMessage_ = app.tr("debrief.exported");
            exportFolder_ = std::filesystem::path(path).parent_path().string();
            exportFailed_ = false;
        } else {
            exportMessage_ = app.tr("debrief.export_failed", error);
            exportFailed_ = true;
        }
    }

    void tabs(App& app, TableLink& link) {
        if (!ImGui::BeginTabBar("debrief_tabs"))
            return;
        const char* keys[] = {"debrief.tab.overview", "debrief.tab.begrip",
                              "debrief.tab.inclusie", "debrief.tab.roles",
                              "debrief.tab.history",  "debrief.tab.reflection"};
        for (int tab = 0; tab < 6; ++tab) {
            const std::string label =
                std::to_string(tab + 1) + "  " + app.tr(keys[tab]) + "###d" + std::to_string(tab);
            if (ImGui::BeginTabItem(label.c_str(), nullptr,
                                    tabWanted_ == tab ? ImGuiTabItemFlags_SetSelected : 0)) {
                // The tab's children only scroll: transparent over the shell's
                // clear, so no pixel is filled twice (role cards draw their own).
                ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
                ImGui::BeginChild("content", ImVec2(0, 0), false);
                switch (tab) {
                case 0:
                    overview(app, link);
                    break;
                case 1:
                    begrip(app, link);
                    break;
                case 2:
                    inclusie(app, link);
                    break;
                case 3:
                    roleCards(app, link);
                    break;
                case 4:
                    history(app, link);
                    break;
                default:
                    reflection(app, link);
                    break;
                }
                ImGui::EndChild();
                ImGui::PopStyleColor();
                ImGui::EndTabItem();
            }
        }
        tabWanted_ = -1;
        ImGui::EndTabBar();
    }

    // [Overview] the decision beside support per role; support over time below.
    void overview(App& app, TableLink& link) {
        const Game& game = link.game();
        const Scenario& sc = game.scenario();
        const GameState& st = game.state();
        const float width = ImGui::GetContentRegionAvail().x;
        const int focus = proposalInFocus(st);
        ImGui::BeginChild("decision",
                          ImVec2(width * 0.45f, ImGui::GetContentRegionAvail().y * 0.46f), false);
        heading(app, app.tr("debrief.decision"));
        if (st.decision.taken) {
            wrappedText(app.tr("debrief.decision_taken",
                               proposalRef(app.catalog(), st, st.decision.proposal)));
            badge(app,
                  st.decision.gedragen ? "✓ " + app.tr("table.decision_gedragen")
                                       : "✗ " + app.tr("table.decision_not_gedragen"),
                  st.decision.gedragen ? app.theme().good : app.theme().bad);
        } else {
            wrappedText(app.tr("debrief.no_decision"));
        }
        if (focus >= 0) {
            const Proposal& p = st.proposals[focus];
            if (!st.decision.taken)
                mutedText(app,
                          app.tr("debrief.latest_proposal", proposalRef(app.catalog(), st, p.id)));
            packageRows(app, sc, p.package, nullptr);
            conditionRows(app, game, p);
            const Draagvlak dv =
                st.decision.taken ? st.decision.draagvlak : draagvlak(sc, st.world, p.package);
            ImGui::TextUnformatted(app.tr("debrief.draagvlak",
                                          formatNumber(app, roundSupport(dv.minimum), 1),
                                          formatNumber(app, roundSupport(dv.mean), 1))
                                       .c_str());
            ImGui::TextUnformatted(
                app.tr("debrief.public_value",
                       formatNumber(app, roundSupport(publicValue(sc, p.package)), 1))
                    .c_str());
            // Bare numbers mean nothing to a room: say what the scale is.
            mutedText(app, app.tr("debrief.support_scale", formatNumber(app, sc.minSupport, 0)));
            mutedText(app, app.tr("debrief.public_value_scale"));
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("bars", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.46f), false);
        heading(app, app.tr("debrief.support_per_role"));
        if (focus >= 0) {
            const std::vector<double> support = supportInFocus(game);
            std::vector<ui::SupportBar> bars;
            for (int r = 0; r < static_cast<int>(support.size()); ++r) {
                ui::SupportBar b;
                b.label = roleName(app, sc, r);
                b.value = static_cast<float>(support[r]);
                b.colour = r;
                if (!canAccept(sc, st.world, r, st.proposals[focus].package))
                    b.note = "✗ " + app.tr("table.red_line");
                bars.push_back(b);
            }
            ui::SupportBarsOptions o;
            o.lang = app.lang();
            o.minSupport = static_cast<float>(sc.minSupport);
            o.minLabel = app.tr("table.min_support", formatNumber(app, sc.minSupport, 0));
            ui::supportBars("decision_support", bars, o, app.theme());
        } else {
            mutedText(app, app.tr("table.no_proposals"));
        }
        ImGui::EndChild();
        heading(app, app.tr("debrief.support_over_time"));
        supportOverTime(app, game);
    }

    void supportOverTime(App& app, const Game& game) {
        const Scenario& sc = game.scenario();
        const GameState& st = game.state();
        if (st.supportHistory.empty()) {
            mutedText(app, app.tr("debrief.no_history"));
            return;
        }
        std::vector<ui::ChartLine> lines(sc.roles.size());
        for (int r = 0; r < static_cast<int>(lines.size()); ++r) {
            lines[r].label = roleName(app, sc, r);
            lines[r].colour = r;
        }
        for (const SupportSample& s : st.supportHistory)
            for (int r = 0;
                 r < static_cast<int>(lines.size()) && r < static_cast<int>(s.support.size()); ++r)
                lines[r].points.push_back(ImVec2(static_cast<float>(s.timeMs) / 60000.0f,
                                                 static_cast<float>(s.support[r])));
        ui::LineChartOptions o;
        o.lang = app.lang();
        // From the minute before the first proposal: before it there is nothing to show.
        o.xMin = std::max(
            0.0f,
            std::floor(static_cast<float>(st.supportHistory.front().timeMs) / 60000.0f) - 1.0f);
        o.xMax = std::max(o.xMin + 1.0f, static_cast<float>(st.nowMs) / 60000.0f);
        o.xLabel = app.tr("debrief.axis_minutes");
        o.yLabel = app.tr("debrief.axis_support");
        o.referenceLine = true;
        o.referenceY = static_cast<float>(sc.minSupport);
        o.referenceLabel = app.tr("table.min_support", formatNumber(app, sc.minSupport, 0));
        for (const Announcement& a : st.announcements)
            if (a.event >= 0 && a.event < static_cast<int>(sc.events.size())) {
                const Event& e = sc.events[a.event];
                o.marks.push_back({static_cast<float>(a.timeMs) / 60000.0f,
                                   e.title.empty() ? e.id : app.text(e.title)});
            }
        // The chart's height includes its event names and legend.
        o.height = std::max(ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y,
                            ImGui::GetTextLineHeight() * 8);
        ui::lineChart("support_time", lines, o, app.theme());
    }

    // [Begrip] before and after per player.
    void begrip(App& app, TableLink& link) {
        const Game& game = link.game();
        heading(app, app.tr("debrief.begrip"));
        mutedText(app, app.tr("debrief.begrip_explain"));
        ImGui::Spacing();
        const auto percent = [&](const std::optional<double>& v) {
            return v ? formatNumber(app, 100.0 * *v, 0) + "%" : app.tr("debrief.no_prediction");
        };
        // The group's headline first: with many players the table scrolls.
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("debrief.begrip_group", percent(measurements_.begripBefore),
                                      percent(measurements_.begripAfter))
                                   .c_str());
        ImGui::PopFont();
        // A percentage of "top values named" is abstract; "7 of every 10" is not.
        if (measurements_.begripBefore && measurements_.begripAfter)
            wrappedText(app.tr("debrief.begrip_meaning",
                               formatNumber(app, 10.0 * *measurements_.begripBefore, 0),
                               formatNumber(app, 10.0 * *measurements_.begripAfter, 0)));
        ImGui::Spacing();
        if (ImGui::BeginTable("begrip", 3,
                              ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn(app.tr("debrief.player").c_str(),
                                    ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(app.tr("debrief.before").c_str(),
                                    ImGuiTableColumnFlags_WidthStretch, 1.2f);
            ImGui::TableSetupColumn(app.tr("debrief.after").c_str(),
                                    ImGuiTableColumnFlags_WidthStretch, 1.2f);
            ImGui::TableHeadersRow();
            for (int s = 0;
                 s < static_cast<int>(measurements_.begrip.size()) && s < game.seatCount(); ++s) {
                const SeatBegrip& b = measurements_.begrip[s];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ui::markerInline(game.roleOfSeat(s), app.theme());
                ImGui::SameLine();
                wrappedText(seatLabel(app, game, s));
                ImGui::TableNextColumn();
                ui::shareBar(static_cast<float>(b.before.value_or(0)), percent(b.before), 5,
                             app.theme());
                ImGui::TableNextColumn();
                ui::shareBar(static_cast<float>(b.after.value_or(0)), percent(b.after), 0,
                             app.theme());
            }
            ImGui::EndTable();
        }
    }

    // [Inclusie] actions per player and per role, roles heard.
    void inclusie(App& app, TableLink& link) {
        const Game& game = link.game();
        const Scenario& sc = game.scenario();
        const Measurements& m = measurements_;
        heading(app, app.tr("debrief.inclusie"));
        wrappedText(app.tr("debrief.inclusie_score", formatNumber(app, m.inclusie, 2)));
        if (m.inclusieOverPeople)
            mutedText(app, app.tr("debrief.inclusie_people"));
        mutedText(app, app.tr("debrief.inclusie_explain"));
        const float half = ImGui::GetContentRegionAvail().x * 0.5f;
        int maxSeat = 1, maxRole = 1;
        for (int n : m.actionsPerSeat)
            maxSeat = std::max(maxSeat, n);
        for (int n : m.actionsPerRole)
            maxRole = std::max(maxRole, n);
        ImGui::BeginChild("per_seat", ImVec2(half, 0), false);
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("debrief.actions_per_player").c_str());
        ImGui::PopFont();
        // People first; where people played, the bots apart below them.
        for (int bots = 0; bots < 2; ++bots) {
            if (bots == 1 && m.inclusieOverPeople) {
                ImGui::Spacing();
                mutedText(app, app.tr("debrief.bots_apart"));
            }
            for (int s = 0; s < static_cast<int>(m.actionsPerSeat.size()) && s < game.seatCount();
                 ++s) {
                if (game.setup().seats[s].bot != (bots == 1))
                    continue;
                wrappedText(seatLabel(app, game, s));
                ui::shareBar(static_cast<float>(m.actionsPerSeat[s]) / static_cast<float>(maxSeat),
                             std::to_string(m.actionsPerSeat[s]), game.roleOfSeat(s), app.theme());
            }
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("per_role", ImVec2(0, 0), false);
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("debrief.actions_per_role").c_str());
        ImGui::PopFont();
        for (int r = 0;
             r < static_cast<int>(m.actionsPerRole.size()) && r < static_cast<int>(sc.roles.size());
             ++r) {
            const bool heard =
                r < static_cast<int>(m.roleHeard.size()) ? m.roleHeard[r] : m.actionsPerRole[r] > 0;
            wrappedText(roleName(app, sc, r));
            if (!heard) {
                ImGui::SameLine();
                badge(app, "✗ " + app.tr("debrief.not_heard"), app.theme().bad);
            }
            ui::shareBar(static_cast<float>(m.actionsPerRole[r]) / static_cast<float>(maxRole),
                         std::to_string(m.actionsPerRole[r]), r, app.theme());
        }
        ImGui::Spacing();
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("debrief.roles_heard").c_str());
        ImGui::PopFont();
        for (int p = 0; p < static_cast<int>(m.rolesHeardPerPhase.size()) &&
                        p < static_cast<int>(sc.phases.size());
             ++p) {
            if (!isDialoguePhase(sc.phases[p].kind))
                continue;
            ui::shareBar(static_cast<float>(m.rolesHeardPerPhase[p]),
                         phaseName(app, sc, p) + " " +
                             formatNumber(app, 100.0 * m.rolesHeardPerPhase[p], 0) + "%",
                         2, app.theme());
        }
        ImGui::EndChild();
    }

    // [Role cards] everything that was hidden.
    void roleCards(App& app, TableLink& link) {
        const Game& game = link.game();
        const Scenario& sc = game.scenario();
        const GameState& st = game.state();
        heading(app, app.tr("debrief.role_cards"));
        const float colW = ImGui::GetContentRegionAvail().x / 2 - ImGui::GetStyle().ItemSpacing.x;
        for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
            const Role& role = sc.roles[r];
            if (r % 2 == 1)
                ImGui::SameLine();
            ImGui::PushID(r);
            ImGui::PushStyleColor(ImGuiCol_ChildBg, app.theme().surface);
            ImGui::BeginChild("card", ImVec2(colW, ImGui::GetTextLineHeightWithSpacing() * 13),
                              true);
            ui::markerInline(r, app.theme());
            ImGui::SameLine();
            ImGui::PushFont(app.fonts().bold);
            ImGui::TextUnformatted(roleName(app, sc, r).c_str());
            ImGui::PopFont();
            ImGui::SameLine();
            badge(app, kindName(app, role.kind), app.theme().textMuted);
            std::string players;
            for (int s = 0; s < game.seatCount(); ++s)
                if (game.roleOfSeat(s) == r)
                    players += (players.empty() ? "" : ", ") + seatName(app, game, s);
            mutedText(app, app.tr("debrief.played_by", players.empty() ? "–" : players));
            // Weights as dots, so the room reads them at a glance.
            std::string line;
            for (int v = 0; v < static_cast<int>(sc.values.size()); ++v) {
                const int w = st.world.weights[r][v];
                if (w <= 0)
                    continue;
                std::string dots;
                for (int i = 0; i < 3; ++i)
                    dots += i < w ? "●" : "○";
                line += (line.empty() ? "" : "   ") + valueName(app, sc, v) + " " + dots;
            }
            wrappedText(line);
            for (int k = 0; k < static_cast<int>(role.preconditions.size()); ++k)
                wrappedText("• " + preconditionName(app, sc, r, k) + ": " +
                            preconditionText(app, sc, role.preconditions[k]));
            if (!app.text(role.secret).empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
                wrappedText(app.tr("table.secret") + ": " + app.text(role.secret));
                ImGui::PopStyleColor();
            }
            ImGui::EndChild();
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
    }

    // [History] how the proposal changed, version by version.
    void history(App& app, TableLink& link) {
        const Game& game = link.game();
        const Scenario& sc = game.scenario();
        const GameState& st = game.state();
        heading(app, app.tr("debrief.history"));
        const int focus = proposalInFocus(st);
        if (focus < 0) {
            mutedText(app, app.tr("table.no_proposals"));
            return;
        }
        std::vector<int> chain;
        for (int id = focus; id >= 0 && id < static_cast<int>(st.proposals.size()) &&
                             chain.size() <= st.proposals.size();
             id = st.proposals[id].parent)
            chain.push_back(id);
        std::reverse(chain.begin(), chain.end());
        for (std::size_t i = 0; i < chain.size(); ++i) {
            const Proposal& p = st.proposals[chain[i]];
            ImGui::PushID(p.id);
            ImGui::PushFont(app.fonts().bold);
            ImGui::TextUnformatted(proposalTitle(app.catalog(), st, p.id).c_str());
            ImGui::PopFont();
            mutedText(app,
                      app.tr("table.proposal_by", seatWithRole(app, game, p.authorSeat),
                             phaseName(app, sc, p.phase), sessionMoment(app.catalog(), p.timeMs)));
            const Package* previous = i > 0 ? &st.proposals[chain[i - 1]].package : nullptr;
            packageRows(app, sc, p.package, previous);
            conditionRows(app, game, p);
            if (!p.note.empty())
                wrappedText("“" + p.note + "”");
            ImGui::Separator();
            ImGui::PopID();
        }
    }

    // [Reflection] points drawn from the measurements.
    void reflection(App& app, TableLink& link) {
        heading(app, app.tr("debrief.reflection"));
        for (const ReflectionPoint& p : reflectionPoints(link.game(), app.lang())) {
            ImGui::Bullet();
            wrappedText(app.catalog().trArgs(p.key, p.args));
            ImGui::Spacing();
        }
    }

    Measurements measurements_;
    bool measured_ = false;
    std::uint64_t measuredAt_ = 0;
    int tabWanted_ = -1;
    std::string exportMessage_;
    std::string exportFolder_;
    std::string folderMessage_;
    bool exportFailed_ = false;
    std::shared_ptr<TableLink> link_;
};

} // namespace

std::unique_ptr<Screen> makeDebriefScreen(App& app) {
    return std::make_unique<DebriefScreen>(app.link());
}

std::unique_ptr<Screen> makeDebriefScreen(App& app, std::shared_ptr<TableLink> link) {
    return std::make_unique<DebriefScreen>(std::move(link));
}

bool isDebriefScreen(const Screen* screen) {
    return dynamic_cast<const DebriefScreen*>(screen) != nullptr;
}

} // namespace samenspel
