#pragma once
// Factories of every screen, one per file in game/screens/. The shell and the
// screens create each other only through these, so no screen includes another.
//
// Owners: title, picker, setup, settings -> "ui"; table, facilitator,
// debrief -> "table". A declaration nobody calls needs no definition yet.
#include <memory>
#include <string>

#include "app.hpp"
#include "core/scenario.hpp"

namespace samenspel {

std::unique_ptr<Screen> makeTitleScreen(App& app);
std::unique_ptr<Screen> makePickerScreen(App& app);
// Seats, language and phase times for `scenario`; starts the session and
// replaces itself with the table screen.
std::unique_ptr<Screen> makeSetupScreen(App& app, std::shared_ptr<const Scenario> scenario);
std::unique_ptr<Screen> makeSettingsScreen(App& app);

// The table of app.session() (must be set). Reaches the facilitator panel and,
// once the session is finished, the debrief itself.
std::unique_ptr<Screen> makeTableScreen(App& app);
// Facilitator panel as its own screen (pushed over the table); optional: the
// table may draw the panel itself instead.
std::unique_ptr<Screen> makeFacilitatorScreen(App& app);
// Debrief of app.session() (finished or not).
std::unique_ptr<Screen> makeDebriefScreen(App& app);

} // namespace samenspel
