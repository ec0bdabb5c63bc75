// The public board: everything the whole room may see. Tabs: the case (with
// the issues and their options), what each role put on the table (values,
// preconditions, questions and answers), the proposals (with support bars
// once public, conditions, reactions, votes and version history), and the
// events so far.
#include <algorithm>

#include "core/visibility.hpp"
#include "screens/table_view.hpp"
#include "ui/chart.hpp"
#include "ui/role_token.hpp"
#include "ui/theme.hpp"

namespace samenspel::table {

namespace {

void caseTab(App& app, const Game& game) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    heading(app, app.text(sc.title));
    wrappedText(app.text(sc.caseText));
    ImGui::Spacing();
    ImGui::Separator();
    heading(app, app.tr("table.options"));
    mutedText(app, app.tr("table.options_explain"));
    for (int i = 0; i < static_cast<int>(sc.issues.size()); ++i) {
        const Issue& issue = sc.issues[i];
        ImGui::Spacing();
        ImGui::PushFont(app.fonts().bold);
        wrappedText(issueName(app, sc, i));
        ImGui::PopFont();
        if (!app.text(issue.description).empty())
            mutedText(app, app.text(issue.description));
        ImGui::Indent(app.unit() * 2);
        for (int o = 0; o < static_cast<int>(issue.options.size()); ++o) {
            const Option& option = issue.options[o];
            const bool enabled = st.world.optionEnabled[i][o];
            std::string line = "• " + optionName(app, sc, i, o);
            if (!enabled)
                line += "  (" + app.tr("table.option_unavailable") + ")";
            ImGui::PushStyleColor(ImGuiCol_Text,
                                  enabled ? app.theme().text : app.theme().textMuted);
            wrappedText(line);
            ImGui::PopStyleColor();
            std::string attrs;
            for (int a = 0; a < static_cast<int>(option.attributes.size()); ++a)
                if (option.attributes[a] != 0.0)
                    attrs += (attrs.empty() ? "" : " · ") + attributeName(app, sc, a) + " " +
                             attributeValue(app, sc, a, option.attributes[a]);
            if (!app.text(option.description).empty())
                attrs += (attrs.empty() ? "" : " — ") + app.text(option.description);
            if (!attrs.empty()) {
                ImGui::Indent(app.unit() * 2);
                mutedText(app, attrs);
                ImGui::Unindent(app.unit() * 2);
            }
        }
        ImGui::Unindent(app.unit() * 2);
    }
    if (!sc.resourceNames.empty()) {
        ImGui::Spacing();
        heading(app, app.tr("table.resources"));
        for (std::size_t r = 0; r < sc.resourceNames.size() && r < st.world.resources.size(); ++r)
            ImGui::Text("%s: %s", sc.resourceNames[r].c_str(),
                        formatNumber(app, st.world.resources[r], 0).c_str());
    }
}

// `hidden`: the begrip questions are open (TableLink::boardHidden), so what
// the role put on the table stays out of sight; its briefing stays.
void roleOnTable(App& app, const Game& game, int role, bool revealAll, bool hidden) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    const Role& r = sc.roles[role];
    roleToken(app, sc, role);
    ImGui::SameLine();
    ImGui::PushFont(app.fonts().bold);
    wrappedText(roleName(app, sc, role));
    ImGui::PopFont();
    badgeAfter(app, kindName(app, r.kind), app.theme().textMuted);
    ImGui::Indent(app.unit() * 3);
    if (!app.text(r.briefing).empty())
        mutedText(app, app.text(r.briefing));
    if (hidden) {
        ImGui::Unindent(app.unit() * 3);
        ImGui::Spacing();
        return;
    }
    // Values: shared ones, and those revealed in answers.
    const std::vector<int> values = valuesShownBy(st, role);
    std::string line;
    for (int v : values) {
        line += (line.empty() ? "" : ", ") + valueName(app, sc, v);
        if (revealAll || sessionOver(game))
            line += " (" + std::to_string(st.world.weights[role][v]) + ")";
    }
    ImGui::TextUnformatted((app.tr("table.values_shared") + ": ").c_str());
    ImGui::SameLine(0, 0);
    wrappedText(line.empty() ? "–" : line);
    bool anyPrecondition = false;
    for (const SharedPrecondition& p : st.sharedPreconditions) {
        if (p.role != role)
            continue;
        if (!anyPrecondition)
            ImGui::TextUnformatted((app.tr("table.preconditions_shared") + ":").c_str());
        anyPrecondition = true;
        ImGui::Bullet();
        wrappedText(preconditionName(app, sc, role, p.precondition));
        ImGui::Indent(app.unit() * 3);
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
        wrappedText(preconditionText(app, sc, r.preconditions[p.precondition]));
        ImGui::PopStyleColor();
        ImGui::Unindent(app.unit() * 3);
    }
    if (secretIsPublic(game, role, revealAll) && !app.text(r.secret).empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
        ImGui::TextUnformatted((app.tr("table.secret") + ":").c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        wrappedText(app.text(r.secret));
    }
    ImGui::Unindent(app.unit() * 3);
    ImGui::Spacing();
}

void questionsList(App& app, const Game& game) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    heading(app, app.tr("table.questions"));
    if (st.questions.empty()) {
        mutedText(app, app.tr("table.no_questions"));
        return;
    }
    for (auto it = st.questions.rbegin(); it != st.questions.rend(); ++it) {
        const Question& q = *it;
        const std::string about = q.value >= 0
                                      ? app.tr("table.question_about", valueName(app, sc, q.value))
                                      : app.tr("table.question_open");
        ImGui::PushFont(app.fonts().bold);
        wrappedText(app.tr("table.question_line", seatWithRole(app, game, q.askerSeat),
                           roleName(app, sc, q.targetRole), about));
        ImGui::PopFont();
        ImGui::Indent(app.unit() * 3);
        switch (q.status) {
        case Question::Status::Open:
            badge(app, app.tr("table.question_waiting"), app.theme().warning);
            break;
        case Question::Status::Answered:
            ImGui::PushStyleColor(ImGuiCol_Text, app.theme().good);
            wrappedText("→ " + app.tr("table.question_answered", seatName(app, game, q.answeredBy),
                                      valueName(app, sc, q.answerValue)));
            ImGui::PopStyleColor();
            break;
        case Question::Status::Declined:
            wrappedText("→ " + app.tr("table.question_declined", seatName(app, game, q.answeredBy),
                                      declineText(app, q.declineReason)));
            break;
        }
        ImGui::Unindent(app.unit() * 3);
    }
}

