#pragma once
// Chart layout without drawing: series colours and markers, y-axis fitting,
// and rows for labels that must not overlap. The on-screen charts
// (engine/ui/chart.cpp, ImGui) and the HTML report's SVG charts
// (game/report_svg.cpp) both lay out with these, so a room sees the same
// chart on the projector and on paper. Standard library only, so it lives in
// engine/core and the command-line tools (which write reports) need no ImGui.
#include <array>
#include <cstdint>
#include <vector>

namespace samenspel::chart {

// Series colours, so a role has the same colour everywhere. Okabe–Ito:
// distinguishable with the common forms of colour blindness; ordered so the
// first ones stay readable on both a white page and a dark projector theme.
// Colour is never the only cue: every chart also labels its series by name
// and by marker shape.
inline constexpr std::array<std::uint32_t, 8> kSeriesRgb = {
    0x0072B2, // blue
    0xD55E00, // vermillion
    0x009E73, // bluish green
    0xCC79A7, // reddish purple
    0xE69F00, // orange
    0x56B4E9, // sky blue
    0x7F7F7F, // grey (instead of black, which vanishes on a dark theme)
    0xF0E442, // yellow (last: weak on white)
};

inline std::uint32_t seriesRgb(int index) {
    const int n = static_cast<int>(kSeriesRgb.size());
    return kSeriesRgb[static_cast<std::size_t>(((index % n) + n) % n)];
}

// Marker shapes, cycled with the colours so two series never look alike.
enum class Marker { Circle, Square, Triangle, Diamond, Cross, Plus, TriangleDown, Star };
inline Marker seriesMarker(int index) {
    return static_cast<Marker>(((index % 8) + 8) % 8);
}

// A y-axis: from `min` to `max` with grid lines every `step`.
struct AxisRange {
    float min = 0, max = 1, step = 1;
};

// A tick step that gives about `target` ticks: 1, 2, 5 times a power of ten.
float niceStep(float range, int target);

// The y-axis a chart of `values` needs: every value and every one of
// `include` (zero, a reference line) inside with a little margin, ends on a
// tick, steps of 1, 2 or 5 times a power of ten (about `targetTicks`
// intervals), never beyond [limitMin, limitMax]. A range where all values are
// ≥ 0 starts at 0: the zero line is the floor a room reads support against.
AxisRange fitAxis(const std::vector<float>& values, const std::vector<float>& include,
                  float limitMin, float limitMax, int targetTicks = 5);

// A label's horizontal extent, in pixels.
struct LabelSpan {
    float left = 0, width = 0;
};

// Rows for labels in a band (event names above a chart): each label, in
// order, takes the first row where it keeps `gap` clear of every label
// already there, so no two ever overlap. -1 for a label that fits in none of
// `maxRows` rows (the chart then numbers its marks and names them in a key).
std::vector<int> stackLabels(const std::vector<LabelSpan>& spans, float gap, int maxRows);

// [Time chart] ------------------------------------------------------------------
// Support over time as a room reads it: minute 0 to the end along x; shaded
// bands named after the phases; a lane just above the plot with one segment
// per stretch a proposal was on the table, named ("Voorstel 3", "versie 2");
// event names in rows of their own. Everything in pixels, top-left origin;
// texts are given by width only, so the screen (ImGui's font) and the report
// (an estimate for the SVG's font) lay out with the same rules.

// A text with its wordings' widths, longest first ("Voorstel 3, versie 2",
// "Voorstel 3", "3"): the layout takes the first that fits.
struct LabelChoices {
    std::vector<float> widths;
};

// A stretch of the x-axis, in minutes, with its name.
struct TimeSpan {
    float from = 0, to = 0;
    LabelChoices label;
};

// A moment (an event), with its name's width and the width of its number,
// used when the names cannot all be placed apart.
struct TimeMark {
    float at = 0;
    float width = 0;
    float numberWidth = 0;
};

struct TimeChartSpec {
    float width = 0;                 // the whole chart
    float height = 0;                // the whole chart: the plot takes what the texts leave
    float minPlotHeight = 0;         // ... but never less (the chart grows instead)
    float lineHeight = 16;           // a row of text
    float gap = 8;                   // clear space beside every text
    float endMinute = 1;             // the x-axis runs from minute 0 to here
    float yTickWidth = 0;            // the widest support number left of the plot
    float xTickWidth = 0;            // the widest minute number under the plot
    float yLabelWidth = 0;           // "support", above the numbers left of the plot (0: none)
    float xLabelWidth = 0;           // "minutes", under the minute numbers (0: none)
    float referenceWidth = 0;        // "minimum 10", right of the plot at its line (0: none)
    std::vector<TimeSpan> phases;    // in order
    std::vector<TimeSpan> proposals; // the lane: which proposal was on the table when
    std::vector<TimeMark> events;
    int maxEventRows = 3;
};

struct TextBox {
    float left = 0, top = 0, width = 0, height = 0;
};
bool overlaps(const TextBox& a, const TextBox& b);

// A span as laid out: its pixels and the wording chosen (-1: no name fits;
// the screen's tooltip and the history tab still name it).
struct PlacedSpan {
    float left = 0, right = 0;
    int choice = -1;
    TextBox text;
};

struct PlacedMark {
    float x = 0;
    bool numbered = false; // its number stands in for the name (named in a key)
    int row = -1;          // -1: not even the number fits; the key names it
    TextBox text;
    float lineTop = 0; // its dotted line runs from here to the plot's bottom
};

struct TimeChartLayout {
    float endMinute = 1;
    float gap = 8;
    float plotLeft = 0, plotRight = 0, plotTop = 0, plotBottom = 0;
    float height = 0;
    float bandTop = 0; // phase bands are shaded from here down to the plot's bottom
    float laneTop = 0, laneBottom = 0;
    std::vector<float> xTicks; // minutes with a number under the axis
    std::vector<TextBox> xTickText;
    TextBox xLabel, yLabel; // width 0 when not asked for
    std::vector<PlacedSpan> phases, proposals;
    std::vector<PlacedMark> events;
    bool eventsNumbered = false;

    float xOf(float minute) const;
    // Where the reference line's name goes for a line at pixel height `y`:
    // right of the plot, level with it, never below the plot's bottom.
    TextBox referenceText(float y, float width, float lineHeight) const;
    // Every text placed, to check that none covers another.
    std::vector<TextBox> texts() const;
};

TimeChartLayout layoutTimeChart(const TimeChartSpec& spec);

} // namespace samenspel::chart
