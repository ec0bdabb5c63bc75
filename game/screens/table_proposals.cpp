// The forms about proposals: make or amend one, react to one, vote on the one
// on the table. Each is a few numbered steps of one-tap choices; a ja-mits
// condition is one tap on the option that must be in the package (the full
// builder for other conditions waits under a closed header). Index:
//   [SECTION] Conditions   one-tap conditions and the full builder
//   [SECTION] Propose      start, package, send as new or as a new version
//   [SECTION] React        which proposal (the newest version), how, why, if
//   [SECTION] Vote         yes, no or ja-mits, why, conditions
#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/expr.hpp"
#include "core/log.hpp"
#include "screens/table_actions_internal.hpp"
#include "ui/theme.hpp"

namespace samenspel::table::actions {

namespace {

// [SECTION] Conditions -----------------------------------------------------------------

std::string numberForExpression(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

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

// Adds the condition, or takes it away when it is there already: a second
// tap on a choice undoes the first.
void toggleCondition(ConditionBuilder& b, const std::string& expression, const Reason& protects) {
    for (auto it = b.conditions.begin(); it != b.conditions.end(); ++it)
        if (it->expression == expression) {
            b.conditions.erase(it);
            return;
        }
    MitsCondition mc;
    mc.expression = expression;
    mc.protects = protects;
    b.conditions.push_back(mc);
}

bool hasCondition(const ConditionBuilder& b, const std::string& expression) {
    return std::any_of(b.conditions.begin(), b.conditions.end(),
                       [&](const MitsCondition& m) { return m.expression == expression; });
}

// Any condition the one-tap choices do not offer: is not, at most, at least.
void fullBuilder(const Ctx& c, ConditionBuilder& b, const Package* against) {
    ConditionDraft& d = b.next;
    std::vector<std::string> kinds = {c.app.tr("table.mits_kind.is"),
                                      c.app.tr("table.mits_kind.is_not")};
    if (!c.sc.attributes.empty()) {
        kinds.push_back(c.app.tr("table.mits_kind.at_most"));
        kinds.push_back(c.app.tr("table.mits_kind.at_least"));
    }
    d.kind = std::clamp(d.kind, 0, static_cast<int>(kinds.size()) - 1);
    ImGui::PushID("kinds");
    for (int k = 0; k < static_cast<int>(kinds.size()); ++k) {
        ImGui::PushID(k);
        if (choice(c, kinds[k], d.kind == k, true, k == 0))
            d.kind = k;
        ImGui::PopID();
    }
    ImGui::PopID();
    const auto comboOf = [](const char* id, int& current, const std::vector<std::string>& items) {
        ImGui::SetNextItemWidth(-1);
        const std::string preview =
            current >= 0 && current < static_cast<int>(items.size()) ? items[current] : "";
        bool changed = false;
        if (ImGui::BeginCombo(id, preview.c_str())) {
            for (int i = 0; i < static_cast<int>(items.size()); ++i)
                if (ImGui::Selectable(items[i].c_str(), i == current)) {
                    current = i;
                    changed = true;
                }
            ImGui::EndCombo();
        }
        return changed;
    };
    if (d.kind <= 1) {
        std::vector<std::string> issues;
        for (int i = 0; i < static_cast<int>(c.sc.issues.size()); ++i)
            issues.push_back(issueName(c.app, c.sc, i));
        if (comboOf("##issue", d.issue, issues))
            d.option = 0;
        std::vector<std::string> options;
        if (d.issue >= 0 && d.issue < static_cast<int>(c.sc.issues.size()))
            for (int o = 0; o < static_cast<int>(c.sc.issues[d.issue].options.size()); ++o)
                options.push_back(optionName(c.app, c.sc, d.issue, o));
        comboOf("##option", d.option, options);
    } else {
        std::vector<std::string> attributes;
        for (int a = 0; a < static_cast<int>(c.sc.attributes.size()); ++a)
            attributes.push_back(attributeName(c.app, c.sc, a));
        comboOf("##attribute", d.attribute, attributes);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputDouble("##number", &d.number, 100.0, 1000.0, "%.0f");
    }
    const std::string expression = expressionOf(c, d);
    bool valid = false;
    conditionHolds(c, expression, against ? *against : Package{}, valid);
    if (button(c.app.tr("table.mits_add", readableCondition(c.app, c.sc, expression)),
               valid && !expression.empty() && !hasCondition(b, expression)))
        toggleCondition(b, expression, {});
}

// The conditions so far (each can go again), then one tap per option that
// must be in the package, one per amount that must not grow, and the full
// builder. Each condition protects `protects` (the reason the player gave).
void conditionStep(const Ctx& c, ConditionBuilder& b, const Package* against,
                   const Reason& protects) {
    ImGui::PushID(&b);
    mutedText(c.app, c.app.tr("table.mits_tap_help"));
    for (std::size_t i = 0; i < b.conditions.size(); ++i) {
        const std::string& expression = b.conditions[i].expression;
        bool valid = false;
        const bool holds = against && conditionHolds(c, expression, *against, valid);
        ImGui::PushStyleColor(ImGuiCol_Text, holds ? c.app.theme().good : c.app.theme().warning);
        wrappedText("• " + readableCondition(c.app, c.sc, expression) + " — " +
                    c.app.tr(holds ? "table.mits_met_now" : "table.mits_unmet_now"));
        ImGui::PopStyleColor();
    }
    for (int i = 0; i < static_cast<int>(c.sc.issues.size()); ++i) {
        ImGui::PushID(i);
        ImGui::PushStyleColor(ImGuiCol_Text, c.app.theme().textMuted);
        wrappedText(issueName(c.app, c.sc, i));
        ImGui::PopStyleColor();
        const Issue& issue = c.sc.issues[i];
        for (int o = 0; o < static_cast<int>(issue.options.size()); ++o) {
            if (!c.st.world.optionEnabled[i][o])
                continue;
            ImGui::PushID(o);
            const std::string expression = issue.id + " == " + issue.options[o].id;
            // What the proposal has now: a condition on it asks to keep it.
            const bool now = against && i < static_cast<int>(against->size()) && (*against)[i] == o;
            const std::string label = optionName(c.app, c.sc, i, o) +
                                      (now ? " · " + c.app.tr("table.mits_in_it_now") : "");
            if (choice(c, label, hasCondition(b, expression), true, o == 0))
                toggleCondition(b, expression, protects);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    if (against && against->size() == c.sc.issues.size()) {
        const std::vector<double> totals = attributeTotals(c.sc, *against);
        ImGui::PushID("amounts");
        for (int a = 0; a < static_cast<int>(totals.size()); ++a) {
            ImGui::PushID(a);
            const std::string expression =
                c.sc.attributes[a].id + " <= " + numberForExpression(totals[a]);
            if (choice(c,
                       c.app.tr("table.mits_no_more_than", attributeName(c.app, c.sc, a),
                                attributeValue(c.app, c.sc, a, totals[a])),
                       hasCondition(b, expression), true, a == 0))
                toggleCondition(b, expression, protects);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::CollapsingHeader(c.app.tr("table.mits_other").c_str()))
        fullBuilder(c, b, against);
    ImGui::PopID();
}

Reason reasonAt(const std::vector<Reason>& reasons, int index) {
    return index >= 0 && index < static_cast<int>(reasons.size()) ? reasons[index] : Reason{};
}

std::string proposalLabel(const Ctx& c, const Proposal& p) {
    return proposalTitle(c.app.catalog(), c.st, p.id);
}

bool isOpen(const Proposal& p) {
    return p.status == Proposal::Status::Open || p.status == Proposal::Status::BackForAmendment;
}

} // namespace

// [SECTION] Propose ---------------------------------------------------------------------

void proposeSection(const Ctx& c) {
    Drafts& d = c.ui.drafts;
    // 1: start from a new package or from an open proposal (to amend it), newest first.
    std::vector<int> open;
    for (const Proposal& p : c.st.proposals)
        if (isOpen(p))
            open.insert(open.begin(), p.id);
    if (d.amendOf >= 0 && !isOpen(c.st.proposals[d.amendOf]))
        d.amendOf = newestVersion(c.game, d.amendOf);
    if (!open.empty()) {
        step(c, 1, c.app.tr("table.step.start"));
        ImGui::PushID("start");
        if (choice(c, c.app.tr("table.start_new"), d.amendOf < 0, true, true)) {
            d.amendOf = -1;
            d.package = c.game.defaultPackage();
        }
        // The newest few: older open ones are rarely where anyone starts.
        for (std::size_t k = 0; k < open.size() && k < 4; ++k) {
            const Proposal& p = c.st.proposals[open[k]];
            ImGui::PushID(p.id);
            if (choice(c, proposalLabel(c, p), d.amendOf == p.id)) {
                d.amendOf = p.id;
                d.package = p.package;
            }
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    if (d.package.size() != c.sc.issues.size())
        d.package = c.game.defaultPackage();
    // 2: one tap per issue.
    step(c, open.empty() ? 1 : 2, c.app.tr("table.step.package"));
    const Package* from = d.amendOf >= 0 ? &c.st.proposals[d.amendOf].package : nullptr;
    for (int i = 0; i < static_cast<int>(c.sc.issues.size()); ++i) {
        ImGui::PushID(i);
        ImGui::PushStyleColor(ImGuiCol_Text, c.app.theme().textMuted);
        wrappedText(issueName(c.app, c.sc, i) +
                    (from && (*from)[i] != d.package[i] ? "  ◀ " + c.app.tr("table.changed") : ""));
        ImGui::PopStyleColor();
        for (int o = 0; o < static_cast<int>(c.sc.issues[i].options.size()); ++o) {
            ImGui::PushID(o);
            if (choice(c, optionName(c.app, c.sc, i, o), d.package[i] == o,
                       c.st.world.optionEnabled[i][o], o == 0))
                d.package[i] = o;
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    const std::vector<double> totals = attributeTotals(c.sc, d.package);
    std::string line;
    for (int a = 0; a < static_cast<int>(totals.size()); ++a)
        line += (line.empty() ? "" : " · ") + attributeName(c.app, c.sc, a) + " " +
                attributeValue(c.app, c.sc, a, totals[a]);
    ImGui::Spacing();
    mutedText(c.app, line);
    packagePreview(c, d.package);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##note", c.app.tr("table.note_hint").c_str(), &d.note);
    // 3: a new version of the one started from, or a new proposal.
    const bool unchanged =
        from && *from == d.package && c.game.currentPhase() != PhaseKind::Besluit;
    if (d.amendOf >= 0) {
        Action amend = c.action(ActionType::Amend);
        amend.proposal = d.amendOf;
        amend.package = d.package;
        amend.reasonText = d.note;
        if (sendButton(c, c.app.tr("table.act.amend_button", d.amendOf + 1), amend,
                       c.app.tr("table.ok.amend"),
                       unchanged ? c.app.tr("table.amend_unchanged_hint") : "")) {
            d.note.clear();
            d.amendOf = c.game.proposalOnTable(); // the new version, to go on from
        }
    }
    Action propose = c.action(ActionType::Propose);
    propose.package = d.package;
    propose.reasonText = d.note;
    if (sendButton(c, c.app.tr("table.act.propose_button"), propose, c.app.tr("table.ok.propose"),
                   "")) {
        d.note.clear();
        d.amendOf = c.game.proposalOnTable();
    }
}

// [SECTION] React -----------------------------------------------------------------------

void reactSection(const Ctx& c) {
    Drafts& d = c.ui.drafts;
    const int onTable = c.game.proposalOnTable();
    // The proposal follows the newest open version: a form never points at
    // one that was amended meanwhile, and says so when the player had picked it.
    const int before = d.reactProposal;
    d.reactProposal = d.reactPicked ? newestVersion(c.game, d.reactProposal) : onTable;
    if (d.reactProposal < 0) {
        mutedText(c.app, c.app.tr("table.no_proposals"));
        return;
    }
    ImGui::PushID("react");
    const Proposal& p = c.st.proposals[d.reactProposal];
    if (d.reactPicked && before != d.reactProposal && before >= 0)
        d.reactFollowedFrom = before;
    // Which proposal: a step only when there are several.
    int n = 0;
    std::vector<int> open;
    for (const Proposal& q : c.st.proposals)
        if (isOpen(q))
            open.insert(open.begin(), q.id);
    if (open.size() > 1) {
        step(c, ++n, c.app.tr("table.step.proposal"));
        for (std::size_t k = 0; k < open.size() && k < 4; ++k) {
            ImGui::PushID(open[k]);
            if (choice(c, proposalLabel(c, c.st.proposals[open[k]]), open[k] == d.reactProposal,
                       true, k == 0)) {
                d.reactProposal = open[k];
                d.reactPicked = true;
                d.reactFollowedFrom = -1;
            }
            ImGui::PopID();
        }
    } else {
        ImGui::PushFont(c.app.fonts().bold);
        wrappedText(proposalLabel(c, p) + " · " +
                    c.app.tr("table.proposal_from", seatName(c.app, c.game, p.authorSeat)));
        ImGui::PopFont();
    }
    if (d.reactFollowedFrom >= 0)
        mutedText(c.app, c.app.tr("table.follows_newest", d.reactFollowedFrom + 1,
                                  d.reactProposal + 1, p.version));
    packagePreview(c, p.package);
    for (const Reaction& r : p.reactions)
        if (r.seat == c.seat)
            doneLine(c, c.app.tr("table.reacted_before", c.app.tr(std::string("table.reaction.") +
                                                                  reactionKindId(r.kind))));
    // How, why, and on which condition (support-if only).
    step(c, ++n, c.app.tr("table.step.how"));
    static const char* const kinds[] = {"table.react_choice.support", "table.react_choice.object",
                                        "table.react_choice.support_if"};
    for (int k = 0; k < 3; ++k) {
        ImGui::PushID(k);
        if (wideChoice(c, c.app.tr(kinds[k]), d.reactionKind == k))
            d.reactionKind = k;
        ImGui::PopID();
    }
    const std::vector<Reason> reasons = reasonChoices(c);
    step(c, ++n, c.app.tr("table.step.why"));
    reasonStep(c, d.reactReason, reasons);
    const bool withConditions = d.reactionKind == static_cast<int>(ReactionKind::SupportIf);
    if (withConditions) {
        step(c, ++n, c.app.tr("table.step.conditions"));
        conditionStep(c, d.reactConditions, &p.package, reasonAt(reasons, d.reactReason));
    }
    Action a = c.action(ActionType::React);
    a.proposal = d.reactProposal;
    a.reaction = static_cast<ReactionKind>(std::max(0, d.reactionKind));
    a.reason = reasonAt(reasons, d.reactReason);
    if (withConditions)
        a.conditions = d.reactConditions.conditions;
    const std::string missing = d.reactionKind < 0  ? c.app.tr("table.need.how")
                                : d.reactReason < 0 ? c.app.tr("table.need.reason")
                                : withConditions && a.conditions.empty()
                                    ? c.app.tr("table.need.condition")
                                    : "";
    if (sendButton(c, c.app.tr("table.act.react_button"), a, c.app.tr("table.ok.react"), missing)) {
        // The form starts over for the next reaction.
        d.reactionKind = -1;
        d.reactReason = -1;
        d.reactConditions.conditions.clear();
    }
    ImGui::PopID();
}

// [SECTION] Vote ------------------------------------------------------------------------

void voteSection(const Ctx& c) {
    Drafts& d = c.ui.drafts;
    ImGui::PushID("vote");
    // Already voted on the proposal on the table: that is what the seat sees.
    if (const CastVote* v = voteOf(c.game, c.seat); v && c.game.proposalOnTable() >= 0) {
        const Proposal& p = c.st.proposals[c.game.proposalOnTable()];
        beginFramed(c.app);
        ImGui::PushFont(c.app.fonts().bold);
        wrappedText("✓ " + c.app.tr("table.voted_on",
                                    c.app.tr(std::string("table.vote.") + voteKindId(v->kind)),
                                    proposalRef(c.app.catalog(), c.st, p.id)));
        ImGui::PopFont();
        for (const MitsCondition& m : v->conditions)
            wrappedText("• " + readableCondition(c.app, c.sc, m.expression));
        mutedText(c.app, c.app.tr(c.sc.rule == DecisionRule::Consensus ? "table.voted_wait_everyone"
                                                                       : "table.voted_wait"));
        endFramed(c.app, c.app.theme().good);
        ImGui::PopID();
        return;
    }
    const int onTable = c.game.proposalOnTable();
    Action probe = c.action(ActionType::Vote);
    probe.proposal = onTable;
    const ApplyResult state = c.link.check(probe);
    // Nothing to vote on yet, or a version on its way: not the player's mistake.
    if (onTable < 0 || state.refusal.key == "refuse.amendment_pending") {
        mutedText(c.app, onTable < 0 ? c.app.tr("table.no_proposal_to_vote")
                                     : refusalText(c.app, state.refusal));
        ImGui::PopID();
        return;
    }
    const Proposal& p = c.st.proposals[onTable];
    ImGui::PushFont(c.app.fonts().bold);
    wrappedText(c.app.tr("table.vote_on", proposalRef(c.app.catalog(), c.st, p.id)));
    ImGui::PopFont();
    packagePreview(c, p.package);
    // 1: yes, no or ja-mits.
    step(c, 1, c.app.tr("table.step.vote"));
    static const char* const kinds[] = {"table.vote_choice.yes", "table.vote_choice.no",
                                        "table.vote_choice.ja_mits"};
    for (int k = 0; k < 3; ++k) {
        ImGui::PushID(k);
        if (wideChoice(c, c.app.tr(kinds[k]), d.voteKind == k))
            d.voteKind = k;
        ImGui::PopID();
    }
    // 2: why (may stay empty).
    const std::vector<Reason> reasons = reasonChoices(c);
    step(c, 2, c.app.tr("table.step.why_optional"));
    reasonStep(c, d.voteReason, reasons);
    // 3: on which condition (ja-mits only).
    const bool withConditions = d.voteKind == static_cast<int>(VoteKind::JaMits);
    if (withConditions) {
        step(c, 3, c.app.tr("table.step.conditions"));
        conditionStep(c, d.voteConditions, &p.package, reasonAt(reasons, d.voteReason));
    }
    Action a = c.action(ActionType::Vote);
    a.proposal = onTable;
    a.vote = static_cast<VoteKind>(std::max(0, d.voteKind));
    a.reason = reasonAt(reasons, d.voteReason);
    if (withConditions)
        a.conditions = d.voteConditions.conditions;
    const std::string missing = d.voteKind < 0 ? c.app.tr("table.need.vote")
                                : withConditions && a.conditions.empty()
                                    ? c.app.tr("table.need.condition")
                                    : "";
    if (sendButton(c, c.app.tr("table.act.vote_button"), a, c.app.tr("table.ok.vote"), missing)) {
        d.voteKind = -1;
        d.voteReason = -1;
        d.voteConditions.conditions.clear();
    }
    ImGui::PopID();
}

} // namespace samenspel::table::actions