// While the begrip questions are open, a line says why the roles' values,
// red lines and answers are not shown (the facilitator's "show everything"
// shows them anyway).
void onTableTab(App& app, const TableLink& link, const TableUi& ui) {
    const Game& game = link.game();
    const Scenario& sc = game.scenario();
    const bool hidden = link.boardHidden() && !ui.revealAll;
    heading(app, app.tr("table.on_the_table"));
    if (hidden) {
        beginFramed(app); // its wrap width keeps the text inside the frame
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextWrapped("%s", app.tr("table.board_hidden").c_str());
        ImGui::PopFont();
        ImGui::TextWrapped("%s", app.tr("table.board_hidden_why").c_str());
        endFramed(app, app.theme().accent);
    } else {
        mutedText(app, app.tr("table.on_the_table_explain"));
    }
    ImGui::Spacing();
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
        roleOnTable(app, game, r, ui.revealAll, hidden);
    if (hidden)
        return;
    ImGui::Separator();
    questionsList(app, game);
}

std::string statusText(const App& app, Proposal::Status status) {
    switch (status) {
    case Proposal::Status::Open:
        return app.tr("table.status.open");
    case Proposal::Status::Superseded:
        return app.tr("table.status.superseded");
    case Proposal::Status::BackForAmendment:
        return app.tr("table.status.back");
    case Proposal::Status::Accepted:
        return app.tr("table.status.accepted");
    case Proposal::Status::Rejected:
        return app.tr("table.status.rejected");
    }
    return "";
}

