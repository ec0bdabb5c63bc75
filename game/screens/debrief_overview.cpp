// The debrief's first tab, the one it opens on: the scenario's learning
// goals, the decision with both kinds of gedragen, what each role said beside
// its card with the learning moments, support per role, and support over time.
#include <algorithm>

#include "core/support_timeline.hpp"
#include "core/wording.hpp"
#include "report.hpp"
#include "screens/debrief_internal.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel::debrief {

using namespace table;

namespace {

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

// The scenario's learning goals open the debrief: what the session was for.
void goals(App& app, const Game& game) {
    const std::vector<std::string> list = learningGoals(game.scenario(), app.lang());
    if (list.empty())
        return;
    ImGui::PushFont(app.fonts().bold);
    wrappedText(app.tr("debrief.learning_goals"));
    ImGui::PopFont();
    for (const std::string& goal : list) {
        ImGui::Bullet();
        wrappedText(goal);
    }
    app.traceItem("page.learning_goals");
    ImGui::Spacing();
}

// What each role said about the decision beside what its card says, and the
// learning moments where the two differ.
void stances(App& app, const Game& game) {
    const std::vector<StanceRow> rows = stanceRows(game);
    if (rows.empty())
        return;
    const Scenario& sc = game.scenario();
    ImGui::Spacing();
    heading(app, app.tr("debrief.stated"));
    if (ImGui::BeginTable("stances", 3,
                          ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(app.tr("report.role").c_str(), ImGuiTableColumnFlags_WidthStretch,
                                1.0f);
        ImGui::TableSetupColumn(app.tr("report.said_at_table").c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(app.tr("report.by_card").c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableHeadersRow();
        for (const StanceRow& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            roleToken(app, sc, row.role);
            ImGui::SameLine();
            wrappedText(roleName(app, sc, row.role));
            ImGui::TableNextColumn();
            std::string said = app.tr(row.stanceKey);
            if (row.earlierVersion > 0)
                said += " " + app.tr("stance.on_version", std::to_string(row.earlierVersion));
            ImGui::PushStyleColor(ImGuiCol_Text,
                                  isObjection(row.stance) ? app.theme().bad : app.theme().text);
            wrappedText(said);
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            wrappedText((row.acceptsByCard ? "✓ " : "✗ ") +
                        app.tr(row.acceptsByCard ? "stance.card_accepts" : "stance.card_rejects"));
        }
        ImGui::EndTable();
    }
    app.traceItem("page.stances");
    const std::vector<ReflectionPoint> moments = learningMoments(game, app.lang());
    if (moments.empty())
        return;
    ImGui::PushFont(app.fonts().bold);
    wrappedText(app.tr("debrief.learning_moments"));
    ImGui::PopFont();
    for (const ReflectionPoint& p : moments) {
        ImGui::Bullet();
        wrappedText(app.catalog().trArgs(p.key, p.args));
    }
}

void decision(App& app, const Game& game) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    const int focus = proposalInFocus(st);
    heading(app, app.tr("debrief.decision"));
    app.traceItem("page.decision");
    if (st.decision.taken) {
        const bool everyone = sc.rule == DecisionRule::Consensus;
        wrappedText(app.tr(everyone ? "debrief.decision_taken_everyone" : "debrief.decision_taken",
                           proposalRef(app.catalog(), st, st.decision.proposal)));
        // Both kinds of gedragen (DESIGN.md "Support as stated").
        const Decision& d = st.decision;
        badge(app,
              d.gedragen ? "✓ " + app.tr("debrief.gedragen_kaarten")
                         : "✗ " + app.tr("debrief.not_gedragen_kaarten"),
              d.gedragen ? app.theme().good : app.theme().bad);
        badge(app,
              d.gedragenAanTafel ? "✓ " + app.tr("debrief.gedragen_tafel")
                                 : "✗ " + app.tr("debrief.not_gedragen_tafel"),
              d.gedragenAanTafel ? app.theme().good : app.theme().bad);
        if (!d.gedragenAanTafel)
            mutedText(app, app.tr("debrief.objection_stands", objectingRoles(game, app.lang())));
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
        o.phases.push_back(
            {minute(p.fromMs), minute(p.toMs), {name, abbreviated(name, 5), abbreviated(name, 2)}});
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

} // namespace

// [Overview] the decision beside support per role (one under the other
// when the window is narrow for the UI scale); support over time below.
void overview(App& app, const Game& game, const Measurements&) {
    goals(app, game);
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
    stances(app, game);
    ImGui::Spacing();
    heading(app, app.tr("debrief.support_over_time"));
    mutedText(app, app.tr("debrief.support_time_explain"));
    supportOverTime(app, game);
}

} // namespace samenspel::debrief
