// What the table's windows share: names in the interface language, the rules
// of what is public at a shared screen, and a few calm widgets.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/visibility.hpp"
#include "report.hpp"
#include "screens/table_view.hpp"
#include "ui/role_token.hpp"
#include "ui/theme.hpp"

namespace samenspel::table {

namespace {

template <class T> bool inRange(int i, const std::vector<T>& v) {
    return i >= 0 && i < static_cast<int>(v.size());
}

std::string orId(const std::string& text, const std::string& id) {
    return text.empty() ? id : text;
}

} // namespace

// [Text] -------------------------------------------------------------------------

std::string roleName(const App& app, const Scenario& sc, int role) {
    return inRange(role, sc.roles) ? orId(app.text(sc.roles[role].name), sc.roles[role].id) : "?";
}

std::string valueName(const App& app, const Scenario& sc, int value) {
    return inRange(value, sc.values) ? orId(app.text(sc.values[value].name), sc.values[value].id)
                                     : "?";
}

std::string issueName(const App& app, const Scenario& sc, int issue) {
    return inRange(issue, sc.issues) ? orId(app.text(sc.issues[issue].name), sc.issues[issue].id)
                                     : "?";
}

std::string optionName(const App& app, const Scenario& sc, int issue, int option) {
    if (!inRange(issue, sc.issues) || !inRange(option, sc.issues[issue].options))
        return "?";
    const Option& o = sc.issues[issue].options[option];
    return orId(app.text(o.name), o.id);
}

std::string attributeName(const App& app, const Scenario& sc, int attribute) {
    if (!inRange(attribute, sc.attributes))
        return "?";
    return orId(app.text(sc.attributes[attribute].name), sc.attributes[attribute].id);
}

std::string preconditionName(const App& app, const Scenario& sc, int role, int precondition) {
    if (!inRange(role, sc.roles) || !inRange(precondition, sc.roles[role].preconditions))
        return "?";
    const Precondition& p = sc.roles[role].preconditions[precondition];
    return orId(app.text(p.name), p.id);
}

std::string seatName(const App& app, const Game& game, int seat) {
    if (seat == kFacilitator)
        return app.tr("table.facilitator");
    if (seat < 0 || seat >= game.seatCount())
        return "?";
    // A seat nobody named is called after its role, in this screen's language
    // (a player's laptop may show another language than the host's).
    const Seat& s = game.setup().seats[seat];
    if (!s.name.empty())
        return s.name;
    return roleName(app, game.scenario(), s.role) + game.setup().roleSeatSuffix(seat);
}

std::string seatWithRole(const App& app, const Game& game, int seat) {
    // An unnamed seat is already called after its role: say it once.
    if (seat < 0 || seat >= game.seatCount() || game.setup().seats[seat].name.empty())
        return seatName(app, game, seat);
    // A seat named after its role (a bot's) too: "Jongerenwerker (Jongerenwerker)" says nothing.
    const std::string name = seatName(app, game, seat);
    const std::string role = roleName(app, game.scenario(), game.roleOfSeat(seat));
    return name == role ? name : name + " (" + role + ")";
}

std::string phaseName(const App& app, const Scenario& sc, int phase) {
    if (!inRange(phase, sc.phases))
        return app.tr("table.session_over");
    return app.tr(std::string("table.phase.") + phaseId(sc.phases[phase].kind));
}

std::string phaseWhat(const App& app, const Scenario& sc, PhaseKind kind) {
    if (kind == PhaseKind::Besluit && sc.rule == DecisionRule::Consensus)
        return app.tr("table.phase.besluit.what_everyone");
    return app.tr(std::string("table.phase.") + phaseId(kind) + ".what");
}

std::string kindName(const App& app, RoleKind kind) {
    return app.tr(std::string("table.kind.") + roleKindId(kind));
}

std::string reasonText(const App& app, const Game& game, int seat, const Reason& reason) {
    switch (reason.kind) {
    case Reason::Kind::Value:
        return valueName(app, game.scenario(), reason.index);
    case Reason::Kind::Precondition:
        if (seat < 0 || seat >= game.seatCount())
            return "?";
        return preconditionName(app, game.scenario(), game.roleOfSeat(seat), reason.index);
    case Reason::Kind::None:
        break;
    }
    return "";
}

std::string refusalText(const App& app, const Refusal& refusal) {
    if (!refusal.key.empty() && app.catalog().has(refusal.key))
        return app.catalog().trArgs(refusal.key, refusal.args);
    return refusal.english.empty() ? refusal.key : refusal.english;
}

std::string declineText(const App& app, const std::string& reason) {
    if (app.catalog().has(reason))
        return app.tr(reason);
    // A catalog key nobody translated (a bot's reason): never show the key itself.
    const bool looksLikeKey = reason.find(' ') == std::string::npos &&
                              reason.find('.') != std::string::npos &&
                              reason.rfind("bots.", 0) == 0;
    return looksLikeKey ? app.tr("table.declined_generic") : reason;
}

std::string formatNumber(const App& app, double value, int decimals) {
    return samenspel::formatNumber(value, decimals, app.lang());
}

std::string attributeValue(const App& app, const Scenario& sc, int attribute, double value) {
    return formatQuantity(
        value, inRange(attribute, sc.attributes) ? sc.attributes[attribute].unit : "", app.lang());
}

std::string clockText(std::int64_t ms) {
    const std::int64_t seconds = std::max<std::int64_t>(0, (ms + 999) / 1000);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(seconds / 60),
                  static_cast<long long>(seconds % 60));
    return buf;
}

