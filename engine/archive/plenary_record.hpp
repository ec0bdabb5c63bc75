#pragma once
// An archived session as a table of the plenary (core/plenary.hpp), so
// `samenspel archive compare` and the Past sessions screen compare archived
// sessions the way the room's plenary compares its tables.
#include <string>

#include "archive/session_record.hpp"
#include "core/plenary.hpp"

namespace samenspel {

// `record` called `label` (its archive number, as a rule). The archive keeps
// no moment of decision: decisionMs stays empty.
PlenaryTable plenaryTableOf(const SessionRecord& record, const std::string& label);

} // namespace samenspel
