// The report's charts as inline SVG: support bars, support over time, paired
// bars, inline bars. Colours, markers, the y-axis and the rows of event names
// follow the on-screen charts (core/chart_layout.hpp).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/chart_layout.hpp"
#include "core/wording.hpp"
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

// Support over time per proposal: the same layout rules as the screen's chart
// (chart::layoutTimeChart), with widths estimated for the report's font.
std::string svgSupportOverTime(const Ctx& c, const SupportTimeline& t) {
    const double tickFont = 12;
    const auto w = [&](const std::string& text, double px = 13) {
        return static_cast<float>(textWidth(text, px));
    };
    const auto minute = [](std::int64_t ms) { return static_cast<float>(ms) / 60000.0f; };
    const std::string minLabel = c.t("report.min_support", {c.supportText(c.sc.minSupport)});

    // Every text with its wordings, longest first, as on the screen.
    std::vector<std::vector<std::string>> phaseNames, laneNames;
    chart::TimeChartSpec spec;
    spec.width = 836;
    spec.minPlotHeight = 300;
    spec.lineHeight = 18;
    spec.gap = 8;
    spec.endMinute = minute(t.endMs);
    spec.yTickWidth = w("-100", tickFont);
    spec.xTickWidth = w(std::to_string(static_cast<int>(std::round(spec.endMinute))), tickFont);
    spec.yLabelWidth = w(c.t("report.axis_support"), tickFont);
    spec.xLabelWidth = w(c.t("report.axis_minutes"), tickFont);
    spec.referenceWidth = w(minLabel, 12);
    for (const PhaseStretch& p : t.phases) {
        const std::string name = c.phaseName(p.phase);
        phaseNames.push_back({name, shorten(name, 5), shorten(name, 2)});
    }
    int lastNumber = -1;
    std::vector<bool> newProposal, decided;
    for (const SupportStretch& s : t.stretches) {
        const ProposalNumber n = proposalNumber(c.st, s.proposal);
        const std::string number = std::to_string(n.number), version = std::to_string(n.version);
        const bool isDecided = c.st.decision.taken && c.st.decision.proposal == s.proposal;
        const std::string mark = isDecided ? "✓ " : "";
        std::vector<std::string> names;
        // As on the screen: a shorter wording never drops the version.
        if (n.number == lastNumber)
            names = {mark + c.t("debrief.lane_version", {version}),
                     mark + c.t("debrief.lane_version_short", {version})};
        else if (n.version == 1)
            names = {mark + c.proposalTitle(s.proposal), mark + number};
        else
            names = {mark + c.proposalTitle(s.proposal),
                     mark + c.t("debrief.lane_proposal_short", {number, version}),
                     mark + c.t("debrief.lane_short", {number, version})};
        if (isDecided)
            names.push_back("✓");
        newProposal.push_back(n.number != lastNumber);
        decided.push_back(isDecided);
        lastNumber = n.number;
        laneNames.push_back(std::move(names));
    }
    const auto widths = [&](const std::vector<std::string>& names) {
        chart::LabelChoices choices;
        for (const std::string& n : names)
            choices.widths.push_back(w(n));
        return choices;
    };
    for (std::size_t i = 0; i < t.phases.size(); ++i)
        spec.phases.push_back(
            {minute(t.phases[i].fromMs), minute(t.phases[i].toMs), widths(phaseNames[i])});
    for (std::size_t i = 0; i < t.stretches.size(); ++i)
        spec.proposals.push_back(
            {minute(t.stretches[i].fromMs), minute(t.stretches[i].toMs), widths(laneNames[i])});
    std::vector<std::string> markNames;
    for (const Announcement& a : c.st.announcements) {
        markNames.push_back(shorten(c.eventTitle(a.event), 40));
        spec.events.push_back(
            {minute(a.timeMs), w(markNames.back()), w(std::to_string(markNames.size()))});
    }
    const chart::TimeChartLayout L = chart::layoutTimeChart(spec);

    std::vector<float> values;
    for (const SupportStretch& s : t.stretches)
        for (const SupportStretch::Sample& sample : s.samples)
            for (double v : sample.support)
                values.push_back(static_cast<float>(v));
    const chart::AxisRange axis =
        chart::fitAxis(values, {0.0f, static_cast<float>(c.sc.minSupport)}, -100.0f, 100.0f);
    const double plotH = L.plotBottom - L.plotTop;
    const auto yOf = [&](double s) {
        return L.plotTop + (axis.max - std::clamp(s, double(axis.min), double(axis.max))) /
                               (axis.max - axis.min) * plotH;
    };
    const auto baseline = [&](const chart::TextBox& b) { return num(b.top + 13.5); };

    std::ostringstream o;
    o << "<svg class=\"chart\" viewBox=\"0 0 " << num(spec.width) << " " << num(L.height)
      << "\" width=\"" << num(spec.width) << "\" role=\"img\" aria-label=\""
      << c.h("report.support_time_aria") << "\">";
    // Phase bands, a shade apart, named at the top.
    for (std::size_t i = 0; i < L.phases.size(); ++i) {
        const chart::PlacedSpan& band = L.phases[i];
        o << "<rect x=\"" << num(band.left) << "\" y=\"" << num(L.bandTop) << "\" width=\""
          << num(std::max(band.right - band.left, 0.0f)) << "\" height=\""
          << num(L.plotBottom - L.bandTop) << "\" fill=\"" << (i % 2 == 0 ? "#f5f5f5" : "#e4e4e4")
          << "\"/>";
        if (i > 0)
            o << "<line x1=\"" << num(band.left) << "\" y1=\"" << num(L.bandTop) << "\" x2=\""
              << num(band.left) << "\" y2=\"" << num(L.plotBottom) << "\" stroke=\"#bbb\"/>";
        if (band.choice >= 0)
            o << "<text x=\"" << num(band.text.left) << "\" y=\"" << baseline(band.text)
              << "\" class=\"label\">"
              << htmlEscape(phaseNames[i][static_cast<std::size_t>(band.choice)]) << "</text>";
    }
    // The y grid, the minutes, the axis names.
    for (double tick = axis.min; tick <= axis.max + 1e-6; tick += axis.step) {
        const double y = yOf(tick);
        const bool zero = std::abs(tick) < 1e-6;
        o << "<line x1=\"" << num(L.plotLeft) << "\" y1=\"" << num(y) << "\" x2=\""
          << num(L.plotRight) << "\" y2=\"" << num(y) << "\" stroke=\"" << (zero ? "#333" : "#ccc")
          << "\"" << (zero ? " stroke-width=\"2\"" : "") << "/>";
        // The top number would touch the axis name just above it.
        if (L.yLabel.width <= 0 || L.yLabel.top > L.plotTop ||
            y - 9 >= L.yLabel.top + L.yLabel.height)
            o << "<text x=\"" << num(L.plotLeft - 6) << "\" y=\"" << num(y + 4)
              << "\" text-anchor=\"end\" class=\"axis\">" << std::lround(tick) << "</text>";
    }
    for (std::size_t i = 0; i < L.xTicks.size(); ++i)
        o << "<text x=\"" << num(L.xOf(L.xTicks[i])) << "\" y=\"" << baseline(L.xTickText[i])
          << "\" text-anchor=\"middle\" class=\"axis\">" << std::lround(L.xTicks[i]) << "</text>";
    o << "<text x=\"" << num(L.xLabel.left) << "\" y=\"" << baseline(L.xLabel)
      << "\" class=\"axis\">" << c.h("report.axis_minutes") << "</text>";
    o << "<text x=\"" << num(L.yLabel.left) << "\" y=\"" << baseline(L.yLabel)
      << "\" class=\"axis\">" << c.h("report.axis_support") << "</text>";
    // The lane: which proposal was on the table, a heavy divider where another came.
    for (std::size_t i = 0; i < L.proposals.size(); ++i) {
        const chart::PlacedSpan& seg = L.proposals[i];
        o << "<rect x=\"" << num(seg.left) << "\" y=\"" << num(L.laneTop) << "\" width=\""
          << num(std::max(seg.right - seg.left, 0.0f)) << "\" height=\""
          << num(L.laneBottom - L.laneTop) << "\" fill=\"" << (decided[i] ? "#bfe3cc" : "#c9dcee")
          << "\"/>";
        o << "<line x1=\"" << num(seg.left) << "\" y1=\"" << num(L.laneTop) << "\" x2=\""
          << num(seg.left) << "\" y2=\"" << num(L.plotBottom) << "\" stroke=\""
          << (newProposal[i] ? "#222" : "#999") << "\" stroke-width=\""
          << (newProposal[i] ? 2.5 : 1) << "\"/>";
        if (seg.choice >= 0)
            o << "<text x=\"" << num(seg.text.left) << "\" y=\"" << baseline(seg.text)
              << "\" class=\"label\">"
              << htmlEscape(laneNames[i][static_cast<std::size_t>(seg.choice)]) << "</text>";
    }
    // Events: dotted lines from under their names into the plot; the names
    // after every line, so a name's white halo (.mark) hides a line behind it.
    for (const chart::PlacedMark& m : L.events)
        o << "<line x1=\"" << num(m.x) << "\" y1=\"" << num(m.lineTop) << "\" x2=\"" << num(m.x)
          << "\" y2=\"" << num(L.plotBottom) << "\" stroke=\"#888\" stroke-dasharray=\"2 3\"/>";
    for (std::size_t i = 0; i < L.events.size(); ++i)
        if (L.events[i].row >= 0)
            o << "<text x=\"" << num(L.events[i].text.left) << "\" y=\""
              << baseline(L.events[i].text) << "\" class=\"mark\">"
              << htmlEscape(L.events[i].numbered ? std::to_string(i + 1) : markNames[i])
              << "</text>";
    // The minimum line, named right of the plot.
    const double ym = yOf(c.sc.minSupport);
    o << "<line x1=\"" << num(L.plotLeft) << "\" y1=\"" << num(ym) << "\" x2=\"" << num(L.plotRight)
      << "\" y2=\"" << num(ym)
      << "\" stroke=\"#B00020\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
    const chart::TextBox minBox =
        L.referenceText(static_cast<float>(ym), spec.referenceWidth, spec.lineHeight);
    o << "<text x=\"" << num(minBox.left) << "\" y=\"" << baseline(minBox)
      << "\" class=\"minline\">" << htmlEscape(minLabel) << "</text>";
    // Each role's support for the proposal on the table: steps within a
    // stretch, a break where the next proposal comes.
    for (const SupportStretch& s : t.stretches) {
        const std::size_t roles = s.samples.empty() ? 0 : s.samples.front().support.size();
        for (std::size_t r = 0; r < roles; ++r) {
            std::ostringstream d;
            for (std::size_t i = 0; i < s.samples.size(); ++i) {
                const double x = L.xOf(minute(s.samples[i].timeMs));
                const double y = yOf(r < s.samples[i].support.size() ? s.samples[i].support[r] : 0);
                if (i == 0)
                    d << 'M' << num(x) << ' ' << num(y);
                else
                    d << 'H' << num(x) << 'V' << num(y);
            }
            d << 'H' << num(L.xOf(minute(s.toMs)));
            const int series = static_cast<int>(r);
            o << "<path d=\"" << d.str() << "\" fill=\"none\" stroke=\""
              << rgbHex(chart::seriesRgb(series)) << "\" stroke-width=\"3.5\" stroke-dasharray=\""
              << dashFor(series) << "\"/>";
            o << svgMarker(series, L.xOf(minute(s.fromMs)), yOf(s.samples.front().support[r]), 5);
        }
    }
    o << "</svg>";
    // The one legend, in HTML: full names with the line style and marker;
    // then the key of numbered event marks.
    o << "<ul class=\"legend\">";
    for (int s = 0; s < static_cast<int>(c.sc.roles.size()); ++s)
        o << "<li><svg width=\"46\" height=\"14\" aria-hidden=\"true\"><line x1=\"2\" y1=\"7\" "
             "x2=\"44\" y2=\"7\" stroke=\""
          << rgbHex(chart::seriesRgb(s)) << "\" stroke-width=\"3.5\" stroke-dasharray=\""
          << dashFor(s) << "\"/>" << svgMarker(s, 23, 7, 5) << "</svg>" << htmlEscape(c.roleName(s))
          << "</li>";
    o << "</ul>";
    if (L.eventsNumbered) {
        o << "<ul class=\"legend\">";
        for (std::size_t i = 0; i < markNames.size(); ++i)
            o << "<li>" << htmlEscape(std::to_string(i + 1) + ": " + markNames[i]) << "</li>";
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
          << "\" text-anchor=\"middle\" class=\"axis\">" << htmlEscape(c.begripText(p / 100.0))
          << "</text>";
    }
    const auto bar = [&](double y, const std::optional<double>& v, const char* fill,
                         const std::string& tag) {
        if (!v) { // missing is missing, never a bar at 0
            o << "<text x=\"" << num(labelW + 4) << "\" y=\"" << num(y + 13)
              << "\" class=\"value\">" << htmlEscape(tag + " " + c.begripText(v)) << "</text>";
            return;
        }
        // v2 below 0 (worse than guessing) draws no bar; its number says it.
        const double w = std::clamp(*v, 0.0, 1.0) * barW;
        o << "<rect x=\"" << num(labelW) << "\" y=\"" << num(y + 2) << "\" width=\""
          << num(std::max(w, 1.5)) << "\" height=\"15\" fill=\"" << fill << "\"/>";
        o << "<text x=\"" << num(labelW + w + 5) << "\" y=\"" << num(y + 14)
          << "\" class=\"value\">" << htmlEscape(tag + " " + c.begripText(v)) << "</text>";
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