ImVec4 statusColour(const App& app, Proposal::Status status) {
    switch (status) {
    case Proposal::Status::Accepted:
        return app.theme().good;
    case Proposal::Status::Rejected:
        return app.theme().bad;
    case Proposal::Status::BackForAmendment:
        return app.theme().warning;
    case Proposal::Status::Open:
        return app.theme().accent;
    case Proposal::Status::Superseded:
        break;
    }
    return app.theme().textMuted;
}

void reactionsAndVotes(App& app, const Game& game, const Proposal& p) {
    static const char* reactionKeys[] = {"table.reaction.support", "table.reaction.object",
                                         "table.reaction.support_if"};
    static const char* voteKeys[] = {"table.vote.yes", "table.vote.no", "table.vote.ja_mits"};
    const auto line = [&](int seat, const std::string& what, const Reason& reason,
                          const std::vector<MitsCondition>& conditions, const ImVec4& colour) {
        badge(app, what, colour);
        ImGui::SameLine();
        std::string text = seatWithRole(app, game, seat);
        const std::string why = reasonText(app, game, seat, reason);
        if (!why.empty())
            text += " — " + app.tr("table.because", why);
        wrappedText(text);
        for (const MitsCondition& c : conditions) {
            ImGui::Indent(app.unit() * 3);
            wrappedText("· " + readableCondition(app, game.scenario(), c.expression));
            ImGui::Unindent(app.unit() * 3);
        }
    };
    if (!p.reactions.empty()) {
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("table.reactions").c_str());
        ImGui::PopFont();
        for (const Reaction& r : p.reactions)
            line(r.seat, app.tr(reactionKeys[static_cast<int>(r.kind)]), r.reason, r.conditions,
                 r.kind == ReactionKind::Object ? app.theme().bad : app.theme().good);
    }
    if (!p.votes.empty()) {
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("table.votes").c_str());
        ImGui::PopFont();
        for (const CastVote& v : p.votes)
            line(v.seat, app.tr(voteKeys[static_cast<int>(v.kind)]), v.reason, v.conditions,
                 v.kind == VoteKind::No ? app.theme().bad : app.theme().good);
    }
}

void supportOfRoles(App& app, const TableLink& link, const Proposal& p, const TableUi& ui) {
    const Game& game = link.game();
    const Scenario& sc = game.scenario();
    std::vector<ui::SupportBar> bars;
    bool anyHidden = false;
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
        ui::SupportBar bar;
        bar.label = roleName(app, sc, r);
        bar.colour = r;
        bar.known = supportIsPublic(game, p, r, ui.revealAll);
        bar.value = static_cast<float>(supportOf(sc, game.state().world, r, p.package));
        bool accepts = canAccept(sc, game.state().world, r, p.package);
        // A player's laptop shows another role's public support as the host
        // computed it; without the host's value it is not known here.
        if (ui.supportKnownOnlyFor >= 0 && ui.supportKnownOnlyFor != r) {
            const auto fromHost = link.hostSupport(p.id, r);
            bar.known = bar.known && fromHost.has_value();
            if (fromHost) {
                bar.value = static_cast<float>(fromHost->support);
                accepts = fromHost->accepts;
            }
        }
        anyHidden = anyHidden || !bar.known;
        if (bar.known && !accepts)
            bar.note = "✗ " + app.tr("table.red_line");
        bar.highlight = ui.activeSeat >= 0 && ui.activeSeat < game.seatCount() &&
                        game.roleOfSeat(ui.activeSeat) == r;
        bars.push_back(bar);
    }
    ui::SupportBarsOptions options;
    options.lang = app.lang();
    options.minSupport = static_cast<float>(sc.minSupport);
    options.minLabel = app.tr("table.min_support", formatNumber(app, sc.minSupport, 0));
    options.unknownLabel = app.tr("table.support_not_public");
    ui::supportBars("support", bars, options, app.theme());
    if (anyHidden)
        mutedText(app, app.tr("table.support_public_rule"));
}

