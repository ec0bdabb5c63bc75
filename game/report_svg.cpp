// The report's charts as inline SVG: support bars, support over time, paired
// bars, inline bars. Colours, markers, the y-axis and the rows of event names
// follow the on-screen charts (core/chart_layout.hpp).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/chart_layout.hpp"
#include "report_internal.hpp"

namespace samenspel::report_detail {

namespace {

// An SVG marker shape centred at (x, y), matching the on-screen charts.
std::string svgMarker(int series, double x, double y, double r) {
    const std::string fill = rgbHex(chart::seriesRgb(series));
    const std::string style = "fill=\"" + fill + "\" stroke=\"#222\" stroke-width=\"1\"";
    std::ostringstream o;
    switch (chart::seriesMarker(series)) {
    case chart::Marker::Circle:
        o << "<circle cx=\"" << num(x) << "\" cy=\"" << num(y) << "\" r=\"" << num(r) << "\" "
          << style << "/>";
        break;
    case chart::Marker::Square:
        o << "<rect x=\"" << num(x - r) << "\" y=\"" << num(y - r) << "\" width=\"" << num(2 * r)
          << "\" height=\"" << num(2 * r) << "\" " << style << "/>";
        break;
    case chart::Marker::Triangle:
        o << "<polygon points=\"" << num(x) << "," << num(y - r) << " " << num(x + r) << ","
          << num(y + r) << " " << num(x - r) << "," << num(y + r) << "\" " << style << "/>";
        break;
    case chart::Marker::TriangleDown:
        o << "<polygon points=\"" << num(x) << "," << num(y + r) << " " << num(x + r) << ","
          << num(y - r) << " " << num(x - r) << "," << num(y - r) << "\" " << style << "/>";
        break;
    case chart::Marker::Diamond:
        o << "<polygon points=\"" << num(x) << "," << num(y - r) << " " << num(x + r) << ","
          << num(y) << " " << num(x) << "," << num(y + r) << " " << num(x - r) << "," << num(y)
          << "\" " << style << "/>";
        break;
    case chart::Marker::Cross:
        o << "<path d=\"M" << num(x - r) << " " << num(y - r) << "L" << num(x + r) << " "
          << num(y + r) << "M" << num(x - r) << " " << num(y + r) << "L" << num(x + r) << " "
          << num(y - r) << "\" stroke=\"" << fill << "\" stroke-width=\"3\"/>";
        break;
    case chart::Marker::Plus:
        o << "<path d=\"M" << num(x - r) << " " << num(y) << "L" << num(x + r) << " " << num(y)
          << "M" << num(x) << " " << num(y - r) << "L" << num(x) << " " << num(y + r)
          << "\" stroke=\"" << fill << "\" stroke-width=\"3\"/>";
        break;
    case chart::Marker::Star: {
        o << "<polygon points=\"";
        for (int i = 0; i < 10; ++i) {
            const double a = -M_PI / 2 + i * M_PI / 5;
            const double rr = (i % 2 == 0) ? r * 1.2 : r * 0.5;
            o << num(x + rr * std::cos(a)) << "," << num(y + rr * std::sin(a)) << " ";
        }
        o << "\" " << style << "/>";
        break;
    }
    }
    return o.str();
}

const char* dashFor(int series) {
    static const char* dashes[] = {"", "10 5", "3 4", "12 4 3 4", "6 3", "1 3", "14 6", "4 2 4 6"};
    return dashes[((series % 8) + 8) % 8];
}

} // namespace

// Horizontal bars in [-100, 100], one per role, with the min_support line.
std::string svgSupportBars(const Ctx& c, const std::vector<double>& support,
                           const Package& package) {
    const int rows = static_cast<int>(support.size());
    const double labelW = 250, barW = 420, right = 190, rowH = 36, top = 30, bottom = 34;
    const double width = labelW + barW + right, height = top + rows * rowH + bottom;
    const auto xOf = [&](double s) {
        return labelW + (std::clamp(s, -100.0, 100.0) + 100.0) / 200.0 * barW;
    };
    std::ostringstream o;
    o << "<svg class=\"chart\" viewBox=\"0 0 " << num(width) << " " << num(height) << "\" width=\""
      << num(width) << "\" role=\"img\" aria-label=\"" << c.h("report.support_bars_aria") << "\">";
    // Grid and axis labels.
    for (int tick = -100; tick <= 100; tick += 50) {
        const double x = xOf(tick);
        o << "<line x1=\"" << num(x) << "\" y1=\"" << num(top - 6) << "\" x2=\"" << num(x)
          << "\" y2=\"" << num(top + rows * rowH) << "\" stroke=\"" << (tick == 0 ? "#333" : "#ccc")
          << "\" stroke-width=\"" << (tick == 0 ? 2 : 1) << "\"/>";
        o << "<text x=\"" << num(x) << "\" y=\"" << num(top + rows * rowH + 20)
          << "\" text-anchor=\"middle\" class=\"axis\">" << tick << "</text>";
    }
    for (int r = 0; r < rows; ++r) {
        const double y = top + r * rowH;
        const double s = support[r];
        const double x0 = xOf(0), x1 = xOf(s);
        o << "<text x=\"" << num(labelW - 10) << "\" y=\"" << num(y + rowH / 2 + 5)
          << "\" text-anchor=\"end\" class=\"label\">" << htmlEscape(shorten(c.roleName(r), 28))
          << "</text>";
        o << "<rect x=\"" << num(std::min(x0, x1)) << "\" y=\"" << num(y + 7) << "\" width=\""
          << num(std::max(std::abs(x1 - x0), 1.5)) << "\" height=\"" << num(rowH - 14)
          << "\" fill=\"" << rgbHex(chart::seriesRgb(r))
          << "\" stroke=\"#222\" stroke-width=\"0.5\"/>";
        std::string label = c.supportText(s);
        if (!package.empty() && !canAccept(c.sc, c.st.world, r, package))
            label += " ✗ " + c.t("report.cannot_accept");
        // Beside the bar's end: right of positive bars, left of negative ones
        // (unless that would run into the role name).
        const double w = textWidth(label, 13);
        if (s < 0 && x1 - 6 - w > labelW)
            o << "<text x=\"" << num(x1 - 6) << "\" y=\"" << num(y + rowH / 2 + 5)
              << "\" text-anchor=\"end\" class=\"value\">" << htmlEscape(label) << "</text>";
        else
            o << "<text x=\"" << num(std::max(x0, x1) + 6) << "\" y=\"" << num(y + rowH / 2 + 5)
              << "\" class=\"value\">" << htmlEscape(label) << "</text>";
    }
    const double xm = xOf(c.sc.minSupport);
    o << "<line x1=\"" << num(xm) << "\" y1=\"" << num(top - 12) << "\" x2=\"" << num(xm)
      << "\" y2=\"" << num(top + rows * rowH) << "\" stroke=\"#B00020\" stroke-width=\"2.5\" "
      << "stroke-dasharray=\"6 4\"/>";
    o << "<text x=\"" << num(xm + 4) << "\" y=\"" << num(top - 14) << "\" class=\"minline\">"
      << c.h("report.min_support", {c.supportText(c.sc.minSupport)}) << "</text>";
    o << "</svg>";
    return o.str();
}

// Support of each role over time as step lines (support only changes when
// something happens), with event marks and one legend below. The y-range and
// the placement of event names come from the on-screen chart's rules
// (chart::fitAxis, chart::stackLabels), so the report and the projector agree.
std::string svgSupportOverTime(const Ctx& c, const std::vector<ChartSeries>& series,
                               double startMinute, double endMinute,
                               const std::vector<std::pair<double, std::string>>& marks) {
    const double markFont = 13, rowH = 17;
    const std::string minLabel = c.t("report.min_support", {c.supportText(c.sc.minSupport)});
    const double width = 836, left = 56, right = textWidth(minLabel, 12) + 16;
    const double plotW = width - left - right, plotH = 300, bottom = 44;
    const double xMin = std::max(0.0, startMinute);
    const double xMax = std::max(endMinute, xMin + 1.0);
    const auto xOf = [&](double m) {
        return left + std::clamp((m - xMin) / (xMax - xMin), 0.0, 1.0) * plotW;
    };
    std::vector<float> values;
    for (const ChartSeries& s : series)
        for (const auto& [m, v] : s.points)
            values.push_back(static_cast<float>(v));
    const chart::AxisRange axis =
        chart::fitAxis(values, {0.0f, static_cast<float>(c.sc.minSupport)}, -100.0f, 100.0f);

    // Event names in rows above the plot; numbers and a key when three rows
    // cannot hold them apart.
    struct Mark {
        double x;
        std::string text, key;
    };
    std::vector<Mark> shown;
    for (const auto& [minute, label] : marks)
        if (minute >= xMin && minute <= xMax)
            shown.push_back({xOf(minute), shorten(label, 40), ""});
    std::vector<chart::LabelSpan> spans;
    const auto place = [&] {
        spans.clear();
        for (const Mark& m : shown) {
            const double w = textWidth(m.text, markFont);
            double l = m.x + 4;
            if (l + w > width)
                l = std::max(left, m.x - 4 - w);
            spans.push_back({static_cast<float>(l), static_cast<float>(w)});
        }
        return chart::stackLabels(spans, 10.0f, 3);
    };
    std::vector<int> rows = place();
    if (std::find(rows.begin(), rows.end(), -1) != rows.end()) {
        for (std::size_t i = 0; i < shown.size(); ++i) {
            shown[i].key = std::to_string(i + 1) + ": " + shown[i].text;
            shown[i].text = std::to_string(i + 1);
        }
        rows = place();
    }
    int bandRows = 0;
    for (int r : rows)
        bandRows = std::max(bandRows, r + 1);
    const double top = 14 + bandRows * rowH;
    const double height = top + plotH + bottom;
    const auto yOf = [&](double s) {
        return top + (axis.max - std::clamp(s, double(axis.min), double(axis.max))) /
                         (axis.max - axis.min) * plotH;
    };

    std::ostringstream o;
    o << "<svg class=\"chart\" viewBox=\"0 0 " << num(width) << " " << num(height) << "\" width=\""
      << num(width) << "\" role=\"img\" aria-label=\"" << c.h("report.support_time_aria") << "\">";
    for (double tick = axis.min; tick <= axis.max + 1e-6; tick += axis.step) {
        const double y = yOf(tick);
        const bool zero = std::abs(tick) < 1e-6;
        o << "<line x1=\"" << num(left) << "\" y1=\"" << num(y) << "\" x2=\"" << num(left + plotW)
          << "\" y2=\"" << num(y) << "\" stroke=\"" << (zero ? "#333" : "#ddd") << "\""
          << (zero ? " stroke-width=\"2\"" : "") << "/>";
        o << "<text x=\"" << num(left - 8) << "\" y=\"" << num(y + 4)
          << "\" text-anchor=\"end\" class=\"axis\">" << std::lround(tick) << "</text>";
    }
    const double span = xMax - xMin;
    const int xStep = span <= 10 ? 1 : span <= 30 ? 5 : span <= 90 ? 10 : 30;
    for (int m = static_cast<int>(std::ceil(xMin / xStep)) * xStep; m <= static_cast<int>(xMax);
         m += xStep)
        o << "<text x=\"" << num(xOf(m)) << "\" y=\"" << num(top + plotH + 18)
          << "\" text-anchor=\"middle\" class=\"axis\">" << m << "</text>";
    o << "<text x=\"" << num(left + plotW / 2) << "\" y=\"" << num(top + plotH + 38)
      << "\" text-anchor=\"middle\" class=\"axis\">" << c.h("report.axis_minutes") << "</text>";
    o << "<text x=\"14\" y=\"" << num(top + plotH / 2) << "\" transform=\"rotate(-90 14 "
      << num(top + plotH / 2) << ")\" text-anchor=\"middle\" class=\"axis\">"
      << c.h("report.axis_support") << "</text>";
    // The minimum line, named in the right margin where no line or event name goes.
    const double ym = yOf(c.sc.minSupport);
    o << "<line x1=\"" << num(left) << "\" y1=\"" << num(ym) << "\" x2=\"" << num(left + plotW)
      << "\" y2=\"" << num(ym)
      << "\" stroke=\"#B00020\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
    o << "<text x=\"" << num(left + plotW + 6) << "\" y=\"" << num(ym + 4)
      << "\" class=\"minline\">" << htmlEscape(minLabel) << "</text>";
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const double rowTop = 4 + std::max(rows[i], 0) * rowH;
        o << "<line x1=\"" << num(shown[i].x) << "\" y1=\"" << num(rowTop + rowH - 2) << "\" x2=\""
          << num(shown[i].x) << "\" y2=\"" << num(top + plotH)
          << "\" stroke=\"#888\" stroke-dasharray=\"2 3\"/>";
    }
    // Names after every line: a name's white halo (.mark) hides another
    // mark's line where it passes behind it.
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const double rowTop = 4 + std::max(rows[i], 0) * rowH;
        if (rows[i] >= 0)
            o << "<text x=\"" << num(spans[i].left) << "\" y=\"" << num(rowTop + 12)
              << "\" class=\"mark\">" << htmlEscape(shown[i].text) << "</text>";
    }
    for (int s = 0; s < static_cast<int>(series.size()); ++s) {
        const auto& pts = series[s].points;
        if (pts.empty())
            continue;
        std::ostringstream d;
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const double x = xOf(pts[i].first), y = yOf(pts[i].second);
            if (i == 0)
                d << 'M' << num(x) << ' ' << num(y);
            else
                d << 'H' << num(x) << 'V' << num(y);
        }
        d << 'H' << num(xOf(xMax));
        o << "<path d=\"" << d.str() << "\" fill=\"none\" stroke=\"" << rgbHex(chart::seriesRgb(s))
          << "\" stroke-width=\"3.5\" stroke-dasharray=\"" << dashFor(s) << "\"/>";
        for (const auto& [m, v] : pts)
            o << svgMarker(s, xOf(m), yOf(v), 5);
    }
    o << "</svg>";
    // The one legend, in HTML: full names with the line style and marker;
    // then the key of numbered event marks.
    o << "<ul class=\"legend\">";
    for (int s = 0; s < static_cast<int>(series.size()); ++s) {
        o << "<li><svg width=\"46\" height=\"14\" aria-hidden=\"true\"><line x1=\"2\" y1=\"7\" "
             "x2=\"44\" "
          << "y2=\"7\" stroke=\"" << rgbHex(chart::seriesRgb(s)) << "\" stroke-width=\"3.5\" "
          << "stroke-dasharray=\"" << dashFor(s) << "\"/>" << svgMarker(s, 23, 7, 5) << "</svg>"
          << htmlEscape(series[s].name) << "</li>";
    }
    o << "</ul>";
    if (!shown.empty() && !shown.front().key.empty()) {
        o << "<ul class=\"legend\">";
        for (const Mark& m : shown)
            o << "<li>" << htmlEscape(m.key) << "</li>";
        o << "</ul>";
    }
    return o.str();
}

