// Chart layout rules shared by the screens and the report (see chart_layout.hpp).
#include "core/chart_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace samenspel::chart {

float niceStep(float range, int target) {
    if (range <= 0)
        return 1;
    const float raw = range / static_cast<float>(std::max(target, 1));
    const float power = std::pow(10.0f, std::floor(std::log10(raw)));
    for (float m : {1.0f, 2.0f, 5.0f, 10.0f})
        if (raw <= m * power)
            return m * power;
    return 10 * power;
}

AxisRange fitAxis(const std::vector<float>& values, const std::vector<float>& include,
                  float limitMin, float limitMax, int targetTicks) {
    float lo = std::numeric_limits<float>::infinity(), hi = -lo;
    for (const std::vector<float>* list : {&values, &include})
        for (float v : *list)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    if (!(lo <= hi)) // nothing to fit: the whole allowed range
        return {limitMin, limitMax, niceStep(limitMax - limitMin, targetTicks)};
    lo = std::clamp(lo, limitMin, limitMax);
    hi = std::clamp(hi, limitMin, limitMax);
    // A tenth of the allowed range at least, so a flat line is not blown up
    // into something that looks like a swing.
    const float span = std::max(hi - lo, (limitMax - limitMin) * 0.1f);
    const float margin = span * 0.06f; // markers on the highest value stay inside
    float step = niceStep(span, targetTicks);
    AxisRange a;
    for (int attempt = 0; attempt < 4; ++attempt) {
        a.step = step;
        a.min = lo >= 0 ? 0 : std::floor((lo - margin) / step) * step;
        a.max = std::ceil((hi + margin) / step) * step;
        if (a.max - a.min < span)
            a.max = a.min + std::ceil(span / step) * step;
        a.min = std::max(a.min, limitMin);
        a.max = std::min(a.max, limitMax);
        // Rounding both ends outwards can add intervals; a room reads a few
        // labelled lines better than many.
        if ((a.max - a.min) / step <= static_cast<float>(2 * std::max(targetTicks, 1)))
            break;
        step = niceStep(step * 1.5f, 1);
    }
    if (a.max <= a.min)
        a.max = a.min + a.step;
    return a;
}

std::vector<int> stackLabels(const std::vector<LabelSpan>& spans, float gap, int maxRows) {
    std::vector<int> rows(spans.size(), -1);
    std::vector<std::vector<LabelSpan>> placed(static_cast<std::size_t>(std::max(maxRows, 0)));
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const LabelSpan& a = spans[i];
        for (std::size_t r = 0; r < placed.size(); ++r) {
            const bool clash =
                std::any_of(placed[r].begin(), placed[r].end(), [&](const LabelSpan& b) {
                    return a.left < b.left + b.width + gap && b.left < a.left + a.width + gap;
                });
            if (!clash) {
                placed[r].push_back(a);
                rows[i] = static_cast<int>(r);
                break;
            }
        }
    }
    return rows;
}

// [Time chart] ------------------------------------------------------------------

bool overlaps(const TextBox& a, const TextBox& b) {
    return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height &&
           b.top < a.top + a.height;
}

float TimeChartLayout::xOf(float minute) const {
    return plotLeft + std::clamp(minute, 0.0f, endMinute) / endMinute * (plotRight - plotLeft);
}

TextBox TimeChartLayout::referenceText(float y, float width, float lineHeight) const {
    const float top =
        std::clamp(y - lineHeight / 2, plotTop, std::max(plotTop, plotBottom - lineHeight));
    return {plotRight + gap / 2, top, width, lineHeight};
}

std::vector<TextBox> TimeChartLayout::texts() const {
    std::vector<TextBox> out;
    for (const std::vector<PlacedSpan>* list : {&phases, &proposals})
        for (const PlacedSpan& p : *list)
            if (p.choice >= 0)
                out.push_back(p.text);
    for (const PlacedMark& m : events)
        if (m.row >= 0)
            out.push_back(m.text);
    out.insert(out.end(), xTickText.begin(), xTickText.end());
    for (const TextBox* b : {&xLabel, &yLabel})
        if (b->width > 0)
            out.push_back(*b);
    return out;
}

