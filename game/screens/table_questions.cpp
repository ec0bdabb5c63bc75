// The begrip questions of perspectief and reflectie (core/begrip.hpp), in the
// active seat's column: per other role, which values weigh most for it (a
// prediction), which red line is its own and what it wants most on one issue
// (multiple choice, big options). Every tap is saved at once and can be
// changed until the phase ends. A count says how many are answered. While
// questions are open the board hides what the roles put on the table
// (table_board.cpp), so the answers come from what people remember.
#include <algorithm>

#include <imgui.h>

#include "core/visibility.hpp"
#include "screens/table_actions_internal.hpp"
#include "ui/theme.hpp"

namespace samenspel::table::actions {

namespace {

// The answer `person` of the seat gave to a choice item this phase, or -1.
int ownChoice(const Ctx& c, const BegripItem& item, int person) {
    for (const ItemAnswer& a : c.st.itemAnswers)
        if (a.seat == c.seat && a.person == person && a.phase == c.st.phase &&
            a.targetRole == item.targetRole && a.kind == static_cast<int>(item.kind))
            return a.choice;
    return -1;
}

std::string questionText(const Ctx& c, const BegripItem& item) {
    const std::string role = roleName(c.app, c.sc, item.targetRole);
    switch (item.kind) {
    case BegripItemKind::Values:
        return c.app.tr("table.q.values", role);
    case BegripItemKind::RedLine:
        return c.app.tr("table.q.red_line", role);
    case BegripItemKind::Interest:
        break;
    }
    return c.app.tr("table.q.interest", role, issueName(c.app, c.sc, item.issue));
}

// One tap per value: each tap saves the prediction for that role at once. A
// fourth value takes the place of the first one chosen (at most three).
void valuesItem(const Ctx& c, const BegripItem& item, int person) {
    const int r = item.targetRole;
    std::vector<int>& chosen = c.ui.drafts.predictions[r];
    for (int v = 0; v < static_cast<int>(c.sc.values.size()); ++v) {
        ImGui::PushID(v);
        const bool on = std::find(chosen.begin(), chosen.end(), v) != chosen.end();
        if (choice(c, valueName(c.app, c.sc, v), on, true, v == 0)) {
            std::vector<int> next = chosen;
            if (on)
                next.erase(std::find(next.begin(), next.end(), v));
            else
                next.push_back(v);
            if (next.size() > 3)
                next.erase(next.begin());
            chosen = next;
            if (!next.empty()) {
                Action a = c.action(ActionType::Predict);
                a.person = person;
                a.targetRole = r;
                a.values = next;
                submit(c.app, c.link, c.ui, a, c.app.tr("table.ok.predict"));
            }
        }
        ImGui::PopID();
    }
}

// The options as wide choices, the one given ticked; another tap replaces it.
void choiceItem(const Ctx& c, const BegripItem& item, int person) {
    const int given = ownChoice(c, item, person);
    for (int k = 0; k < static_cast<int>(item.options.size()); ++k) {
        ImGui::PushID(k);
        if (wideChoice(c, c.app.text(item.options[k].text), given == k) && given != k) {
            Action a = c.action(ActionType::AnswerItem);
            a.person = person;
            a.targetRole = item.targetRole;
            a.itemKind = static_cast<int>(item.kind);
            a.choice = k;
            submit(c.app, c.link, c.ui, a, c.app.tr("table.ok.answer_item"));
        }
        ImGui::PopID();
    }
}

// A role's name with how many of its questions are still open.
void roleHeader(const Ctx& c, int role, int open) {
    ImGui::Spacing();
    ImGui::Separator();
    roleToken(c.app, c.sc, role);
    ImGui::SameLine();
    ImGui::PushFont(c.app.fonts().bold);
    wrappedText(roleName(c.app, c.sc, role));
    ImGui::PopFont();
    if (open == 0)
        badgeAfter(c.app, "✓ " + c.app.tr("table.q.role_done"), c.app.theme().good);
    else
        badgeAfter(c.app, c.app.catalog().trCount("table.q.role_open", open),
                   c.app.theme().warning);
}

} // namespace

void questionsSection(const Ctx& c) {
    const std::vector<BegripItem> items = c.link.begripItems(c.seat);
    if (items.empty()) { // a player's laptop: the host's questions are on their way
        mutedText(c.app, c.app.tr("table.q.waiting_for_host"));
        return;
    }
    const int person = c.link.answeringPerson(c.seat);
    const int open = unansweredAmong(c.st, items, c.seat, person);
    const int total = static_cast<int>(items.size());
    ImGui::PushFont(c.app.fonts().bold);
    ImGui::PushStyleColor(ImGuiCol_Text, open == 0 ? c.app.theme().good : c.app.theme().text);
    wrappedText((open == 0 ? "✓ " : "") +
                c.app.catalog().trCount("table.q.progress", total, total - open));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (open == total) // once they have begun, the column is for the questions
        mutedText(c.app, c.app.tr("table.q.help"));
    for (std::size_t i = 0; i < items.size(); ++i) {
        const BegripItem& item = items[i];
        if (i == 0 || items[i - 1].targetRole != item.targetRole) {
            int roleOpen = 0;
            for (const BegripItem& other : items)
                if (other.targetRole == item.targetRole &&
                    !begripItemAnswered(c.st, other, c.seat, person))
                    ++roleOpen;
            roleHeader(c, item.targetRole, roleOpen);
        }
        ImGui::PushID(static_cast<int>(i));
        ImGui::Spacing();
        const bool answered = begripItemAnswered(c.st, item, c.seat, person);
        ImGui::PushFont(c.app.fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text,
                              answered ? c.app.theme().textMuted : c.app.theme().text);
        wrappedText((answered ? "✓ " : "") + questionText(c, item));
        ImGui::PopStyleColor();
        ImGui::PopFont();
        if (item.kind == BegripItemKind::Values)
            valuesItem(c, item, person);
        else
            choiceItem(c, item, person);
        ImGui::PopID();
    }
}

} // namespace samenspel::table::actions
