// The support-over-time chart's layout rules (engine/core/chart_layout, used by
// engine/ui/chart and the report): a y-axis a room can read lines off, and
// event names that never cover each other.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/chart_layout.hpp"

using namespace samenspel::chart;

namespace {

int intervals(const AxisRange& a) {
    return static_cast<int>((a.max - a.min) / a.step + 0.5f);
}

bool onGrid(float v, float step) {
    const float q = v / step;
    return std::abs(q - std::round(q)) < 1e-4f;
}

} // namespace

TEST_CASE("chart: support between 0 and 45 fills the height instead of a thin band") {
    const AxisRange a = fitAxis({12.5f, 30.6f, 45.0f, 0.0f, 37.5f}, {0.0f, 10.0f}, -100, 100);
    CHECK(a.min == 0.0f);   // everything is ≥ 0: the floor is the zero line
    CHECK(a.max == 50.0f);  // room above the highest line, on a tick
    CHECK(a.step == 10.0f); // 0, 10, ..., 50: the minimum 10 sits on a grid line
    CHECK(intervals(a) == 5);
    // The data uses most of the height, not a fifth of it as on -100..100.
    CHECK((45.0f - 0.0f) / (a.max - a.min) > 0.8f);
}

TEST_CASE("chart: the minimum-support line and zero are always on the chart") {
    const AxisRange high = fitAxis({22, 35, 41}, {0.0f, 10.0f}, -100, 100);
    CHECK(high.min <= 0.0f);
    const AxisRange low = fitAxis({-40, -25, -12}, {0.0f, 20.0f}, -100, 100);
    CHECK(low.min < -40.0f); // a margin below the lowest line
    CHECK(low.max >= 20.0f);
    CHECK(onGrid(low.min, low.step));
    CHECK(onGrid(low.max, low.step));
}

TEST_CASE("chart: tick steps are 1, 2 or 5 times a power of ten, a handful of them") {
    const std::vector<std::vector<float>> cases = {{0, 45}, {-30, 60}, {-100, 100}, {3, 4},
                                                   {-7, 2}, {0, 99},   {-55, -50},  {12}};
    for (const auto& values : cases) {
        const AxisRange a = fitAxis(values, {0.0f}, -100, 100);
        CAPTURE(values.front());
        CAPTURE(a.min);
        CAPTURE(a.max);
        CAPTURE(a.step);
        float mantissa = a.step;
        while (mantissa >= 10)
            mantissa /= 10;
        while (mantissa < 1)
            mantissa *= 10;
        CHECK((std::abs(mantissa - 1) < 1e-3f || std::abs(mantissa - 2) < 1e-3f ||
               std::abs(mantissa - 5) < 1e-3f));
        CHECK(intervals(a) >= 2);
        CHECK(intervals(a) <= 10);
        CHECK(a.min >= -100.0f); // support never leaves [-100, 100]
        CHECK(a.max <= 100.0f);
        for (float v : values) {
            CHECK(v >= a.min);
            CHECK(v <= a.max);
        }
    }
}

TEST_CASE("chart: a flat line at zero is not blown up into a swing") {
    const AxisRange a = fitAxis({0, 0, 0}, {0.0f, 0.0f}, -100, 100);
    CHECK(a.max - a.min >= 20.0f);
}

TEST_CASE("chart: event names that would overlap go to different rows") {
    // Two events a minute apart with long names, a third far to the right.
    const std::vector<LabelSpan> spans = {{100, 260}, {160, 220}, {600, 150}};
    const std::vector<int> rows = stackLabels(spans, 10, 3);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == 0);
    CHECK(rows[1] == 1); // would cover the first name
    CHECK(rows[2] == 0); // clear of both: back on the first row
}

