// The support-over-time chart's layout rules (engine/core/chart_layout, used by
// engine/ui/chart and the report): a y-axis a room can read lines off, and
// event names that never cover each other.
#include <doctest/doctest.h>

#include <cmath>
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
