// What the active seat can do in this phase, and nothing else: each section
// appears only when the rules allow its action for this seat now (Game::check
// with a probe), each button is greyed out with the rules' own translated
// reason while its action would be refused. Index:
//   [SECTION] Helpers            probes, action buttons, pickers, drafts
//   [SECTION] Condition builder  ja-mits / support-if conditions as expressions
//   [SECTION] Sections           predict, share, answer, ask, precondition,
//                                propose/amend, react, vote
//   [SECTION] Entry              drawActions
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/expr.hpp"
#include "screens/table_view.hpp"
#include "ui/theme.hpp"

namespace samenspel::table {

namespace {

// [SECTION] Helpers -------------------------------------------------------------

struct Ctx {
    App& app;
    TableLink& link;
    TableUi& ui;
    const Game& game;
    const Scenario& sc;
    const GameState& st;
    int seat;
    int role;

    Action action(ActionType type) const {
        Action a;
        a.type = type;
        a.seat = seat;
        return a;
    }
};

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

void sectionTitle(const Ctx& c, const std::string& title, const std::string& help = "") {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushFont(c.app.fonts().bold);
    ImGui::PushStyleColor(ImGuiCol_Text, c.app.theme().accent);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (!help.empty())
        mutedText(c.app, help);
}

void refusalLine(const Ctx& c, const Refusal& refusal) {
    ImGui::PushFont(c.app.fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, c.app.theme().bad);
    wrappedText(refusalText(c.app, refusal));
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// A button for `a`: greyed out with the reason while the rules refuse it.
bool actionButton(const Ctx& c, const std::string& label, const Action& a,
                  const std::string& okText, bool showReason = true) {
    const ApplyResult check = c.link.check(a);
    const bool clicked = button(label, check.accepted);
    if (!check.accepted && showReason)
        refusalLine(c, check.refusal);
    if (clicked)
        return submit(c.app, c.link, c.ui, a, okText);
    return false;
}

bool combo(const char* id, int& current, const std::vector<std::string>& items,
           const std::vector<bool>* enabled = nullptr, const std::string& placeholder = "") {
    const std::string preview =
        current >= 0 && current < static_cast<int>(items.size()) ? items[current] : placeholder;
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(id, preview.c_str())) {
        for (int i = 0; i < static_cast<int>(items.size()); ++i) {
            const bool on = !enabled || (*enabled)[i];
            if (ImGui::Selectable(items[i].c_str(), i == current,
                                  on ? 0 : ImGuiSelectableFlags_Disabled)) {
                current = i;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// A toggle "chip" in a wrapping row; the first of a row starts a new line.
bool chip(const Ctx& c, const std::string& label, bool on, bool enabled, bool first) {
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    const float w =
        size.x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetTextLineHeight() * 1.2f;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w < right)
        ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, on ? c.app.theme().accent : c.app.theme().surfaceRaised);
    ImGui::PushStyleColor(ImGuiCol_Text, on ? c.app.theme().accentText : c.app.theme().text);
    const bool clicked = button((on ? "✓ " : "  ") + label, enabled || on);
    ImGui::PopStyleColor(2);
    return clicked;
}

// Own values (weight > 0, heaviest first) and preconditions: what a seat may
// give as its reason.
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

std::vector<std::string> reasonLabels(const Ctx& c, const std::vector<Reason>& reasons) {
    std::vector<std::string> out;
    for (const Reason& r : reasons)
        out.push_back(r.kind == Reason::Kind::Value
                          ? c.app.tr("table.reason_value", valueName(c.app, c.sc, r.index))
                          : c.app.tr("table.reason_precondition",
                                     preconditionName(c.app, c.sc, c.role, r.index)));
    return out;
}

Package defaultPackage(const Ctx& c) {
    return c.game.defaultPackage();
}

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
    d.package = defaultPackage(c);
    d.amendOf = c.game.proposalOnTable();
    d.reactProposal = c.game.proposalOnTable();
}

std::string numberForExpression(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// [SECTION] Condition builder ---------------------------------------------------------

std::string expressionOf(const Ctx& c, const ConditionDraft& d) {
    if (d.kind <= 1) {
        if (d.issue < 0 || d.issue >= static_cast<int>(c.sc.issues.size()))
            return "";
        const Issue& issue = c.sc.issues[d.issue];
        if (d.option < 0 || d.option >= static_cast<int>(issue.options.size()))
            return "";
        return issue.id + (d.kind == 0 ? " == " : " != ") + issue.options[d.option].id;
    }
    if (d.attribute < 0 || d.attribute >= static_cast<int>(c.sc.attributes.size()))
        return "";
    return c.sc.attributes[d.attribute].id + (d.kind == 2 ? " <= " : " >= ") +
           numberForExpression(d.number);
}

// Whether `expression` holds for `package` now (for showing met / unmet).
bool conditionHolds(const Ctx& c, const std::string& expression, const Package& package,
                    bool& valid) {
    const ExprParseResult parsed = parseExpression(expression, c.sc.exprNames(), true);
    valid = parsed.errors.empty();
    if (!valid || package.size() != c.sc.issues.size())
        return false;
    const std::vector<double> totals = attributeTotals(c.sc, package);
    ExprInputs in;
    in.attributeTotals = &totals;
    in.resources = &c.st.world.resources;
    in.package = &package;
    return parsed.expression.holds(in);
}

void conditionBuilder(const Ctx& c, ConditionBuilder& b, const Package* against) {
    ImGui::PushID(&b);
    const std::vector<Reason> reasons = reasonChoices(c);
    // Conditions so far.
    for (std::size_t i = 0; i < b.conditions.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("✗"))
            b.conditions.erase(b.conditions.begin() + static_cast<std::ptrdiff_t>(i));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", c.app.tr("table.mits_remove").c_str());
        if (i < b.conditions.size()) {
            ImGui::SameLine();
            ImGui::TextUnformatted(
                readableCondition(c.app, c.sc, b.conditions[i].expression).c_str());
            if (against) {
                bool valid = false;
                const bool holds = conditionHolds(c, b.conditions[i].expression, *against, valid);
                ImGui::SameLine();
                ImGui::PushStyleColor(ImGuiCol_Text,
                                      holds ? c.app.theme().good : c.app.theme().warning);
                ImGui::TextUnformatted(holds ? c.app.tr("table.mits_met_now").c_str()
                                             : c.app.tr("table.mits_unmet_now").c_str());
                ImGui::PopStyleColor();
            }
        }
        ImGui::PopID();
    }
    // The next one.
    ConditionDraft& d = b.next;
    std::vector<std::string> kinds = {c.app.tr("table.mits_kind.is"),
                                      c.app.tr("table.mits_kind.is_not")};
    if (!c.sc.attributes.empty()) {
        kinds.push_back(c.app.tr("table.mits_kind.at_most"));
        kinds.push_back(c.app.tr("table.mits_kind.at_least"));
    }
    d.kind = std::clamp(d.kind, 0, static_cast<int>(kinds.size()) - 1);
    ImGui::TextUnformatted(c.app.tr("table.mits_new").c_str());
    combo("##kind", d.kind, kinds);
    if (d.kind <= 1) {
        std::vector<std::string> issues;
        for (int i = 0; i < static_cast<int>(c.sc.issues.size()); ++i)
            issues.push_back(issueName(c.app, c.sc, i));
        if (combo("##issue", d.issue, issues))
            d.option = 0;
        std::vector<std::string> options;
        if (d.issue >= 0 && d.issue < static_cast<int>(c.sc.issues.size()))
            for (int o = 0; o < static_cast<int>(c.sc.issues[d.issue].options.size()); ++o)
                options.push_back(optionName(c.app, c.sc, d.issue, o));
        combo("##option", d.option, options);
    } else {
        std::vector<std::string> attributes;
        for (int a = 0; a < static_cast<int>(c.sc.attributes.size()); ++a)
            attributes.push_back(
                attributeName(c.app, c.sc, a) +
                (c.sc.attributes[a].unit.empty() ? "" : " (" + c.sc.attributes[a].unit + ")"));
        combo("##attribute", d.attribute, attributes);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputDouble("##number", &d.number, 100.0, 1000.0, "%.0f");
    }
    std::vector<std::string> labels = reasonLabels(c, reasons);
    combo("##protects", d.protects, labels, nullptr, c.app.tr("table.mits_protects_none"));
    const std::string expression = expressionOf(c, d);
    mutedText(c.app, c.app.tr("table.mits_preview", readableCondition(c.app, c.sc, expression)));
    bool valid = false;
    conditionHolds(c, expression, against ? *against : Package{}, valid);
    if (button(c.app.tr("table.mits_add"), valid && !expression.empty())) {
        MitsCondition mc;
        mc.expression = expression;
        if (d.protects >= 0 && d.protects < static_cast<int>(reasons.size()))
            mc.protects = reasons[d.protects];
        b.conditions.push_back(mc);
    }
    ImGui::PopID();
}

// [SECTION] Sections -------------------------------------------------------------------

void predictSection(const Ctx& c) {
    sectionTitle(c, c.app.tr("table.act.predict"), c.app.tr("table.act.predict_help"));
    for (int r = 0; r < static_cast<int>(c.sc.roles.size()); ++r) {
        if (r == c.role)
            continue;
        ImGui::PushID(r);
        std::vector<int>& chosen = c.ui.drafts.predictions[r];
        ImGui::Spacing();
        ImGui::PushFont(c.app.fonts().bold);
        ImGui::TextUnformatted(roleName(c.app, c.sc, r).c_str());
        ImGui::PopFont();
        for (int v = 0; v < static_cast<int>(c.sc.values.size()); ++v) {
            ImGui::PushID(v);
            const bool on = std::find(chosen.begin(), chosen.end(), v) != chosen.end();
            if (chip(c, valueName(c.app, c.sc, v), on, chosen.size() < 3, v == 0)) {
                if (on)
                    chosen.erase(std::find(chosen.begin(), chosen.end(), v));
                else
                    chosen.push_back(v);
            }
            ImGui::PopID();
        }
        bool saved = false;
        for (const Prediction& p : c.st.predictions)
            saved = saved || (p.seat == c.seat && p.targetRole == r && p.phase == c.st.phase &&
                              p.values == chosen);
        Action a = c.action(ActionType::Predict);
        a.targetRole = r;
        a.values = chosen;
        if (saved) {
            ImGui::PushStyleColor(ImGuiCol_Text, c.app.theme().good);
            ImGui::TextUnformatted(("✓ " + c.app.tr("table.prediction_saved")).c_str());
            ImGui::PopStyleColor();
        } else {
            actionButton(c, c.app.tr("table.act.predict_save"), a, c.app.tr("table.ok.predict"),
                         !chosen.empty());
        }
        ImGui::PopID();
    }
}

void shareValueSection(const Ctx& c) {
    sectionTitle(c, c.app.tr("table.act.share_value"), c.app.tr("table.act.share_value_help"));
    for (const Reason& r : reasonChoices(c)) {
        if (r.kind != Reason::Kind::Value)
            continue;
        ImGui::PushID(r.index);
        Action a = c.action(ActionType::ShareValue);
        a.value = r.index;
        const ApplyResult check = c.link.check(a);
        if (check.accepted) {
            if (ImGui::Button(c.app.tr("table.act.share", valueName(c.app, c.sc, r.index)).c_str()))
                submit(c.app, c.link, c.ui, a, c.app.tr("table.ok.share_value"));
        } else {
            ImGui::BeginDisabled();
            ImGui::Button(("✓ " + valueName(c.app, c.sc, r.index)).c_str());
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
                ImGui::SetTooltip("%s", refusalText(c.app, check.refusal).c_str());
        }
        ImGui::SameLine();
        ImGui::NewLine();
        ImGui::PopID();
    }
}

void answerSection(const Ctx& c) {
    std::vector<int> open;
    for (const Question& q : c.st.questions)
        if (q.targetRole == c.role && q.status == Question::Status::Open)
            open.push_back(q.id);
    if (open.empty())
        return;
    sectionTitle(c, c.app.tr("table.act.answer"), c.app.tr("table.act.answer_help"));
    Drafts& d = c.ui.drafts;
    const std::vector<Reason> reasons = reasonChoices(c);
    std::vector<int> ownValues;
    std::vector<std::string> ownLabels;
    for (const Reason& r : reasons)
        if (r.kind == Reason::Kind::Value) {
            ownValues.push_back(r.index);
            ownLabels.push_back(valueName(c.app, c.sc, r.index));
        }
    for (int id : open) {
        const Question& q = c.st.questions[id];
        ImGui::PushID(id);
        if (static_cast<int>(d.answerValue.size()) <= id) {
            d.answerValue.resize(id + 1, -1);
            d.declineText.resize(id + 1);
        }
        const std::string about =
            q.value >= 0 ? c.app.tr("table.question_about", valueName(c.app, c.sc, q.value))
                         : c.app.tr("table.question_open");
        ImGui::PushFont(c.app.fonts().bold);
        wrappedText(
            c.app.tr("table.question_to_you", seatWithRole(c.app, c.game, q.askerSeat), about));
        ImGui::PopFont();
        Action answer = c.action(ActionType::Answer);
        answer.question = id;
        if (q.value >= 0) {
            answer.value = q.value;
        } else {
            int pick = -1;
            for (int i = 0; i < static_cast<int>(ownValues.size()); ++i)
                if (ownValues[i] == d.answerValue[id])
                    pick = i;
            if (combo("##answer", pick, ownLabels, nullptr, c.app.tr("table.pick_value")))
                d.answerValue[id] = ownValues[pick];
            answer.value = d.answerValue[id];
        }
        actionButton(c, c.app.tr("table.act.answer_button"), answer, c.app.tr("table.ok.answer"),
                     answer.value >= 0);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##decline", c.app.tr("table.decline_hint").c_str(),
                                 &d.declineText[id]);
        Action decline = c.action(ActionType::Decline);
        decline.question = id;
        decline.reasonText = d.declineText[id];
        actionButton(c, c.app.tr("table.act.decline_button"), decline, c.app.tr("table.ok.decline"),
                     false);
        ImGui::PopID();
    }
}

void askSection(const Ctx& c) {
    sectionTitle(c, c.app.tr("table.act.ask"), c.app.tr("table.act.ask_help"));
    Drafts& d = c.ui.drafts;
    std::vector<int> roles;
    std::vector<std::string> roleLabels;
    int pick = -1;
    for (int r = 0; r < static_cast<int>(c.sc.roles.size()); ++r)
        if (r != c.role) {
            if (r == d.askRole)
                pick = static_cast<int>(roles.size());
            roles.push_back(r);
            roleLabels.push_back(roleName(c.app, c.sc, r));
        }
    if (combo("##askrole", pick, roleLabels, nullptr, c.app.tr("table.pick_role")))
        d.askRole = roles[pick];
    std::vector<std::string> about = {c.app.tr("table.question_open")};
    for (int v = 0; v < static_cast<int>(c.sc.values.size()); ++v)
        about.push_back(c.app.tr("table.question_about", valueName(c.app, c.sc, v)));
    int aboutPick = d.askValue + 1;
    if (combo("##askvalue", aboutPick, about))
        d.askValue = aboutPick - 1;
    Action a = c.action(ActionType::Ask);
    a.targetRole = d.askRole;
    a.value = d.askValue;
    actionButton(c, c.app.tr("table.act.ask_button"), a, c.app.tr("table.ok.ask"), d.askRole >= 0);
}

void sharePreconditionSection(const Ctx& c) {
    const Role& role = c.sc.roles[c.role];
    if (role.preconditions.empty())
        return;
    sectionTitle(c, c.app.tr("table.act.share_precondition"),
                 c.app.tr("table.act.share_precondition_help"));
    for (int k = 0; k < static_cast<int>(role.preconditions.size()); ++k) {
        ImGui::PushID(k);
        Action a = c.action(ActionType::SharePrecondition);
        a.precondition = k;
        const ApplyResult check = c.link.check(a);
        const std::string name = preconditionName(c.app, c.sc, c.role, k);
        if (check.accepted) {
            if (ImGui::Button(c.app.tr("table.act.share", name).c_str()))
                submit(c.app, c.link, c.ui, a, c.app.tr("table.ok.share_precondition"));
        } else {
            ImGui::BeginDisabled();
            ImGui::Button(("✓ " + name).c_str());
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
                ImGui::SetTooltip("%s", refusalText(c.app, check.refusal).c_str());
        }
        ImGui::PopID();
    }
}

// What the package means for this seat: its own support and red lines
// (private: only the active seat sees it, behind the privacy screen).
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

void proposeSection(const Ctx& c) {
    sectionTitle(c, c.app.tr("table.act.propose"), c.app.tr("table.act.propose_help"));
    Drafts& d = c.ui.drafts;
    // Start from a new package or an open proposal (to amend it).
    std::vector<int> sources = {-1};
    std::vector<std::string> sourceLabels = {c.app.tr("table.start_new")};
    int pick = 0;
    for (const Proposal& p : c.st.proposals)
        if (p.status == Proposal::Status::Open || p.status == Proposal::Status::BackForAmendment) {
            if (p.id == d.amendOf)
                pick = static_cast<int>(sources.size());
            sources.push_back(p.id);
            sourceLabels.push_back(
                c.app.tr("table.start_from", proposalRef(c.app.catalog(), c.st, p.id)));
        }
    if (combo("##source", pick, sourceLabels)) {
        d.amendOf = sources[pick];
        if (d.amendOf >= 0)
            d.package = c.st.proposals[d.amendOf].package;
    }
    if (d.package.size() != c.sc.issues.size())
        d.package = defaultPackage(c);
    for (int i = 0; i < static_cast<int>(c.sc.issues.size()); ++i) {
        ImGui::PushID(i);
        ImGui::TextUnformatted(issueName(c.app, c.sc, i).c_str());
        std::vector<std::string> options;
        std::vector<bool> enabled;
        for (int o = 0; o < static_cast<int>(c.sc.issues[i].options.size()); ++o) {
            options.push_back(optionName(c.app, c.sc, i, o));
            enabled.push_back(c.st.world.optionEnabled[i][o]);
        }
        combo("##option", d.package[i], options, &enabled);
        ImGui::PopID();
    }
    const std::vector<double> totals = attributeTotals(c.sc, d.package);
    std::string line;
    for (int a = 0; a < static_cast<int>(totals.size()); ++a)
        line += (line.empty() ? "" : " · ") + attributeName(c.app, c.sc, a) + " " +
                attributeValue(c.app, c.sc, a, totals[a]);
    mutedText(c.app, line);
    packagePreview(c, d.package);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##note", c.app.tr("table.note_hint").c_str(), &d.note);
    Action propose = c.action(ActionType::Propose);
    propose.package = d.package;
    propose.reasonText = d.note;
    if (actionButton(c, c.app.tr("table.act.propose_button"), propose,
                     c.app.tr("table.ok.propose"))) {
        d.note.clear();
        d.amendOf = c.game.proposalOnTable();
    }
    if (d.amendOf >= 0) {
        Action amend = c.action(ActionType::Amend);
        amend.proposal = d.amendOf;
        amend.package = d.package;
        amend.reasonText = d.note;
        if (actionButton(c, c.app.tr("table.act.amend_button", d.amendOf + 1), amend,
                         c.app.tr("table.ok.amend"))) {
            d.note.clear();
            d.amendOf = c.game.proposalOnTable();
        }
    }
}

int proposalPicker(const Ctx& c, int& current) {
    std::vector<int> ids;
    std::vector<std::string> labels;
    int pick = -1;
    for (const Proposal& p : c.st.proposals)
        if (p.status == Proposal::Status::Open || p.status == Proposal::Status::BackForAmendment) {
            if (p.id == current)
                pick = static_cast<int>(ids.size());
            ids.push_back(p.id);
            labels.push_back(proposalTitle(c.app.catalog(), c.st, p.id));
        }
    if (pick < 0 && !ids.empty()) {
        pick = static_cast<int>(ids.size()) - 1;
        current = ids[pick];
    }
    if (combo("##proposal", pick, labels, nullptr, c.app.tr("table.no_proposals")))
        current = ids[pick];
    return current;
}

void reasonPicker(const Ctx& c, const char* id, int& current, const std::vector<Reason>& reasons,
                  const std::string& placeholder) {
    combo(id, current, reasonLabels(c, reasons), nullptr, placeholder);
}

void reactSection(const Ctx& c) {
    sectionTitle(c, c.app.tr("table.act.react"), c.app.tr("table.act.react_help"));
    Drafts& d = c.ui.drafts;
    if (c.st.proposals.empty()) {
        mutedText(c.app, c.app.tr("table.no_proposals"));
        return;
    }
    ImGui::PushID("react");
    proposalPicker(c, d.reactProposal);
    ImGui::RadioButton(c.app.tr("table.reaction.support").c_str(), &d.reactionKind, 0);
    ImGui::SameLine();
    ImGui::RadioButton(c.app.tr("table.reaction.object").c_str(), &d.reactionKind, 1);
    ImGui::SameLine();
    ImGui::RadioButton(c.app.tr("table.reaction.support_if").c_str(), &d.reactionKind, 2);
    const std::vector<Reason> reasons = reasonChoices(c);
    reasonPicker(c, "##reason", d.reactReason, reasons, c.app.tr("table.pick_reason"));
    const Package* against =
        d.reactProposal >= 0 && d.reactProposal < static_cast<int>(c.st.proposals.size())
            ? &c.st.proposals[d.reactProposal].package
            : nullptr;
    if (d.reactionKind == 2)
        conditionBuilder(c, d.reactConditions, against);
    Action a = c.action(ActionType::React);
    a.proposal = d.reactProposal;
    a.reaction = static_cast<ReactionKind>(d.reactionKind);
    if (d.reactReason >= 0 && d.reactReason < static_cast<int>(reasons.size()))
        a.reason = reasons[d.reactReason];
    if (d.reactionKind == 2)
        a.conditions = d.reactConditions.conditions;
    if (actionButton(c, c.app.tr("table.act.react_button"), a, c.app.tr("table.ok.react")))
        d.reactConditions.conditions.clear();
    ImGui::PopID();
}

void voteSection(const Ctx& c) {
    sectionTitle(c, c.app.tr("table.act.vote"), c.app.tr("table.act.vote_help"));
    Drafts& d = c.ui.drafts;
    const int onTable = c.game.proposalOnTable();
    if (onTable < 0) {
        mutedText(c.app, c.app.tr("table.no_proposal_to_vote"));
        return;
    }
    ImGui::PushID("vote");
    const Proposal& p = c.st.proposals[onTable];
    ImGui::TextUnformatted(
        c.app.tr("table.vote_on", proposalRef(c.app.catalog(), c.st, p.id)).c_str());
    packagePreview(c, p.package);
    ImGui::RadioButton(c.app.tr("table.vote.yes").c_str(), &d.voteKind, 0);
    ImGui::SameLine();
    ImGui::RadioButton(c.app.tr("table.vote.no").c_str(), &d.voteKind, 1);
    ImGui::SameLine();
    ImGui::RadioButton(c.app.tr("table.vote.ja_mits").c_str(), &d.voteKind, 2);
    const std::vector<Reason> reasons = reasonChoices(c);
    reasonPicker(c, "##reason", d.voteReason, reasons, c.app.tr("table.pick_reason_optional"));
    if (d.voteKind == 2)
        conditionBuilder(c, d.voteConditions, &p.package);
    Action a = c.action(ActionType::Vote);
    a.proposal = onTable;
    a.vote = static_cast<VoteKind>(d.voteKind);
    if (d.voteReason >= 0 && d.voteReason < static_cast<int>(reasons.size()))
        a.reason = reasons[d.voteReason];
    if (d.voteKind == 2)
        a.conditions = d.voteConditions.conditions;
    if (actionButton(c, c.app.tr("table.act.vote_button"), a, c.app.tr("table.ok.vote")))
        d.voteConditions.conditions.clear();
    ImGui::PopID();
}

} // namespace

// [SECTION] Entry -----------------------------------------------------------------------

void drawActions(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    const GameState& st = game.state();
    const Ctx c{
        app, link, ui, game, game.scenario(), st, ui.activeSeat, game.roleOfSeat(ui.activeSeat)};
    heading(app, app.tr("table.your_actions"));
    if (!ui.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text,
                              ui.messageIsError ? app.theme().bad : app.theme().good);
        wrappedText(ui.message);
        ImGui::PopStyleColor();
    }
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
    // One action at a time over the network: the next waits for the host's verdict.
    const bool waiting = link.awaitingReply();
    if (waiting)
        ImGui::BeginDisabled();
    bool any = false;
    const auto section = [&](ActionType type, void (*draw)(const Ctx&)) {
        if (!sectionVisible(c, type))
            return;
        any = true;
        draw(c);
    };
    section(ActionType::Vote, voteSection); // in besluit the vote comes first
    section(ActionType::Predict, predictSection);
    section(ActionType::Answer, answerSection);
    section(ActionType::ShareValue, shareValueSection);
    section(ActionType::Ask, askSection);
    section(ActionType::SharePrecondition, sharePreconditionSection);
    section(ActionType::Propose, proposeSection);
    section(ActionType::React, reactSection);
    if (!any)
        mutedText(app, app.tr("table.nothing_to_do"));
    if (waiting)
        ImGui::EndDisabled();
}

} // namespace samenspel::table