std::string readableCondition(const App& app, const Scenario& sc, const std::string& expression) {
    return conditionSentence(sc, expression, app.lang(),
                             [&app](const std::string& key) { return app.catalog().word(key); });
}

std::string preconditionText(const App& app, const Scenario& sc, const Precondition& precondition) {
    return preconditionSentence(sc, precondition, app.lang(),
                                [&app](const std::string& key) { return app.catalog().word(key); });
}

// [Visibility] ---------------------------------------------------------------------

bool sessionOver(const Game& game) {
    return game.state().finished;
}

const CastVote* voteOf(const Game& game, int seat) {
    const std::vector<Proposal>& proposals = game.state().proposals;
    int voted = game.proposalOnTable();
    if (voted < 0) // decided, or sent back for amendment: the last one voted on
        for (int i = static_cast<int>(proposals.size()) - 1; i >= 0 && voted < 0; --i)
            if (!proposals[i].votes.empty())
                voted = i;
    if (voted < 0)
        return nullptr;
    for (const CastVote& v : proposals[voted].votes)
        if (v.seat == seat)
            return &v;
    return nullptr;
}

int newestVersion(const Game& game, int proposal) {
    const std::vector<Proposal>& proposals = game.state().proposals;
    if (!inRange(proposal, proposals))
        return game.proposalOnTable();
    // Amendments always come later in the list than what they amend.
    for (int i = proposal + 1; i < static_cast<int>(proposals.size()); ++i)
        if (proposals[i].parent == proposal)
            proposal = i;
    const Proposal::Status status = proposals[proposal].status;
    if (status == Proposal::Status::Open || status == Proposal::Status::BackForAmendment)
        return proposal;
    return game.proposalOnTable();
}

bool supportIsPublic(const Game& game, const Proposal& proposal, int role, bool revealAll) {
    return revealAll || samenspel::supportIsPublic(game, proposal, role);
}

bool secretIsPublic(const Game& game, int role, bool revealAll) {
    return revealAll || samenspel::secretIsPublic(game, role);
}

// [Widgets] --------------------------------------------------------------------------

void roleToken(const App& app, const Scenario& sc, int role, float lines) {
    const std::string icon = inRange(role, sc.roles) ? roleIcon(sc.roles[role]) : "";
    ui::roleToken(role, icon, app.theme(), lines, roleName(app, sc, role));
}

namespace {

float textWidth(const std::string& text) {
    return ImGui::CalcTextSize(text.c_str()).x;
}

// The longest start of `word` that fits in `width` with "…" after it.
std::string cutToFit(const std::string& word, float width) {
    std::string cut = word;
    while (!cut.empty() && textWidth(cut + "…") > width) {
        cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80)
            cut.pop_back(); // never half a UTF-8 character
        if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0xC0)
            cut.pop_back();
    }
    return cut + "…";
}

} // namespace