namespace {

// Rows of texts, each kept `gap` clear of the others in its row.
class Rows {
  public:
    Rows(int count, float gap) : rows_(static_cast<std::size_t>(std::max(count, 0))), gap_(gap) {}
    // The first row from `from` where [left, left + width] is clear, or -1.
    int find(float left, float width, int from = 0) const {
        for (int r = std::max(from, 0); r < static_cast<int>(rows_.size()); ++r) {
            const auto& row = rows_[static_cast<std::size_t>(r)];
            if (std::none_of(row.begin(), row.end(), [&](const LabelSpan& b) {
                    return left < b.left + b.width + gap_ && b.left < left + width + gap_;
                }))
                return r;
        }
        return -1;
    }
    void put(int row, float left, float width) {
        rows_[static_cast<std::size_t>(row)].push_back({left, width});
    }

  private:
    std::vector<std::vector<LabelSpan>> rows_;
    float gap_;
};

// Minutes between numbered ticks: the smallest of 1, 2, 5, 10, 15, 20, 30,
// 60, ... whose numbers stand apart.
float minuteStep(float endMinute, float plotWidth, float need) {
    static const float steps[] = {1, 2, 5, 10, 15, 20, 30, 60, 120, 240, 480};
    for (float step : steps)
        if (step / endMinute * plotWidth >= need)
            return step;
    return std::max(endMinute, 1.0f);
}

} // namespace

