// The room report: the plenary of a room's tables as one HTML document.
#include "room_report.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/log.hpp"
#include "core/plenary.hpp"
#include "core/session_files.hpp"
#include "i18n.hpp"
#include "report_internal.hpp"

namespace samenspel {

using namespace report_detail;

namespace fs = std::filesystem;

namespace {

// Room-specific words on top of the report's: the plenary and its names.
struct RoomCtx {
    const Ctx& c; // the first table's report context: scenario names, language
    const Plenary& plenary;
    const PlenaryWords& words;
    const std::vector<RoomReportTable>& tables;

    std::string support(const std::optional<double>& v) const {
        return v ? c.supportText(*v) : "–";
    }
    // A table's begrip in its own measure: v2 a score from guessing (0) to
    // every answer right (1), v1 (a log from before) the share right.
    std::string begrip(const PlenaryTable& t, const std::optional<double>& v) const {
        if (!v)
            return "–";
        return t.begripVersion == 1 ? c.percent(*v) : formatNumber(*v, 2, c.lang);
    }
    std::string tableName(std::size_t t) const {
        return plenaryTableName(plenary.tables[t], words);
    }
};

std::string outcomeBadge(const Ctx& c, const PlenaryTable& t) {
    if (!t.decided)
        return "<span class=\"badge neutral\">" + c.h("room.no_decision") + "</span>";
    return t.gedragen ? "<span class=\"badge ok\">✓ " + c.h("room.gedragen") + "</span>"
                      : "<span class=\"badge bad\">✗ " + c.h("room.not_gedragen") + "</span>";
}

// Gedragen aan tafel: no role stated an objection left unanswered.
std::string aanTafelBadge(const Ctx& c, const PlenaryTable& t) {
    if (!t.decided)
        return "<span class=\"badge neutral\">" + c.h("room.no_decision") + "</span>";
    if (!t.gedragenAanTafel)
        return "<span class=\"badge neutral\">?</span>";
    return *t.gedragenAanTafel
               ? "<span class=\"badge ok\">✓ " + c.h("room.gedragen") + "</span>"
               : "<span class=\"badge bad\">✗ " + c.h("room.not_gedragen") + "</span>";
}

void header(const RoomCtx& r, const RoomReportOptions& o, std::ostringstream& out) {
    const Ctx& c = r.c;
    const std::string title = c.text(c.sc.title).empty() ? c.sc.id : c.text(c.sc.title);
    out << "<header><h1>" << htmlEscape(title) << "</h1><p class=\"sub\">" << c.h("room.subtitle")
        << " · " << htmlEscape(o.date) << " · "
        << htmlEscape(fillArgs(
               c.t(r.tables.size() == 1 ? "room.table_count.one" : "room.table_count.other"),
               {formatNumber(static_cast<double>(r.tables.size()), 0, c.lang)}))
        << "</p>";
    if (!r.plenary.sameScenario || !r.plenary.sameVersion)
        out << "<p class=\"muted\">" << c.h("room.other_versions") << "</p>";
    if (r.plenary.begripNote)
        out << "<p class=\"muted\">"
            << htmlEscape(plenaryNoteText(r.plenary, *r.plenary.begripNote, r.words)) << "</p>";
    out << "</header>";
}

void sideBySide(const RoomCtx& r, std::ostringstream& out) {
    const Ctx& c = r.c;
    const auto& tables = r.plenary.tables;
    out << "<section><h2>" << c.h("room.side_by_side")
        << "</h2><table class=\"side\"><tr><th></th>";
    for (std::size_t t = 0; t < tables.size(); ++t)
        out << "<th>" << htmlEscape(r.tableName(t)) << "</th>";
    out << "</tr>";
    const auto row = [&](const std::string& key, auto cell, bool numeric = true) {
        out << "<tr><th>" << c.h(key) << "</th>";
        for (std::size_t t = 0; t < tables.size(); ++t)
            out << (numeric ? "<td class=\"num\">" : "<td>") << cell(tables[t]) << "</td>";
        out << "</tr>";
    };
    row(
        "room.row.outcome", [&](const PlenaryTable& t) { return outcomeBadge(c, t); }, false);
    row(
        "room.row.gedragen_aan_tafel", [&](const PlenaryTable& t) { return aanTafelBadge(c, t); },
        false);
    row("room.row.lowest",
        [&](const PlenaryTable& t) { return htmlEscape(r.support(t.lowestSupport)); });
    row("room.row.mean",
        [&](const PlenaryTable& t) { return htmlEscape(r.support(t.meanSupport)); });
    row("room.row.begrip_before",
        [&](const PlenaryTable& t) { return htmlEscape(r.begrip(t, t.begripBefore)); });
    row("room.row.begrip_after",
        [&](const PlenaryTable& t) { return htmlEscape(r.begrip(t, t.begripAfter)); });
    row("room.row.inclusie",
        [&](const PlenaryTable& t) { return htmlEscape(formatNumber(t.inclusie, 2, c.lang)); });
    row("room.row.public_value",
        [&](const PlenaryTable& t) { return htmlEscape(r.support(t.publicValue)); });
    row("room.row.time", [&](const PlenaryTable& t) {
        return t.decisionMs
                   ? c.h("room.minutes", {formatNumber(sessionMinute(*t.decisionMs), 0, c.lang)})
                   : std::string("–");
    });
    out << "<tr><th>" << c.h("room.row.report") << "</th>";
    for (const RoomReportTable& t : r.tables)
        out << "<td>"
            << (t.reportHref.empty() ? std::string("–")
                                     : "<a href=\"" + htmlEscape(t.reportHref) + "\">" +
                                           c.h("room.open_report") + "</a>")
            << "</td>";
    out << "</tr></table></section>";
}

void differences(const RoomCtx& r, std::ostringstream& out) {
    const Ctx& c = r.c;
    out << "<section><h2>" << c.h("room.to_discuss") << "</h2>";
    if (r.plenary.notes.empty()) {
        out << "<p class=\"muted\">" << c.h("room.nothing_to_discuss") << "</p></section>";
        return;
    }
    out << "<ul class=\"points\">";
    for (const PlenaryNote& note : r.plenary.notes)
        out << "<li>" << htmlEscape(plenaryNoteText(r.plenary, note, r.words)) << "</li>";
    out << "</ul></section>";
}

// Lowest support per table as bars from zero in [-100, 100], the scenario's
// min_support as a line: a carried decision is green, a decision that not
// everyone carries red, a table without a decision says so.
std::string lowestSupportBars(const RoomCtx& r) {
    const Ctx& c = r.c;
    const auto& tables = r.plenary.tables;
    const double labelW = 130, barW = 520, right = 70, rowH = 34, top = 24, bottom = 26;
    const double width = labelW + barW + right;
    const double height = top + static_cast<double>(tables.size()) * rowH + bottom;
    const auto x = [&](double v) {
        return labelW + (std::clamp(v, -100.0, 100.0) + 100.0) / 200.0 * barW;
    };
    std::ostringstream o;
    o << "<svg class=\"chart\" viewBox=\"0 0 " << num(width) << " " << num(height) << "\" width=\""
      << num(width) << "\" role=\"img\" aria-label=\"" << c.h("room.lowest_aria") << "\">";
    for (int v = -100; v <= 100; v += 50) {
        o << "<line x1=\"" << num(x(v)) << "\" y1=\"" << num(top) << "\" x2=\"" << num(x(v))
          << "\" y2=\"" << num(height - bottom) << "\" stroke=\"" << (v == 0 ? "#888" : "#ddd")
          << "\"/><text x=\"" << num(x(v)) << "\" y=\"" << num(height - 8)
          << "\" text-anchor=\"middle\" class=\"axis\">" << htmlEscape(formatNumber(v, 0, c.lang))
          << "</text>";
    }
    const double min = c.sc.minSupport;
    o << "<line x1=\"" << num(x(min)) << "\" y1=\"" << num(top - 6) << "\" x2=\"" << num(x(min))
      << "\" y2=\"" << num(height - bottom) << "\" stroke=\"#B00020\" stroke-dasharray=\"4 3\"/>"
      << "<text x=\"" << num(x(min) + 4) << "\" y=\"" << num(top - 10) << "\" class=\"minline\">"
      << c.h("room.min_support", {c.supportText(min)}) << "</text>";
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const double y = top + static_cast<double>(t) * rowH;
        o << "<text x=\"" << num(labelW - 10) << "\" y=\"" << num(y + 22)
          << "\" text-anchor=\"end\" class=\"label\">" << htmlEscape(r.tableName(t)) << "</text>";
        if (!tables[t].decided || !tables[t].lowestSupport) {
            o << "<text x=\"" << num(x(0) + 6) << "\" y=\"" << num(y + 22) << "\" class=\"value\">"
              << c.h("room.no_decision") << "</text>";
            continue;
        }
        const double v = *tables[t].lowestSupport;
        const double x0 = std::min(x(0), x(v)), x1 = std::max(x(0), x(v));
        o << "<rect x=\"" << num(x0) << "\" y=\"" << num(y + 8) << "\" width=\""
          << num(std::max(x1 - x0, 1.5)) << "\" height=\"20\" fill=\""
          << (tables[t].gedragen ? "#009E73" : "#D55E00") << "\"/>";
        o << "<text x=\"" << num(v >= 0 ? x1 + 5 : x0 - 5) << "\" y=\"" << num(y + 23)
          << "\" text-anchor=\"" << (v >= 0 ? "start" : "end") << "\" class=\"value\">"
          << htmlEscape(c.supportText(v)) << "</text>";
    }
    o << "</svg>";
    return o.str();
}

void charts(const RoomCtx& r, std::ostringstream& out) {
    const Ctx& c = r.c;
    out << "<section><h2>" << c.h("room.lowest_title") << "</h2><p>" << c.h("room.lowest_explain")
        << "</p>" << lowestSupportBars(r) << "</section>";
    std::vector<std::string> labels;
    std::vector<std::optional<double>> before, after;
    for (std::size_t t = 0; t < r.plenary.tables.size(); ++t) {
        labels.push_back(r.tableName(t));
        before.push_back(r.plenary.tables[t].begripBefore);
        after.push_back(r.plenary.tables[t].begripAfter);
    }
    out << "<section><h2>" << c.h("room.begrip_title") << "</h2><p>" << c.h("room.begrip_explain")
        << "</p>" << svgPairedBars(c, labels, before, after) << "</section>";
}

void matrix(const RoomCtx& r, std::ostringstream& out) {
    const Ctx& c = r.c;
    const auto& tables = r.plenary.tables;
    out << "<section><h2>" << c.h("room.matrix") << "</h2><p>" << c.h("room.matrix_explain")
        << "</p><table class=\"matrix\"><tr><th>" << c.h("report.option") << "</th>";
    for (std::size_t t = 0; t < tables.size(); ++t)
        out << "<th>" << htmlEscape(r.tableName(t)) << "</th>";
    out << "</tr>";
    std::string issue;
    for (const PlenaryChoice& choice : r.plenary.matrix) {
        if (choice.issue != issue) {
            issue = choice.issue;
            out << "<tr><th colspan=\"" << tables.size() + 1 << "\" class=\"issue\">"
                << htmlEscape(plenaryIssueName(issue, r.words)) << "</th></tr>";
        }
        out << "<tr><td>" << htmlEscape(plenaryOptionName(choice.issue, choice.option, r.words))
            << "</td>";
        for (std::size_t t = 0; t < tables.size(); ++t) {
            const bool chose = std::find(choice.tables.begin(), choice.tables.end(),
                                         static_cast<int>(t)) != choice.tables.end();
            out << "<td class=\"mark\">" << (chose ? "●" : "") << "</td>";
        }
        out << "</tr>";
    }
    out << "</table></section>";
}

const char* kRoomStyle = R"CSS(
body { max-width: 80rem; }
table.side th, table.side td, table.matrix th, table.matrix td { padding-right: 1.2rem; vertical-align: middle; }
table.side tr:first-child th + th, table.matrix tr:first-child th + th { text-align: center; }
table.side td.num { text-align: center; }
table.matrix td.mark { text-align: center; font-size: 1.3rem; line-height: 1; color: #0072B2; }
table.matrix th.issue { padding-top: .8rem; color: #0072B2; }
.points li { font-size: 1.1rem; }
)CSS";

} // namespace

std::string renderRoomReport(const std::vector<RoomReportTable>& tables, const TranslateFn& tr,
                             const RoomReportOptions& options) {
    RoomReportOptions o = options;
    if (o.date.empty())
        o.date = report_detail::today();
    const Game& first = *tables.front().game;
    const Ctx c{first, first.scenario(), first.state(), first.measure(), tr, o.lang};
    std::vector<PlenaryTable> rows;
    for (const RoomReportTable& t : tables)
        rows.push_back(plenaryTableOf(*t.game, t.label));
    const Plenary plenary = makePlenary(std::move(rows));
    PlenaryWords words;
    words.scenario = &first.scenario();
    words.lang = o.lang;
    words.word = [&tr](const std::string& key) { return tr ? tr(key) : key; };
    const RoomCtx r{c, plenary, words, tables};

    const std::string title = c.text(c.sc.title).empty() ? c.sc.id : c.text(c.sc.title);
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << htmlEscape(o.lang)
        << "\"><head><meta charset=\"utf-8\">"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        << "<title>" << htmlEscape(title) << " — " << c.h("room.subtitle") << "</title><style>"
        << styleSheet() << kRoomStyle << "</style></head><body>\n";
    header(r, o, out);
    sideBySide(r, out);
    differences(r, out);
    charts(r, out);
    matrix(r, out);
    out << "<footer>" << c.h("room.footer", {o.date}) << "</footer></body></html>\n";
    return out.str();
}

bool writeRoomReport(const std::vector<std::string>& tableLogs, const std::string& outPath,
                     const std::string& lang, std::string& error) {
    if (tableLogs.empty()) {
        error = "no table logs given";
        return false;
    }
    Catalog catalog;
    std::vector<std::string> problems;
    catalog.load(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", lang, problems);
    const TranslateFn tr = translateWith(catalog);
    std::vector<Replay> replays;
    replays.reserve(tableLogs.size());
    for (const std::string& log : tableLogs) {
        Replay replay = replaySessionLog(log);
        if (!replay.game || !replay.errors.empty()) {
            error =
                replay.errors.empty() ? log + ": does not replay" : replay.errors.front().format();
            return false;
        }
        replays.push_back(std::move(replay));
    }
    const fs::path outDir = fs::absolute(outPath).parent_path();
    std::vector<RoomReportTable> tables;
    for (std::size_t i = 0; i < replays.size(); ++i) {
        const std::string report = SessionFiles::report(tableLogs[i]);
        if (!writeSessionReport(*replays[i].game, lang, tr, report, error)) {
            error = report + ": " + error;
            return false;
        }
        std::error_code ec;
        fs::path href = fs::relative(fs::absolute(report), outDir, ec);
        if (ec || href.empty())
            href = fs::absolute(report);
        tables.push_back({&*replays[i].game, std::to_string(i + 1), href.generic_string()});
    }
    RoomReportOptions o;
    o.lang = lang;
    std::string html;
    try {
        html = renderRoomReport(tables, tr, o);
    } catch (const std::exception& e) {
        error = std::string("could not render the room report: ") + e.what();
        return false;
    }
    if (!writeFileAtomically(outPath, html, &error)) {
        error = outPath + ": " + error;
        return false;
    }
    return true;
}

} // namespace samenspel