TEST_CASE("chart: no two labels in one row ever touch, however they are spread") {
    std::vector<LabelSpan> spans;
    for (int i = 0; i < 12; ++i)
        spans.push_back(
            {static_cast<float>((i * 37) % 300), 40.0f + static_cast<float>(i % 4) * 30});
    const float gap = 8;
    const std::vector<int> rows = stackLabels(spans, gap, 3);
    for (std::size_t i = 0; i < spans.size(); ++i)
        for (std::size_t j = i + 1; j < spans.size(); ++j)
            if (rows[i] >= 0 && rows[i] == rows[j]) {
                const bool apart = spans[i].left + spans[i].width + gap <= spans[j].left ||
                                   spans[j].left + spans[j].width + gap <= spans[i].left;
                CHECK(apart);
            }
}

TEST_CASE("chart: labels beyond the last row are left for the numbered key") {
    // Four events at the same minute: three rows hold three names.
    const std::vector<LabelSpan> spans(4, LabelSpan{200, 180});
    const std::vector<int> rows = stackLabels(spans, 10, 3);
    CHECK(rows == std::vector<int>{0, 1, 2, -1});
}

// [Time chart] -------------------------------------------------------------------

namespace {

// Five phases, proposals on the table from minute 9, three events; widths as
// a 16 px font gives them.
TimeChartSpec sessionChart(float width) {
    TimeChartSpec s;
    s.width = width;
    s.height = 420;
    s.minPlotHeight = 120;
    s.lineHeight = 18;
    s.gap = 8;
    s.endMinute = 31.5f;
    s.yTickWidth = 28;
    s.xTickWidth = 18;
    s.yLabelWidth = 46;
    s.xLabelWidth = 60;
    s.referenceWidth = 84;
    const float bounds[] = {0, 2, 6, 13, 24, 31.5f};
    for (int p = 0; p < 5; ++p)
        s.phases.push_back({bounds[p], bounds[p + 1], {{150, 14}}});
    s.proposals = {{9, 9.5f, {{90, 12}}},
                   {9.5f, 15, {{150, 90, 12}}},
                   {15, 24, {{60, 26}}},
                   {24, 31.5f, {{90, 12}}}};
    s.events = {{6, 170, 10}, {6.2f, 140, 10}, {13, 200, 10}, {31, 120, 10}};
    return s;
}

std::string overlapsFound(const TimeChartLayout& l) {
    const std::vector<TextBox> t = l.texts();
    std::string found;
    for (std::size_t i = 0; i < t.size(); ++i)
        for (std::size_t j = i + 1; j < t.size(); ++j)
            if (overlaps(t[i], t[j]))
                found += std::to_string(i) + "/" + std::to_string(j) + " ";
    return found;
}

} // namespace

TEST_CASE("time chart: the x-axis runs from minute 0 to the end of the session") {
    const TimeChartLayout l = layoutTimeChart(sessionChart(1000));
    REQUIRE(!l.xTicks.empty());
    CHECK(l.xTicks.front() == 0.0f);
    CHECK(l.xOf(0) == l.plotLeft);
    CHECK(l.xOf(31.5f) == doctest::Approx(l.plotRight));
    CHECK(l.xTicks.back() <= 31.5f);
    CHECK(l.xTicks.back() > 31.5f - (l.xTicks[1] - l.xTicks[0])); // numbered up to the end
}

TEST_CASE("time chart: phase bands cover the phases, side by side, from minute 0") {
    const TimeChartSpec s = sessionChart(1000);
    const TimeChartLayout l = layoutTimeChart(s);
    REQUIRE(l.phases.size() == s.phases.size());
    CHECK(l.phases.front().left == l.plotLeft);
    CHECK(l.phases.back().right == doctest::Approx(l.plotRight));
    for (std::size_t p = 0; p + 1 < l.phases.size(); ++p)
        CHECK(l.phases[p].right == l.phases[p + 1].left);
    // A phase of 2 minutes in 1000 px is too narrow for its name: its number
    // stands in, inside the band; the wider phases are named in full.
    CHECK(l.phases[0].choice == 1);
    CHECK(l.phases[0].text.left >= l.phases[0].left);
    CHECK(l.phases[0].text.left + l.phases[0].text.width <= l.phases[0].right);
    CHECK(l.phases[3].choice == 0);
    CHECK(l.phases[3].text.top == 0.0f);
}

