#pragma once
// The session report: a standalone HTML file (inline CSS, inline SVG charts,
// no scripts, no external files) that a facilitator opens in any browser,
// prints, or mails to the group. It is what a facilitator would otherwise
// write by hand after a session: the decision and its conditions, support per
// role and over time, begrip, inclusie, public value, every role card, how the
// proposal changed, and points for reflection drawn from the measurements.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/game.hpp"
#include "i18n.hpp"

namespace samenspel {

// Looks a catalog key up in the interface language. The report fills its
// own arguments ("{0}", "{1}", ...; fillArgs in core/text.hpp) so any catalog
// with a plain lookup works.
using TranslateFn = std::function<std::string(const std::string& key)>;
// A TranslateFn reading `catalog` (which must outlive it).
TranslateFn translateWith(const Catalog& catalog);

struct ReportOptions {
    std::string lang = "nl"; // scenario texts and number format
    std::string date;        // shown under the title; empty = today (UTC)
};

// The whole report as one HTML document.
std::string renderSessionReport(const Game& game, const TranslateFn& tr,
                                const ReportOptions& options);

// Renders and writes the report to `path`. On failure returns false and
// explains in `error`; never throws.
bool writeSessionReport(const Game& game, const std::string& lang, const TranslateFn& tr,
                        const std::string& path, std::string& error);
// Same, with every option (date) spelled out.
bool writeSessionReport(const Game& game, const TranslateFn& tr, const ReportOptions& options,
                        const std::string& path, std::string& error);

// A point for reflection, generated from the measurements: a catalog key and
// its arguments, already in the report's language.
struct ReflectionPoint {
    std::string key;
    std::vector<std::string> args;
};
std::vector<ReflectionPoint> reflectionPoints(const Game& game, const std::string& lang);

// What one role said about the decision beside what its card says (DESIGN.md
// "Support as stated"). Empty without a decision.
struct StanceRow {
    int role = -1;
    Stance stance = Stance::None;
    std::string stanceKey;  // "stance.object", ...: the stance in words
    int earlierVersion = 0; // the version it was said about when not the decided one, else 0
    bool acceptsByCard = false;
    StanceGap gap = StanceGap::None;
};
std::vector<StanceRow> stanceRows(const Game& game);
// The learning moments: one point for each role whose stance and card differ.
std::vector<ReflectionPoint> learningMoments(const Game& game, const std::string& lang);
// The roles whose objection to the decision stands, by name, comma-separated.
std::string objectingRoles(const Game& game, const std::string& lang);
// The questions for any decision with conflicting interests (the seed
// articles'): which problem it solves, who bears the costs, whom it shuts out.
std::vector<ReflectionPoint> decisionQuestions(const Game& game);
// The scenario's learning goals in `lang`, in the order of the file.
std::vector<std::string> learningGoals(const Scenario& scenario, const std::string& lang);

// Small helpers the screens share with the report.
std::string htmlEscape(const std::string& text);
// A length of speaking time as minutes and seconds, rounded: "1:05".
std::string speakingClock(std::int64_t ms);
// The proposal a debrief talks about: the decided one, else the most recent.
int proposalInFocus(const GameState& state);
// Every role's support for that proposal: as it was at the decision, else now.
std::vector<double> supportInFocus(const Game& game);

} // namespace samenspel
