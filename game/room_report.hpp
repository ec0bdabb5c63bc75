#pragma once
// The room report: the plenary (core/plenary.hpp) of a room's tables as one
// standalone HTML file with inline SVG, like the session report: the tables
// side by side, what to discuss, the lowest support and begrip per table as
// charts, which table chose which option, and a link to each table's own
// session report, written beside its log.
#include <memory>
#include <string>
#include <vector>

#include "core/game.hpp"
#include "report.hpp"

namespace samenspel {

// One table as the room report shows it.
struct RoomReportTable {
    const Game* game = nullptr; // its session, replayed or live; never null
    std::string label;          // "1", "2", ...
    std::string reportHref;     // link to its own session report; "" for none
};

struct RoomReportOptions {
    std::string lang = "nl";
    std::string date; // shown under the title; empty = today (UTC)
};

// The whole room report as one HTML document. The tables play one scenario;
// its names are taken from the first table's.
std::string renderRoomReport(const std::vector<RoomReportTable>& tables, const TranslateFn& tr,
                             const RoomReportOptions& options);

// Replays every log (as `samenspel replay` does), writes each table's session
// report beside its log (SessionFiles::report), and the room report to
// `outPath`, linking them. Tables are numbered 1, 2, ... in the order of
// `tableLogs`. False with `error` (naming the log) when a log does not
// replay or a file cannot be written; never throws.
bool writeRoomReport(const std::vector<std::string>& tableLogs, const std::string& outPath,
                     const std::string& lang, std::string& error);

} // namespace samenspel
