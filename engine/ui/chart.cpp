// Charts drawn on ImGui's draw list. Sizes derive from the current font size,
// so the charts grow with the UI scale setting like all text does.
#include "ui/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/text.hpp"

namespace samenspel::ui {

// Axis fitting, label rows and the palette are shared with the HTML report.
using chart::AxisRange;
using chart::fitAxis;
using chart::LabelSpan;
using chart::Marker;
using chart::niceStep;
using chart::seriesMarker;
using chart::seriesRgb;
using chart::stackLabels;

namespace {

constexpr float kPi = 3.14159265358979f;

float em() {
    return ImGui::GetFontSize();
}

// Dash patterns (on, off, ...) in units of the line thickness; empty = solid.
// The same order as the report's SVG dashes.
const std::vector<float>& dashPattern(int index) {
    static const std::vector<std::vector<float>> patterns = {
        {},           {3.0f, 1.5f}, {0.9f, 1.2f}, {3.5f, 1.2f, 0.9f, 1.2f},
        {1.8f, 0.9f}, {0.3f, 0.9f}, {4.0f, 1.8f}, {1.2f, 0.6f, 1.2f, 1.8f}};
    return patterns[static_cast<std::size_t>(((index % 8) + 8) % 8)];
}

// A polyline with a dash pattern; the pattern continues across corners so
// short steps do not all start with a dash.
void dashedPolyline(ImDrawList* draw, const std::vector<ImVec2>& pts, ImU32 colour, float thickness,
                    const std::vector<float>& pattern) {
    if (pts.size() < 2)
        return;
    if (pattern.empty()) {
        draw->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, 0, thickness);
        return;
    }
    std::size_t part = 0;
    float left = pattern[0] * thickness; // length left in the current dash or gap
    for (std::size_t i = 1; i < pts.size(); ++i) {
        ImVec2 a = pts[i - 1];
        const ImVec2 b = pts[i];
        float length = std::hypot(b.x - a.x, b.y - a.y);
        if (length <= 0.0f)
            continue;
        const ImVec2 dir{(b.x - a.x) / length, (b.y - a.y) / length};
        while (length > 0.0f) {
            const float step = std::min(left, length);
            const ImVec2 c{a.x + dir.x * step, a.y + dir.y * step};
            if (part % 2 == 0)
                draw->AddLine(a, c, colour, thickness);
            a = c;
            length -= step;
            left -= step;
            if (left <= 0.0f) {
                part = (part + 1) % pattern.size();
                left = pattern[part] * thickness;
            }
        }
    }
}

// `text` cut with an ellipsis so it fits in `width` pixels (UTF-8 aware).
std::string fitText(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width)
        return text;
    std::string cut = text;
    while (!cut.empty()) {
        // Drop one whole character: continuation bytes, then its first byte.
        while (!cut.empty()) {
            const unsigned char last = static_cast<unsigned char>(cut.back());
            cut.pop_back();
            if ((last & 0xC0) != 0x80)
                break;
        }
        if (ImGui::CalcTextSize((cut + "…").c_str()).x <= width)
            return cut + "…";
    }
    return "…";
}

// Numbers in the reader's language ("17,7" in Dutch), as on the rest of the screen.
std::string formatValue(float v, const std::string& lang) {
    return formatNumber(static_cast<double>(v), 1, lang);
}

std::string formatTick(float v, const std::string& lang) {
    if (std::fabs(v - std::round(v)) < 1e-4f)
        return formatNumber(std::round(static_cast<double>(v)), 0, lang);
    return formatNumber(static_cast<double>(v), 1, lang);
}

// The value series `line` holds at `x` (steps: the last point at or before x).
bool valueAt(const ChartLine& line, float x, bool steps, float& out) {
    if (line.points.empty() || x < line.points.front().x)
        return false;
    for (std::size_t i = 0; i + 1 < line.points.size(); ++i) {
        const ImVec2 a = line.points[i], b = line.points[i + 1];
        if (x >= a.x && x < b.x) {
            out = steps || b.x == a.x ? a.y : a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x);
            return true;
        }
    }
    out = line.points.back().y;
    return true;
}

} // namespace

ImU32 seriesColour(int index, const Theme& theme, float alpha) {
    const std::uint32_t rgb = seriesRgb(index);
    float c[3] = {static_cast<float>((rgb >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(rgb & 0xFF) / 255.0f};
    const ImVec4 bg = theme.background;
    const bool dark = 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.35f;
    if (dark)
        for (float& v : c)
            v += (1.0f - v) * 0.28f;
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c[0], c[1], c[2], std::clamp(alpha, 0.0f, 1.0f)));
}

