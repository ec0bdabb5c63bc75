// What the active seat can do in this phase, and nothing else. The phase's
// main action comes first as a short form of large choices; what else the
// rules allow now waits below under a closed header. A section appears only
// when the rules allow its action for this seat now (Game::check with a
// probe). After an accepted action the column says so in green; a form that
// is not complete yet says what comes next, never a red refusal. Index:
//   [SECTION] Widgets     steps, choices, the send button
//   [SECTION] Reasons     what a seat may give as its reason
//   [SECTION] Sections    share, answer, ask, precondition
//                         (the begrip questions: table_questions.cpp)
//                         (propose, react, vote: table_proposals.cpp)
//   [SECTION] Entry       the main action per phase, drawActions
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "screens/table_actions_internal.hpp"
#include "ui/theme.hpp"

namespace samenspel::table {

namespace actions {

// [SECTION] Widgets -------------------------------------------------------------

void step(const Ctx& c, int number, const std::string& text) {
    ImGui::Spacing();
    ImGui::PushFont(c.app.fonts().bold);
    ImGui::PushStyleColor(ImGuiCol_Text, c.app.theme().accent);
    ImGui::TextUnformatted(std::to_string(number).c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    wrappedText(text);
    ImGui::PopFont();
}

namespace {

// Draws a choice box of `width` at the cursor; its text wraps inside it.
bool choiceBox(const Ctx& c, const std::string& label, bool selected, bool enabled, float width) {
    const ui::Theme& theme = c.app.theme();
    const ImVec2 pad(c.app.unit() * 1.2f, c.app.unit() * 0.7f);
    const std::string text = (selected ? "✓ " : "") + label;
    const float wrap = std::max(width - 2 * pad.x, c.app.unit() * 4);
    const ImVec2 textSize = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const ImVec2 size(width, textSize.y + 2 * pad.y);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(label.c_str());
    if (!enabled)
        ImGui::BeginDisabled();
    const bool clicked = ImGui::InvisibleButton("##choice", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    if (!enabled)
        ImGui::EndDisabled();
    ImGui::PopID();
    if (ImGui::IsRectVisible(size)) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 q(p.x + size.x, p.y + size.y);
        const float rounding = c.app.unit() * 0.6f;
        ImVec4 fill = selected ? theme.accent : theme.surfaceRaised;
        if (enabled && (hovered || held) && !selected)
            fill = ui::withAlpha(theme.accent, held ? 0.55f : 0.35f);
        draw->AddRectFilled(p, q, ui::toU32(fill), rounding);
        draw->AddRect(p, q, ui::toU32(selected ? theme.accent : theme.border), rounding, 0, 1.5f);
        const ImVec4 ink = selected ? theme.accentText : enabled ? theme.text : theme.textMuted;
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + pad.x, p.y + pad.y),
                      ui::toU32(ink), text.c_str(), nullptr, wrap);
    }
    return clicked && enabled;
}

} // namespace

bool choice(const Ctx& c, const std::string& label, bool selected, bool enabled, bool first) {
    // Sized as if ticked, so a tap never moves the choices after it.
    const float pad = c.app.unit() * 1.2f;
    const float natural = ImGui::CalcTextSize(("✓ " + label).c_str()).x + 2 * pad;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (!first && ImGui::GetItemRectMax().x + spacing + natural <= right)
        ImGui::SameLine();
    return choiceBox(c, label, selected, enabled,
                     std::min(natural, ImGui::GetContentRegionAvail().x));
}

bool wideChoice(const Ctx& c, const std::string& label, bool selected, bool enabled) {
    return choiceBox(c, label, selected, enabled, ImGui::GetContentRegionAvail().x);
}

bool sendButton(const Ctx& c, const std::string& label, const Action& a, const std::string& okText,
                const std::string& missing) {
    ImGui::Spacing();
    const bool complete = missing.empty();
    const ApplyResult check = complete ? c.link.check(a) : ApplyResult{};
    const bool ready = complete && check.accepted;
    ImGui::PushFont(c.app.fonts().bold);
    const float height = ImGui::GetFrameHeight() + c.app.unit();
    const bool clicked = button(label, ready, ImVec2(-1, height));
    ImGui::PopFont();
    if (!complete) {
        mutedText(c.app, missing);
    } else if (!check.accepted) {
        ImGui::PushStyleColor(ImGuiCol_Text, c.app.theme().bad);
        wrappedText(refusalText(c.app, check.refusal));
        ImGui::PopStyleColor();
    }
    return clicked && submit(c.app, c.link, c.ui, a, okText);
}

void doneLine(const Ctx& c, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, c.app.theme().good);
    wrappedText("✓ " + text);
    ImGui::PopStyleColor();
}