std::vector<std::string> wordLines(const std::string& text, float width, int maxLines,
                                   bool& shortened) {
    shortened = false;
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if (c == ' ' || c == '\n') {
            if (!word.empty())
                words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string w = words[i];
        if (textWidth(w) > width) {
            w = cutToFit(w, width);
            shortened = true;
        }
        if (!lines.empty() && textWidth(lines.back() + " " + w) <= width) {
            lines.back() += " " + w;
            continue;
        }
        if (maxLines > 0 && static_cast<int>(lines.size()) == maxLines) {
            // No room for another line: the last one says that more follows.
            std::string& last = lines.back();
            last = textWidth(last + " …") <= width ? last + " …" : cutToFit(last, width);
            shortened = true;
            break;
        }
        lines.push_back(w);
    }
    return lines;
}

int wordWrapped(const std::string& text, float width, int maxLines) {
    bool shortened = false;
    const std::vector<std::string> lines = wordLines(text, width, maxLines, shortened);
    // Lines as close as ImGui's own wrapping sets them.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::BeginGroup();
    for (const std::string& line : lines)
        ImGui::TextUnformatted(line.c_str());
    ImGui::EndGroup();
    ImGui::PopStyleVar();
    if (shortened && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", text.c_str());
    return static_cast<int>(lines.size());
}

// Wrapped between words: a column at 1280x720 is narrower than many a title.
// Then the usual gap below it (wordWrapped sets its lines closer).
void heading(const App& app, const std::string& text) {
    ImGui::PushFont(app.fonts().heading);
    wordWrapped(text, ImGui::GetContentRegionAvail().x);
    ImGui::PopFont();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().ItemSpacing.y);
}

void mutedText(const App& app, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void wrappedText(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

std::string spokenSentence(const std::string& text) {
    if (text.empty())
        return text;
    const char last = text.back();
    const bool ended = last == '.' || last == '!' || last == '?' || last == ':';
    return text + (ended ? " " : ". ");
}

void readAloudButton(App& app, const char* id, const std::function<std::string()>& text) {
    if (!app.readAloudOn())
        return;
    if (ImGui::Button((app.tr("read_aloud.button") + "##" + id).c_str()))
        app.readAloud(text());
    app.traceItem(id);
    if (!app.readAloudProblem().empty())
        mutedText(app, app.readAloudProblem());
}

void badge(const App& app, const std::string& text, const ImVec4& colour) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 pad(app.unit() * 0.8f, app.unit() * 0.15f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 box(size.x + 2 * pad.x, size.y + 2 * pad.y);
    // Like ImGui's own widgets, nothing is drawn while scrolled out of view:
    // a board full of proposals has most of its badges there.
    if (ImGui::IsRectVisible(box)) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y),
                            ui::toU32(ui::withAlpha(colour, 0.22f)), size.y);
        draw->AddRect(p, ImVec2(p.x + box.x, p.y + box.y), ui::toU32(colour), size.y, 0, 1.5f);
        draw->AddText(ImVec2(p.x + pad.x, p.y + pad.y), ui::toU32(colour), text.c_str());
    }
    ImGui::Dummy(box);
}

void badgeAfter(const App& app, const std::string& text, const ImVec4& colour) {
    const float width = ImGui::CalcTextSize(text.c_str()).x + 2 * app.unit() * 0.8f;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right)
        ImGui::SameLine();
    badge(app, text, colour);
}

void beginFramed(const App& app) {
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::Dummy(ImVec2(0, app.unit() * 0.5f));
    ImGui::Indent(app.unit() * 1.5f);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                           app.unit() * 1.5f);
}

