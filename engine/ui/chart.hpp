#pragma once
// Charts for the table and the debrief, drawn with ImGui's draw list: support
// of each role over time, per proposal, and support bars in
// [-100, 100] with the scenario's min_support line. Built to be read from the
// back of a room: thick lines, large labels, the Okabe–Ito palette, and every
// series named in text and marked by shape, never by colour alone.
#include <string>
#include <vector>

#include <imgui.h>

#include "core/chart_layout.hpp" // axis fitting, label rows, palette (std only)
#include "ui/theme.hpp"

namespace samenspel::ui {

struct ChartMark {
    float x = 0;
    std::string label; // e.g. an event's title
};

// The stretch of time one proposal version was on the table, with every
// role's support for it (minute, support) while it was.
struct ChartStretch {
    float from = 0, to = 0;          // minutes
    std::vector<std::string> labels; // wordings for the lane, longest first
    std::string title;               // its full name, for the tooltip
    bool newProposal = true;         // another proposal than the stretch before (not a version)
    bool decided = false;            // the version the council decided on
    std::vector<std::vector<ImVec2>> support; // per series: (minute, support), ascending
};

struct ChartPhase {
    float from = 0, to = 0;          // minutes
    std::vector<std::string> labels; // its name, then shorter stand-ins
};

struct TimeChartOptions {
    std::vector<std::string> series; // the roles' names; series i has palette colour i
    float endMinute = 1;             // the x-axis runs from minute 0 to here
    std::string xLabel, yLabel;
    float referenceY = 0; // the min_support line
    std::string referenceLabel;
    std::vector<ChartPhase> phases;
    std::vector<ChartStretch> stretches;
    std::vector<ChartMark> marks; // events
    float height = 0;             // the chart without its legend; 0 = 16 text lines
    float minPlotHeight = 0;      // 0 = 7 text lines (grows with the UI scale like the text)
    std::string lang = "en";      // how numbers are written (core/text numberStyle)
    std::string noProposal;       // the lane before the first proposal, in the tooltip
};

// Support over time per proposal (core/chart_layout's layoutTimeChart): phase
// bands, a lane naming the proposal on the table, each role's support for it
// as a step line that breaks where another proposal comes on the table, event
// marks, and one legend below. As wide as the available region; hovering
// names the moment, the phase, the proposal and every role's support.
void supportTimeChart(const char* id, const TimeChartOptions& options, const Theme& theme);

struct SupportBar {
    std::string label;      // role name
    float value = 0;        // support in [-100, 100]
    bool known = true;      // false: not public yet, drawn as "?" without a bar
    std::string note;       // after the number, e.g. "✗ red line"
    int colour = 0;         // palette index (the role's colour everywhere)
    bool highlight = false; // e.g. the role of the active seat
};

struct SupportBarsOptions {
    float minSupport = 0;
    std::string minLabel;     // e.g. "minimum 0"
    std::string unknownLabel; // shown instead of a number for !known
    float labelWidth = 0;     // 0 = fit the longest label (at most 40% of the width)
    float rowHeight = 0;      // 0 = 1.6 text lines (the bar's part when labelsAbove)
    // Each name on a line of its own above its bar, the bar as wide as the
    // row: for a narrow window at a large UI scale, where names would be cut.
    bool labelsAbove = false;
    std::string lang = "en"; // how numbers are written (core/text numberStyle)
};

// Horizontal bars from 0 towards the value, axis -100..100, with the
// min_support line dashed across all rows.
void supportBars(const char* id, const std::vector<SupportBar>& bars,
                 const SupportBarsOptions& options, const Theme& theme);

// A filled share bar in [0, 1] with a text inside or beside it (begrip,
// actions per player).
void shareBar(float share, const std::string& text, int colour, const Theme& theme,
              float width = 0);

// The palette colour `index` as an ImGui colour, lifted towards white on a
// dark theme so blue and purple stay visible on a projector.
ImU32 seriesColour(int index, const Theme& theme, float alpha = 1.0f);
// Draws marker `index`'s shape at `centre`, filled with `fill`.
void drawMarker(ImDrawList* draw, int index, ImVec2 centre, float radius, ImU32 fill,
                ImU32 outline);
// A small marker of series `index` in the text flow (legends, seat lists).
void markerInline(int index, const Theme& theme);

} // namespace samenspel::ui