// [SECTION] Reasons ----------------------------------------------------------------

std::vector<Reason> reasonChoices(const Ctx& c) {
    std::vector<Reason> out;
    std::vector<int> values;
    for (int v = 0; v < static_cast<int>(c.sc.values.size()); ++v)
        if (c.st.world.weights[c.role][v] > 0)
            values.push_back(v);
    std::stable_sort(values.begin(), values.end(), [&](int a, int b) {
        return c.st.world.weights[c.role][a] > c.st.world.weights[c.role][b];
    });
    for (int v : values)
        out.push_back({Reason::Kind::Value, v});
    for (int k = 0; k < static_cast<int>(c.sc.roles[c.role].preconditions.size()); ++k)
        out.push_back({Reason::Kind::Precondition, k});
    return out;
}

std::string reasonLabel(const Ctx& c, const Reason& r) {
    return r.kind == Reason::Kind::Value
               ? c.app.tr("table.reason_value", valueName(c.app, c.sc, r.index))
               : c.app.tr("table.reason_precondition",
                          preconditionName(c.app, c.sc, c.role, r.index));
}

void reasonStep(const Ctx& c, int& current, const std::vector<Reason>& reasons) {
    ImGui::PushID("reasons");
    for (int i = 0; i < static_cast<int>(reasons.size()); ++i) {
        ImGui::PushID(i);
        if (choice(c, reasonLabel(c, reasons[i]), current == i, true, i == 0))
            current = current == i ? -1 : i;
        ImGui::PopID();
    }
    ImGui::PopID();
}

void packagePreview(const Ctx& c, const Package& p) {
    if (p.size() != c.sc.issues.size())
        return;
    const double s = supportOf(c.sc, c.st.world, c.role, p);
    ImGui::TextUnformatted(
        c.app.tr("table.your_support", formatNumber(c.app, roundSupport(s), 1)).c_str());
    const Role& role = c.sc.roles[c.role];
    for (int k = 0; k < static_cast<int>(role.preconditions.size()); ++k) {
        const bool holds = preconditionHolds(c.sc, c.st.world, c.role, k, p);
        ImGui::PushStyleColor(ImGuiCol_Text, holds ? c.app.theme().good : c.app.theme().bad);
        wrappedText((holds ? "✓ " : "✗ ") + preconditionName(c.app, c.sc, c.role, k));
        ImGui::PopStyleColor();
    }
}

// [SECTION] Sections -------------------------------------------------------------

