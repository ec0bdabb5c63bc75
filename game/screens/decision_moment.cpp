// The decision as a moment on the projector (decision_moment.hpp): pushed
// over the table when besluit ends, it fills the screen with the outcome,
// holds the session and waits for the facilitator.
// Index:
//   [SECTION] Facts    what the room is told, from the game alone
//   [SECTION] Hold     pausing and resuming around the moment
//   [SECTION] Screen   drawing: heading, why, package, votes, support, button
#include "screens/decision_moment.hpp"

#include <SFML/Window/Keyboard.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.hpp"
#include "core/scoring.hpp"
#include "screens/table_view.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel {

// [SECTION] Facts ---------------------------------------------------------------------

namespace {

// The proposal besluit ended with, when it took no decision: the last one
// that was voted on or sent back, else the last one put forward.
int lastProposalOf(const GameState& st) {
    for (int id = static_cast<int>(st.proposals.size()) - 1; id >= 0; --id) {
        const Proposal& p = st.proposals[static_cast<std::size_t>(id)];
        if (!p.votes.empty() || p.status == Proposal::Status::BackForAmendment)
            return id;
    }
    return st.proposals.empty() ? -1 : static_cast<int>(st.proposals.size()) - 1;
}

} // namespace

DecisionFacts decisionFacts(const Game& game, int besluitPhase, bool supportKnown) {
    const GameState& st = game.state();
    const Scenario& sc = game.scenario();
    DecisionFacts f;
    f.supportKnown = supportKnown;
    const Decision& d = st.decision;
    if (!d.taken || d.proposal < 0 || d.proposal >= static_cast<int>(st.proposals.size())) {
        f.outcome = DecisionFacts::Outcome::None;
        f.proposal = lastProposalOf(st);
        if (f.proposal < 0 ||
            st.proposals[static_cast<std::size_t>(f.proposal)].phase > besluitPhase)
            f.noneReason = DecisionFacts::NoneReason::NoProposal;
        else if (st.proposals[static_cast<std::size_t>(f.proposal)].status ==
                 Proposal::Status::Rejected)
            f.noneReason = DecisionFacts::NoneReason::Rejected;
        else
            f.noneReason = DecisionFacts::NoneReason::TimeRanOut;
        return f;
    }
    f.proposal = d.proposal;
    f.outcome = d.gedragen ? DecisionFacts::Outcome::Gedragen : DecisionFacts::Outcome::NotGedragen;
    if (!supportKnown)
        return f;
    const Package& package = st.proposals[static_cast<std::size_t>(d.proposal)].package;
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
        const auto& pcs = sc.roles[static_cast<std::size_t>(r)].preconditions;
        for (int i = 0; i < static_cast<int>(pcs.size()); ++i)
            if (!preconditionHolds(sc, st.world, r, i, package))
                f.broken.push_back({r, i});
        if (r < static_cast<int>(d.support.size())) {
            const double s = d.support[static_cast<std::size_t>(r)];
            if (s < sc.minSupport)
                f.belowMinimum.push_back(r);
            if (f.lowestRole < 0 || s < f.lowestSupport) {
                f.lowestRole = r;
                f.lowestSupport = s;
            }
        }
    }
    return f;
}

// [SECTION] Hold ----------------------------------------------------------------------

bool MomentHold::begin(TableLink& link, bool autoplay) {
    if (paused_ || autoplay || !link.facilitatorAvailable() || !link.ready())
        return false;
    const GameState& st = link.game().state();
    if (st.paused || st.finished)
        return false;
    Action pause;
    pause.type = ActionType::Pause;
    pause.seat = kFacilitator;
    const SubmitOutcome out = link.submit(pause);
    paused_ = out.kind == SubmitOutcome::Kind::Applied || out.kind == SubmitOutcome::Kind::Sent;
    return paused_;
}

bool MomentHold::end(TableLink& link) {
    if (!paused_)
        return false;
    paused_ = false;
    if (!link.ready() || !link.game().state().paused)
        return false; // someone resumed it already (the facilitator panel)
    Action resume;
    resume.type = ActionType::Resume;
    resume.seat = kFacilitator;
    const SubmitOutcome out = link.submit(resume);
    return out.kind == SubmitOutcome::Kind::Applied || out.kind == SubmitOutcome::Kind::Sent;
}