// Versions that led here, oldest first, with what each changed.
void versionHistory(App& app, const Game& game, const Proposal& p) {
    const GameState& st = game.state();
    const Scenario& sc = game.scenario();
    std::vector<int> chain;
    for (int id = p.id; id >= 0 && id < static_cast<int>(st.proposals.size()) &&
                        chain.size() <= st.proposals.size();
         id = st.proposals[id].parent)
        chain.push_back(id);
    if (chain.size() < 2)
        return;
    std::reverse(chain.begin(), chain.end());
    if (!ImGui::TreeNode("history", "%s",
                         app.tr("table.version_history", static_cast<int>(chain.size())).c_str()))
        return;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const Proposal& v = st.proposals[chain[i]];
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("table.version_line", v.version,
                                      seatName(app, game, v.authorSeat),
                                      sessionMoment(app.catalog(), v.timeMs))
                                   .c_str());
        ImGui::PopFont();
        if (i == 0)
            continue;
        const Package& before = st.proposals[chain[i - 1]].package;
        ImGui::Indent(app.unit() * 3);
        for (int k = 0;
             k < static_cast<int>(v.package.size()) && k < static_cast<int>(before.size()); ++k)
            if (v.package[k] != before[k])
                wrappedText(issueName(app, sc, k) + ": " + optionName(app, sc, k, before[k]) +
                            " → " + optionName(app, sc, k, v.package[k]));
        ImGui::Unindent(app.unit() * 3);
    }
    ImGui::TreePop();
}

bool byPersonAmongBots(const TableLink& link, const Proposal& p) {
    const Game& game = link.game();
    if (p.authorSeat < 0 || p.authorSeat >= game.seatCount() || link.isBot(p.authorSeat))
        return false;
    for (int s = 0; s < game.seatCount(); ++s)
        if (link.isBot(s))
            return true;
    return false;
}

void proposalCard(App& app, const TableLink& link, const Proposal& p, const TableUi& ui,
                  bool open) {
    const Game& game = link.game();
    const GameState& st = game.state();
    ImGui::PushID(p.id);
    const std::string header =
        proposalTitle(app.catalog(), st, p.id) + " — " + statusText(app, p.status) + "###proposal";
    ImGui::SetNextItemOpen(open, ImGuiCond_Once);
    // A person's proposal at a table with bots is pinned (proposalsTab) and
    // marked, so a stream of bot proposals cannot bury it.
    const bool byPerson = byPersonAmongBots(link, p);
    if (byPerson)
        ImGui::PushStyleColor(ImGuiCol_Header, ui::withAlpha(app.theme().accent, 0.45f));
    const bool shown = ImGui::CollapsingHeader(header.c_str());
    if (byPerson)
        ImGui::PopStyleColor();
    if (shown) {
        ImGui::Indent(app.unit());
        if (byPerson) {
            badge(app, app.tr("table.by_person"), app.theme().accent);
            ImGui::SameLine();
        }
        badge(app, statusText(app, p.status), statusColour(app, p.status));
        ImGui::SameLine();
        // The author's token: the room finds its own proposals by colour and icon.
        if (p.authorSeat >= 0 && p.authorSeat < game.seatCount()) {
            roleToken(app, game.scenario(), game.roleOfSeat(p.authorSeat));
            ImGui::SameLine();
        }
        mutedText(app, app.tr("table.proposal_by", seatWithRole(app, game, p.authorSeat),
                              phaseName(app, game.scenario(), p.phase),
                              sessionMoment(app.catalog(), p.timeMs)));
        const Package* previous = p.parent >= 0 && p.parent < static_cast<int>(st.proposals.size())
                                      ? &st.proposals[p.parent].package
                                      : nullptr;
        packageRows(app, game.scenario(), p.package, previous);
        if (!p.note.empty())
            wrappedText("“" + p.note + "”");
        if (!p.conditions.empty()) {
            ImGui::PushFont(app.fonts().bold);
            ImGui::TextUnformatted(app.tr("table.conditions").c_str());
            ImGui::PopFont();
            conditionRows(app, game, p);
        }
        ImGui::Spacing();
        supportOfRoles(app, link, p, ui);
        reactionsAndVotes(app, game, p);
        versionHistory(app, game, p);
        ImGui::Unindent(app.unit());
        ImGui::Spacing();
    }
    ImGui::PopID();
}