namespace {

void shareValueSection(const Ctx& c) {
    mutedText(c.app, c.app.tr("table.act.share_value_help"));
    bool first = true;
    for (const Reason& r : reasonChoices(c)) {
        if (r.kind != Reason::Kind::Value)
            continue;
        ImGui::PushID(r.index);
        Action a = c.action(ActionType::ShareValue);
        a.value = r.index;
        const ApplyResult check = c.link.check(a);
        const std::string name = valueName(c.app, c.sc, r.index);
        // A shared value stays in the row, ticked: it shows what is on the table.
        if (choice(c, check.accepted ? c.app.tr("table.act.share", name) : name, !check.accepted,
                   check.accepted, first))
            submit(c.app, c.link, c.ui, a, c.app.tr("table.ok.share_value"));
        first = false;
        ImGui::PopID();
    }
}

// Questions put to this seat: one tap answers with the value asked about (or
// the one tapped); declining needs a sentence.
void answerSection(const Ctx& c) {
    mutedText(c.app, c.app.tr("table.act.answer_help"));
    Drafts& d = c.ui.drafts;
    std::vector<int> ownValues;
    for (const Reason& r : reasonChoices(c))
        if (r.kind == Reason::Kind::Value)
            ownValues.push_back(r.index);
    for (const Question& q : c.st.questions) {
        if (q.targetRole != c.role || q.status != Question::Status::Open)
            continue;
        const int id = q.id;
        ImGui::PushID(id);
        if (static_cast<int>(d.declineText.size()) <= id)
            d.declineText.resize(id + 1);
        const std::string about =
            q.value >= 0 ? c.app.tr("table.question_about", valueName(c.app, c.sc, q.value))
                         : c.app.tr("table.question_open");
        ImGui::Spacing();
        ImGui::PushFont(c.app.fonts().bold);
        wrappedText(
            c.app.tr("table.question_to_you", seatWithRole(c.app, c.game, q.askerSeat), about));
        ImGui::PopFont();
        bool first = true;
        for (int v : ownValues) {
            if (q.value >= 0 && v != q.value)
                continue;
            ImGui::PushID(v);
            Action answer = c.action(ActionType::Answer);
            answer.question = id;
            answer.value = v;
            if (choice(c, c.app.tr("table.answer_with", valueName(c.app, c.sc, v)), false,
                       c.link.check(answer).accepted, first))
                submit(c.app, c.link, c.ui, answer, c.app.tr("table.ok.answer"));
            first = false;
            ImGui::PopID();
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##decline", c.app.tr("table.decline_hint").c_str(),
                                 &d.declineText[id]);
        Action decline = c.action(ActionType::Decline);
        decline.question = id;
        decline.reasonText = d.declineText[id];
        if (button(c.app.tr("table.act.decline_button"), c.link.check(decline).accepted) &&
            submit(c.app, c.link, c.ui, decline, c.app.tr("table.ok.decline")))
            d.declineText[id].clear();
        ImGui::PopID();
    }
}

void askSection(const Ctx& c) {
    Drafts& d = c.ui.drafts;
    step(c, 1, c.app.tr("table.step.ask_whom"));
    bool first = true;
    for (int r = 0; r < static_cast<int>(c.sc.roles.size()); ++r) {
        if (r == c.role)
            continue;
        ImGui::PushID(r);
        if (choice(c, roleName(c.app, c.sc, r), d.askRole == r, true, first))
            d.askRole = r;
        first = false;
        ImGui::PopID();
    }
    step(c, 2, c.app.tr("table.step.ask_about"));
    ImGui::PushID("about");
    for (int v = -1; v < static_cast<int>(c.sc.values.size()); ++v) {
        ImGui::PushID(v);
        const std::string label = v < 0
                                      ? c.app.tr("table.question_open")
                                      : c.app.tr("table.question_about", valueName(c.app, c.sc, v));
        if (choice(c, label, d.askValue == v, true, v < 0))
            d.askValue = v;
        ImGui::PopID();
    }
    ImGui::PopID();
    Action a = c.action(ActionType::Ask);
    a.targetRole = d.askRole;
    a.value = d.askValue;
    if (sendButton(c, c.app.tr("table.act.ask_button"), a, c.app.tr("table.ok.ask"),
                   d.askRole < 0 ? c.app.tr("table.need.role") : ""))
        d.askRole = -1;
}

void sharePreconditionSection(const Ctx& c) {
    const Role& role = c.sc.roles[c.role];
    mutedText(c.app, c.app.tr("table.act.share_precondition_help"));
    for (int k = 0; k < static_cast<int>(role.preconditions.size()); ++k) {
        ImGui::PushID(k);
        Action a = c.action(ActionType::SharePrecondition);
        a.precondition = k;
        const bool open = c.link.check(a).accepted;
        const std::string name = preconditionName(c.app, c.sc, c.role, k);
        if (wideChoice(c, open ? c.app.tr("table.act.share", name) : name, !open, open))
            submit(c.app, c.link, c.ui, a, c.app.tr("table.ok.share_precondition"));
        ImGui::PopID();
    }
}

} // namespace

} // namespace actions

// [SECTION] Entry -----------------------------------------------------------------------

