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

} // namespace samenspel::chart
