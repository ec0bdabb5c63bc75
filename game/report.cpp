// The HTML session report: the document around its sections, and writing it.
// The parts are listed in report_internal.hpp.
#include "report.hpp"

#include "core/session_files.hpp"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include "report_internal.hpp"

namespace samenspel {

using namespace report_detail;

namespace {

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
td.member { padding-left: 1.5em; }
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
td.objection { color: #9b1c1c; font-weight: 600; }
.note { background: #fff8e1; border-left: 4px solid #E69F00; padding: .3rem .7rem; }
footer { margin-top: 3rem; color: #666; font-size: .85rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .pagebreak { break-before: page; }
  h2 { margin-top: 1.2rem; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

} // namespace

namespace report_detail {
const char* styleSheet() {
    return kStyle;
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}
} // namespace report_detail

// [SECTION] Entry points ----------------------------------------------------------

std::string renderSessionReport(const Game& game, const TranslateFn& tr,
                                const ReportOptions& options) {
    ReportOptions o = options;
    if (o.date.empty())
        o.date = report_detail::today();
    const Ctx c{game, game.scenario(), game.state(), game.measure(), tr, o.lang};
    std::ostringstream out;
    const std::string title = c.text(c.sc.title).empty() ? c.sc.id : c.text(c.sc.title);
    out << "<!DOCTYPE html>\n<html lang=\"" << htmlEscape(o.lang)
        << "\"><head><meta charset=\"utf-8\">"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        << "<title>" << htmlEscape(title) << " — " << c.h("report.subtitle") << "</title><style>"
        << kStyle << "</style></head><body>\n";
    renderSections(c, o, out);
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
    // A full disk never leaves half a report.
    return writeFileAtomically(path, html, &error);
}

} // namespace samenspel
