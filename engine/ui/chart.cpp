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
using chart::Marker;
using chart::seriesMarker;
using chart::seriesRgb;

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

// A name that does not fit keeps its first word and as many last words as
// fit ("Raadslid … oppositie"), or only its last words ("… de oppositie"):
// two council members cut at the end would both read "Raadslid van …".
std::string fitName(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width)
        return text;
    std::vector<std::string> words;
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t space = std::min(text.find(' ', at), text.size());
        if (space > at)
            words.push_back(text.substr(at, space - at));
        at = space + 1;
    }
    for (std::size_t keep = words.size() >= 3 ? words.size() - 2 : 0; keep >= 1; --keep) {
        std::string tail;
        for (std::size_t w = words.size() - keep; w < words.size(); ++w)
            tail += " " + words[w];
        const std::string candidate = words.front() + " …" + tail;
        if (ImGui::CalcTextSize(candidate.c_str()).x <= width)
            return candidate;
    }
    // No room for both ends: the end with the longer word, as the more telling
    // one ("Opposition …" beside "Coalition … member"), else the last words.
    if (words.size() >= 2 && ImGui::CalcTextSize((words.front() + " …").c_str()).x <= width &&
        ImGui::CalcTextSize(words.front().c_str()).x > ImGui::CalcTextSize(words.back().c_str()).x)
        return words.front() + " …";
    // Too narrow for the first word as well: the end tells them apart.
    for (std::size_t keep = words.size() >= 2 ? words.size() - 1 : 0; keep >= 1; --keep) {
        std::string tail = "…";
        for (std::size_t w = words.size() - keep; w < words.size(); ++w)
            tail += " " + words[w];
        if (ImGui::CalcTextSize(tail.c_str()).x <= width)
            return tail;
    }
    return fitText(text, width);
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

namespace {

// The value a stretch's series holds at minute `x` (support holds until it changes).
bool stepValueAt(const std::vector<ImVec2>& points, float x, float& out) {
    if (points.empty() || x < points.front().x)
        return false;
    out = points.front().y;
    for (const ImVec2& p : points)
        if (p.x <= x)
            out = p.y;
    return true;
}

std::vector<float> widthsOf(const std::vector<std::string>& texts) {
    std::vector<float> w;
    for (const std::string& t : texts)
        w.push_back(ImGui::CalcTextSize(t.c_str()).x);
    return w;
}

} // namespace

