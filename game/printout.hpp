#pragma once
// The printout (`samenspel print`): a scenario as paper, for a group that
// plays without screens or as a backup when the network fails. One
// self-contained HTML file (inline CSS, no scripts, nothing external) that a
// browser prints as, in this order:
//   - one role card per page for every role, in the scenario's order: who
//     you are, what matters to you, your red lines, your secret, notes;
//   - the public case sheet: case, values, issues and options, phases,
//     how the decision is made;
//   - the facilitator's sheet: roles, learning goals, how to run the
//     session on paper, the events;
//   - the scenario's teaching note (lesbrief) in the printout's language,
//     when it has one: pages for the facilitator after their sheet;
//   - the decision form, on a page of its own to copy for every table.
// Every page is A4 portrait (docs/printing.md says why); each card fits its
// page, each sheet starts on a new one.
#include <string>

#include "core/scenario.hpp"
#include "report.hpp" // TranslateFn, htmlEscape
#include "teaching_note.hpp"

namespace samenspel {

// The whole printout as one HTML document, texts in `lang` ("nl", "en"),
// numbers written the language's way; `note` (may be null or empty) is the
// teaching note's part in `lang`; with `plainLanguage` the scenario's
// plain-language texts where it has them (the others as written).
std::string renderPrintout(const Scenario& sc, const TranslateFn& tr, const std::string& lang,
                           const TeachingNote* note = nullptr, bool plainLanguage = false);

// Where the printout goes without --out: "<id>-kaarten.html" (nl),
// "<id>-cards.html" (any other language), in the working directory.
std::string defaultPrintoutName(const Scenario& sc, const std::string& lang);

// Renders and writes the printout to `path` (a temporary file, then renamed,
// so a full disk never leaves half a printout). False with `error` naming the
// problem; never throws.
bool writePrintout(const Scenario& sc, const TranslateFn& tr, const std::string& lang,
                   const std::string& path, std::string& error, const TeachingNote* note = nullptr,
                   bool plainLanguage = false);

} // namespace samenspel