TEST_CASE("time chart: each proposal's stretch is named inside its segment of the lane") {
    const TimeChartLayout l = layoutTimeChart(sessionChart(1000));
    REQUIRE(l.proposals.size() == 4);
    // 27 px a minute: half a minute holds not even a number; five and a half
    // hold "Voorstel 3" but not its version; nine the full name.
    CHECK(l.proposals[0].choice == -1);
    CHECK(l.proposals[1].choice == 1);
    CHECK(l.proposals[2].choice == 0);
    for (const PlacedSpan& p : l.proposals) {
        if (p.choice >= 0) {
            CHECK(p.text.top >= l.laneTop);
            CHECK(p.text.top + p.text.height <= l.laneBottom);
            CHECK(p.text.left >= p.left);
            CHECK(p.text.left + p.text.width <= p.right);
        }
    }
    CHECK(l.laneBottom == l.plotTop); // right above the plot
}

TEST_CASE("time chart: no text covers another, at any width and with many events") {
    for (float width : {360.0f, 640.0f, 1000.0f, 1800.0f}) {
        TimeChartSpec s = sessionChart(width);
        // Events crowding the start, where the axis names are, and the end.
        for (int i = 0; i < 8; ++i)
            s.events.push_back({static_cast<float>(i % 3) * 0.2f, 90.0f + 20.0f * i, 12});
        s.events.push_back({31.5f, 160, 12});
        const TimeChartLayout l = layoutTimeChart(s);
        CAPTURE(width);
        CHECK(overlapsFound(l) == "");
        CHECK(l.eventsNumbered); // too many names for three rows: numbers and a key
        // The reference line's name, right of the plot, clear of the minutes.
        const TextBox ref = l.referenceText(l.plotBottom, s.referenceWidth, s.lineHeight);
        for (const TextBox& t : l.texts())
            CHECK_FALSE(overlaps(ref, t));
        // Every event's line starts under its own name and reaches into the plot.
        for (const PlacedMark& m : l.events)
            CHECK(m.lineTop <= l.plotTop);
    }
}

TEST_CASE("time chart: event names stay clear of the axis names and the phase names") {
    TimeChartSpec s = sessionChart(700);
    s.events = {{0, 200, 10}, {0.3f, 180, 10}};
    const TimeChartLayout l = layoutTimeChart(s);
    CHECK_FALSE(l.eventsNumbered);
    for (const PlacedMark& m : l.events) {
        REQUIRE(m.row >= 0);
        CHECK_FALSE(overlaps(m.text, l.yLabel));
        for (const PlacedSpan& p : l.phases)
            CHECK_FALSE(overlaps(m.text, p.text));
        CHECK(m.text.top + m.text.height <= l.laneTop);
    }
    CHECK(l.events[0].row != l.events[1].row);
    CHECK(overlapsFound(l) == "");
}

TEST_CASE("time chart: the plot keeps its minimum height however little room is given") {
    TimeChartSpec s = sessionChart(1000);
    s.height = 50;
    const TimeChartLayout l = layoutTimeChart(s);
    CHECK(l.plotBottom - l.plotTop == doctest::Approx(120.0f));
    CHECK(l.height > 120.0f + 4 * s.lineHeight);
}

TEST_CASE("time chart: a wide axis name goes under the axis instead of narrowing the plot") {
    TimeChartSpec s = sessionChart(1000);
    const float narrowLeft = layoutTimeChart(s).plotLeft;
    s.yLabelWidth = 300; // "support" at a projector's UI scale
    const TimeChartLayout l = layoutTimeChart(s);
    CHECK(l.plotLeft <= narrowLeft); // the margin holds the numbers only
    CHECK(l.plotLeft == s.yTickWidth + s.gap);
    CHECK(l.yLabel.top > l.plotBottom);
    CHECK(overlapsFound(l) == "");
    s.yLabelWidth = 600; // would run into "minutes": left out (the heading says it)
    const TimeChartLayout crowded = layoutTimeChart(s);
    CHECK(crowded.yLabel.width == 0.0f);
    CHECK(overlapsFound(crowded) == "");
}
