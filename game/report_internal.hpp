#pragma once
// What the parts of the HTML report share and nobody else needs. The parts:
//   report_text.cpp      escaping, numbers, names, readable expressions
//   report_svg.cpp       the inline SVG charts
//   report_insights.cpp  the proposal in focus, stated stances, points for reflection
//   report_html.cpp      one function per section of the document
//   report.cpp           the document around the sections; writing it to disk
#include <cmath>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/scoring.hpp"
#include "core/support_timeline.hpp"
#include "core/text.hpp"
#include "core/wording.hpp"
#include "report.hpp"

namespace samenspel::report_detail {

// Everything a section needs, with the lookups every section repeats.
struct Ctx {
    const Game& game;
    const Scenario& sc;
    const GameState& st;
    const Measurements m;
    const TranslateFn& tr;
    const std::string& lang;

    std::string t(const std::string& key) const {
        std::string s = tr ? tr(key) : key;
        return s.empty() ? key : s;
    }
    std::string t(const std::string& key, const std::vector<std::string>& args) const {
        return fillArgs(t(key), args);
    }
    // Translated and escaped: the form every catalog text takes in the page.
    std::string h(const std::string& key) const { return htmlEscape(t(key)); }
    std::string h(const std::string& key, const std::vector<std::string>& args) const {
        return htmlEscape(t(key, args));
    }
    std::string text(const LocalizedText& lt) const { return lt.get(lang); }
    std::string roleName(int role) const {
        if (role < 0 || role >= static_cast<int>(sc.roles.size()))
            return "?";
        const std::string& n = text(sc.roles[role].name);
        return n.empty() ? sc.roles[role].id : n;
    }
    std::string valueName(int value) const {
        if (value < 0 || value >= static_cast<int>(sc.values.size()))
            return "?";
        const std::string& n = text(sc.values[value].name);
        return n.empty() ? sc.values[value].id : n;
    }
    std::string seatName(int seat) const {
        if (seat == kFacilitator)
            return t("report.facilitator");
        if (seat < 0 || seat >= game.seatCount())
            return "?";
        const Seat& s = game.setup().seats[seat];
        if (!s.name.empty())
            return s.name;
        const Role& role = game.scenario().roles[static_cast<std::size_t>(s.role)];
        return role.name.get(lang) + game.setup().roleSeatSuffix(seat);
    }
    std::string seatWithRole(int seat) const {
        // An unnamed seat is already called after its role: say it once.
        if (seat < 0 || seat >= game.seatCount() || game.setup().seats[seat].name.empty())
            return seatName(seat);
        // A seat named after its role (a bot's) is said once too.
        const std::string role = roleName(game.roleOfSeat(seat));
        return seatName(seat) == role ? role : seatName(seat) + " (" + role + ")";
    }
    std::string preconditionName(int role, int pre) const {
        if (role < 0 || role >= static_cast<int>(sc.roles.size()) || pre < 0 ||
            pre >= static_cast<int>(sc.roles[role].preconditions.size()))
            return "?";
        const Precondition& p = sc.roles[role].preconditions[pre];
        const std::string& n = text(p.name);
        return n.empty() ? p.id : n;
    }
    std::string reasonText(int seat, const Reason& r) const {
        switch (r.kind) {
        case Reason::Kind::Value:
            return valueName(r.index);
        case Reason::Kind::Precondition:
            return seat >= 0 && seat < game.seatCount()
                       ? preconditionName(game.roleOfSeat(seat), r.index)
                       : "?";
        case Reason::Kind::None:
            break;
        }
        return "";
    }
    std::string optionName(int issue, int option) const {
        if (issue < 0 || issue >= static_cast<int>(sc.issues.size()))
            return "?";
        const auto& options = sc.issues[issue].options;
        if (option < 0 || option >= static_cast<int>(options.size()))
            return "?";
        const std::string& n = text(options[option].name);
        return n.empty() ? options[option].id : n;
    }
    std::string phaseName(int phase) const {
        if (phase < 0 || phase >= static_cast<int>(sc.phases.size()))
            return t("report.after_session");
        return t(std::string("table.phase.") + phaseId(sc.phases[phase].kind));
    }
    std::string minutes(std::int64_t ms) const {
        return formatShort(std::round(static_cast<double>(ms) / 6000.0) / 10.0, lang);
    }
    // "na 17 min" / "aan het begin"
    std::string moment(std::int64_t ms) const {
        const int minute = sessionMinute(ms);
        return minute < 1 ? t("time.at_start")
                          : t("time.after_minutes", {formatNumber(minute, 0, lang)});
    }
    // A rule in words, with the resources as they stood at the end.
    std::string condition(const std::string& expression) const {
        return conditionSentence(sc, expression, lang, tr, &st.world.resources);
    }
    std::string precondition(const Precondition& p) const {
        return preconditionSentence(sc, p, lang, tr, &st.world.resources);
    }
    std::string proposalTitle(int proposal) const {
        const ProposalNumber n = proposalNumber(st, proposal);
        return n.version > 1 ? t("proposal.title_version",
                                 {std::to_string(n.number), std::to_string(n.version)})
                             : t("proposal.title", {std::to_string(n.number)});
    }
    std::string proposalRef(int proposal) const {
        const ProposalNumber n = proposalNumber(st, proposal);
        return n.version > 1 ? t("proposal.ref_version",
                                 {std::to_string(n.number), std::to_string(n.version)})
                             : t("proposal.ref", {std::to_string(n.number)});
    }
    std::string supportText(double s) const { return formatNumber(roundSupport(s), 1, lang); }
    std::string percent(double share) const { return formatNumber(100.0 * share, 0, lang) + "%"; }
    // A begrip figure: v2 a score from guessing (0) to every answer right (1),
    // v1 (an old log) the share of top values named; missing is "—", never 0.
    std::string begripText(const std::optional<double>& v) const {
        if (!v)
            return "—";
        return m.begripVersion >= 2 ? formatNumber(*v, 2, lang) : percent(*v);
    }
    std::string gainText(const std::optional<double>& gain) const {
        if (!gain)
            return "—";
        return (*gain > 0.005 ? "+" : "") + begripText(gain);
    }
    std::string eventTitle(int event) const {
        if (event < 0 || event >= static_cast<int>(sc.events.size()))
            return "?";
        const Event& e = sc.events[event];
        return e.title.empty() ? e.id : text(e.title);
    }
};

// The report's CSS (report.cpp), which the room report shares.
const char* styleSheet();

// [SECTION] Text helpers (report_text.cpp)

// "#RRGGBB" of a 0xRRGGBB colour.
std::string rgbHex(std::uint32_t rgb);
// A coordinate with one decimal (SVG attributes; always a decimal point).
std::string num(double v);
// Cuts a label for a chart margin to `maxChars` characters (UTF-8 aware).
std::string shorten(const std::string& s, std::size_t maxChars);
// Rough width of SVG text, for keeping labels apart (DejaVu Sans is wide).
double textWidth(const std::string& s, double fontPx);
// A weight 0..3 as filled and open dots.
std::string weightDots(int w);

// [SECTION] SVG charts (report_svg.cpp)

// Horizontal bars in [-100, 100], one per role, with the min_support line.
std::string svgSupportBars(const Ctx& c, const std::vector<double>& support,
                           const Package& package);

// Support over time per proposal, as on the debrief's screen: phase bands, a
// lane naming the proposal on the table, each role's support for it, event
// marks (core/chart_layout's layoutTimeChart), and one legend below.
std::string svgSupportOverTime(const Ctx& c, const SupportTimeline& timeline);

// Two bars per row (before, after) in [0, 100] %.
std::string svgPairedBars(const Ctx& c, const std::vector<std::string>& labels,
                          const std::vector<std::optional<double>>& before,
                          const std::vector<std::optional<double>>& after);

// A small inline bar for tables (counts, shares).
std::string svgInlineBar(double share, std::uint32_t rgb);

// [SECTION] Insights (report_insights.cpp)

// Whether role `role` took part in the public dialogue.
bool roleWasHeard(const Measurements& m, int role);

// [SECTION] Sections (report_html.cpp)

// Every section of the document body, in order.
void renderSections(const Ctx& c, const ReportOptions& o, std::ostringstream& out);

// The date of today (UTC), as a report prints it when it is given none.
std::string today();

} // namespace samenspel::report_detail