void proposalsTab(App& app, const TableLink& link, const TableUi& ui) {
    const Game& game = link.game();
    const GameState& st = game.state();
    heading(app, app.tr("table.proposals"));
    if (st.decision.taken) {
        badge(app,
              st.decision.gedragen ? "✓ " + app.tr("table.decision_gedragen")
                                   : app.tr("table.decision_not_gedragen"),
              st.decision.gedragen ? app.theme().good : app.theme().warning);
    }
    if (st.proposals.empty()) {
        mutedText(app, app.tr("table.no_proposals"));
        return;
    }
    // The proposal on the table (or the decided one) first and open; then the
    // rest, newest first, closed.
    int first = st.decision.taken ? st.decision.proposal : game.proposalOnTable();
    if (first < 0 || first >= static_cast<int>(st.proposals.size()))
        first = static_cast<int>(st.proposals.size()) - 1;
    proposalCard(app, link, st.proposals[first], ui, true);
    // People's proposals still in play come next, open: pinned above the bots'.
    const auto pinned = [&](const Proposal& p) {
        return (p.status == Proposal::Status::Open ||
                p.status == Proposal::Status::BackForAmendment) &&
               byPersonAmongBots(link, p);
    };
    for (int id = static_cast<int>(st.proposals.size()) - 1; id >= 0; --id)
        if (id != first && pinned(st.proposals[id]))
            proposalCard(app, link, st.proposals[id], ui, true);
    for (int id = static_cast<int>(st.proposals.size()) - 1; id >= 0; --id)
        if (id != first && !pinned(st.proposals[id]))
            proposalCard(app, link, st.proposals[id], ui, false);
}

void eventsTab(App& app, const Game& game) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    heading(app, app.tr("table.events"));
    if (st.announcements.empty()) {
        mutedText(app, app.tr("table.no_events"));
        return;
    }
    for (auto it = st.announcements.rbegin(); it != st.announcements.rend(); ++it) {
        if (it->event < 0 || it->event >= static_cast<int>(sc.events.size()))
            continue;
        const Event& e = sc.events[it->event];
        ImGui::PushFont(app.fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
        wrappedText(e.title.empty() ? e.id : app.text(e.title));
        ImGui::PopStyleColor();
        ImGui::PopFont();
        mutedText(app, app.tr("table.event_when", phaseName(app, sc, it->phase),
                              sessionMoment(app.catalog(), it->timeMs)));
        wrappedText(app.text(e.text));
        ImGui::Spacing();
    }
}

} // namespace

namespace {

// The board's tab labels, chosen to fit the board's width without scroll
// arrows. In this order, the first that fits: icons and words in the body
// face, words alone, words in the small face; then, in the small face, the
// widest tab but the selected one says only its icon (or its shortened
// name) and count, named in a tooltip, until they fit; the selected one last.
struct BoardTabs {
    std::string label[4]; // as shown, without the ###id
    std::string full[4];  // for the tooltip
    ImFont* font = nullptr;
};

float tabsWidth(const std::string (&labels)[4]) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float total = 0;
    for (int t = 0; t < 4; ++t)
        total += ImGui::CalcTextSize(labels[t].c_str()).x + 2 * style.FramePadding.x + 1.0f +
                 (t > 0 ? style.ItemInnerSpacing.x : 0.0f);
    return total;
}