// [SECTION] Screen --------------------------------------------------------------------

namespace {

using namespace table;

// Autoplay photographs the moment after this many frames, and moves on
// after a few more: long enough for ImGui to lay the window out.
constexpr std::uint64_t kAutoplayPictureFrame = 4;
constexpr std::uint64_t kAutoplayMoveOnFrame = 8;

std::string voteWord(const App& app, VoteKind kind) {
    switch (kind) {
    case VoteKind::Yes:
        return app.tr("moment.vote.yes");
    case VoteKind::No:
        return app.tr("moment.vote.no");
    case VoteKind::JaMits:
        return app.tr("moment.vote.ja_mits");
    }
    return "";
}

ImVec4 voteColour(const App& app, VoteKind kind) {
    switch (kind) {
    case VoteKind::Yes:
        return app.theme().good;
    case VoteKind::No:
        return app.theme().bad;
    case VoteKind::JaMits:
        return app.theme().warning;
    }
    return app.theme().text;
}

void textIn(ImFont* font, const ImVec4& colour, const std::string& text) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrappedText(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

class DecisionMomentScreen final : public Screen {
  public:
    DecisionMomentScreen(std::shared_ptr<TableLink> link, int besluitPhase)
        : link_(std::move(link)), besluitPhase_(besluitPhase) {}

    const char* name() const override { return "decision"; }

    void onOpen(App& app) override {
        if (opened_)
            return;
        opened_ = true;
        openedAtFrame_ = app.frameCount();
        hold_.begin(*link_, app.options().autoplay);
        if (link_->ready()) {
            const bool known = link_->view() != TableView::Player || link_->game().state().finished;
            facts_ = decisionFacts(link_->game(), besluitPhase_, known);
            std::printf("decision moment: shown outcome=%s actions=%llu clock=%lld paused=%d\n",
                        outcomeId(),
                        static_cast<unsigned long long>(link_->game().state().actionCount),
                        static_cast<long long>(link_->clockMs()), hold_.holding() ? 1 : 0);
            std::fflush(stdout);
        }
    }

    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key == sf::Keyboard::Enter || key == sf::Keyboard::Space) {
            moveOn(app);
            return true;
        }
        return false;
    }

    void update(App& app, double) override {
        const std::uint64_t shown = app.frameCount() - openedAtFrame_;
        if (!app.options().autoplay)
            return;
        // Autoplay has no facilitator: it photographs the moment, then presses on.
        if (shown == kAutoplayPictureFrame)
            app.requestScreenshot("decision");
        if (shown >= kAutoplayMoveOnFrame)
            moveOn(app);
    }

    void draw(App& app) override {
        const ImGuiIO& io = ImGui::GetIO();
        const ui::Theme& theme = app.theme();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::withAlpha(theme.background, 0.0f));
        ImGui::Begin("##decision_moment", nullptr, flags);
        ImGui::PopStyleColor();
        if (!link_->ready()) {
            ImGui::End();
            app.pop();
            return;
        }
        // A player's laptop closes the moment once the host goes on.
        if (link_->view() == TableView::Player && sawPaused_ && !link_->game().state().paused) {
            ImGui::End();
            app.pop();
            return;
        }
        sawPaused_ = sawPaused_ || link_->game().state().paused;
        const float width = std::min(io.DisplaySize.x - 4 * app.unit(), app.unit() * 150);
        ImGui::SetCursorPosX(std::max(2 * app.unit(), (io.DisplaySize.x - width) * 0.5f));
        ImGui::BeginChild("moment", ImVec2(width, 0), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
        title(app);
        // The body scrolls only when it must (a large UI scale on a small
        // screen); the button to move on stays in view below it.
        const float buttonRow = 10 * app.unit();
        const float bodyH = std::max(ImGui::GetContentRegionAvail().y - buttonRow, app.unit() * 20);
        const float columnGap = 3 * app.unit();
        if (width > app.unit() * 100) {
            const float left = (ImGui::GetContentRegionAvail().x - columnGap) * 0.5f;
            // Without a decision there is no support to show: the votes go
            // beside the reason, the last proposal on the right.
            const bool none = facts_.outcome == DecisionFacts::Outcome::None;
            ImGui::BeginChild("left", ImVec2(left, bodyH), false);
            why(app);
            if (none)
                votes(app);
            support(app);
            ImGui::EndChild();
            ImGui::SameLine(0, columnGap);
            ImGui::BeginChild("right", ImVec2(0, bodyH), false);
            if (!none)
                votes(app);
            package(app);
            ImGui::EndChild();
        } else {
            ImGui::BeginChild("body", ImVec2(0, bodyH), false);
            why(app);
            votes(app);
            package(app);
            support(app);
            ImGui::EndChild();
        }
        buttons(app);
        ImGui::EndChild();
        ImGui::End();
    }