void markerInline(int index, const Theme& theme) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::IsRectVisible(ImVec2(h, h))) // scrolled out of view: nothing to draw
        drawMarker(ImGui::GetWindowDrawList(), index, ImVec2(p.x + h * 0.5f, p.y + h * 0.5f),
                   h * 0.3f, seriesColour(index, theme), toU32(theme.text));
    ImGui::Dummy(ImVec2(h, h));
}

void drawMarker(ImDrawList* draw, int index, ImVec2 c, float r, ImU32 fill, ImU32 outline) {
    const float t = std::max(1.0f, r * 0.22f);
    switch (seriesMarker(index)) {
    case Marker::Circle:
        draw->AddCircleFilled(c, r, fill, 16);
        draw->AddCircle(c, r, outline, 16, t);
        break;
    case Marker::Square:
        draw->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill);
        draw->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), outline, 0, 0, t);
        break;
    case Marker::Triangle:
    case Marker::TriangleDown: {
        const float s = seriesMarker(index) == Marker::Triangle ? 1.0f : -1.0f;
        const ImVec2 a(c.x, c.y - s * r * 1.15f), b(c.x + r * 1.1f, c.y + s * r * 0.85f),
            d(c.x - r * 1.1f, c.y + s * r * 0.85f);
        draw->AddTriangleFilled(a, b, d, fill);
        draw->AddTriangle(a, b, d, outline, t);
        break;
    }
    case Marker::Diamond: {
        const float q = r * 1.25f;
        const ImVec2 a(c.x, c.y - q), b(c.x + q, c.y), d(c.x, c.y + q), e(c.x - q, c.y);
        draw->AddQuadFilled(a, b, d, e, fill);
        draw->AddQuad(a, b, d, e, outline, t);
        break;
    }
    case Marker::Cross:
        draw->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), outline, r * 0.75f);
        draw->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), outline, r * 0.75f);
        draw->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill, r * 0.45f);
        draw->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), fill, r * 0.45f);
        break;
    case Marker::Plus:
        draw->AddRectFilled(ImVec2(c.x - r * 1.1f, c.y - r * 0.35f),
                            ImVec2(c.x + r * 1.1f, c.y + r * 0.35f), fill);
        draw->AddRectFilled(ImVec2(c.x - r * 0.35f, c.y - r * 1.1f),
                            ImVec2(c.x + r * 0.35f, c.y + r * 1.1f), fill);
        break;
    case Marker::Star: {
        ImVec2 p[10];
        for (int i = 0; i < 10; ++i) {
            const float a = -kPi / 2 + static_cast<float>(i) * kPi / 5;
            const float rr = (i % 2 == 0) ? r * 1.3f : r * 0.55f;
            p[i] = ImVec2(c.x + rr * std::cos(a), c.y + rr * std::sin(a));
        }
        for (int i = 0; i < 10; ++i)
            draw->AddTriangleFilled(c, p[i], p[(i + 1) % 10], fill);
        draw->AddPolyline(p, 10, outline, ImDrawFlags_Closed, t);
        break;
    }
    }
}

