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
#include "core/support_timeline.hpp"
#include "core/wording.hpp"
#include "open_folder.hpp"
#include "report.hpp"
#include "screens/screens.hpp"
#include "screens/table_view.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel {

namespace {

using namespace table;

// The first `letters` letters of `name` and a full stop ("Randv."), or the
// name itself when it is no longer: a narrow phase band still says which it is.
std::string abbreviated(const std::string& name, int letters) {
    std::size_t end = 0;
    for (int n = 0; n < letters && end < name.size(); ++n)
        do
            ++end;
        while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80);
    return end >= name.size() ? name : name.substr(0, end) + ".";
}

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

    // Whenever it is opened, the debrief starts where the room's conversation
    // does: the decision, not the tab someone looked at last.
    void onOpen(App&) override {
        tab_ = 0;
        shownTab_ = -1; // and at its top
    }

    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key >= sf::Keyboard::Num1 && key <= sf::Keyboard::Num6) { // jump to a tab
            tab_ = key - sf::Keyboard::Num1;
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
        // One page that scrolls as a whole (header and tabs too), so at a
        // projector's UI scale every chart keeps its room and nothing nests
        // a scrollbar of its own.
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::withAlpha(app.theme().background, 0.0f));
        ImGui::Begin("##debrief", nullptr,
                     ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
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
        wrappedText(app.tr("debrief.title", app.text(game.scenario().title)));
        ImGui::PopFont();
        if (!game.state().finished)
            badge(app, app.tr("debrief.not_finished"), app.theme().warning);
        if (ImGui::Button(app.tr("debrief.export").c_str()))
            exportReport(app, link);
        // Autoplay replaced the table with this screen: there is nothing to go back to.
        if (!app.options().autoplay) {
            const std::string back = app.tr("debrief.back_to_table");
            sameLineIfFits(back);
            if (ImGui::Button(back.c_str()))
                app.pop();
            app.traceItem("page.back_to_table");
        }
        sameLineIfFits(app.tr("debrief.to_title"));
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

    // A button goes on the line of the one before when it fits, else on the
    // next: at a projector's UI scale the tab names wrap instead of being cut.
    static void sameLineIfFits(const std::string& label) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float w = ImGui::CalcTextSize(label.c_str()).x + 2 * style.FramePadding.x;
        const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + w;
        if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
            ImGui::SameLine();
    }

    void tabs(App& app, TableLink& link) {
        static const char* const keys[] = {"debrief.tab.overview", "debrief.tab.begrip",
                                           "debrief.tab.inclusie", "debrief.tab.roles",
                                           "debrief.tab.history",  "debrief.tab.reflection"};
        static const char* const traces[] = {"page.tab.decision", "page.tab.begrip",
                                             "page.tab.inclusie", "page.tab.roles",
                                             "page.tab.history",  "page.tab.reflection"};
        const ui::Theme& theme = app.theme();
        for (int tab = 0; tab < 6; ++tab) {
            const std::string label = std::to_string(tab + 1) + "  " + app.tr(keys[tab]);
            if (tab > 0)
                sameLineIfFits(label);
            const bool on = tab == tab_;
            ImGui::PushStyleColor(ImGuiCol_Button, on ? theme.accent : theme.surface);
            ImGui::PushStyleColor(ImGuiCol_Text, on ? theme.accentText : theme.text);
            ImGui::PushID(tab);
            if (ImGui::Button(label.c_str()))
                tab_ = tab;
            if (tab_ !=
                shownTab_) // a tab starts at its top, not where the last one was scrolled to
                ImGui::SetScrollY(0);
            ImGui::PopID();
            ImGui::PopStyleColor(2);
            app.traceItem(traces[tab]);
        }
        shownTab_ = tab_;
        ImGui::Separator();
        ImGui::Spacing();
        switch (tab_) {
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
    }

    // [Overview] the decision beside support per role (one under the other
    // when the window is narrow for the UI scale); support over time below.
    void overview(App& app, TableLink& link) {
        const Game& game = link.game();
        const bool sideBySide = ImGui::GetContentRegionAvail().x >= 44 * ImGui::GetFontSize();
        if (sideBySide && ImGui::BeginTable("overview", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("decision", ImGuiTableColumnFlags_WidthStretch, 0.45f);
            ImGui::TableSetupColumn("support", ImGuiTableColumnFlags_WidthStretch, 0.55f);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            decision(app, game);
            ImGui::TableNextColumn();
            supportPerRole(app, game);
            ImGui::EndTable();
        } else {
            decision(app, game);
            ImGui::Spacing();
            supportPerRole(app, game);
        }
        ImGui::Spacing();
        heading(app, app.tr("debrief.support_over_time"));
        mutedText(app, app.tr("debrief.support_time_explain"));
        supportOverTime(app, game);
    }

    void decision(App& app, const Game& game) {
        const Scenario& sc = game.scenario();
        const GameState& st = game.state();
        const int focus = proposalInFocus(st);
        heading(app, app.tr("debrief.decision"));
        app.traceItem("page.decision");
        if (st.decision.taken) {
            const bool everyone = game.scenario().rule == DecisionRule::Consensus;
            wrappedText(
                app.tr(everyone ? "debrief.decision_taken_everyone" : "debrief.decision_taken",
                       proposalRef(app.catalog(), st, st.decision.proposal)));
            badge(app,
                  st.decision.gedragen ? "✓ " + app.tr("table.decision_gedragen")
                                       : "✗ " + app.tr("table.decision_not_gedragen"),
                  st.decision.gedragen ? app.theme().good : app.theme().bad);
        } else {
            wrappedText(app.tr("debrief.no_decision"));
        }
        if (focus < 0)
            return;
        const Proposal& p = st.proposals[focus];
        if (!st.decision.taken)
            mutedText(app, app.tr("debrief.latest_proposal", proposalRef(app.catalog(), st, p.id)));
        packageRows(app, sc, p.package, nullptr);
        conditionRows(app, game, p);
        const Draagvlak dv =
            st.decision.taken ? st.decision.draagvlak : draagvlak(sc, st.world, p.package);
        wrappedText(app.tr("debrief.draagvlak", formatNumber(app, roundSupport(dv.minimum), 1),
                           formatNumber(app, roundSupport(dv.mean), 1)));
        wrappedText(app.tr("debrief.public_value",
                           formatNumber(app, roundSupport(publicValue(sc, p.package)), 1)));
        // Bare numbers mean nothing to a room: say what the scale is.
        mutedText(app, app.tr("debrief.support_scale", formatNumber(app, sc.minSupport, 0)));
        mutedText(app, app.tr("debrief.public_value_scale"));
    }

    void supportPerRole(App& app, const Game& game) {
        const Scenario& sc = game.scenario();
        const GameState& st = game.state();
        const int focus = proposalInFocus(st);
        heading(app, app.tr("debrief.support_per_role"));
        if (focus < 0) {
            mutedText(app, app.tr("table.no_proposals"));
            return;
        }
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
        // Names beside the bars when the longest fits a third of the width
        // (its share there), else each on its own line: never cut at x3.
        float longest = 0;
        for (const ui::SupportBar& b : bars)
            longest = std::max(longest, ImGui::CalcTextSize(b.label.c_str()).x);
        o.labelsAbove = longest + ImGui::GetFontSize() > ImGui::GetContentRegionAvail().x * 0.32f;
        ui::supportBars("decision_support", bars, o, app.theme());
    }

    // Per proposal: which one was on the table when (the lane, "Voorstel 3",
    // "versie 2"), every role's support for it, the phases as bands and the
    // events as marks, from minute 0 to the end.
    void supportOverTime(App& app, const Game& game) {
        const Scenario& sc = game.scenario();
        const GameState& st = game.state();
        const SupportTimeline timeline = supportTimeline(st);
        const auto minute = [](std::int64_t ms) { return static_cast<float>(ms) / 60000.0f; };
        ui::TimeChartOptions o;
        o.lang = app.lang();
        for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
            o.series.push_back(roleName(app, sc, r));
        o.endMinute = minute(timeline.endMs);
        o.xLabel = app.tr("debrief.axis_minutes");
        o.yLabel = app.tr("debrief.axis_support");
        o.referenceY = static_cast<float>(sc.minSupport);
        o.referenceLabel = app.tr("table.min_support", formatNumber(app, sc.minSupport, 0));
        o.noProposal = app.tr("debrief.no_proposal_yet");
        for (const PhaseStretch& p : timeline.phases) {
            const std::string name = phaseName(app, sc, p.phase);
            o.phases.push_back({minute(p.fromMs),
                                minute(p.toMs),
                                {name, abbreviated(name, 5), abbreviated(name, 2)}});
        }
        int lastNumber = -1;
        for (const SupportStretch& s : timeline.stretches) {
            const ProposalNumber n = proposalNumber(st, s.proposal);
            const std::string number = std::to_string(n.number);
            const std::string version = std::to_string(n.version);
            ui::ChartStretch c;
            c.from = minute(s.fromMs);
            c.to = minute(s.toMs);
            c.newProposal = n.number != lastNumber;
            c.decided = st.decision.taken && st.decision.proposal == s.proposal;
            c.title = proposalTitle(app.catalog(), st, s.proposal);
            const std::string mark = c.decided ? "✓ " : "";
            // After another proposal its number comes first; after its own
            // earlier version the number is already there, only the version.
            // A shorter wording never drops the version a stretch is.
            if (!c.newProposal)
                c.labels = {mark + app.tr("debrief.lane_version", version),
                            mark + app.tr("debrief.lane_version_short", version)};
            else if (n.version == 1)
                c.labels = {mark + c.title, mark + number};
            else
                c.labels = {mark + c.title,
                            mark + app.tr("debrief.lane_proposal_short", number, version),
                            mark + app.tr("debrief.lane_short", number, version)};
            if (c.decided) // the tick alone still says "this one was decided"
                c.labels.push_back("✓");
            c.support.assign(sc.roles.size(), {});
            for (const SupportStretch::Sample& sample : s.samples)
                for (std::size_t r = 0; r < c.support.size() && r < sample.support.size(); ++r)
                    c.support[r].push_back(
                        ImVec2(minute(sample.timeMs), static_cast<float>(sample.support[r])));
            lastNumber = n.number;
            o.stretches.push_back(std::move(c));
        }
        for (const Announcement& a : st.announcements)
            if (a.event >= 0 && a.event < static_cast<int>(sc.events.size())) {
                const Event& e = sc.events[a.event];
                o.marks.push_back({minute(a.timeMs), e.title.empty() ? e.id : app.text(e.title)});
            }
        // The rest of the page (the legend below takes about three lines),
        // never less than the chart's own minimum, which grows with the UI scale.
        const float line = ImGui::GetTextLineHeightWithSpacing();
        o.height = std::max(ImGui::GetContentRegionAvail().y - 3.5f * line, 14 * line);
        o.minPlotHeight = 7 * line;
        ui::supportTimeChart("support_time", o, app.theme());
        if (timeline.stretches.empty())
            mutedText(app, app.tr("debrief.no_history"));
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
                roleToken(app, game.scenario(), game.roleOfSeat(s));
                ImGui::SameLine();
                wrappedText(seatLabel(app, game, s));
                ImGui::TableNextColumn();
                ui::shareBar(static_cast<float>(b.before.value_or(0)), percent(b.before), 5,
                             app.theme());
                ImGui::TableNextColumn();
                ui::shareBar(static_cast<float>(b.after.value_or(0)), percent(b.after), 0,
                             app.theme());
                // A team's members under their seat, each with their own.
                for (const PersonMeasure& p : measurements_.people) {
                    if (p.seat != s || p.person < 0)
                        continue;
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    // Further in than the seat's name after its token.
                    const float in = 2.0f * ImGui::GetFontSize();
                    ImGui::Indent(in);
                    wrappedText(p.name);
                    ImGui::Unindent(in);
                    ImGui::TableNextColumn();
                    ui::shareBar(static_cast<float>(p.begripBefore.value_or(0)),
                                 percent(p.begripBefore), 5, app.theme());
                    ImGui::TableNextColumn();
                    ui::shareBar(static_cast<float>(p.begripAfter.value_or(0)),
                                 percent(p.begripAfter), 0, app.theme());
                }
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
        if (m.hasTeams)
            mutedText(app, app.tr("debrief.inclusie_teams"));
        else if (m.inclusieOverPeople)
            mutedText(app, app.tr("debrief.inclusie_people"));
        mutedText(app, app.tr("debrief.inclusie_explain"));
        int maxSeat = 1, maxRole = 1;
        for (int n : m.actionsPerSeat)
            maxSeat = std::max(maxSeat, n);
        for (int n : m.actionsPerRole)
            maxRole = std::max(maxRole, n);
        // Two columns in the page, not two boxes that scroll on their own.
        const bool sideBySide = ImGui::GetContentRegionAvail().x >= 36 * ImGui::GetFontSize();
        const bool table = sideBySide && ImGui::BeginTable("inclusie", 2);
        if (table) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
        }
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
                ImGui::Indent();
                for (const PersonMeasure& p : m.people) {
                    if (p.seat != s || p.person < 0)
                        continue;
                    wrappedText(p.name);
                    ui::shareBar(static_cast<float>(p.actions) / static_cast<float>(maxSeat),
                                 std::to_string(p.actions), game.roleOfSeat(s), app.theme());
                }
                ImGui::Unindent();
            }
        }
        if (table)
            ImGui::TableNextColumn();
        else
            ImGui::Spacing();
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
        if (table)
            ImGui::EndTable();
    }

    // [Role cards] everything that was hidden.
    void roleCards(App& app, TableLink& link) {
        const Game& game = link.game();
        const Scenario& sc = game.scenario();
        const GameState& st = game.state();
        heading(app, app.tr("debrief.role_cards"));
        // Cards as tall as their text (no box that scrolls on its own at a
        // projector's UI scale), two side by side when they fit.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float fullW = ImGui::GetContentRegionAvail().x;
        const int columns = fullW >= 40 * ImGui::GetFontSize() ? 2 : 1;
        const float colW = (fullW - style.ItemSpacing.x * static_cast<float>(columns - 1)) /
                           static_cast<float>(columns);
        const float pad = style.WindowPadding.x;
        const ImVec2 start = ImGui::GetCursorScreenPos();
        float rowTop = start.y, rowBottom = start.y;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        // Wrapped at the card's edge (the wrap position pushed for it).
        const auto cardText = [](const std::string& text) { ImGui::TextUnformatted(text.c_str()); };
        for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
            const Role& role = sc.roles[r];
            const int column = r % columns;
            if (column == 0)
                rowTop = r == 0 ? start.y : rowBottom + style.ItemSpacing.y;
            const ImVec2 cardMin(
                start.x + static_cast<float>(column) * (colW + style.ItemSpacing.x), rowTop);
            ImGui::PushID(r);
            ImDrawListSplitter layers; // the card's background goes under its text
            layers.Split(draw, 2);
            layers.SetCurrentChannel(draw, 1);
            ImGui::SetCursorScreenPos(ImVec2(cardMin.x + pad, cardMin.y + pad));
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(cardMin.x + colW - pad - ImGui::GetWindowPos().x);
            roleToken(app, sc, r);
            ImGui::SameLine();
            ImGui::PushFont(app.fonts().bold);
            ImGui::TextUnformatted(roleName(app, sc, r).c_str());
            ImGui::PopFont();
            const std::string kind = kindName(app, role.kind);
            if (ImGui::GetItemRectMax().x + style.ItemSpacing.x +
                    ImGui::CalcTextSize(kind.c_str()).x + 2 * style.FramePadding.x <
                cardMin.x + colW - pad)
                ImGui::SameLine();
            badge(app, kind, app.theme().textMuted);
            std::string players;
            for (int s = 0; s < game.seatCount(); ++s)
                if (game.roleOfSeat(s) == r)
                    players += (players.empty() ? "" : ", ") + seatName(app, game, s);
            ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
            cardText(app.tr("debrief.played_by", players.empty() ? "–" : players));
            ImGui::PopStyleColor();
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
            cardText(line);
            for (int k = 0; k < static_cast<int>(role.preconditions.size()); ++k)
                cardText("• " + preconditionName(app, sc, r, k) + ": " +
                         preconditionText(app, sc, role.preconditions[k]));
            if (!app.text(role.secret).empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
                cardText(app.tr("table.secret") + ": " + app.text(role.secret));
                ImGui::PopStyleColor();
            }
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
            const float bottom = ImGui::GetItemRectMax().y + pad;
            layers.SetCurrentChannel(draw, 0);
            draw->AddRectFilled(cardMin, ImVec2(cardMin.x + colW, bottom),
                                ui::toU32(app.theme().surface), style.ChildRounding);
            draw->AddRect(cardMin, ImVec2(cardMin.x + colW, bottom), ui::toU32(app.theme().border),
                          style.ChildRounding);
            layers.Merge(draw);
            rowBottom = std::max(column == 0 ? bottom : rowBottom, bottom);
            ImGui::PopID();
        }
        ImGui::SetCursorScreenPos(ImVec2(start.x, rowBottom + style.ItemSpacing.y));
        ImGui::Dummy(ImVec2(fullW, 0));
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
    int tab_ = 0; // 0: the decision
    int shownTab_ = 0;
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
