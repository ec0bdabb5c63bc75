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

} // namespace samenspel::chart