TimeChartLayout layoutTimeChart(const TimeChartSpec& s) {
    TimeChartLayout L;
    const float lh = s.lineHeight, gap = s.gap, pad = 0.25f * lh;
    L.endMinute = std::max(s.endMinute, 1.0f);
    L.gap = gap;
    // The y-axis name over the numbers when it fits there (or in a
    // twelfth of the width); else (a large UI scale) under the axis, left of the
    // minutes' name, rather than a margin that eats the plot's width.
    const float numbers = std::max(s.yTickWidth, s.xTickWidth / 2);
    const bool yLabelOver = s.yLabelWidth <= std::max(numbers * 1.25f, s.width * 0.08f);
    L.plotLeft = std::max(numbers, yLabelOver ? s.yLabelWidth : 0.0f) + gap;
    const float rightMargin =
        std::max(s.referenceWidth > 0 ? s.referenceWidth + gap : 0.0f, s.xTickWidth / 2 + gap);
    L.plotRight = std::max(s.width - rightMargin, L.plotLeft + 1);

    // Phase names at the top, each inside its band when one of its wordings
    // fits there; else the shortest, centred on the band, in a second row.
    Rows phaseRows(2, gap);
    int phaseRowsUsed = 0;
    for (const TimeSpan& span : s.phases) {
        PlacedSpan p;
        p.left = L.xOf(span.from);
        p.right = L.xOf(span.to);
        // A phase that took no time (ended at once) gets a line, not a name.
        const int choices = p.right - p.left < 1 ? 0 : static_cast<int>(span.label.widths.size());
        for (int c = 0; c < choices && p.choice < 0; ++c) {
            const float w = span.label.widths[static_cast<std::size_t>(c)];
            const bool last = c == choices - 1;
            if (w + gap > p.right - p.left && !last)
                continue;
            const float left =
                std::clamp((p.left + p.right - w) / 2, 0.0f, std::max(0.0f, s.width - w));
            const int row = phaseRows.find(left, w, w + gap > p.right - p.left ? 1 : 0);
            if (row < 0)
                continue;
            phaseRows.put(row, left, w);
            p.choice = c;
            p.text = {left, static_cast<float>(row) * lh, w, lh};
            phaseRowsUsed = std::max(phaseRowsUsed, row + 1);
        }
        L.phases.push_back(p);
    }
    L.bandTop = 0;

    // Event names in rows under the phase names; when they cannot all stand
    // apart, every event is numbered instead (the chart names them in a key).
    const float eventTop = static_cast<float>(phaseRowsUsed) * lh + (phaseRowsUsed > 0 ? pad : 0);
    int eventRowsUsed = 0;
    for (int attempt = 0; attempt < 2; ++attempt) {
        L.eventsNumbered = attempt == 1;
        L.events.clear();
        eventRowsUsed = 0;
        Rows rows(s.maxEventRows, gap);
        bool all = true;
        for (const TimeMark& e : s.events) {
            PlacedMark m;
            m.x = L.xOf(e.at);
            m.numbered = L.eventsNumbered;
            const float w = m.numbered ? e.numberWidth : e.width;
            float left = m.x + gap / 2; // right of its line, or left of it near the end
            if (left + w > s.width)
                left = std::max(L.plotLeft, m.x - gap / 2 - w);
            m.row = rows.find(left, w);
            if (m.row >= 0) {
                rows.put(m.row, left, w);
                m.text = {left, eventTop + static_cast<float>(m.row) * lh, w, lh};
                eventRowsUsed = std::max(eventRowsUsed, m.row + 1);
            } else {
                all = false;
            }
            L.events.push_back(m);
        }
        if (all)
            break;
    }

    // The proposal lane, with the y-axis name left of it over the numbers.
    L.laneTop = eventTop + static_cast<float>(eventRowsUsed) * lh + (eventRowsUsed > 0 ? pad : 0);
    L.laneBottom = L.laneTop + 1.3f * lh;
    for (PlacedMark& m : L.events)
        m.lineTop = m.row >= 0 ? m.text.top + lh : L.laneTop;
    const float laneText = L.laneTop + 0.15f * lh;
    if (s.yLabelWidth > 0 && yLabelOver)
        L.yLabel = {0, laneText, s.yLabelWidth, lh};
    for (const TimeSpan& span : s.proposals) {
        PlacedSpan p;
        p.left = L.xOf(span.from);
        p.right = L.xOf(span.to);
        for (std::size_t c = 0; c < span.label.widths.size(); ++c)
            if (span.label.widths[c] + gap <= p.right - p.left) {
                p.choice = static_cast<int>(c);
                p.text = {p.left + gap / 2, laneText, span.label.widths[c], lh};
                break;
            }
        L.proposals.push_back(p);
    }

    // The plot takes the height the texts leave; minute numbers and the
    // axis name under it.
    L.plotTop = L.laneBottom;
    const float below = 0.3f * lh + lh + (s.xLabelWidth > 0 ? lh : 0);
    const float plotH = std::max({s.height - L.plotTop - below, s.minPlotHeight, lh});
    L.plotBottom = L.plotTop + plotH;
    const float tickTop = L.plotBottom + 0.3f * lh;
    const float step = minuteStep(L.endMinute, L.plotRight - L.plotLeft, s.xTickWidth + gap);
    for (float m = 0; m <= L.endMinute + 1e-3f; m += step) {
        L.xTicks.push_back(m);
        L.xTickText.push_back({L.xOf(m) - s.xTickWidth / 2, tickTop, s.xTickWidth, lh});
    }
    L.height = tickTop + lh;
    if (s.xLabelWidth > 0) {
        L.xLabel = {(L.plotLeft + L.plotRight - s.xLabelWidth) / 2, tickTop + lh, s.xLabelWidth,
                    lh};
        L.height += lh;
    }
    if (s.yLabelWidth > 0 && !yLabelOver) {
        const TextBox under{0, tickTop + lh, s.yLabelWidth, lh};
        if (s.xLabelWidth <= 0 || !overlaps({0, under.top, s.yLabelWidth + gap, lh}, L.xLabel)) {
            L.yLabel = under;
            L.height = std::max(L.height, under.top + lh);
        }
    }
    return L;
}

} // namespace samenspel::chart
