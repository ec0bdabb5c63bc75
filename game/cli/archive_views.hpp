#pragma once
// What `samenspel archive` prints: the list, one session, the comparison of
// several (the plenary's table for any set of sessions) and the CSV export,
// as text for a person, JSON for a program and CSV for a spreadsheet.
// Numbers are rounded as `samenspel replay` rounds them.
#include <string>
#include <vector>

#include "archive/session_record.hpp"
#include "core/wording.hpp"

namespace samenspel::cli {

std::string archiveListText(const std::vector<SessionRecord>& sessions);
std::string archiveListJson(const std::vector<SessionRecord>& sessions);

std::string archiveShowText(const SessionRecord& session);
std::string archiveShowJson(const SessionRecord& session);

// Side by side, as the plenary (core/plenary.hpp) compares tables: which
// session chose which option of every issue, then the measurements; notes
// when the sessions played different scenarios or versions of one; then the
// differences worth discussing, in English through `words` (the catalog's
// plenary.* texts; keys show where it has none).
std::string archiveCompareText(const std::vector<SessionRecord>& sessions,
                               const WordLookup& words = {});
std::string archiveCompareJson(const std::vector<SessionRecord>& sessions,
                               const WordLookup& words = {});

// One row per person (seat) of every session, after a header row (RFC 4180).
std::string archiveCsv(const std::vector<SessionRecord>& sessions);
// One CSV field: quoted when it holds a comma, a quote or a line break, with
// its quotes doubled.
std::string csvField(const std::string& text);
// A field of free text (a name, a group label): as csvField, and a text that
// a spreadsheet would take for a formula (=, +, -, @ first) starts with a '.
std::string csvText(const std::string& text);

} // namespace samenspel::cli