namespace {

using namespace actions;

// Drafts belong to one seat in one phase.
void syncDrafts(const Ctx& c) {
    Drafts& d = c.ui.drafts;
    if (d.forSeat == c.seat && d.forPhase == c.st.phase)
        return;
    d = Drafts{};
    d.forSeat = c.seat;
    d.forPhase = c.st.phase;
    d.predictions.assign(c.sc.roles.size(), {});
    for (const Prediction& p : c.st.predictions)
        if (p.seat == c.seat && p.phase == c.st.phase && p.targetRole >= 0 &&
            p.targetRole < static_cast<int>(d.predictions.size()))
            d.predictions[p.targetRole] = p.values;
    d.package = c.game.defaultPackage();
    d.amendOf = c.game.proposalOnTable();
    d.reactProposal = c.game.proposalOnTable();
}

// Whether the rules let this seat do `type` in this phase at all. A refusal
// about the details (which value, which proposal) still shows the section.
bool sectionVisible(const Ctx& c, ActionType type) {
    const ApplyResult r = c.link.check(c.action(type));
    if (r.accepted)
        return true;
    const std::string& k = r.refusal.key;
    return k != "refuse.wrong_phase" && k != "refuse.not_a_voter" && k != "refuse.finished" &&
           k != "refuse.paused" && k != "refuse.facilitator_only";
}

bool hasOpenQuestion(const Ctx& c) {
    for (const Question& q : c.st.questions)
        if (q.targetRole == c.role && q.status == Question::Status::Open)
            return true;
    return false;
}

bool reactedTo(const Ctx& c, int proposal) {
    if (proposal < 0)
        return false;
    for (const Reaction& r : c.st.proposals[proposal].reactions)
        if (r.seat == c.seat)
            return true;
    return false;
}

struct Section {
    ActionType type;
    const char* title; // catalog key
    void (*draw)(const Ctx&);
};

// The phase's main action for this seat, first in `sections`: questions put
// to the seat, then the one thing the phase is about. In voorstel that is
// reacting when there is a proposal of someone else to react to, else proposing.
std::vector<Section> sectionsInOrder(const Ctx& c) {
    std::vector<Section> all = {
        {ActionType::Vote, "table.act.vote", voteSection},
        {ActionType::Answer, "table.act.answer", answerSection},
        {ActionType::Predict, "table.act.questions", questionsSection},
        {ActionType::ShareValue, "table.act.share_value", shareValueSection},
        {ActionType::SharePrecondition, "table.act.share_precondition", sharePreconditionSection},
        {ActionType::React, "table.act.react", reactSection},
        {ActionType::Propose, "table.act.propose", proposeSection},
        {ActionType::Ask, "table.act.ask", askSection},
    };
    // Decided once per seat and phase: the form a player is in never jumps
    // away because they just sent it.
    const int onTable = c.game.proposalOnTable();
    if (c.ui.drafts.reactFirst < 0)
        c.ui.drafts.reactFirst =
            onTable >= 0 && c.st.proposals[onTable].authorSeat != c.seat && !reactedTo(c, onTable);
    const bool reactFirst = c.ui.drafts.reactFirst == 1;
    std::vector<Section> out;
    for (const Section& s : all) {
        if (s.type == ActionType::Answer && !hasOpenQuestion(c))
            continue;
        if (s.type == ActionType::SharePrecondition && c.sc.roles[c.role].preconditions.empty())
            continue;
        if (!sectionVisible(c, s.type))
            continue;
        out.push_back(s);
    }
    // Randvoorwaarden is about red lines: they come before the values.
    const auto rank = [&](const Section& s) {
        switch (s.type) {
        case ActionType::Vote:
            return 0;
        case ActionType::Answer:
            return 1;
        case ActionType::SharePrecondition:
            return 2;
        case ActionType::React:
            return reactFirst ? 2 : 4;
        case ActionType::Propose:
            return 3;
        default:
            return 3;
        }
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const Section& a, const Section& b) { return rank(a) < rank(b); });
    return out;
}

} // namespace

void drawActions(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    const GameState& st = game.state();
    const Ctx c{
        app, link, ui, game, game.scenario(), st, ui.activeSeat, game.roleOfSeat(ui.activeSeat)};
    if (st.finished) {
        mutedText(app, app.tr("table.session_over_what"));
        return;
    }
    if (stoppedLine(app, link)) // the log could not be written: nothing more happens
        return;
    if (link.connectionLost()) { // nothing can reach the host now
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
        wrappedText(app.tr("table.connection_lost"));
        ImGui::PopStyleColor();
        return;
    }
    if (st.paused) {
        mutedText(app, app.tr("table.paused_explain"));
        return;
    }
    syncDrafts(c);
    const std::vector<Section> sections = sectionsInOrder(c);
    if (sections.empty()) {
        mutedText(app, app.tr("table.nothing_to_do"));
        return;
    }
    // One action at a time over the network: the next waits for the host's verdict.
    const bool waiting = link.awaitingReply();
    if (waiting)
        ImGui::BeginDisabled();
    // The main action open, under its own heading.
    ImGui::PushID(st.phase);
    heading(app, app.tr(sections.front().title));
    ImGui::PushID("main");
    sections.front().draw(c);
    ImGui::PopID();
    // The rest closed until asked for: each seat and phase keeps its own.
    for (std::size_t i = 1; i < sections.size(); ++i) {
        ImGui::Spacing();
        ImGui::PushID(static_cast<int>(sections[i].type));
        if (ImGui::CollapsingHeader(
                app.tr("table.also_possible", app.tr(sections[i].title)).c_str()))
            sections[i].draw(c);
        ImGui::PopID();
    }
    ImGui::PopID();
    if (waiting)
        ImGui::EndDisabled();
}

} // namespace samenspel::table
