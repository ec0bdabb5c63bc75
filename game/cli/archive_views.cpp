// [SECTION] index
//   Numbers and tables .... rounding as `replay` does; columns by characters
//   List .................. one line per session
//   Show .................. one session whole
//   Compare ............... the matrix of choices and the measurements
//   CSV ................... one row per person
#include "cli/archive_views.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "archive/plenary_record.hpp"
#include "core/json.hpp"
#include "core/scoring.hpp"
#include "core/text.hpp"

namespace samenspel::cli {

namespace {

// [SECTION] Numbers and tables
std::string oneDecimal(double s) {
    return formatNumber(roundSupport(s), 1);
}
std::string twoDecimals(double s) {
    return formatNumber(s, 2);
}
std::string support(const std::optional<double>& s) {
    return s ? oneDecimal(*s) : "-";
}
std::string fraction(const std::optional<double>& v) {
    return v ? twoDecimals(*v) : "-";
}
std::string minutes(std::int64_t ms) {
    return std::to_string(sessionMinute(ms)) + " min";
}
std::string orDash(const std::string& text) {
    return text.empty() ? "-" : text;
}
std::string gedragenText(const SessionRecord& s) {
    return !s.decided ? "no decision" : s.gedragen ? "yes" : "no";
}
// Gedragen aan tafel; "unknown" for a session archived before it was kept
// whose log is gone.
std::string aanTafelText(const SessionRecord& s) {
    return !s.decided            ? "no decision"
           : !s.gedragenAanTafel ? "unknown"
           : *s.gedragenAanTafel ? "yes"
                                 : "no";
}
std::string begripVersionText(const SessionRecord& s) {
    return s.begripVersion ? "v" + std::to_string(*s.begripVersion) : "unknown";
}
// What the begrip figures mean, for a person reading one session.
std::string begripVersionMeaning(const SessionRecord& s) {
    if (s.begripVersion == 2)
        return "begrip v2, corrected for guessing: 0 is guessing, 1 all right";
    if (s.begripVersion == 1)
        return "begrip v1, not corrected for guessing: about 0.5 is guessing";
    return "begrip version unknown: archived before it was kept, and the log is gone";
}
std::string inclusieBasisText(const SessionRecord& s) {
    if (s.inclusieBasis == "speaking_time")
        return "share of speaking time";
    if (s.inclusieBasis == "game_actions")
        return "share of game actions";
    return "basis unknown";
}
std::string numberText(const SessionRecord& s) {
    return "#" + std::to_string(s.number);
}

// Characters, not bytes: a group called "Zoë" takes three columns.
std::size_t displayWidth(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Rows of cells in columns as wide as their widest cell; the last column is
// not padded, so no line ends in spaces.
std::string columns(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width;
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            width.resize(std::max(width.size(), row.size()), 0);
            width[c] = std::max(width[c], displayWidth(row[c]));
        }
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size())
                line += std::string(width[c] - displayWidth(row[c]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string decisionText(const SessionRecord& s) {
    if (!s.decided)
        return "none";
    std::string out;
    for (const ChosenOption& c : s.decision)
        out += (out.empty() ? "" : ", ") + c.issue + "=" + c.option;
    return out;
}

void optionalNumber(JsonWriter& w, const char* key, const std::optional<double>& v,
                    bool isSupport) {
    w.key(key);
    if (!v)
        w.null();
    else if (isSupport)
        w.value(roundSupport(*v), 1);
    else
        w.value(*v);
}

// The fields every JSON view shares.
void sessionSummaryJson(JsonWriter& w, const SessionRecord& s) {
    w.key("number").value(s.number);
    w.key("date").value(s.date);
    w.key("scenario")
        .beginObject()
        .key("id")
        .value(s.scenarioId)
        .key("title")
        .value(s.scenarioTitle)
        .key("version")
        .value(s.scenarioHash)
        .endObject();
    w.key("group").value(s.group);
    w.key("decided").value(s.decided);
    w.key("gedragen").value(s.gedragen);
    w.key("gedragenAanTafel");
    if (s.gedragenAanTafel)
        w.value(*s.gedragenAanTafel);
    else
        w.null();
    optionalNumber(w, "lowestSupport", s.lowestSupport, true);
    optionalNumber(w, "meanSupport", s.meanSupport, true);
    w.key("log").value(s.logPath);
}

void sessionDetailJson(JsonWriter& w, const SessionRecord& s) {
    sessionSummaryJson(w, s);
    w.key("settings").beginObject();
    w.key("seed").value(static_cast<std::uint64_t>(s.seed));
    w.key("language").value(s.language);
    w.key("seats").value(s.seats);
    w.key("bots").value(s.bots);
    w.key("setup").raw(s.setupJson.empty() ? "null" : s.setupJson);
    w.endObject();
    w.key("actions").value(static_cast<std::uint64_t>(s.actions));
    w.key("durationMs").value(s.durationMs);
    w.key("decision").beginObject();
    for (const ChosenOption& c : s.decision)
        w.key(c.issue).value(c.option);
    w.endObject();
    optionalNumber(w, "publicValue", s.publicValue, true);
    w.key("begrip").beginObject();
    w.key("version");
    if (s.begripVersion)
        w.value(*s.begripVersion);
    else
        w.null();
    optionalNumber(w, "before", s.begripBefore, false);
    optionalNumber(w, "after", s.begripAfter, false);
    w.endObject();
    w.key("inclusie").value(s.inclusie);
    w.key("inclusieBasis");
    if (s.inclusieBasis.empty())
        w.null();
    else
        w.value(s.inclusieBasis);
    w.key("inclusieOverPeople").value(s.inclusieOverPeople);
    w.key("rolesHeard").value(s.rolesHeard);
    w.key("roles").beginArray();
    for (const RoleRecord& r : s.roles) {
        w.beginObject().key("id").value(r.id).key("name").value(r.name);
        optionalNumber(w, "support", r.support, true);
        w.key("actions").value(r.actions).key("heard").value(r.heard).endObject();
    }
    w.endArray();
    w.key("people").beginArray();
    for (const PersonRecord& p : s.people) {
        w.beginObject().key("seat").value(p.seat).key("role").value(p.role);
        w.key("name").value(p.name).key("bot").value(p.bot).key("actions").value(p.actions);
        w.key("begrip").beginObject();
        optionalNumber(w, "before", p.begripBefore, false);
        optionalNumber(w, "after", p.begripAfter, false);
        w.endObject().endObject();
    }
    w.endArray();
}

} // namespace

// [SECTION] List
std::string archiveListText(const std::vector<SessionRecord>& sessions) {
    if (sessions.empty())
        return "The archive holds no sessions yet: a session is recorded when it ends\n"
               "(in the game or with samenspel host). Logs from elsewhere: samenspel archive "
               "rebuild FOLDER\n";
    std::vector<std::vector<std::string>> rows{
        {"#", "date (UTC)", "scenario", "group", "people", "bots", "gedragen", "lowest", "mean"}};
    for (const SessionRecord& s : sessions)
        rows.push_back({std::to_string(s.number), s.date, s.scenarioId, orDash(s.group),
                        std::to_string(s.seats - s.bots), std::to_string(s.bots), gedragenText(s),
                        support(s.lowestSupport), support(s.meanSupport)});
    return columns(rows);
}

std::string archiveListJson(const std::vector<SessionRecord>& sessions) {
    JsonWriter w;
    w.beginArray();
    for (const SessionRecord& s : sessions) {
        w.beginObject();
        sessionSummaryJson(w, s);
        w.endObject();
    }
    w.endArray();
    return w.str() + "\n";
}

// [SECTION] Show
std::string archiveShowText(const SessionRecord& s) {
    std::vector<std::vector<std::string>> head{
        {"session", numberText(s) + ", " + s.date + " UTC"},
        {"scenario", s.scenarioId + " (" + s.scenarioTitle + "), version " + s.scenarioHash},
        {"group", orDash(s.group)},
        {"settings", "seed " + std::to_string(s.seed) + ", " + std::to_string(s.seats) +
                         " seats of which " + std::to_string(s.bots) + " bots, language " +
                         s.language},
        {"duration",
         minutes(s.durationMs) + " of session time, " + std::to_string(s.actions) + " actions"},
        {"decision", decisionText(s)},
        {"gedragen", gedragenText(s) + " (by the role cards)"},
        {"at the table", aanTafelText(s) + " (gedragen aan tafel: no role kept an objection)"},
        {"support", "lowest " + support(s.lowestSupport) + ", mean " + support(s.meanSupport)},
        {"public value", support(s.publicValue)},
        {"begrip", "before " + fraction(s.begripBefore) + ", after " + fraction(s.begripAfter) +
                       " (" + begripVersionMeaning(s) + ")"},
        {"inclusie", twoDecimals(s.inclusie) + " (" + inclusieBasisText(s) +
                         (s.inclusieOverPeople ? "; over the people, bots left out" : "") + ")"},
        {"roles heard", twoDecimals(s.rolesHeard)},
        {"log", s.logPath}};
    std::vector<std::vector<std::string>> roles{{"role", "support", "actions", "heard"}};
    for (const RoleRecord& r : s.roles)
        roles.push_back(
            {r.id, support(r.support), std::to_string(r.actions), r.heard ? "yes" : "no"});
    std::vector<std::vector<std::string>> people{
        {"seat", "name", "role", "bot", "actions", "begrip before", "after"}};
    for (const PersonRecord& p : s.people)
        people.push_back({std::to_string(p.seat + 1), orDash(p.name), p.role, p.bot ? "yes" : "no",
                          std::to_string(p.actions), fraction(p.begripBefore),
                          fraction(p.begripAfter)});
    return columns(head) + "\n" + columns(roles) + "\n" + columns(people);
}

std::string archiveShowJson(const SessionRecord& s) {
    JsonWriter w;
    w.beginObject();
    sessionDetailJson(w, s);
    w.endObject();
    return w.str() + "\n";
}

// [SECTION] Compare
namespace {

// Every option any of the sessions chose, issue by issue in the order the
// sessions list them.
// Comparing across scenarios or their versions is allowed (a trainer may
// want it) but said, since the same option id may mean something else.
std::vector<std::string> comparisonNotes(const std::vector<SessionRecord>& sessions) {
    std::map<std::string, std::set<std::string>> versions;
    for (const SessionRecord& s : sessions)
        versions[s.scenarioId].insert(s.scenarioHash);
    std::vector<std::string> notes;
    if (versions.size() > 1)
        notes.push_back("these sessions played different scenarios; only the measurements "
                        "compare, not the options");
    for (const auto& [id, hashes] : versions)
        if (hashes.size() > 1)
            notes.push_back("the sessions of " + id + " played " + std::to_string(hashes.size()) +
                            " versions of it; an option may have changed between them");
    return notes;
}

using Row = std::vector<std::string>;

// The sessions as the plenary compares them, each called by its number.
Plenary plenaryOf(const std::vector<SessionRecord>& sessions) {
    std::vector<PlenaryTable> tables;
    for (const SessionRecord& s : sessions)
        tables.push_back(plenaryTableOf(s, std::to_string(s.number)));
    return makePlenary(std::move(tables));
}

// The plenary's differences in English. Without a scenario, options and
// roles are named by their ids, as in the rest of the comparison.
std::vector<std::string> differenceSentences(const Plenary& plenary, const WordLookup& words) {
    PlenaryWords w;
    w.lang = "en";
    w.word = words;
    w.sessions = true;
    std::vector<std::string> out;
    for (const PlenaryNote& note : plenary.notes)
        out.push_back(plenaryNoteText(plenary, note, w));
    return out;
}

// Begrip of different versions side by side, in one sentence; "" when all
// are of one version.
std::string begripSentence(const Plenary& plenary, const WordLookup& words) {
    if (!plenary.begripNote)
        return "";
    PlenaryWords w;
    w.lang = "en";
    w.word = words;
    w.sessions = true;
    return plenaryNoteText(plenary, *plenary.begripNote, w);
}

Row measureRow(const std::string& label, const std::vector<SessionRecord>& sessions,
               std::string (*cell)(const SessionRecord&)) {
    Row row{label};
    for (const SessionRecord& s : sessions)
        row.push_back(cell(s));
    return row;
}

} // namespace

std::string archiveCompareText(const std::vector<SessionRecord>& sessions,
                               const WordLookup& words) {
    std::vector<Row> rows;
    rows.push_back(measureRow("", sessions, [](const SessionRecord& s) { return numberText(s); }));
    rows.push_back(measureRow("date", sessions, [](const SessionRecord& s) { return s.date; }));
    rows.push_back(
        measureRow("group", sessions, [](const SessionRecord& s) { return orDash(s.group); }));
    rows.push_back(
        measureRow("scenario", sessions, [](const SessionRecord& s) { return s.scenarioId; }));
    rows.push_back({"decision"});
    const Plenary plenary = plenaryOf(sessions);
    for (const PlenaryChoice& choice : plenary.matrix) {
        Row row{"  " + choice.issue + " = " + choice.option};
        for (const PlenaryTable& t : plenary.tables)
            row.push_back(plenaryChose(t, choice.issue, choice.option) ? "x" : ".");
        rows.push_back(row);
    }
    rows.push_back(measureRow("gedragen (cards)", sessions, gedragenText));
    rows.push_back(measureRow("gedragen at table", sessions, aanTafelText));
    rows.push_back(measureRow("lowest support", sessions,
                              [](const SessionRecord& s) { return support(s.lowestSupport); }));
    rows.push_back(measureRow("mean support", sessions,
                              [](const SessionRecord& s) { return support(s.meanSupport); }));
    rows.push_back(measureRow("begrip version", sessions, begripVersionText));
    rows.push_back(measureRow("begrip before", sessions,
                              [](const SessionRecord& s) { return fraction(s.begripBefore); }));
    rows.push_back(measureRow("begrip after", sessions,
                              [](const SessionRecord& s) { return fraction(s.begripAfter); }));
    rows.push_back(measureRow("inclusie", sessions,
                              [](const SessionRecord& s) { return twoDecimals(s.inclusie); }));
    rows.push_back(measureRow("inclusie basis", sessions, [](const SessionRecord& s) {
        return s.inclusieBasis.empty() ? std::string("unknown") : s.inclusieBasis;
    }));
    rows.push_back(measureRow("public value", sessions,
                              [](const SessionRecord& s) { return support(s.publicValue); }));
    rows.push_back(measureRow("duration", sessions,
                              [](const SessionRecord& s) { return minutes(s.durationMs); }));
    std::string out = columns(rows);
    for (const std::string& note : comparisonNotes(sessions))
        out += "note: " + note + "\n";
    if (const std::string begrip = begripSentence(plenary, words); !begrip.empty())
        out += "note: " + begrip + "\n";
    const std::vector<std::string> differences = differenceSentences(plenary, words);
    if (!differences.empty())
        out += "\nto discuss:\n";
    for (const std::string& d : differences)
        out += "  " + d + "\n";
    return out;
}

std::string archiveCompareJson(const std::vector<SessionRecord>& sessions,
                               const WordLookup& words) {
    JsonWriter w;
    w.beginObject();
    w.key("sessions").beginArray();
    for (const SessionRecord& s : sessions) {
        w.beginObject();
        sessionDetailJson(w, s);
        w.endObject();
    }
    w.endArray();
    w.key("choices").beginArray();
    const Plenary plenary = plenaryOf(sessions);
    for (const PlenaryChoice& choice : plenary.matrix) {
        w.beginObject().key("issue").value(choice.issue).key("option").value(choice.option);
        w.key("chosenBy").beginArray();
        for (int t : choice.tables)
            w.value(sessions[static_cast<std::size_t>(t)].number);
        w.endArray().endObject();
    }
    w.endArray();
    w.key("differences").beginArray();
    for (const std::string& d : differenceSentences(plenary, words))
        w.value(d);
    w.endArray();
    w.key("notes").beginArray();
    for (const std::string& note : comparisonNotes(sessions))
        w.value(note);
    w.endArray();
    // Whether the begrip figures compare; when not, which sessions measured what.
    w.key("begripComparable").value(plenary.sameBegripVersion);
    w.key("begripNote");
    if (const std::string begrip = begripSentence(plenary, words); !begrip.empty())
        w.value(begrip);
    else
        w.null();
    w.endObject();
    return w.str() + "\n";
}

// [SECTION] CSV
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csvText(const std::string& text) {
    const bool formulaLike =
        !text.empty() && std::string("=+-@").find(text[0]) != std::string::npos;
    return csvField(formulaLike ? "'" + text : text);
}

namespace {

std::string csvNumber(const std::optional<double>& v, bool isSupport) {
    if (!v)
        return "";
    return isSupport ? oneDecimal(*v) : twoDecimals(*v);
}

// Empty where there is nothing to say (no decision) or it is unknown.
std::string csvAanTafel(const SessionRecord& s) {
    return s.decided && s.gedragenAanTafel ? (*s.gedragenAanTafel ? "yes" : "no") : "";
}
std::string csvBegripVersion(const SessionRecord& s) {
    return s.begripVersion ? std::to_string(*s.begripVersion) : "";
}

std::string csvSessionPart(const SessionRecord& s) {
    const std::vector<std::string> fields{std::to_string(s.number),
                                          s.date,
                                          csvText(s.scenarioId),
                                          s.scenarioHash,
                                          csvText(s.group),
                                          std::to_string(s.seed),
                                          s.decided ? "yes" : "no",
                                          s.decided ? (s.gedragen ? "yes" : "no") : "",
                                          csvAanTafel(s),
                                          csvText(s.decided ? decisionText(s) : ""),
                                          csvNumber(s.lowestSupport, true),
                                          csvNumber(s.meanSupport, true),
                                          csvNumber(s.publicValue, true),
                                          csvBegripVersion(s),
                                          csvNumber(s.begripBefore, false),
                                          csvNumber(s.begripAfter, false),
                                          twoDecimals(s.inclusie),
                                          s.inclusieBasis,
                                          std::to_string(sessionMinute(s.durationMs))};
    std::string out;
    for (const std::string& f : fields)
        out += f + ",";
    return out;
}

const RoleRecord* roleById(const SessionRecord& s, const std::string& id) {
    for (const RoleRecord& r : s.roles)
        if (r.id == id)
            return &r;
    return nullptr;
}

} // namespace

std::string archiveCsv(const std::vector<SessionRecord>& sessions) {
    std::string out = "session,date,scenario,scenario_version,group,seed,decided,gedragen,"
                      "gedragen_aan_tafel,decision,lowest_support,mean_support,public_value,"
                      "begrip_version,begrip_before,begrip_after,inclusie,inclusie_basis,"
                      "duration_min,seat,name,bot,role,role_support,"
                      "actions,person_begrip_before,person_begrip_after,log\r\n";
    for (const SessionRecord& s : sessions) {
        const std::string session = csvSessionPart(s);
        for (const PersonRecord& p : s.people) {
            const RoleRecord* role = roleById(s, p.role);
            out += session + std::to_string(p.seat + 1) + "," + csvText(p.name) + "," +
                   (p.bot ? "yes" : "no") + "," + csvText(p.role) + "," +
                   csvNumber(role ? role->support : std::nullopt, true) + "," +
                   std::to_string(p.actions) + "," + csvNumber(p.begripBefore, false) + "," +
                   csvNumber(p.begripAfter, false) + "," + csvField(s.logPath) + "\r\n";
        }
    }
    return out;
}

} // namespace samenspel::cli