  private:
    const char* outcomeId() const {
        switch (facts_.outcome) {
        case DecisionFacts::Outcome::Gedragen:
            return "gedragen";
        case DecisionFacts::Outcome::NotGedragen:
            return "not_gedragen";
        case DecisionFacts::Outcome::None:
            break;
        }
        return "none";
    }

    // A seat as the room knows it: its name, and its role when the name is
    // not already the role's.
    std::string who(const App& app, int seat) const {
        const Game& game = link_->game();
        const std::string name = seatName(app, game, seat);
        if (seat < 0 || seat >= game.seatCount())
            return name;
        const std::string role = roleName(app, game.scenario(), game.roleOfSeat(seat));
        return name.rfind(role, 0) == 0 ? name : name + " (" + role + ")";
    }

    const Proposal* proposal() const {
        const auto& proposals = link_->game().state().proposals;
        return facts_.proposal >= 0 && facts_.proposal < static_cast<int>(proposals.size())
                   ? &proposals[static_cast<std::size_t>(facts_.proposal)]
                   : nullptr;
    }

    // A calm celebration for a gedragen decision: a seal with a check mark
    // at the end of the title line, and rings in the roles' colours that
    // ripple out of it for a few seconds and fade. Driven by frames, so
    // autoplay pictures are the same on every run; drawn where no text is.
    void celebrate(App& app, ImVec2 centre) {
        const ui::Theme& theme = app.theme();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float radius = app.unit() * 3.2f;
        const float t = static_cast<float>(app.frameCount() - openedAtFrame_) / 60.0f;
        const int roles = static_cast<int>(link_->game().scenario().roles.size());
        if (t < 5.0f)
            app.requestRedraw(); // the rings still ripple: the next frame too
        for (int i = 0; i < roles && t < 5.0f; ++i) {
            const float age = t - 0.35f * static_cast<float>(i);
            if (age < 0 || age > 2.4f)
                continue;
            const float grow = age / 2.4f;
            draw->AddCircle(centre, radius * (1.0f + 1.4f * grow),
                            ui::seriesColour(i, theme, 0.7f * (1.0f - grow)), 0, app.unit() * 0.4f);
        }
        draw->AddCircleFilled(centre, radius, ui::toU32(theme.good));
        ImGui::PushFont(app.fonts().title);
        const ImVec2 mark = ImGui::CalcTextSize("✓");
        draw->AddText(ImVec2(centre.x - mark.x * 0.5f, centre.y - mark.y * 0.5f),
                      ui::toU32(theme.background), "✓");
        ImGui::PopFont();
    }

