#pragma once
// Charts for the table and the debrief, drawn with ImGui's draw list: support
// of each role over time (a multi-series step chart) and support bars in
// [-100, 100] with the scenario's min_support line. Built to be read from the
// back of a room: thick lines, large labels, the Okabe–Ito palette, and every
// series named in text and marked by shape, never by colour alone.
#include <string>
#include <vector>

#include <imgui.h>

#include "core/chart_layout.hpp" // axis fitting, label rows, palette (std only)
#include "ui/theme.hpp"

namespace samenspel::ui {

struct ChartLine {
    std::string label;
    std::vector<ImVec2> points; // (x, y), x ascending
    int colour = 0;             // index into the series palette (also picks marker and dash)
};

struct ChartMark {
    float x = 0;
    std::string label; // e.g. an event's title
};

struct LineChartOptions {
    // y-range and grid step; yMax <= yMin: fitted to the data (chart::fitAxis), so
    // lines that stay between 0 and 45 use the whole height, not a tenth of it.
    float yMin = 0, yMax = 0;
    float yLimitMin = -100, yLimitMax = 100; // a fitted range never leaves these
    float xMin = 0, xMax = 0;                // xMax <= xMin: from the data
    float yStep = 50;                        // grid step of a fixed y-range
    std::string xLabel, yLabel;
    bool referenceLine = false; // e.g. min_support
    float referenceY = 0;
    std::string referenceLabel;
    std::vector<ChartMark> marks;
    bool steps = true;       // values hold until the next point (support changes at events)
    float height = 0;        // 0 = 16 text lines; everything (legend too) fits in it
    bool legend = true;      // the one legend, below the plot: full names, line style and marker
    std::string lang = "en"; // how numbers are written (core/text numberStyle)
};

// Draws the chart at the cursor, as wide as the available region. Hovering
// shows the values nearest the mouse.
void lineChart(const char* id, const std::vector<ChartLine>& lines, const LineChartOptions& options,
               const Theme& theme);

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
    float rowHeight = 0;      // 0 = 1.6 text lines
    std::string lang = "en";  // how numbers are written (core/text numberStyle)
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