void lineChart(const char* id, const std::vector<ChartLine>& lines, const LineChartOptions& o,
               const Theme& theme) {
    ImGui::PushID(id);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float e = em();
    const float lineH = ImGui::GetTextLineHeight();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 12 * e);
    const float height = o.height > 0 ? o.height : 16 * ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImU32 textColour = toU32(theme.text), muted = toU32(theme.textMuted);
    const ImU32 grid = toU32(withAlpha(theme.border, 0.6f));

    // Data range.
    float xMin = o.xMin, xMax = o.xMax;
    if (xMax <= xMin) {
        xMin = 0;
        xMax = 0;
        for (const ChartLine& l : lines)
            for (const ImVec2& p : l.points)
                xMax = std::max(xMax, p.x);
        xMax = std::max(xMax, xMin + 1);
    }
    AxisRange yAxis{o.yMin, o.yMax, o.yStep > 0 ? o.yStep : 50};
    if (o.yMax <= o.yMin) {
        std::vector<float> values;
        for (const ChartLine& l : lines)
            for (const ImVec2& p : l.points)
                values.push_back(p.y);
        std::vector<float> include = {0.0f};
        if (o.referenceLine)
            include.push_back(o.referenceY);
        yAxis = fitAxis(values, include, o.yLimitMin, o.yLimitMax);
    }
    const float yMin = yAxis.min, yMax = yAxis.max;

    // Margins: y tick labels left; the reference line's label right, level
    // with its line, where no data line or event label can run into it.
    float tickWidth = 0;
    for (float v = yMin; v <= yMax + 1e-3f; v += yAxis.step)
        tickWidth = std::max(tickWidth, ImGui::CalcTextSize(formatTick(v, o.lang).c_str()).x);
    float rightMargin = 0.8f * e;
    std::string referenceLabel;
    if (o.referenceLine && !o.referenceLabel.empty()) {
        referenceLabel = fitText(o.referenceLabel, width * 0.2f);
        rightMargin = ImGui::CalcTextSize(referenceLabel.c_str()).x + 0.8f * e;
    }
    const float plotLeft = origin.x + tickWidth + 0.6f * e;
    const float plotRight = origin.x + width - rightMargin;
    const auto X = [&](float x) {
        return plotLeft +
               (std::clamp(x, xMin, xMax) - xMin) / (xMax - xMin) * (plotRight - plotLeft);
    };

    // Event labels in rows above the plot, never on top of each other or of
    // the lines. The y-axis name sits at the start of the first row. When
    // three rows are not enough the marks get numbers and a key below.
    struct Mark {
        float x;
        std::string text, key;
    };
    std::vector<Mark> marks;
    for (const ChartMark& m : o.marks)
        if (m.x >= xMin && m.x <= xMax)
            marks.push_back({X(m.x), fitText(m.label, plotRight - plotLeft), ""});
    const float gap = 0.8f * e;
    const auto place = [&](std::vector<LabelSpan>& spans) {
        spans.clear();
        if (!o.yLabel.empty())
            spans.push_back({origin.x, ImGui::CalcTextSize(o.yLabel.c_str()).x});
        for (const Mark& m : marks) {
            const float w = ImGui::CalcTextSize(m.text.c_str()).x;
            float left = m.x + 0.25f * e; // right of its line, or left of it near the end
            if (left + w > origin.x + width)
                left = std::max(plotLeft, m.x - 0.25f * e - w);
            spans.push_back({left, w});
        }
        return stackLabels(spans, gap, 3);
    };
    std::vector<LabelSpan> spans;
    std::vector<int> rows = place(spans);
    if (std::find(rows.begin(), rows.end(), -1) != rows.end()) {
        for (std::size_t i = 0; i < marks.size(); ++i) {
            const std::string number = std::to_string(i + 1);
            marks[i].key = number + ": " + marks[i].text;
            marks[i].text = number;
        }
        rows = place(spans);
    }
    int bandRows = o.yLabel.empty() && marks.empty() ? 0 : 1;
    for (int r : rows)
        bandRows = std::max(bandRows, r + 1);

    // The one legend, below the axis: every series with its line style and
    // marker, full names, wrapped to the width; then the key of numbered marks.
    const float sample = 2.6f * e;
    struct LegendItem {
        int line = -1; // -1: a key entry, text only
        std::string text;
        float x = 0, y = 0, w = 0;
    };
    std::vector<LegendItem> legendItems;
    if (o.legend)
        for (std::size_t i = 0; i < lines.size(); ++i)
            legendItems.push_back({static_cast<int>(i), lines[i].label});
    for (const Mark& m : marks)
        if (!m.key.empty())
            legendItems.push_back({-1, m.key});
    float lx = 0, ly = 0;
    int legendRows = legendItems.empty() ? 0 : 1;
    for (std::size_t i = 0; i < legendItems.size(); ++i) {
        LegendItem& it = legendItems[i];
        const float lead = it.line >= 0 ? sample + 0.4f * e : 0.0f;
        it.text = fitText(it.text, width - lead);
        it.w = lead + ImGui::CalcTextSize(it.text.c_str()).x;
        // Key entries start on a row of their own, after the series.
        const bool keyStart = it.line < 0 && (i == 0 || legendItems[i - 1].line >= 0);
        if (lx > 0 && (lx + it.w > width || keyStart)) {
            lx = 0;
            ly += lineH * 1.3f;
            ++legendRows;
        }
        it.x = lx;
        it.y = ly;
        lx += it.w + 1.2f * e;
    }
    const float legendH = static_cast<float>(legendRows) * lineH * 1.3f;

    const float bandH = static_cast<float>(bandRows) * lineH + (bandRows > 0 ? 0.3f * e : 0.0f);
    const float axisH = 0.35f * e + lineH + (o.xLabel.empty() ? 0.0f : lineH);
    const float legendGap = legendRows > 0 ? 0.6f * e : 0.0f;
    const float plotH = std::max(height - bandH - axisH - legendGap - legendH, 3.5f * lineH);
    const float totalH = bandH + plotH + axisH + legendGap + legendH;
    const ImVec2 plotMin(plotLeft, origin.y + bandH);
    const ImVec2 plotMax(plotRight, plotMin.y + plotH);
    const auto Y = [&](float y) {
        return plotMax.y - (std::clamp(y, yMin, yMax) - yMin) / (yMax - yMin) * plotH;
    };

    draw->AddRectFilled(plotMin, plotMax, toU32(theme.surface));
    for (float v = yMin; v <= yMax + 1e-3f; v += yAxis.step) {
        const float y = Y(v);
        const bool zero = std::fabs(v) < 1e-4f;
        draw->AddLine(ImVec2(plotMin.x, y), ImVec2(plotMax.x, y), zero ? muted : grid,
                      zero ? 2.0f : 1.0f);
        const std::string t = formatTick(v, o.lang);
        draw->AddText(
            ImVec2(plotMin.x - 0.4f * e - ImGui::CalcTextSize(t.c_str()).x, y - lineH / 2), muted,
            t.c_str());
    }
    const float xStep = niceStep(xMax - xMin, 8);
    for (float v = std::ceil(xMin / xStep) * xStep; v <= xMax + 1e-3f; v += xStep) {
        const std::string t = formatTick(v, o.lang);
        const float tw = ImGui::CalcTextSize(t.c_str()).x;
        draw->AddLine(ImVec2(X(v), plotMax.y), ImVec2(X(v), plotMax.y + 0.3f * e), muted, 1.5f);
        draw->AddText(ImVec2(X(v) - tw / 2, plotMax.y + 0.35f * e), muted, t.c_str());
    }
    if (!o.xLabel.empty()) {
        const float tw = ImGui::CalcTextSize(o.xLabel.c_str()).x;
        draw->AddText(ImVec2((plotMin.x + plotMax.x - tw) / 2, plotMax.y + 0.35f * e + lineH),
                      muted, o.xLabel.c_str());
    }
    std::size_t span = 0;
    if (!o.yLabel.empty())
        draw->AddText(ImVec2(spans[span++].left, origin.y), muted, o.yLabel.c_str());
    // Marks (events): dotted verticals from their label down through the
    // plot, all before any name, so a name's backing in the page colour hides
    // another mark's line where it passes behind it.
    const std::size_t firstMark = span;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const int row = rows[firstMark + i];
        const float top = origin.y + static_cast<float>(std::max(row, 0) + 1) * lineH;
        dashedPolyline(draw, {ImVec2(marks[i].x, top), ImVec2(marks[i].x, plotMax.y)}, muted, 1.5f,
                       {2, 3});
    }
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const int row = rows[firstMark + i];
        if (row < 0) // many marks in one spot: the key still names it
            continue;
        const LabelSpan& at = spans[firstMark + i];
        const float y = origin.y + static_cast<float>(row) * lineH;
        draw->AddRectFilled(ImVec2(at.left - 0.15f * e, y),
                            ImVec2(at.left + at.width + 0.15f * e, y + lineH),
                            toU32(theme.background));
        draw->AddText(ImVec2(at.left, y), textColour, marks[i].text.c_str());
    }
    if (o.referenceLine) {
        const float y = Y(o.referenceY);
        dashedPolyline(draw, {ImVec2(plotMin.x, y), ImVec2(plotMax.x, y)}, toU32(theme.bad), 2.5f,
                       {3, 2});
        if (!referenceLabel.empty())
            draw->AddText(ImVec2(plotMax.x + 0.4f * e, y - lineH / 2), toU32(theme.bad),
                          referenceLabel.c_str());
    }

    // The lines, thick, each with its dash pattern and markers at its points.
    const float thickness = std::max(2.5f, e * 0.17f), markerR = e * 0.26f;
    draw->PushClipRect(ImVec2(plotMin.x - markerR * 2, plotMin.y - markerR * 2),
                       ImVec2(plotMax.x + markerR * 2, plotMax.y + markerR * 2), true);
    for (const ChartLine& l : lines) {
        if (l.points.empty())
            continue;
        std::vector<ImVec2> path;
        for (std::size_t i = 0; i < l.points.size(); ++i) {
            const ImVec2 p(X(l.points[i].x), Y(l.points[i].y));
            if (i > 0 && o.steps)
                path.emplace_back(p.x, path.back().y);
            path.push_back(p);
        }
        path.emplace_back(X(xMax), path.back().y); // holds until now
        dashedPolyline(draw, path, seriesColour(l.colour, theme), thickness, dashPattern(l.colour));
        const std::size_t stride = std::max<std::size_t>(1, l.points.size() / 30);
        for (std::size_t i = 0; i < l.points.size(); i += stride)
            drawMarker(draw, l.colour, ImVec2(X(l.points[i].x), Y(l.points[i].y)), markerR,
                       seriesColour(l.colour, theme), textColour);
    }
    draw->PopClipRect();

    const float legendTop = plotMax.y + axisH + legendGap;
    const float legendThickness = std::max(2.0f, e * 0.16f);
    for (const LegendItem& it : legendItems) {
        const ImVec2 p(origin.x + it.x, legendTop + it.y);
        float textX = p.x;
        if (it.line >= 0) {
            const ChartLine& l = lines[static_cast<std::size_t>(it.line)];
            const float midY = p.y + lineH * 0.5f;
            dashedPolyline(draw, {ImVec2(p.x, midY), ImVec2(p.x + sample, midY)},
                           seriesColour(l.colour, theme), legendThickness, dashPattern(l.colour));
            drawMarker(draw, l.colour, ImVec2(p.x + sample * 0.5f, midY), e * 0.28f,
                       seriesColour(l.colour, theme), textColour);
            textX += sample + 0.4f * e;
        }
        draw->AddText(ImVec2(textX, p.y), textColour, it.text.c_str());
    }

    // Hover: a vertical ruler and each line's value there.
    ImGui::SetCursorScreenPos(plotMin);
    ImGui::InvisibleButton("plot", ImVec2(std::max(plotMax.x - plotMin.x, 1.0f),
                                          std::max(plotMax.y - plotMin.y, 1.0f)));
    if (ImGui::IsItemHovered()) {
        const float mx = ImGui::GetIO().MousePos.x;
        const float x = xMin + (mx - plotMin.x) / (plotMax.x - plotMin.x) * (xMax - xMin);
        draw->AddLine(ImVec2(mx, plotMin.y), ImVec2(mx, plotMax.y), muted, 1.0f);
        ImGui::BeginTooltip();
        ImGui::Text("%s: %s", o.xLabel.c_str(), formatValue(x, o.lang).c_str());
        for (const ChartLine& l : lines) {
            float v = 0;
            if (valueAt(l, x, o.steps, v))
                ImGui::Text("%s: %s", l.label.c_str(), formatValue(v, o.lang).c_str());
        }
        ImGui::EndTooltip();
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, totalH));
    ImGui::PopID();
}