    void title(App& app) {
        const ui::Theme& theme = app.theme();
        const char* titleKey = "moment.title.none";
        const char* lead = "moment.lead.none";
        ImVec4 colour = theme.textMuted;
        // Under consensus the table decides, not the council.
        const bool everyone = link_->game().scenario().rule == DecisionRule::Consensus;
        if (facts_.outcome == DecisionFacts::Outcome::Gedragen) {
            titleKey = "moment.title.gedragen";
            lead = everyone ? "moment.lead.gedragen_everyone" : "moment.lead.gedragen";
            colour = theme.good;
        } else if (facts_.outcome == DecisionFacts::Outcome::NotGedragen) {
            titleKey = "moment.title.not_gedragen";
            lead = everyone ? "moment.lead.not_gedragen_everyone" : "moment.lead.not_gedragen";
            colour = theme.warning;
        }
        ImGui::Dummy(ImVec2(0, app.unit() * 1.5f));
        const ImVec2 titleAt = ImGui::GetCursorScreenPos();
        textIn(app.fonts().title, colour, app.tr(titleKey));
        if (facts_.outcome == DecisionFacts::Outcome::Gedragen) {
            const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
            celebrate(
                app, ImVec2(right - app.unit() * 5, titleAt.y + ImGui::GetItemRectSize().y * 0.5f));
        }
        ImGui::Dummy(ImVec2(0, app.unit() * 0.5f));
        textIn(app.fonts().heading, theme.text, app.tr(lead));
        // The band under the heading: the outcome's colour, full width.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImVec2(p.x, p.y + app.unit() * 0.5f),
            ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + app.unit() * 0.9f),
            ui::toU32(ui::withAlpha(colour, 0.8f)), app.unit() * 0.2f);
        ImGui::Dummy(ImVec2(0, app.unit() * 1.2f));
        readAloudButton(app, "read_aloud.decision", [&] { return speech(app, titleKey, lead); });
    }

    // What the read-aloud button says: the outcome, and the package decided on.
    std::string speech(const App& app, const char* titleKey, const char* lead) const {
        std::string text = spokenSentence(app.tr(titleKey)) + spokenSentence(app.tr(lead));
        const Proposal* p = proposal();
        if (!p)
            return text;
        const Scenario& sc = link_->game().scenario();
        for (int i = 0;
             i < static_cast<int>(p->package.size()) && i < static_cast<int>(sc.issues.size()); ++i)
            text += spokenSentence(issueName(app, sc, i) + ": " +
                                   optionName(app, sc, i, p->package[static_cast<std::size_t>(i)]));
        return text;
    }

    void sectionTitle(App& app, const std::string& text) {
        ImGui::Dummy(ImVec2(0, app.unit() * 0.6f));
        textIn(app.fonts().heading, app.theme().text, text);
    }

    // Why it is gedragen, or not, or why nothing was decided.
    void why(App& app) {
        const Game& game = link_->game();
        const Scenario& sc = game.scenario();
        const ui::Theme& theme = app.theme();
        sectionTitle(app, app.tr("moment.why"));
        ImGui::PushFont(app.fonts().bold);
        if (facts_.outcome == DecisionFacts::Outcome::None) {
            const bool everyone = sc.rule == DecisionRule::Consensus;
            const char* key = "moment.none.no_proposal";
            if (facts_.noneReason == DecisionFacts::NoneReason::Rejected)
                key = everyone ? "moment.none.rejected_everyone" : "moment.none.rejected";
            else if (facts_.noneReason == DecisionFacts::NoneReason::TimeRanOut)
                key = everyone ? "moment.none.time_everyone" : "moment.none.time";
            wrappedText(app.tr(key));
            ImGui::PopFont();
            ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
            wrappedText(app.tr("moment.none.lesson"));
            ImGui::PopStyleColor();
            return;
        }
        if (!facts_.supportKnown) {
            wrappedText(app.tr("moment.on_projector"));
            ImGui::PopFont();
            return;
        }
        const std::string minimum = formatNumber(app, sc.minSupport, 0);
        if (facts_.outcome == DecisionFacts::Outcome::Gedragen) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme.good);
            wrappedText("✓ " + app.tr("moment.why.every_role", minimum));
            ImGui::PopStyleColor();
        }
        for (const DecisionFacts::Broken& b : facts_.broken) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme.warning);
            wrappedText("✗ " + app.tr("moment.why.broken", roleName(app, sc, b.role),
                                      preconditionName(app, sc, b.role, b.precondition)));
            ImGui::PopStyleColor();
        }
        const Decision& d = game.state().decision;
        for (int r : facts_.belowMinimum) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme.warning);
            wrappedText("✗ " + app.tr("moment.why.low_support", roleName(app, sc, r),
                                      formatNumber(app, d.support[static_cast<std::size_t>(r)], 1),
                                      minimum));
            ImGui::PopStyleColor();
        }
        ImGui::PopFont();
        // The lowest support, unless a line above already named it.
        if (facts_.lowestRole >= 0 &&
            std::find(facts_.belowMinimum.begin(), facts_.belowMinimum.end(), facts_.lowestRole) ==
                facts_.belowMinimum.end())
            wrappedText(app.tr("moment.lowest", roleName(app, sc, facts_.lowestRole),
                               formatNumber(app, facts_.lowestSupport, 1)));
        if (facts_.outcome == DecisionFacts::Outcome::NotGedragen) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
            wrappedText(app.tr("moment.not_gedragen_lesson"));
            ImGui::PopStyleColor();
        }
    }

    void package(App& app) {
        const Proposal* p = proposal();
        if (!p)
            return;
        const Game& game = link_->game();
        sectionTitle(app,
                     app.tr(facts_.outcome == DecisionFacts::Outcome::None ? "moment.last_proposal"
                                                                           : "moment.package"));
        mutedText(app, app.tr("moment.proposed_by", who(app, p->authorSeat)));
        // One line per issue and the totals on one line: the room reads the
        // choice at a glance (the board has the full table).
        const Scenario& sc = game.scenario();
        for (int i = 0;
             i < static_cast<int>(p->package.size()) && i < static_cast<int>(sc.issues.size());
             ++i) {
            ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
            ImGui::TextUnformatted((issueName(app, sc, i) + ":").c_str());
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::PushFont(app.fonts().bold);
            wrappedText(optionName(app, sc, i, p->package[static_cast<std::size_t>(i)]));
            ImGui::PopFont();
        }
        const std::vector<double> totals = attributeTotals(sc, p->package);
        std::string line;
        for (int a = 0;
             a < static_cast<int>(totals.size()) && a < static_cast<int>(sc.attributes.size()); ++a)
            line += (line.empty() ? "" : " · ") + attributeName(app, sc, a) + " " +
                    attributeValue(app, sc, a, totals[static_cast<std::size_t>(a)]);
        if (!line.empty())
            mutedText(app, line);
    }

    // Every voter with the vote on the final version and, where the version
    // before it was sent back, the condition that voter set then.
    void votes(App& app) {
        const Proposal* p = proposal();
        const Game& game = link_->game();
        const bool council = game.scenario().rule != DecisionRule::Consensus;
        sectionTitle(app, app.tr(council ? "moment.votes_council" : "moment.votes_everyone"));
        if (!p) {
            mutedText(app, app.tr("moment.no_votes"));
            return;
        }
        for (int seat = 0; seat < game.seatCount(); ++seat) {
            if (!game.isVoter(seat))
                continue;
            ImGui::PushID(seat);
            const CastVote* cast = nullptr;
            for (const CastVote& v : p->votes)
                if (v.seat == seat)
                    cast = &v;
            roleToken(app, game.scenario(), game.roleOfSeat(seat));
            ImGui::SameLine();
            ImGui::PushFont(app.fonts().bold);
            wrappedText(who(app, seat));
            ImGui::PopFont();
            if (cast)
                badgeAfter(app, voteWord(app, cast->kind), voteColour(app, cast->kind));
            ImGui::Indent(app.unit() * 3);
            if (!cast)
                mutedText(app, app.tr("moment.vote.none"));
            else
                for (const MitsCondition& c : cast->conditions)
                    wrappedText(readableCondition(app, game.scenario(), c.expression));
            for (const AttachedCondition& c : p->conditions) {
                if (c.fromSeat != seat)
                    continue;
                mutedText(app,
                          app.tr("moment.vote.earlier_mits",
                                 readableCondition(app, game.scenario(), c.condition.expression)));
                badgeAfter(app, c.met ? "✓ " + app.tr("moment.met") : "✗ " + app.tr("moment.unmet"),
                           c.met ? app.theme().good : app.theme().bad);
            }
            ImGui::Unindent(app.unit() * 3);
            ImGui::Spacing();
            ImGui::PopID();
        }
    }

    // Every role's support for the decided package, with the minimum line:
    // the lowest bar is the one the room talks about.
    void support(App& app) {
        if (facts_.outcome == DecisionFacts::Outcome::None || !facts_.supportKnown)
            return;
        const Game& game = link_->game();
        const Scenario& sc = game.scenario();
        const Decision& d = game.state().decision;
        sectionTitle(app, app.tr("moment.support"));
        std::vector<ui::SupportBar> bars;
        for (int r = 0;
             r < static_cast<int>(sc.roles.size()) && r < static_cast<int>(d.support.size()); ++r) {
            ui::SupportBar bar;
            bar.label = roleName(app, sc, r);
            bar.value = static_cast<float>(d.support[static_cast<std::size_t>(r)]);
            bar.colour = r;
            bar.highlight = r == facts_.lowestRole;
            for (const DecisionFacts::Broken& b : facts_.broken)
                if (b.role == r)
                    bar.note = "✗ " + app.tr("moment.red_line");
            bars.push_back(std::move(bar));
        }
        ui::SupportBarsOptions options;
        options.minSupport = static_cast<float>(sc.minSupport);
        options.minLabel = app.tr("moment.minimum", formatNumber(app, sc.minSupport, 0));
        options.rowHeight = ImGui::GetTextLineHeight() * 1.1f;
        options.lang = app.lang(); // "27,4" in Dutch, as in the debrief
        // Names get a little more room than the chart's default third: the
        // bars rarely need the far negative end.
        float longest = 0;
        for (const ui::SupportBar& b : bars)
            longest = std::max(longest, ImGui::CalcTextSize(b.label.c_str()).x);
        options.labelWidth =
            std::min(longest + ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x * 0.42f);
        ui::supportBars("moment_support", bars, options, app.theme());
    }

    void buttons(App& app) {
        const ui::Theme& theme = app.theme();
        ImGui::Dummy(ImVec2(0, app.unit()));
        const float height = app.unit() * 6;
        ImGui::PushFont(app.fonts().bold);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(app.unit() * 3, app.unit()));
        if (link_->facilitatorAvailable()) {
            const GameState& st = link_->game().state();
            const std::string next =
                st.finished
                    ? app.tr("moment.to_debrief")
                    : app.tr("moment.continue", phaseName(app, link_->game().scenario(), st.phase));
            ImGui::PushStyleColor(ImGuiCol_Button, theme.accent);
            ImGui::PushStyleColor(ImGuiCol_Text, theme.accentText);
            if (ImGui::Button(next.c_str(), ImVec2(0, height)))
                moveOn(app);
            ImGui::PopStyleColor(2);
            ImGui::SameLine();
            ImGui::PopFont();
            ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(
                app.tr(hold_.holding() ? "moment.clock_held" : "moment.when_ready").c_str());
            ImGui::PopStyleColor();
        } else {
            if (ImGui::Button(app.tr("moment.close").c_str(), ImVec2(0, height)))
                moveOn(app);
            ImGui::SameLine();
            ImGui::PopFont();
            ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(app.tr("moment.facilitator_goes_on").c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PopStyleVar();
    }

    void moveOn(App& app) {
        if (movedOn_)
            return;
        movedOn_ = true;
        hold_.end(*link_);
        std::printf(
            "decision moment: moved on after %llu frames actions=%llu clock=%lld\n",
            static_cast<unsigned long long>(app.frameCount() - openedAtFrame_),
            static_cast<unsigned long long>(link_->ready() ? link_->game().state().actionCount : 0),
            static_cast<long long>(link_->clockMs()));
        std::fflush(stdout);
        app.pop();
    }

    std::shared_ptr<TableLink> link_;
    int besluitPhase_;
    DecisionFacts facts_;
    MomentHold hold_;
    bool opened_ = false;
    bool movedOn_ = false;
    bool sawPaused_ = false;
    std::uint64_t openedAtFrame_ = 0;
};

} // namespace

std::unique_ptr<Screen> makeDecisionMomentScreen(App& app, std::shared_ptr<TableLink> link,
                                                 int besluitPhase) {
    return std::make_unique<DecisionMomentScreen>(std::move(link), besluitPhase);
}

bool isDecisionMomentScreen(const Screen* screen) {
    return dynamic_cast<const DecisionMomentScreen*>(screen) != nullptr;
}

} // namespace samenspel
