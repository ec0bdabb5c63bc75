#include "archive/plenary_record.hpp"

namespace samenspel {

PlenaryTable plenaryTableOf(const SessionRecord& record, const std::string& label) {
    PlenaryTable t;
    t.label = label;
    t.scenarioId = record.scenarioId;
    t.scenarioHash = record.scenarioHash;
    t.finished = true; // the archive holds finished sessions only
    t.decided = record.decided;
    t.gedragen = record.gedragen;
    t.gedragenAanTafel = record.gedragenAanTafel;
    for (const ChosenOption& c : record.decision)
        t.decision.emplace_back(c.issue, c.option);
    t.lowestSupport = record.lowestSupport;
    t.meanSupport = record.meanSupport;
    t.publicValue = record.publicValue;
    t.begripVersion = record.begripVersion;
    t.begripBefore = record.begripBefore;
    t.begripAfter = record.begripAfter;
    t.inclusie = record.inclusie;
    t.durationMs = record.durationMs;
    for (const RoleRecord& r : record.roles)
        t.roles.push_back({r.id, r.support});
    return t;
}

} // namespace samenspel