void supportBars(const char* id, const std::vector<SupportBar>& bars, const SupportBarsOptions& o,
                 const Theme& theme) {
    ImGui::PushID(id);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float e = em(), lineH = ImGui::GetTextLineHeight();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 14 * e);
    const float rowH = o.rowHeight > 0 ? o.rowHeight : lineH * 1.6f;
    float labelW = o.labelWidth;
    if (labelW <= 0) {
        for (const SupportBar& b : bars)
            labelW = std::max(labelW, ImGui::CalcTextSize(b.label.c_str()).x);
        labelW = std::min(labelW + e, width * 0.32f);
    }
    float valueW = ImGui::CalcTextSize("-100.0").x;
    for (const SupportBar& b : bars) {
        const std::string text = (b.known ? formatValue(b.value, o.lang) : o.unknownLabel) +
                                 (b.note.empty() ? "" : "  " + b.note);
        valueW = std::max(valueW, ImGui::CalcTextSize(text.c_str()).x);
    }
    valueW = std::min(valueW + e, width * 0.22f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float top = origin.y + lineH * 1.2f; // room for the min_support label
    const float axisL = origin.x + labelW, axisR = origin.x + width - valueW;
    const auto X = [&](float s) {
        return axisL + (std::clamp(s, -100.0f, 100.0f) + 100.0f) / 200.0f * (axisR - axisL);
    };
    const float bottom = top + rowH * static_cast<float>(bars.size());
    const ImU32 textColour = toU32(theme.text), muted = toU32(theme.textMuted);
    const ImVec2 size(width, bottom - origin.y + lineH * 1.3f);
    // Scrolled out of view (a board of proposals mostly is): only the room.
    if (!ImGui::IsRectVisible(size)) {
        ImGui::Dummy(size);
        ImGui::PopID();
        return;
    }

    for (int tick = -100; tick <= 100; tick += 50) {
        const float x = X(static_cast<float>(tick));
        draw->AddLine(ImVec2(x, top), ImVec2(x, bottom),
                      tick == 0 ? muted : toU32(withAlpha(theme.border, 0.6f)),
                      tick == 0 ? 2.0f : 1.0f);
        const std::string t = formatTick(static_cast<float>(tick), o.lang);
        draw->AddText(ImVec2(x - ImGui::CalcTextSize(t.c_str()).x / 2, bottom + 0.2f * e), muted,
                      t.c_str());
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const SupportBar& b = bars[i];
        const float y = top + rowH * static_cast<float>(i);
        if (b.highlight)
            draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + width, y + rowH),
                                toU32(theme.surfaceRaised), e * 0.2f);
        const std::string label = fitText(b.label, labelW - e);
        const ImVec2 ls = ImGui::CalcTextSize(label.c_str());
        draw->AddText(ImVec2(std::max(origin.x, axisL - 0.5f * e - ls.x), y + (rowH - lineH) / 2),
                      textColour, label.c_str());
        std::string text;
        float textX = X(0) + 0.4f * e;
        if (b.known) {
            const float x0 = X(0), x1 = X(b.value);
            const float pad = rowH * 0.18f;
            draw->AddRectFilled(ImVec2(std::min(x0, x1), y + pad),
                                ImVec2(std::max(x0, x1) + 1, y + rowH - pad),
                                seriesColour(b.colour, theme));
            draw->AddRect(ImVec2(std::min(x0, x1), y + pad),
                          ImVec2(std::max(x0, x1) + 1, y + rowH - pad),
                          toU32(withAlpha(theme.text, 0.5f)));
            text = formatValue(b.value, o.lang);
            if (!b.note.empty())
                text += "  " + b.note;
            // Beside the bar's end: right of positive bars, left of negative
            // ones unless that would run into the label column.
            const float w = ImGui::CalcTextSize(text.c_str()).x;
            textX = b.value > 0 ? x1 + 0.4f * e : x0 + 0.4f * e;
            if (b.value < 0 && x1 - 0.4f * e - w > axisL)
                textX = x1 - 0.4f * e - w;
        } else {
            // In the value column, clear of the min_support line near zero.
            text = o.unknownLabel;
            if (!b.note.empty())
                text += "  " + b.note;
            textX = axisR + 0.4f * e;
        }
        draw->AddText(ImVec2(textX, y + (rowH - lineH) / 2), b.known ? textColour : muted,
                      text.c_str());
    }
    const float xm = X(o.minSupport);
    dashedPolyline(draw, {ImVec2(xm, top - 0.2f * e), ImVec2(xm, bottom)}, toU32(theme.bad), 2.5f,
                   {3, 2});
    if (!o.minLabel.empty())
        draw->AddText(ImVec2(xm + 0.3f * e, origin.y), toU32(theme.bad), o.minLabel.c_str());
    ImGui::Dummy(size);
    ImGui::PopID();
}

void shareBar(float share, const std::string& text, int colour, const Theme& theme, float width) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float w = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float barW = w * 0.6f;
    draw->AddRectFilled(p, ImVec2(p.x + barW, p.y + h), toU32(theme.surface), h * 0.15f);
    draw->AddRectFilled(p, ImVec2(p.x + barW * std::clamp(share, 0.0f, 1.0f), p.y + h),
                        seriesColour(colour, theme), h * 0.15f);
    draw->AddRect(p, ImVec2(p.x + barW, p.y + h), toU32(theme.border), h * 0.15f);
    draw->AddText(ImVec2(p.x + barW + em() * 0.5f, p.y), toU32(theme.text), text.c_str());
    ImGui::Dummy(ImVec2(w, h));
}

} // namespace samenspel::ui
