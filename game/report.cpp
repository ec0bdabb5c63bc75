// The HTML session report. Index:
//   [SECTION] Text helpers      escaping, numbers, names
//   [SECTION] SVG charts        support bars, support over time, paired bars
//   [SECTION] Reflection        points for reflection from the measurements
//   [SECTION] Report sections   one function per section of the document
//   [SECTION] Entry points      render, write
#include "report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/chart_layout.hpp"
#include "core/scoring.hpp"

namespace samenspel {

// [SECTION] Text helpers ------------------------------------------------------

std::string htmlEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string formatText(const std::string& pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string::npos && close > i + 1 && close - i <= 3) {
                const std::string digits = pattern.substr(i + 1, close - i - 1);
                if (std::all_of(digits.begin(), digits.end(), ::isdigit)) {
                    const std::size_t index = std::stoul(digits);
                    if (index < args.size())
                        out += args[index];
                    i = close;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string formatDecimal(double value, int decimals, const std::string& lang) {
    if (!std::isfinite(value))
        return "–";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s == "-0" || s == "-0.0" || s == "-0.00")
        s.erase(0, 1);
    if (lang == "nl")
        std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

int proposalInFocus(const GameState& state) {
    if (state.decision.taken && state.decision.proposal >= 0 &&
        state.decision.proposal < static_cast<int>(state.proposals.size()))
        return state.decision.proposal;
    return state.proposals.empty() ? -1 : static_cast<int>(state.proposals.size()) - 1;
}

std::string reportPathForLog(const std::string& logPath) {
    const std::size_t slash = logPath.find_last_of('/');
    const std::size_t dot = logPath.find_last_of('.');
    const bool hasExtension =
        dot != std::string::npos && (slash == std::string::npos || dot > slash);
    return (hasExtension ? logPath.substr(0, dot) : logPath) + ".report.html";
}

std::string readableExpression(const Scenario& sc, const std::string& lang,
                               const std::string& expression, const TranslateFn& tr) {
    const auto word = [&](const std::string& key, const char* fallback) {
        const std::string text = tr ? tr(key) : std::string();
        return text.empty() || text == key ? std::string(fallback) : text;
    };
    const auto nameOf = [&](const std::string& id) -> std::string {
        if (id == "and" || id == "or" || id == "not")
            return word("table.cond_" + id, id.c_str());
        for (const Issue& issue : sc.issues) {
            if (issue.id == id)
                return issue.name.empty() ? id : issue.name.get(lang);
            for (const Option& option : issue.options)
                if (option.id == id)
                    return option.name.empty() ? id : option.name.get(lang);
        }
        for (const Attribute& attribute : sc.attributes)
            if (attribute.id == id)
                return attribute.name.empty() ? id : attribute.name.get(lang);
        return id;
    };
    std::string out;
    for (std::size_t i = 0; i < expression.size();) {
        const char ch = expression[i];
        if (std::isalpha(static_cast<unsigned char>(ch)) || ch == '_') {
            std::size_t j = i;
            while (
                j < expression.size() &&
                (std::isalnum(static_cast<unsigned char>(expression[j])) || expression[j] == '_'))
                ++j;
            out += nameOf(expression.substr(i, j - i));
            i = j;
            continue;
        }
        const std::string two = expression.substr(i, 2);
        if (two == "==" || two == "!=" || two == "<=" || two == ">=") {
            // "Is not" in words: a "≠" is easy to misread from the back of a room.
            out += two == "=="   ? "="
                   : two == "!=" ? word("table.cond_is_not", "!=")
                   : two == "<=" ? "≤"
                                 : "≥";
            i += 2;
            continue;
        }
        out += ch;
        ++i;
    }
    return out;
}

namespace {

// Everything a section needs, with the lookups every section repeats.
struct Ctx {
    const Game& game;
    const Scenario& sc;
    const GameState& st;
    const Measurements m;
    const TranslateFn& tr;
    const std::string& lang;

    std::string t(const std::string& key) const {
        std::string s = tr ? tr(key) : key;
        return s.empty() ? key : s;
    }
    std::string t(const std::string& key, const std::vector<std::string>& args) const {
        return formatText(t(key), args);
    }
    // Translated and escaped: the form every catalog text takes in the page.
    std::string h(const std::string& key) const { return htmlEscape(t(key)); }
    std::string h(const std::string& key, const std::vector<std::string>& args) const {
        return htmlEscape(t(key, args));
    }
    std::string text(const LocalizedText& lt) const { return lt.get(lang); }
    std::string roleName(int role) const {
        if (role < 0 || role >= static_cast<int>(sc.roles.size()))
            return "?";
        const std::string& n = text(sc.roles[role].name);
        return n.empty() ? sc.roles[role].id : n;
    }
    std::string valueName(int value) const {
        if (value < 0 || value >= static_cast<int>(sc.values.size()))
            return "?";
        const std::string& n = text(sc.values[value].name);
        return n.empty() ? sc.values[value].id : n;
    }
    std::string seatName(int seat) const {
        if (seat == kFacilitator)
            return t("report.facilitator");
        if (seat < 0 || seat >= game.seatCount())
            return "?";
        const Seat& s = game.setup().seats[seat];
        if (!s.name.empty())
            return s.name;
        const Role& role = game.scenario().roles[static_cast<std::size_t>(s.role)];
        return role.name.get(lang) + game.setup().roleSeatSuffix(seat);
    }
    std::string seatWithRole(int seat) const {
        // An unnamed seat is already called after its role: say it once.
        if (seat < 0 || seat >= game.seatCount() || game.setup().seats[seat].name.empty())
            return seatName(seat);
        return seatName(seat) + " (" + roleName(game.roleOfSeat(seat)) + ")";
    }
    std::string preconditionName(int role, int pre) const {
        if (role < 0 || role >= static_cast<int>(sc.roles.size()) || pre < 0 ||
            pre >= static_cast<int>(sc.roles[role].preconditions.size()))
            return "?";
        const Precondition& p = sc.roles[role].preconditions[pre];
        const std::string& n = text(p.name);
        return n.empty() ? p.id : n;
    }
    std::string reasonText(int seat, const Reason& r) const {
        switch (r.kind) {
        case Reason::Kind::Value:
            return valueName(r.index);
        case Reason::Kind::Precondition:
            return seat >= 0 && seat < game.seatCount()
                       ? preconditionName(game.roleOfSeat(seat), r.index)
                       : "?";
        case Reason::Kind::None:
            break;
        }
        return "";
    }
    std::string optionName(int issue, int option) const {
        if (issue < 0 || issue >= static_cast<int>(sc.issues.size()))
            return "?";
        const auto& options = sc.issues[issue].options;
        if (option < 0 || option >= static_cast<int>(options.size()))
            return "?";
        const std::string& n = text(options[option].name);
        return n.empty() ? options[option].id : n;
    }
    std::string phaseName(int phase) const {
        if (phase < 0 || phase >= static_cast<int>(sc.phases.size()))
            return t("report.after_session");
        return t(std::string("table.phase.") + phaseId(sc.phases[phase].kind));
    }
    std::string minutes(std::int64_t ms) const {
        return formatDecimal(static_cast<double>(ms) / 60000.0, 1, lang);
    }
    std::string supportText(double s) const { return formatDecimal(roundSupport(s), 1, lang); }
    std::string percent(double share) const { return formatDecimal(100.0 * share, 0, lang) + "%"; }
    std::string eventTitle(int event) const {
        if (event < 0 || event >= static_cast<int>(sc.events.size()))
            return "?";
        const Event& e = sc.events[event];
        return e.title.empty() ? e.id : text(e.title);
    }
};

std::string rgbHex(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// Cuts a label for a chart margin to `maxChars` characters (UTF-8 aware).
std::string shorten(const std::string& s, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
            continue;
        if (chars == maxChars)
            return s.substr(0, i) + "…";
        ++chars;
    }
    return s;
}

// Rough width of SVG text, for keeping labels apart (DejaVu Sans is wide).
double textWidth(const std::string& s, double fontPx) {
    std::size_t chars = 0;
    for (char ch : s)
        chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    return static_cast<double>(chars) * fontPx * 0.62;
}

// [SECTION] SVG charts --------------------------------------------------------

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

struct ChartSeries {
    std::string name;
    std::vector<std::pair<double, double>> points; // (minute, support)
};

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

// [SECTION] Reflection ---------------------------------------------------------

std::string weightDots(int w) {
    std::string s;
    for (int i = 0; i < 3; ++i)
        s += i < w ? "●" : "○";
    return s;
}

bool roleWasHeard(const Measurements& m, int role) {
    if (role < static_cast<int>(m.roleHeard.size()))
        return m.roleHeard[role];
    return role < static_cast<int>(m.actionsPerRole.size()) && m.actionsPerRole[role] > 0;
}

} // namespace

std::vector<double> supportInFocus(const Game& game) {
    const GameState& st = game.state();
    const Scenario& sc = game.scenario();
    if (st.decision.taken && st.decision.support.size() == sc.roles.size())
        return st.decision.support;
    std::vector<double> support;
    const int focus = proposalInFocus(st);
    if (focus < 0)
        return support;
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
        support.push_back(supportOf(sc, st.world, r, st.proposals[focus].package));
    return support;
}

std::vector<ReflectionPoint> reflectionPoints(const Game& game, const std::string& lang) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    const Measurements m = game.measure();
    const auto name = [&](const LocalizedText& t, const std::string& id) {
        const std::string& s = t.get(lang);
        return s.empty() ? id : s;
    };
    const auto roleName = [&](int r) { return name(sc.roles[r].name, sc.roles[r].id); };
    const auto seatName = [&](int s) {
        const std::string& n = game.setup().seats[s].name;
        return n.empty() ? roleName(game.setup().seats[s].role) + game.setup().roleSeatSuffix(s)
                         : n;
    };
    std::vector<ReflectionPoint> points;

    // The decision itself first: whether the group reached a gedragen besluit.
    const int focus = proposalInFocus(st);
    if (!st.decision.taken)
        points.push_back({"report.reflect.no_decision", {}});
    else if (!st.decision.gedragen)
        points.push_back({"report.reflect.not_gedragen", {}});
    else
        points.push_back({"report.reflect.gedragen", {}});

    // The role least served by the decision (or the proposal in focus).
    if (focus >= 0 && !sc.roles.empty()) {
        const std::vector<double> support = supportInFocus(game);
        int lowest = 0;
        double lowestSupport = 1e9;
        for (int r = 0; r < static_cast<int>(support.size()); ++r) {
            const double s = support[r];
            if (s < lowestSupport) {
                lowestSupport = s;
                lowest = r;
            }
        }
        points.push_back({"report.reflect.lowest_support",
                          {roleName(lowest), formatDecimal(roundSupport(lowestSupport), 1, lang)}});
    }

    // Roles never heard in the dialogue phases.
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
        if (!roleWasHeard(m, r))
            points.push_back({"report.reflect.not_heard", {roleName(r)}});

    // The usual suspects: a few seats did most of the talking.
    int total = 0, busiest = -1;
    for (int s = 0; s < static_cast<int>(m.actionsPerSeat.size()); ++s) {
        total += m.actionsPerSeat[s];
        if (busiest < 0 || m.actionsPerSeat[s] > m.actionsPerSeat[busiest])
            busiest = s;
    }
    if (total > 0 && m.actionsPerSeat.size() > 2 && m.inclusie < 0.7 && busiest >= 0)
        points.push_back(
            {"report.reflect.usual_suspects",
             {seatName(busiest), formatDecimal(100.0 * m.actionsPerSeat[busiest] / total, 0, lang),
              formatDecimal(m.inclusie, 2, lang)}});

    // Largest begrip gain, and anyone whose understanding went down.
    int bestSeat = -1;
    double bestGain = 0.0;
    for (int s = 0; s < static_cast<int>(m.begrip.size()); ++s) {
        const SeatBegrip& b = m.begrip[s];
        if (!b.before || !b.after)
            continue;
        const double gain = *b.after - *b.before;
        if (bestSeat < 0 || gain > bestGain) {
            bestSeat = s;
            bestGain = gain;
        }
        if (gain < -1e-9)
            points.push_back({"report.reflect.begrip_down", {seatName(s)}});
    }
    if (bestSeat >= 0 && bestGain > 1e-9)
        points.push_back(
            {"report.reflect.begrip_gain",
             {seatName(bestSeat), formatDecimal(100.0 * *m.begrip[bestSeat].before, 0, lang),
              formatDecimal(100.0 * *m.begrip[bestSeat].after, 0, lang)}});
    else if (bestSeat < 0)
        points.push_back({"report.reflect.begrip_unmeasured", {}});

    // Most important values that stayed hidden.
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
        const std::vector<int>& w = st.world.weights[r];
        std::vector<int> top = topValues(w);
        for (int v : top) {
            if (w[v] < 3)
                continue;
            bool shared = false;
            for (const SharedValue& sv : st.sharedValues)
                shared = shared || (sv.role == r && sv.value == v);
            for (const Question& q : st.questions)
                shared = shared || (q.targetRole == r && q.status == Question::Status::Answered &&
                                    q.answerValue == v);
            if (!shared)
                points.push_back({"report.reflect.value_unshared",
                                  {roleName(r), name(sc.values[v].name, sc.values[v].id)}});
        }
    }

    // Questions declined, conditions unmet, events that changed the situation.
    int declined = 0;
    for (const Question& q : st.questions)
        declined += q.status == Question::Status::Declined ? 1 : 0;
    if (declined > 0)
        points.push_back({"report.reflect.declined", {std::to_string(declined)}});
    if (focus >= 0) {
        int unmet = 0;
        for (const AttachedCondition& ac : st.proposals[focus].conditions)
            unmet += ac.met ? 0 : 1;
        if (unmet > 0)
            points.push_back({"report.reflect.unmet_conditions", {std::to_string(unmet)}});
    }
    for (const Announcement& a : st.announcements) {
        if (a.event < 0 || a.event >= static_cast<int>(sc.events.size()))
            continue;
        const Event& e = sc.events[a.event];
        points.push_back({"report.reflect.event", {e.title.empty() ? e.id : name(e.title, e.id)}});
    }
    return points;
}

namespace {

// [SECTION] Report sections ------------------------------------------------------

const char* kStyle = R"CSS(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", system-ui, sans-serif; font-size: 15px;
  line-height: 1.5; color: #1a1a1a; background: #fff; max-width: 62rem; margin: 0 auto;
  padding: 2rem 1.5rem 4rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 2rem; margin: 0 0 .2rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #0072B2; break-after: avoid; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; break-after: avoid; }
.sub { color: #444; margin: 0 0 1rem; }
.lead { font-size: 1.1rem; }
table { border-collapse: collapse; margin: .4rem 0 1rem; break-inside: avoid; }
th, td { text-align: left; padding: .25rem .7rem .25rem 0; vertical-align: top; border-bottom: 1px solid #e3e3e3; }
th { font-weight: 600; color: #333; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: .6rem; font-weight: 600; border: 1px solid; }
.ok { color: #00603f; border-color: #00603f; background: #e6f4ee; }
.bad { color: #9b1c1c; border-color: #9b1c1c; background: #fbeaea; }
.neutral { color: #444; border-color: #888; background: #f2f2f2; }
.changed { font-weight: 700; }
.changed::after { content: " ◀"; color: #D55E00; }
.card { border: 1px solid #bbb; border-radius: .5rem; padding: .6rem 1rem; margin: .8rem 0; break-inside: avoid; }
.card h3 { margin-top: .2rem; }
.secret { background: #fff8e1; border-left: 4px solid #E69F00; padding: .4rem .7rem; white-space: pre-wrap; }
.text { white-space: pre-wrap; }
.chart { max-width: 100%; height: auto; display: block; margin: .5rem 0; break-inside: avoid; }
.chart text { font-family: inherit; }
.chart .axis { font-size: 12px; fill: #444; }
.chart .label { font-size: 13px; fill: #1a1a1a; }
.chart .value { font-size: 13px; fill: #1a1a1a; font-weight: 600; }
.chart .mark { font-size: 13px; fill: #333; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
.chart .minline { font-size: 12px; fill: #B00020; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
.legend li { display: flex; align-items: center; gap: .4rem; }
.points li { margin: .3rem 0; }
.muted { color: #666; }
footer { margin-top: 3rem; color: #666; font-size: .85rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .pagebreak { break-before: page; }
  h2 { margin-top: 1.2rem; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

std::string badge(bool good, const std::string& text) {
    return std::string("<span class=\"badge ") + (good ? "ok" : "bad") + "\">" +
           (good ? "✓ " : "✗ ") + htmlEscape(text) + "</span>";
}

void sectionHeader(const Ctx& c, const ReportOptions& o, std::ostringstream& out) {
    const std::string title = c.text(c.sc.title).empty() ? c.sc.id : c.text(c.sc.title);
    out << "<header><h1>" << htmlEscape(title) << "</h1>";
    out << "<p class=\"sub\">" << c.h("report.subtitle") << " · " << htmlEscape(o.date) << " · "
        << c.h("report.stage") << ": " << htmlEscape(c.sc.stage) << " · "
        << c.h("report.session_minutes", {c.minutes(c.st.nowMs)}) << "</p>";
    if (!c.text(c.sc.summary).empty())
        out << "<p class=\"lead\">" << htmlEscape(c.text(c.sc.summary)) << "</p>";
    out << "<h3>" << c.h("report.players") << "</h3><table><tr><th>" << c.h("report.player")
        << "</th><th>" << c.h("report.role") << "</th><th></th></tr>";
    for (int s = 0; s < c.game.seatCount(); ++s) {
        const Seat& seat = c.game.setup().seats[s];
        out << "<tr><td>" << htmlEscape(c.seatName(s)) << "</td><td>"
            << htmlEscape(c.roleName(seat.role)) << "</td><td class=\"muted\">"
            << (seat.bot ? c.h("report.bot") : "") << "</td></tr>";
    }
    out << "</table>";
    if (!o.logPath.empty())
        out << "<p class=\"muted\">" << c.h("report.log_path", {o.logPath}) << "</p>";
    out << "</header>";
}

void packageTable(const Ctx& c, const Package& p, const Package* previous,
                  std::ostringstream& out) {
    out << "<table><tr><th>" << c.h("report.issue") << "</th><th>" << c.h("report.option")
        << "</th></tr>";
    for (int i = 0; i < static_cast<int>(c.sc.issues.size()) && i < static_cast<int>(p.size());
         ++i) {
        const bool changed =
            previous && i < static_cast<int>(previous->size()) && (*previous)[i] != p[i];
        out << "<tr><td>" << htmlEscape(c.text(c.sc.issues[i].name)) << "</td><td"
            << (changed ? " class=\"changed\"" : "") << ">" << htmlEscape(c.optionName(i, p[i]))
            << "</td></tr>";
    }
    const std::vector<double> totals = attributeTotals(c.sc, p);
    for (int a = 0;
         a < static_cast<int>(c.sc.attributes.size()) && a < static_cast<int>(totals.size()); ++a) {
        const Attribute& attr = c.sc.attributes[a];
        out << "<tr><td class=\"muted\">"
            << htmlEscape(attr.name.empty() ? attr.id : c.text(attr.name)) << "</td><td>"
            << htmlEscape(
                   formatDecimal(totals[a], totals[a] == std::floor(totals[a]) ? 0 : 1, c.lang))
            << " " << htmlEscape(attr.unit) << "</td></tr>";
    }
    out << "</table>";
}

void conditionList(const Ctx& c, const Proposal& p, std::ostringstream& out) {
    if (p.conditions.empty())
        return;
    out << "<h3>" << c.h("report.conditions") << "</h3><ul>";
    for (const AttachedCondition& ac : p.conditions) {
        out << "<li>" << badge(ac.met, c.t(ac.met ? "report.met" : "report.unmet")) << " "
            << htmlEscape(readableExpression(c.sc, c.lang, ac.condition.expression, c.tr))
            << " <code>" << htmlEscape(ac.condition.expression) << "</code> — "
            << c.h("report.condition_from", {c.seatWithRole(ac.fromSeat)});
        const std::string protects = c.reasonText(ac.fromSeat, ac.condition.protects);
        if (!protects.empty())
            out << " · " << c.h("report.protects", {protects});
        out << "</li>";
    }
    out << "</ul>";
}

void sectionDecision(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.decision") << "</h2>";
    const int focus = proposalInFocus(c.st);
    const Decision& d = c.st.decision;
    if (d.taken) {
        out << "<p class=\"lead\">"
            << c.h("report.decision_taken", {std::to_string(d.proposal + 1)}) << " "
            << badge(d.gedragen, c.t(d.gedragen ? "report.gedragen" : "report.not_gedragen"))
            << "</p>";
    } else {
        out << "<p class=\"lead\">" << c.h("report.no_decision") << "</p>";
    }
    if (focus < 0) {
        out << "<p>" << c.h("report.no_proposals") << "</p></section>";
        return;
    }
    const Proposal& p = c.st.proposals[focus];
    if (!d.taken)
        out << "<p>"
            << c.h("report.focus_latest", {std::to_string(p.id + 1), std::to_string(p.version)})
            << "</p>";
    packageTable(c, p.package, nullptr, out);
    conditionList(c, p, out);
    const Draagvlak dv = d.taken ? d.draagvlak : draagvlak(c.sc, c.st.world, p.package);
    out << "<table><tr><th>" << c.h("report.draagvlak_min") << "</th><td class=\"num\">"
        << htmlEscape(c.supportText(dv.minimum)) << "</td></tr><tr><th>"
        << c.h("report.draagvlak_mean") << "</th><td class=\"num\">"
        << htmlEscape(c.supportText(dv.mean)) << "</td></tr><tr><th>"
        << c.h("report.min_support_label") << "</th><td class=\"num\">"
        << htmlEscape(c.supportText(c.sc.minSupport)) << "</td></tr><tr><th>"
        << c.h("report.public_value") << "</th><td class=\"num\">"
        << htmlEscape(c.supportText(publicValue(c.sc, p.package))) << "</td></tr><tr><th>"
        << c.h("report.feasible") << "</th><td>"
        << badge(feasible(c.sc, c.st.world, p.package),
                 c.t(feasible(c.sc, c.st.world, p.package) ? "report.yes" : "report.no"))
        << "</td></tr></table>";
    if (!p.votes.empty()) {
        out << "<h3>" << c.h("report.votes") << "</h3><ul>";
        for (const CastVote& v : p.votes) {
            static const char* keys[] = {"report.vote.yes", "report.vote.no",
                                         "report.vote.ja_mits"};
            out << "<li>" << htmlEscape(c.seatWithRole(v.seat)) << ": <strong>"
                << c.h(keys[static_cast<int>(v.kind)]) << "</strong>";
            const std::string why = c.reasonText(v.seat, v.reason);
            if (!why.empty())
                out << " — " << c.h("report.because", {why});
            out << "</li>";
        }
        out << "</ul>";
    }
    out << "</section>";
}

void sectionReflection(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.reflection") << "</h2><ul class=\"points\">";
    for (const ReflectionPoint& p : reflectionPoints(c.game, c.lang))
        out << "<li>" << c.h(p.key, p.args) << "</li>";
    out << "</ul></section>";
}

void sectionSupport(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.support") << "</h2>";
    const int focus = proposalInFocus(c.st);
    if (focus >= 0) {
        const Package& p = c.st.proposals[focus].package;
        const std::vector<double> support = supportInFocus(c.game);
        out << "<p>" << c.h("report.support_explain") << "</p>";
        out << svgSupportBars(c, support, p);
    }
    out << "<h3>" << c.h("report.support_over_time") << "</h3>";
    if (c.st.supportHistory.empty()) {
        out << "<p class=\"muted\">" << c.h("report.no_history") << "</p></section>";
        return;
    }
    std::vector<ChartSeries> series(c.sc.roles.size());
    for (int r = 0; r < static_cast<int>(series.size()); ++r)
        series[r].name = c.roleName(r);
    for (const SupportSample& sample : c.st.supportHistory)
        for (int r = 0;
             r < static_cast<int>(series.size()) && r < static_cast<int>(sample.support.size());
             ++r)
            series[r].points.push_back({sample.timeMs / 60000.0, sample.support[r]});
    std::vector<std::pair<double, std::string>> marks;
    for (const Announcement& a : c.st.announcements)
        marks.push_back({a.timeMs / 60000.0, c.eventTitle(a.event)});
    // From the minute before the first proposal: before it there is nothing to show.
    const double start = std::floor(c.st.supportHistory.front().timeMs / 60000.0) - 1.0;
    out << svgSupportOverTime(c, series, start, c.st.nowMs / 60000.0, marks);
    out << "<p class=\"muted\">" << c.h("report.support_time_explain") << "</p></section>";
}

void sectionBegrip(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.begrip") << "</h2><p>" << c.h("report.begrip_explain")
        << "</p>";
    std::vector<std::string> labels;
    std::vector<std::optional<double>> before, after;
    for (int s = 0; s < c.game.seatCount() && s < static_cast<int>(c.m.begrip.size()); ++s) {
        labels.push_back(c.seatWithRole(s));
        before.push_back(c.m.begrip[s].before);
        after.push_back(c.m.begrip[s].after);
    }
    if (!labels.empty())
        out << svgPairedBars(c, labels, before, after);
    out << "<table><tr><th></th><th>" << c.h("report.before") << "</th><th>" << c.h("report.after")
        << "</th></tr><tr><th>" << c.h("report.begrip_group") << "</th><td class=\"num\">"
        << (c.m.begripBefore ? htmlEscape(c.percent(*c.m.begripBefore)) : "–")
        << "</td><td class=\"num\">"
        << (c.m.begripAfter ? htmlEscape(c.percent(*c.m.begripAfter)) : "–")
        << "</td></tr></table></section>";
}

void sectionInclusie(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.inclusie") << "</h2><p>"
        << c.h("report.inclusie_score", {formatDecimal(c.m.inclusie, 2, c.lang)}) << "</p>";
    int maxSeat = 1, maxRole = 1;
    for (int n : c.m.actionsPerSeat)
        maxSeat = std::max(maxSeat, n);
    for (int n : c.m.actionsPerRole)
        maxRole = std::max(maxRole, n);
    out << "<h3>" << c.h("report.actions_per_player") << "</h3><table>";
    for (int s = 0; s < static_cast<int>(c.m.actionsPerSeat.size()); ++s)
        out << "<tr><td>" << htmlEscape(c.seatWithRole(s)) << "</td><td class=\"num\">"
            << c.m.actionsPerSeat[s] << "</td><td>"
            << svgInlineBar(double(c.m.actionsPerSeat[s]) / maxSeat,
                            chart::seriesRgb(c.game.roleOfSeat(s)))
            << "</td></tr>";
    out << "</table><h3>" << c.h("report.actions_per_role") << "</h3><table>";
    for (int r = 0; r < static_cast<int>(c.m.actionsPerRole.size()); ++r)
        out << "<tr><td>" << htmlEscape(c.roleName(r)) << "</td><td class=\"num\">"
            << c.m.actionsPerRole[r] << "</td><td>"
            << svgInlineBar(double(c.m.actionsPerRole[r]) / maxRole, chart::seriesRgb(r))
            << "</td><td>"
            << (!roleWasHeard(c.m, r)
                    ? "<span class=\"badge bad\">✗ " + c.h("report.not_heard") + "</span>"
                    : "")
            << "</td></tr>";
    out << "</table><h3>" << c.h("report.roles_heard") << "</h3><table>";
    for (int ph = 0; ph < static_cast<int>(c.m.rolesHeardPerPhase.size()); ++ph) {
        const PhaseKind k = c.sc.phases[ph].kind;
        if (k == PhaseKind::Kennismaken || k == PhaseKind::Perspectief || k == PhaseKind::Reflectie)
            continue; // no public dialogue in these phases
        out << "<tr><td>" << htmlEscape(c.phaseName(ph)) << "</td><td class=\"num\">"
            << htmlEscape(c.percent(c.m.rolesHeardPerPhase[ph])) << "</td></tr>";
    }
    out << "</table></section>";
}

void sectionPublicValue(const Ctx& c, std::ostringstream& out) {
    const int focus = proposalInFocus(c.st);
    if (focus < 0)
        return;
    const Package& p = c.st.proposals[focus].package;
    out << "<section><h2>" << c.h("report.public_value") << "</h2><p>"
        << c.h("report.public_value_explain", {c.supportText(publicValue(c.sc, p))}) << "</p>";
    const std::vector<int> effects = valueTotals(c.sc, p);
    out << "<table><tr><th>" << c.h("report.value") << "</th><th>" << c.h("report.pv_weight")
        << "</th><th>" << c.h("report.effect") << "</th></tr>";
    for (int v = 0; v < static_cast<int>(c.sc.values.size()); ++v) {
        const int w = v < static_cast<int>(c.sc.publicValue.size()) ? c.sc.publicValue[v] : 0;
        const int e = v < static_cast<int>(effects.size()) ? effects[v] : 0;
        out << "<tr><td>" << htmlEscape(c.valueName(v)) << "</td><td>" << weightDots(w)
            << "</td><td class=\"num\">" << (e > 0 ? "+" : "") << e << "</td></tr>";
    }
    out << "</table></section>";
}

void sectionShaped(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.shaped") << "</h2>";
    // What each role put on the table.
    out << "<h3>" << c.h("report.shared_on_table") << "</h3><table><tr><th>" << c.h("report.role")
        << "</th><th>" << c.h("report.values_shared") << "</th><th>"
        << c.h("report.preconditions_shared") << "</th></tr>";
    for (int r = 0; r < static_cast<int>(c.sc.roles.size()); ++r) {
        std::set<int> values;
        for (const SharedValue& sv : c.st.sharedValues)
            if (sv.role == r)
                values.insert(sv.value);
        for (const Question& q : c.st.questions)
            if (q.targetRole == r && q.status == Question::Status::Answered)
                values.insert(q.answerValue);
        std::string vs, ps;
        for (int v : values)
            vs += (vs.empty() ? "" : ", ") + c.valueName(v);
        for (const SharedPrecondition& sp : c.st.sharedPreconditions)
            if (sp.role == r)
                ps += (ps.empty() ? "" : ", ") + c.preconditionName(r, sp.precondition);
        out << "<tr><td>" << htmlEscape(c.roleName(r)) << "</td><td>"
            << (vs.empty() ? "–" : htmlEscape(vs)) << "</td><td>"
            << (ps.empty() ? "–" : htmlEscape(ps)) << "</td></tr>";
    }
    out << "</table>";
    // The reasons people gave in reactions and votes, most used first.
    std::map<std::string, std::pair<int, int>> reasons; // label -> (in favour, against)
    for (const Proposal& p : c.st.proposals) {
        for (const Reaction& re : p.reactions) {
            const std::string why = c.reasonText(re.seat, re.reason);
            if (!why.empty())
                (re.kind == ReactionKind::Object ? reasons[why].second : reasons[why].first)++;
        }
        for (const CastVote& v : p.votes) {
            const std::string why = c.reasonText(v.seat, v.reason);
            if (!why.empty())
                (v.kind == VoteKind::No ? reasons[why].second : reasons[why].first)++;
        }
    }
    if (!reasons.empty()) {
        std::vector<std::pair<std::string, std::pair<int, int>>> sorted(reasons.begin(),
                                                                        reasons.end());
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return a.second.first + a.second.second > b.second.first + b.second.second;
        });
        out << "<h3>" << c.h("report.reasons_given") << "</h3><table><tr><th>"
            << c.h("report.reason") << "</th><th>" << c.h("report.in_favour") << "</th><th>"
            << c.h("report.against") << "</th></tr>";
        for (const auto& [label, counts] : sorted)
            out << "<tr><td>" << htmlEscape(label) << "</td><td class=\"num\">" << counts.first
                << "</td><td class=\"num\">" << counts.second << "</td></tr>";
        out << "</table>";
    }
    // Every precondition against the proposal in focus.
    const int focus = proposalInFocus(c.st);
    if (focus >= 0) {
        const Package& p = c.st.proposals[focus].package;
        out << "<h3>" << c.h("report.preconditions_check") << "</h3><table><tr><th>"
            << c.h("report.role") << "</th><th>" << c.h("report.precondition") << "</th><th>"
            << c.h("report.rule") << "</th><th></th></tr>";
        for (int r = 0; r < static_cast<int>(c.sc.roles.size()); ++r)
            for (int k = 0; k < static_cast<int>(c.sc.roles[r].preconditions.size()); ++k) {
                const bool holds = preconditionHolds(c.sc, c.st.world, r, k, p);
                out << "<tr><td>" << htmlEscape(c.roleName(r)) << "</td><td>"
                    << htmlEscape(c.preconditionName(r, k)) << "</td><td><code>"
                    << htmlEscape(c.sc.roles[r].preconditions[k].require.source())
                    << "</code></td><td>"
                    << badge(holds, c.t(holds ? "report.met" : "report.unmet")) << "</td></tr>";
            }
        out << "</table>";
    }
    out << "</section>";
}

// The chain of versions that led to proposal `id`, oldest first.
std::vector<int> versionChain(const GameState& st, int id) {
    std::vector<int> chain;
    for (int p = id;
         p >= 0 && p < static_cast<int>(st.proposals.size()) && chain.size() < st.proposals.size();
         p = st.proposals[p].parent)
        chain.push_back(p);
    std::reverse(chain.begin(), chain.end());
    return chain;
}

void proposalCard(const Ctx& c, const Proposal& p, std::ostringstream& out) {
    static const char* statusKeys[] = {"report.status.open", "report.status.superseded",
                                       "report.status.back", "report.status.accepted",
                                       "report.status.rejected"};
    static const char* reactionKeys[] = {"report.reaction.support", "report.reaction.object",
                                         "report.reaction.support_if"};
    out << "<div class=\"card\"><h3>"
        << c.h("report.proposal_title", {std::to_string(p.id + 1), std::to_string(p.version)})
        << " <span class=\"badge neutral\">" << c.h(statusKeys[static_cast<int>(p.status)])
        << "</span></h3><p class=\"muted\">"
        << c.h("report.proposal_by",
               {c.seatWithRole(p.authorSeat), c.phaseName(p.phase), c.minutes(p.timeMs)})
        << "</p>";
    const Package* previous = p.parent >= 0 && p.parent < static_cast<int>(c.st.proposals.size())
                                  ? &c.st.proposals[p.parent].package
                                  : nullptr;
    packageTable(c, p.package, previous, out);
    if (!p.note.empty())
        out << "<p class=\"text\">“" << htmlEscape(p.note) << "”</p>";
    conditionList(c, p, out);
    if (!p.reactions.empty()) {
        out << "<p><strong>" << c.h("report.reactions") << "</strong></p><ul>";
        for (const Reaction& re : p.reactions) {
            out << "<li>" << htmlEscape(c.seatWithRole(re.seat)) << ": "
                << c.h(reactionKeys[static_cast<int>(re.kind)]);
            const std::string why = c.reasonText(re.seat, re.reason);
            if (!why.empty())
                out << " — " << c.h("report.because", {why});
            for (const MitsCondition& mc : re.conditions)
                out << " — " << htmlEscape(readableExpression(c.sc, c.lang, mc.expression, c.tr));
            out << "</li>";
        }
        out << "</ul>";
    }
    if (!p.supportAtCreation.empty()) {
        std::string line;
        for (int r = 0; r < static_cast<int>(p.supportAtCreation.size()); ++r)
            line += (line.empty() ? "" : " · ") + c.roleName(r) + " " +
                    c.supportText(p.supportAtCreation[r]);
        out << "<p class=\"muted\">" << c.h("report.support_at_creation") << ": "
            << htmlEscape(line) << "</p>";
    }
    out << "</div>";
}

void sectionHistory(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.history") << "</h2>";
    if (c.st.proposals.empty()) {
        out << "<p class=\"muted\">" << c.h("report.no_proposals") << "</p></section>";
        return;
    }
    const int focus = proposalInFocus(c.st);
    const std::vector<int> chain = versionChain(c.st, focus);
    out << "<p>" << c.h("report.history_explain") << "</p>";
    for (int id : chain)
        proposalCard(c, c.st.proposals[id], out);
    std::vector<int> others;
    for (int id = 0; id < static_cast<int>(c.st.proposals.size()); ++id)
        if (std::find(chain.begin(), chain.end(), id) == chain.end())
            others.push_back(id);
    if (!others.empty()) {
        out << "<h3>" << c.h("report.other_proposals") << "</h3>";
        for (int id : others)
            proposalCard(c, c.st.proposals[id], out);
    }
    out << "</section>";
}

void sectionEvents(const Ctx& c, std::ostringstream& out) {
    if (c.st.announcements.empty())
        return;
    out << "<section><h2>" << c.h("report.events") << "</h2>";
    for (const Announcement& a : c.st.announcements) {
        if (a.event < 0 || a.event >= static_cast<int>(c.sc.events.size()))
            continue;
        out << "<div class=\"card\"><h3>" << htmlEscape(c.eventTitle(a.event))
            << "</h3><p class=\"muted\">"
            << c.h("report.event_when", {c.phaseName(a.phase), c.minutes(a.timeMs)})
            << "</p><p class=\"text\">" << htmlEscape(c.text(c.sc.events[a.event].text))
            << "</p></div>";
    }
    out << "</section>";
}

void sectionRoleCards(const Ctx& c, std::ostringstream& out) {
    static const char* kindKeys[] = {"table.kind.resident", "table.kind.official",
                                     "table.kind.council"};
    out << "<section class=\"pagebreak\"><h2>" << c.h("report.role_cards") << "</h2>";
    for (int r = 0; r < static_cast<int>(c.sc.roles.size()); ++r) {
        const Role& role = c.sc.roles[r];
        std::string players;
        for (int s = 0; s < c.game.seatCount(); ++s)
            if (c.game.roleOfSeat(s) == r)
                players += (players.empty() ? "" : ", ") + c.seatName(s);
        out << "<div class=\"card\"><h3>" << htmlEscape(c.roleName(r))
            << " <span class=\"badge neutral\">" << c.h(kindKeys[static_cast<int>(role.kind)])
            << "</span></h3>";
        out << "<p class=\"muted\">" << c.h("report.played_by", {players.empty() ? "–" : players});
        if (role.kind == RoleKind::Council)
            out << " · " << c.h("report.votes_weight", {std::to_string(role.votes)});
        if (role.reservation != 0.0)
            out << " · " << c.h("report.reservation", {c.supportText(role.reservation)});
        out << "</p>";
        if (!c.text(role.briefing).empty())
            out << "<p class=\"text\">" << htmlEscape(c.text(role.briefing)) << "</p>";
        out << "<table><tr><th>" << c.h("report.value") << "</th><th>" << c.h("report.weight")
            << "</th></tr>";
        const std::vector<int>& weights = c.st.world.weights[r];
        for (int v = 0; v < static_cast<int>(weights.size()); ++v) {
            if (weights[v] == 0)
                continue;
            out << "<tr><td>" << htmlEscape(c.valueName(v)) << "</td><td>" << weightDots(weights[v])
                << " " << weights[v] << "</td></tr>";
        }
        out << "</table>";
        if (!role.preconditions.empty()) {
            out << "<p><strong>" << c.h("report.preconditions") << "</strong></p><ul>";
            for (int k = 0; k < static_cast<int>(role.preconditions.size()); ++k)
                out << "<li>" << htmlEscape(c.preconditionName(r, k)) << ": "
                    << htmlEscape(readableExpression(c.sc, c.lang,
                                                     role.preconditions[k].require.source(), c.tr))
                    << " <code>" << htmlEscape(role.preconditions[k].require.source())
                    << "</code></li>";
            out << "</ul>";
        }
        if (!c.text(role.secret).empty())
            out << "<p><strong>" << c.h("report.secret") << "</strong></p><div class=\"secret\">"
                << htmlEscape(c.text(role.secret)) << "</div>";
        out << "</div>";
    }
    out << "</section>";
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

} // namespace

// [SECTION] Entry points ----------------------------------------------------------

std::string renderSessionReport(const Game& game, const TranslateFn& tr,
                                const ReportOptions& options) {
    ReportOptions o = options;
    if (o.date.empty())
        o.date = today();
    const Ctx c{game, game.scenario(), game.state(), game.measure(), tr, o.lang};
    std::ostringstream out;
    const std::string title = c.text(c.sc.title).empty() ? c.sc.id : c.text(c.sc.title);
    out << "<!DOCTYPE html>\n<html lang=\"" << htmlEscape(o.lang)
        << "\"><head><meta charset=\"utf-8\">"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        << "<title>" << htmlEscape(title) << " — " << c.h("report.subtitle") << "</title><style>"
        << kStyle << "</style></head><body>\n";
    sectionHeader(c, o, out);
    sectionDecision(c, out);
    sectionReflection(c, out);
    sectionSupport(c, out);
    sectionBegrip(c, out);
    sectionInclusie(c, out);
    sectionPublicValue(c, out);
    sectionShaped(c, out);
    sectionHistory(c, out);
    sectionEvents(c, out);
    sectionRoleCards(c, out);
    out << "<footer>" << c.h("report.footer", {o.date}) << "</footer></body></html>\n";
    return out.str();
}

bool writeSessionReport(const Game& game, const std::string& lang, const TranslateFn& tr,
                        const std::string& path, std::string& error) {
    ReportOptions o;
    o.lang = lang;
    return writeSessionReport(game, tr, o, path, error);
}

TranslateFn translateWith(const Catalog& catalog) {
    return [&catalog](const std::string& key) { return catalog.tr(key); };
}

bool writeSessionReport(const Game& game, const TranslateFn& tr, const ReportOptions& options,
                        const std::string& path, std::string& error) {
    std::string html;
    try {
        html = renderSessionReport(game, tr, options);
    } catch (const std::exception& e) {
        error = std::string("could not render the report: ") + e.what();
        return false;
    }
    // Write beside the target first, so a full disk never leaves half a report.
    const std::string temp = path + ".tmp";
    {
        std::ofstream f(temp, std::ios::binary | std::ios::trunc);
        if (!f) {
            error = "cannot write " + path;
            return false;
        }
        f << html;
        f.flush();
        if (!f) {
            error = "could not write all of " + path;
            std::remove(temp.c_str());
            return false;
        }
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        error = "cannot write " + path;
        std::remove(temp.c_str());
        return false;
    }
    return true;
}

} // namespace samenspel