void endFramed(const App& app, const ImVec4& colour) {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Unindent(app.unit() * 1.5f);
    const float pad = app.unit();
    const ImVec2 min(ImGui::GetItemRectMin().x - pad, ImGui::GetItemRectMin().y - pad);
    const ImVec2 max(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                     ImGui::GetItemRectMax().y + pad);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    if (ImGui::IsRectVisible(min, max)) {
        draw->AddRectFilled(min, max, ui::toU32(ui::withAlpha(colour, 0.12f)), pad * 0.6f);
        draw->AddRect(min, max, ui::toU32(colour), pad * 0.6f, 0, 1.5f);
    }
    draw->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, pad));
}

bool button(const std::string& label, bool enabled, ImVec2 size) {
    if (!enabled)
        ImGui::BeginDisabled();
    const bool clicked = ImGui::Button(label.c_str(), size);
    if (!enabled)
        ImGui::EndDisabled();
    return clicked && enabled;
}

void packageRows(const App& app, const Scenario& sc, const Package& package,
                 const Package* previous) {
    if (ImGui::BeginTable("package", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("issue", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("option", ImGuiTableColumnFlags_WidthStretch, 1.7f);
        for (int i = 0;
             i < static_cast<int>(package.size()) && i < static_cast<int>(sc.issues.size()); ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
            wrappedText(issueName(app, sc, i));
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            const bool changed =
                previous && i < static_cast<int>(previous->size()) && (*previous)[i] != package[i];
            if (changed) {
                ImGui::PushFont(app.fonts().bold);
                ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
                wrappedText("◀ " + optionName(app, sc, i, package[i]));
                ImGui::PopStyleColor();
                ImGui::PopFont();
            } else {
                wrappedText(optionName(app, sc, i, package[i]));
            }
        }
        const std::vector<double> totals = attributeTotals(sc, package);
        for (int a = 0;
             a < static_cast<int>(totals.size()) && a < static_cast<int>(sc.attributes.size());
             ++a) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
            wrappedText(attributeName(app, sc, a));
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(attributeValue(app, sc, a, totals[a]).c_str());
        }
        ImGui::EndTable();
    }
}

void conditionRows(const App& app, const Game& game, const Proposal& proposal) {
    for (const AttachedCondition& c : proposal.conditions) {
        badge(app, c.met ? "✓ " + app.tr("table.met") : "✗ " + app.tr("table.unmet"),
              c.met ? app.theme().good : app.theme().bad);
        ImGui::SameLine();
        wrappedText(readableCondition(app, game.scenario(), c.condition.expression));
        std::string from = app.tr("table.condition_from", seatWithRole(app, game, c.fromSeat));
        const std::string protects = reasonText(app, game, c.fromSeat, c.condition.protects);
        if (!protects.empty())
            from += " · " + app.tr("table.protects", protects);
        mutedText(app, from);
    }
}

bool submit(App& app, TableLink& link, TableUi& ui, const Action& action,
            const std::string& okText) {
    const SubmitOutcome out = link.submit(action);
    ui.messageAtMs = link.clockMs();
    ui.awaitingHost = false;
    switch (out.kind) {
    case SubmitOutcome::Kind::Applied:
        ui.message = okText;
        ui.messageIsError = false;
        return true;
    case SubmitOutcome::Kind::Sent:
        ui.message = app.tr("table.sending");
        ui.messageIsError = false;
        ui.awaitingHost = true;
        ui.pendingOkText = okText;
        return true;
    case SubmitOutcome::Kind::Refused:
        ui.message = refusalText(app, out.refusal);
        break;
    case SubmitOutcome::Kind::NotSent:
        ui.message = app.tr("table.not_sent");
        break;
    }
    ui.messageIsError = true;
    return false;
}

void settleMessage(App& app, const TableLink& link, TableUi& ui) {
    if (!ui.awaitingHost || link.awaitingReply())
        return;
    ui.awaitingHost = false;
    if (const std::optional<Refusal> refusal = link.lastRefusal()) {
        ui.message = app.tr("table.host_refused", refusalText(app, *refusal));
        ui.messageIsError = true;
    } else if (link.connectionLost()) {
        ui.message = app.tr("table.not_sent");
        ui.messageIsError = true;
    } else {
        ui.message = ui.pendingOkText;
        ui.messageIsError = false;
    }
}

} // namespace samenspel::table