BoardTabs boardTabs(const App& app, const Game& game, int selected, float width) {
    static const char* keys[] = {"table.tab.case", "table.tab.on_the_table", "table.tab.proposals",
                                 "table.tab.events"};
    static const ui::BoardIcon icons[] = {ui::BoardIcon::Case, ui::BoardIcon::OnTheTable,
                                          ui::BoardIcon::Proposals, ui::BoardIcon::Events};
    const std::size_t counts[] = {0, 0, game.state().proposals.size(),
                                  game.state().announcements.size()};
    BoardTabs tabs;
    std::string words[4], icon[4], count[4];
    for (int t = 0; t < 4; ++t) {
        tabs.full[t] = app.tr(keys[t]);
        if (counts[t] > 0)
            count[t] = " (" + std::to_string(counts[t]) + ")";
        words[t] = tabs.full[t] + count[t];
    }
    struct Try {
        ImFont* face;
        bool icons;
    };
    const Try tries[] = {
        {app.fonts().regular, true}, {app.fonts().regular, false}, {app.fonts().small, false}};
    for (const Try& attempt : tries) {
        ImGui::PushFont(attempt.face);
        tabs.font = attempt.face;
        for (int t = 0; t < 4; ++t) {
            const ImWchar glyph = ui::boardIconGlyph(icons[t]);
            icon[t] = ui::fontHas(glyph) ? ui::glyphText(glyph) : "";
            tabs.label[t] = attempt.icons && !icon[t].empty() ? icon[t] + " " + words[t] : words[t];
        }
        const bool fits = tabsWidth(tabs.label) <= width;
        ImGui::PopFont();
        if (fits)
            return tabs;
    }
    ImGui::PushFont(tabs.font);
    bool shortened[4] = {false, false, false, false};
    // The selected tab last: its name also heads the page below it.
    for (int round = 0; round < 4 && tabsWidth(tabs.label) > width; ++round) {
        int widest = -1;
        for (int t = 0; t < 4; ++t)
            if (t != selected && !shortened[t] &&
                (widest < 0 || ImGui::CalcTextSize(tabs.label[t].c_str()).x >
                                   ImGui::CalcTextSize(tabs.label[widest].c_str()).x))
                widest = t;
        if (widest < 0 && selected >= 0 && selected < 4 && !shortened[selected])
            widest = selected;
        if (widest < 0)
            break;
        shortened[widest] = true;
        if (!icon[widest].empty()) {
            tabs.label[widest] = icon[widest] + count[widest];
        } else {
            // Without icons: as much of the name as leaves room for the others.
            const float others =
                tabsWidth(tabs.label) - ImGui::CalcTextSize(tabs.label[widest].c_str()).x;
            bool cut = false;
            const std::vector<std::string> lines = wordLines(
                words[widest], std::max(width - others, ImGui::CalcTextSize("M…").x), 1, cut);
            tabs.label[widest] = lines.empty() ? "…" : lines[0];
        }
    }
    ImGui::PopFont();
    return tabs;
}

} // namespace

void drawBoard(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    const float width = ImGui::GetContentRegionAvail().x;
    {
        // Where the tabs may go, for the GUI test of what fits (tests/gui/table_fit.sh).
        const ImVec2 at = ImGui::GetCursorPos();
        ImGui::Dummy(ImVec2(width, 0));
        app.traceItem("board.area");
        ImGui::SetCursorPos(at);
    }
    const BoardTabs tabs = boardTabs(app, game, ui.boardTabShown, width);
    // Scrolling stays as the last resort (a huge UI scale): a tab cut to one
    // letter says nothing.
    ImGui::PushFont(tabs.font);
    const bool bar = ImGui::BeginTabBar("board", ImGuiTabBarFlags_FittingPolicyScroll);
    ImGui::PopFont();
    if (!bar)
        return;
    for (int tab = 0; tab < 4; ++tab) {
        const std::string label = tabs.label[tab] + "###tab" + std::to_string(tab);
        const ImGuiTabItemFlags flags =
            ui.boardTabWanted == tab ? ImGuiTabItemFlags_SetSelected : 0;
        ImGui::PushFont(tabs.font);
        const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
        ImGui::PopFont();
        app.traceItem(("board.tab." + std::to_string(tab)).c_str());
        if (tabs.label[tab].find(tabs.full[tab]) == std::string::npos && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tabs.full[tab].c_str());
        if (open) {
            ui.boardTabShown = tab;
            // Only scrolls: the board's own background is already behind it.
            ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
            ImGui::BeginChild("tab", ImVec2(0, 0), false);
            ImGui::PopStyleColor();
            switch (tab) {
            case 0:
                caseTab(app, game);
                break;
            case 1:
                onTableTab(app, link, ui);
                break;
            case 2:
                proposalsTab(app, link, ui);
                break;
            default:
                eventsTab(app, game);
                break;
            }
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    }
    ui.boardTabWanted = -1;
    ImGui::EndTabBar();
}

} // namespace samenspel::table