// Two bars per row (before, after) in [0, 100] %.
std::string svgPairedBars(const Ctx& c, const std::vector<std::string>& labels,
                          const std::vector<std::optional<double>>& before,
                          const std::vector<std::optional<double>>& after) {
    const int rows = static_cast<int>(labels.size());
    const double labelW = 250, barW = 360, right = 120, rowH = 44, top = 10, bottom = 26;
    const double width = labelW + barW + right, height = top + rows * rowH + bottom;
    std::ostringstream o;
    o << "<svg class=\"chart\" viewBox=\"0 0 " << num(width) << " " << num(height) << "\" width=\""
      << num(width) << "\" role=\"img\" aria-label=\"" << c.h("report.begrip_aria") << "\">";
    for (int p = 0; p <= 100; p += 25) {
        const double x = labelW + p / 100.0 * barW;
        o << "<line x1=\"" << num(x) << "\" y1=\"" << num(top) << "\" x2=\"" << num(x) << "\" y2=\""
          << num(top + rows * rowH) << "\" stroke=\"#ddd\"/>";
        o << "<text x=\"" << num(x) << "\" y=\"" << num(top + rows * rowH + 18)
          << "\" text-anchor=\"middle\" class=\"axis\">" << p << "%</text>";
    }
    const auto bar = [&](double y, const std::optional<double>& v, const char* fill,
                         const std::string& tag) {
        if (!v) {
            o << "<text x=\"" << num(labelW + 4) << "\" y=\"" << num(y + 13)
              << "\" class=\"value\">" << htmlEscape(tag + ": " + c.t("report.no_prediction"))
              << "</text>";
            return;
        }
        const double w = std::clamp(*v, 0.0, 1.0) * barW;
        o << "<rect x=\"" << num(labelW) << "\" y=\"" << num(y + 2) << "\" width=\""
          << num(std::max(w, 1.5)) << "\" height=\"15\" fill=\"" << fill << "\"/>";
        o << "<text x=\"" << num(labelW + w + 5) << "\" y=\"" << num(y + 14)
          << "\" class=\"value\">" << htmlEscape(tag + " " + c.percent(*v)) << "</text>";
    };
    for (int r = 0; r < rows; ++r) {
        const double y = top + r * rowH;
        o << "<text x=\"" << num(labelW - 10) << "\" y=\"" << num(y + 25)
          << "\" text-anchor=\"end\" class=\"label\">" << htmlEscape(shorten(labels[r], 28))
          << "</text>";
        bar(y + 2, before[r], "#9DB7CF", c.t("report.before"));
        bar(y + 21, after[r], "#0072B2", c.t("report.after"));
    }
    o << "</svg>";
    return o.str();
}

// A small inline bar for tables (counts, shares).
std::string svgInlineBar(double share, std::uint32_t rgb) {
    const double w = std::clamp(share, 0.0, 1.0) * 160;
    return "<svg width=\"164\" height=\"14\" aria-hidden=\"true\"><rect x=\"0\" y=\"1\" width=\"" +
           num(std::max(w, 1.0)) + "\" height=\"12\" fill=\"" + rgbHex(rgb) + "\"/></svg>";
}

} // namespace samenspel::report_detail