void supportTimeChart(const char* id, const TimeChartOptions& o, const Theme& theme) {
    ImGui::PushID(id);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float e = em();
    const float lineH = ImGui::GetTextLineHeight();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 12 * e);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImU32 textColour = toU32(theme.text), muted = toU32(theme.textMuted);
    const ImU32 grid = toU32(withAlpha(theme.border, 0.6f));

    // The y-axis fitted to every value shown, zero and the minimum line.
    std::vector<float> values;
    for (const ChartStretch& s : o.stretches)
        for (const auto& series : s.support)
            for (const ImVec2& p : series)
                values.push_back(p.y);

    // Texts by width; the layout places them (core/chart_layout).
    chart::TimeChartSpec spec;
    spec.width = width;
    spec.height = o.height > 0 ? o.height : 16 * ImGui::GetTextLineHeightWithSpacing();
    spec.minPlotHeight = o.minPlotHeight > 0 ? o.minPlotHeight : 7 * lineH;
    spec.lineHeight = lineH;
    spec.gap = 0.6f * e;
    spec.endMinute = o.endMinute;
    for (float v : {-100.0f, 100.0f, -50.0f})
        spec.yTickWidth =
            std::max(spec.yTickWidth, ImGui::CalcTextSize(formatTick(v, o.lang).c_str()).x);
    spec.xTickWidth = ImGui::CalcTextSize(formatTick(std::round(o.endMinute), o.lang).c_str()).x;
    spec.yLabelWidth = o.yLabel.empty() ? 0 : ImGui::CalcTextSize(o.yLabel.c_str()).x;
    spec.xLabelWidth = o.xLabel.empty() ? 0 : ImGui::CalcTextSize(o.xLabel.c_str()).x;
    // The minimum line's name right of the plot when it fits in a fifth of
    // the width; else (a projector's UI scale) in the legend below.
    const bool referenceAside = ImGui::CalcTextSize(o.referenceLabel.c_str()).x <= width * 0.2f;
    const std::string referenceLabel = referenceAside ? o.referenceLabel : "";
    spec.referenceWidth =
        referenceLabel.empty() ? 0 : ImGui::CalcTextSize(referenceLabel.c_str()).x;
    for (const ChartPhase& p : o.phases)
        spec.phases.push_back({p.from, p.to, {widthsOf(p.labels)}});
    for (const ChartStretch& s : o.stretches)
        spec.proposals.push_back({s.from, s.to, {widthsOf(s.labels)}});
    std::vector<std::string> markNames;
    for (std::size_t i = 0; i < o.marks.size(); ++i) {
        markNames.push_back(fitText(o.marks[i].label, width * 0.6f));
        spec.events.push_back({o.marks[i].x, ImGui::CalcTextSize(markNames.back().c_str()).x,
                               ImGui::CalcTextSize(std::to_string(i + 1).c_str()).x});
    }
    const chart::TimeChartLayout L = chart::layoutTimeChart(spec);
    const float plotH = L.plotBottom - L.plotTop;
    const AxisRange yAxis = fitAxis(values, {0.0f, o.referenceY}, -100, 100,
                                    std::clamp(static_cast<int>(plotH / (1.8f * lineH)), 2, 5));
    const auto at = [&](const chart::TextBox& b) {
        return ImVec2(origin.x + b.left, origin.y + b.top);
    };
    const auto X = [&](float minute) { return origin.x + L.xOf(minute); };
    const auto Y = [&](float v) {
        return origin.y + L.plotBottom -
               (std::clamp(v, yAxis.min, yAxis.max) - yAxis.min) / (yAxis.max - yAxis.min) * plotH;
    };
    const float plotL = origin.x + L.plotLeft, plotR = origin.x + L.plotRight;
    const float plotT = origin.y + L.plotTop, plotB = origin.y + L.plotBottom;

    // Phase bands, from their names down through the plot; alternate shades.
    draw->AddRectFilled(ImVec2(plotL, plotT), ImVec2(plotR, plotB), toU32(theme.surface));
    for (std::size_t p = 0; p < L.phases.size(); ++p) {
        const chart::PlacedSpan& band = L.phases[p];
        const ImVec4 shade =
            p % 2 == 0 ? withAlpha(theme.surface, 0.9f) : withAlpha(theme.surfaceRaised, 0.9f);
        draw->AddRectFilled(ImVec2(origin.x + band.left, origin.y + L.bandTop),
                            ImVec2(origin.x + band.right, plotB), toU32(shade));
        if (p % 2 == 1) // every other phase a shade lighter, so the bands read apart
            draw->AddRectFilled(ImVec2(origin.x + band.left, origin.y + L.bandTop),
                                ImVec2(origin.x + band.right, plotB),
                                toU32(withAlpha(theme.textMuted, 0.10f)));
        if (p > 0)
            draw->AddLine(ImVec2(origin.x + band.left, origin.y + L.bandTop),
                          ImVec2(origin.x + band.left, plotB), toU32(theme.border), 1.5f);
        if (band.choice >= 0)
            draw->AddText(at(band.text), textColour,
                          o.phases[p].labels[static_cast<std::size_t>(band.choice)].c_str());
    }

    // The y grid and numbers; the minutes under the plot.
    for (float v = yAxis.min; v <= yAxis.max + 1e-3f; v += yAxis.step) {
        const float y = Y(v);
        const bool zero = std::fabs(v) < 1e-4f;
        draw->AddLine(ImVec2(plotL, y), ImVec2(plotR, y), zero ? muted : grid, zero ? 2.0f : 1.0f);
        // The top number would touch the axis name just above it: the grid line says enough.
        if (L.yLabel.width > 0 && L.yLabel.top < L.plotTop &&
            y - lineH / 2 < origin.y + L.yLabel.top + L.yLabel.height)
            continue;
        const std::string t = formatTick(v, o.lang);
        draw->AddText(ImVec2(plotL - 0.4f * e - ImGui::CalcTextSize(t.c_str()).x, y - lineH / 2),
                      muted, t.c_str());
    }
    for (std::size_t i = 0; i < L.xTicks.size(); ++i) {
        const std::string t = formatTick(L.xTicks[i], o.lang);
        const float x = X(L.xTicks[i]), tw = ImGui::CalcTextSize(t.c_str()).x;
        draw->AddLine(ImVec2(x, plotB), ImVec2(x, plotB + 0.3f * e), muted, 1.5f);
        draw->AddText(ImVec2(x - tw / 2, origin.y + L.xTickText[i].top), muted, t.c_str());
    }
    if (L.xLabel.width > 0)
        draw->AddText(at(L.xLabel), muted, o.xLabel.c_str());
    if (L.yLabel.width > 0)
        draw->AddText(at(L.yLabel), muted, o.yLabel.c_str());

    // The lane: a segment per proposal version on the table, named inside;
    // a heavy divider where another proposal comes, a light one for a version.
    const float laneT = origin.y + L.laneTop, laneB = origin.y + L.laneBottom;
    for (std::size_t i = 0; i < L.proposals.size(); ++i) {
        const chart::PlacedSpan& seg = L.proposals[i];
        const ChartStretch& s = o.stretches[i];
        const ImVec4 fill =
            s.decided ? withAlpha(theme.good, 0.45f) : withAlpha(theme.accent, 0.55f);
        draw->AddRectFilled(ImVec2(origin.x + seg.left, laneT), ImVec2(origin.x + seg.right, laneB),
                            toU32(fill));
        const float divider = s.newProposal ? std::max(2.5f, e * 0.16f) : 1.0f;
        draw->AddLine(ImVec2(origin.x + seg.left, laneT), ImVec2(origin.x + seg.left, plotB),
                      s.newProposal ? textColour : muted, divider);
        if (seg.choice >= 0)
            draw->AddText(at(seg.text), textColour,
                          s.labels[static_cast<std::size_t>(seg.choice)].c_str());
    }

    // Events: dotted lines from under their names down through the plot.
    for (const chart::PlacedMark& m : L.events)
        dashedPolyline(
            draw, {ImVec2(origin.x + m.x, origin.y + m.lineTop), ImVec2(origin.x + m.x, plotB)},
            muted, 1.5f, {2, 3});
    for (std::size_t i = 0; i < L.events.size(); ++i) {
        const chart::PlacedMark& m = L.events[i];
        if (m.row < 0)
            continue;
        const std::string t = m.numbered ? std::to_string(i + 1) : markNames[i];
        draw->AddRectFilled(ImVec2(origin.x + m.text.left - 0.15f * e, origin.y + m.text.top),
                            ImVec2(origin.x + m.text.left + m.text.width + 0.15f * e,
                                   origin.y + m.text.top + lineH),
                            toU32(theme.background));
        draw->AddText(at(m.text), textColour, t.c_str());
    }

    // The minimum line, named right of the plot.
    const float refY = Y(o.referenceY);
    dashedPolyline(draw, {ImVec2(plotL, refY), ImVec2(plotR, refY)}, toU32(theme.bad), 2.5f,
                   {3, 2});
    if (!referenceLabel.empty())
        draw->AddText(at(L.referenceText(refY - origin.y, spec.referenceWidth, lineH)),
                      toU32(theme.bad), referenceLabel.c_str());

    // Each role's support for the proposal on the table: thick steps within a
    // stretch, a break where the next proposal comes, a marker where it starts.
    const float thickness = std::max(2.5f, e * 0.17f), markerR = e * 0.26f;
    draw->PushClipRect(ImVec2(plotL - markerR * 2, plotT - markerR * 2),
                       ImVec2(plotR + markerR * 2, plotB + markerR * 2), true);
    for (const ChartStretch& s : o.stretches)
        for (std::size_t r = 0; r < s.support.size(); ++r) {
            const std::vector<ImVec2>& pts = s.support[r];
            if (pts.empty())
                continue;
            const int colour = static_cast<int>(r);
            std::vector<ImVec2> path;
            for (const ImVec2& p : pts) {
                if (!path.empty())
                    path.emplace_back(X(p.x), path.back().y);
                path.emplace_back(X(p.x), Y(p.y));
            }
            path.emplace_back(X(s.to), path.back().y);
            dashedPolyline(draw, path, seriesColour(colour, theme), thickness, dashPattern(colour));
            drawMarker(draw, colour, path.front(), markerR, seriesColour(colour, theme),
                       textColour);
        }
    draw->PopClipRect();

    // The one legend, below the axis: every role with its line style and
    // marker, full names, wrapped to the width; then the key of numbered events.
    const float sample = 2.6f * e;
    struct LegendItem {
        int series = -1; // -1: a key entry, text only
        std::string text;
        float x = 0, y = 0;
    };
    std::vector<LegendItem> legend;
    for (std::size_t i = 0; i < o.series.size(); ++i)
        legend.push_back({static_cast<int>(i), o.series[i]});
    constexpr int kReference = -2;
    if (!referenceAside && !o.referenceLabel.empty())
        legend.push_back({kReference, o.referenceLabel});
    if (L.eventsNumbered)
        for (std::size_t i = 0; i < o.marks.size(); ++i)
            legend.push_back({-1, std::to_string(i + 1) + ": " + o.marks[i].label});
    float lx = 0, ly = 0;
    int legendRows = legend.empty() ? 0 : 1;
    for (std::size_t i = 0; i < legend.size(); ++i) {
        LegendItem& it = legend[i];
        const float lead = it.series != -1 ? sample + 0.4f * e : 0.0f;
        it.text = fitText(it.text, width - lead);
        const float w = lead + ImGui::CalcTextSize(it.text.c_str()).x;
        const bool keyStart = it.series == -1 && (i == 0 || legend[i - 1].series != -1);
        if (lx > 0 && (lx + w > width || keyStart)) {
            lx = 0;
            ly += lineH * 1.3f;
            ++legendRows;
        }
        it.x = lx;
        it.y = ly;
        lx += w + 1.2f * e;
    }
    const float legendTop = origin.y + L.height + (legendRows > 0 ? 0.6f * e : 0.0f);
    const float legendThickness = std::max(2.0f, e * 0.16f);
    for (const LegendItem& it : legend) {
        const ImVec2 p(origin.x + it.x, legendTop + it.y);
        float textX = p.x;
        if (it.series >= 0) {
            const float midY = p.y + lineH * 0.5f;
            dashedPolyline(draw, {ImVec2(p.x, midY), ImVec2(p.x + sample, midY)},
                           seriesColour(it.series, theme), legendThickness, dashPattern(it.series));
            drawMarker(draw, it.series, ImVec2(p.x + sample * 0.5f, midY), e * 0.28f,
                       seriesColour(it.series, theme), textColour);
            textX += sample + 0.4f * e;
        } else if (it.series == kReference) {
            const float midY = p.y + lineH * 0.5f;
            dashedPolyline(draw, {ImVec2(p.x, midY), ImVec2(p.x + sample, midY)}, toU32(theme.bad),
                           2.5f, {3, 2});
            textX += sample + 0.4f * e;
        }
        draw->AddText(ImVec2(textX, p.y), it.series == kReference ? toU32(theme.bad) : textColour,
                      it.text.c_str());
    }
    const float totalH = L.height + (legendRows > 0 ? 0.6f * e + legendRows * lineH * 1.3f : 0.0f);

    // Hover: a ruler, the moment, its phase, the proposal and each role's support.
    ImGui::SetCursorScreenPos(ImVec2(plotL, laneT));
    ImGui::InvisibleButton("plot",
                           ImVec2(std::max(plotR - plotL, 1.0f), std::max(plotB - laneT, 1.0f)));
    if (ImGui::IsItemHovered()) {
        const float mx = ImGui::GetIO().MousePos.x;
        const float minute = (mx - plotL) / (plotR - plotL) * L.endMinute;
        draw->AddLine(ImVec2(mx, laneT), ImVec2(mx, plotB), muted, 1.0f);
        ImGui::BeginTooltip();
        std::string head = o.xLabel + ": " + formatValue(minute, o.lang);
        for (const ChartPhase& p : o.phases)
            if (minute >= p.from && minute < p.to && !p.labels.empty())
                head += " · " + p.labels.front();
        ImGui::TextUnformatted(head.c_str());
        const ChartStretch* on = nullptr;
        for (const ChartStretch& s : o.stretches)
            if (minute >= s.from && minute <= s.to)
                on = &s;
        if (!on) {
            ImGui::TextUnformatted(o.noProposal.c_str());
        } else {
            ImGui::TextUnformatted(on->title.c_str());
            for (std::size_t r = 0; r < on->support.size() && r < o.series.size(); ++r) {
                float v = 0;
                if (stepValueAt(on->support[r], minute, v))
                    ImGui::Text("%s: %s", o.series[r].c_str(), formatValue(v, o.lang).c_str());
            }
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
    float labelW = o.labelsAbove ? 0.0f : o.labelWidth;
    if (labelW <= 0 && !o.labelsAbove) {
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
    // Names above: the axis starts half a "-100" in, so its number is not cut.
    const float axisL = origin.x + (o.labelsAbove ? ImGui::CalcTextSize("-100").x * 0.6f : labelW);
    const float axisR = origin.x + width - valueW;
    const auto X = [&](float s) {
        return axisL + (std::clamp(s, -100.0f, 100.0f) + 100.0f) / 200.0f * (axisR - axisL);
    };
    const float nameH = o.labelsAbove ? lineH : 0.0f; // a name's own line above its bar
    const float rowStep = rowH + nameH;
    const float bottom = top + rowStep * static_cast<float>(bars.size());
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
        const float rowTop = top + rowStep * static_cast<float>(i);
        const float y = rowTop + nameH; // the bar's part of the row
        if (b.highlight)
            draw->AddRectFilled(ImVec2(origin.x, rowTop), ImVec2(origin.x + width, y + rowH),
                                toU32(theme.surfaceRaised), e * 0.2f);
        if (o.labelsAbove) { // on the page's colour, so no grid line runs through a name
            const std::string label = fitName(b.label, width);
            const ImVec2 ls = ImGui::CalcTextSize(label.c_str());
            draw->AddRectFilled(ImVec2(origin.x, rowTop),
                                ImVec2(origin.x + ls.x + 0.3f * e, rowTop + lineH),
                                toU32(theme.background));
            draw->AddText(ImVec2(origin.x, rowTop), textColour, label.c_str());
        } else {
            const std::string label = fitName(b.label, labelW - e);
            const ImVec2 ls = ImGui::CalcTextSize(label.c_str());
            draw->AddText(
                ImVec2(std::max(origin.x, axisL - 0.5f * e - ls.x), y + (rowH - lineH) / 2),
                textColour, label.c_str());
        }
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
    if (o.labelsAbove) // beside the bars only, not through the names
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const float y = top + rowStep * static_cast<float>(i) + nameH;
            dashedPolyline(draw, {ImVec2(xm, y), ImVec2(xm, y + rowH)}, toU32(theme.bad), 2.5f,
                           {3, 2});
        }
    else
        dashedPolyline(draw, {ImVec2(xm, top - 0.2f * e), ImVec2(xm, bottom)}, toU32(theme.bad),
                       2.5f, {3, 2});
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
