// [SECTION] index
//   Statements ........ a prepared statement that finalizes itself
//   Schema ............ the tables, created in one transaction
//   Upgrading ......... schema 1 to 2 in place, the new columns from the logs
//   Opening ........... WAL, busy timeout, the check, a damaged file moved aside
//   Writing ........... record, replaceAll
//   Reading ........... sessions, session, sessionOfLog
#include "archive/archive.hpp"

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <filesystem>

#include "core/log.hpp"

namespace samenspel {

namespace fs = std::filesystem;

namespace {

// [SECTION] Statements
class Statement {
  public:
    Statement(sqlite3* db, const char* sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
            stmt_ = nullptr;
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    Statement& bind(int i, const std::string& text) {
        sqlite3_bind_text(stmt_, i, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, std::int64_t n) {
        sqlite3_bind_int64(stmt_, i, n);
        return *this;
    }
    Statement& bind(int i, int n) { return bind(i, static_cast<std::int64_t>(n)); }
    Statement& bind(int i, bool b) { return bind(i, static_cast<std::int64_t>(b ? 1 : 0)); }
    Statement& bind(int i, double d) {
        sqlite3_bind_double(stmt_, i, d);
        return *this;
    }
    Statement& bind(int i, const std::optional<double>& d) {
        if (d)
            return bind(i, *d);
        return bindNull(i);
    }
    Statement& bind(int i, const std::optional<int>& n) { return n ? bind(i, *n) : bindNull(i); }
    Statement& bind(int i, const std::optional<bool>& b) { return b ? bind(i, *b) : bindNull(i); }
    // An empty text as NULL: unknown.
    Statement& bindOrNull(int i, const std::string& text) {
        return text.empty() ? bindNull(i) : bind(i, text);
    }
    Statement& bindNull(int i) {
        sqlite3_bind_null(stmt_, i);
        return *this;
    }
    // SQLITE_ROW or SQLITE_DONE, or an error code.
    int step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
    bool run() {
        const int rc = step();
        sqlite3_reset(stmt_);
        return rc == SQLITE_DONE || rc == SQLITE_ROW;
    }

    std::string text(int col) const {
        const auto* p = sqlite3_column_text(stmt_, col);
        return p ? reinterpret_cast<const char*>(p) : "";
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    std::optional<double> maybeReal(int col) const {
        if (sqlite3_column_type(stmt_, col) == SQLITE_NULL)
            return std::nullopt;
        return real(col);
    }
    bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::optional<int> maybeInt(int col) const {
        return isNull(col) ? std::nullopt : std::optional<int>(static_cast<int>(integer(col)));
    }
    std::optional<bool> maybeBool(int col) const {
        return isNull(col) ? std::nullopt : std::optional<bool>(integer(col) != 0);
    }

  private:
    sqlite3_stmt* stmt_ = nullptr;
};

bool exec(sqlite3* db, const char* sql, std::string* error = nullptr) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK && error)
        *error = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return rc == SQLITE_OK;
}

// A transaction that rolls back unless committed: an error half-way through
// leaves the database as it was. IMMEDIATE takes the write lock at once, so
// two recording processes wait for each other instead of failing later.
class Transaction {
  public:
    explicit Transaction(sqlite3* db) : db_(db) { began_ = exec(db, "BEGIN IMMEDIATE"); }
    ~Transaction() {
        if (began_ && !committed_)
            exec(db_, "ROLLBACK");
    }
    bool began() const { return began_; }
    bool commit(std::string& error) {
        committed_ = exec(db_, "COMMIT", &error);
        return committed_;
    }

  private:
    sqlite3* db_;
    bool began_ = false;
    bool committed_ = false;
};

// [SECTION] Schema
// Seeds are 64-bit unsigned, past SQLite's signed integers: kept as text.
// The last three columns of sessions came with schema 2 (kSchema2Columns),
// NULL where unknown; an upgraded schema-1 database has them in the same place.
const char* kSchema = R"sql(
CREATE TABLE sessions(
  number INTEGER PRIMARY KEY,
  log_path TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  scenario_title TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  group_label TEXT NOT NULL,
  seed TEXT NOT NULL,
  language TEXT NOT NULL,
  seats INTEGER NOT NULL,
  bots INTEGER NOT NULL,
  setup TEXT NOT NULL,
  actions INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  decided INTEGER NOT NULL,
  gedragen INTEGER NOT NULL,
  lowest_support REAL,
  mean_support REAL,
  public_value REAL,
  begrip_before REAL,
  begrip_after REAL,
  inclusie REAL NOT NULL,
  inclusie_over_people INTEGER NOT NULL,
  roles_heard REAL NOT NULL,
  begrip_version INTEGER,
  gedragen_aan_tafel INTEGER,
  inclusie_basis TEXT);
CREATE TABLE decisions(
  session INTEGER NOT NULL REFERENCES sessions(number) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  issue TEXT NOT NULL,
  option TEXT NOT NULL,
  PRIMARY KEY(session, position));
CREATE TABLE roles(
  session INTEGER NOT NULL REFERENCES sessions(number) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  support REAL,
  actions INTEGER NOT NULL,
  heard INTEGER NOT NULL,
  PRIMARY KEY(session, position));
CREATE TABLE people(
  session INTEGER NOT NULL REFERENCES sessions(number) ON DELETE CASCADE,
  seat INTEGER NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  bot INTEGER NOT NULL,
  actions INTEGER NOT NULL,
  begrip_before REAL,
  begrip_after REAL,
  PRIMARY KEY(session, seat));
)sql";

int userVersion(sqlite3* db) {
    Statement s(db, "PRAGMA user_version");
    return s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : -1;
}

bool createSchema(sqlite3* db, std::string& error) {
    Transaction t(db);
    if (!t.began()) {
        error = sqlite3_errmsg(db);
        return false;
    }
    // Another process (a room's second table ending at the same moment)
    // may have created it while this one waited for the lock.
    if (userVersion(db) != 0)
        return true;
    if (!exec(db, kSchema, &error))
        return false;
    const std::string version = "PRAGMA user_version = " + std::to_string(kArchiveSchemaVersion);
    return exec(db, version.c_str(), &error) && t.commit(error);
}

// [SECTION] Upgrading
// What schema 2 added to schema 1, in the order kSchema has them.
const char* kSchema2Columns = R"sql(
ALTER TABLE sessions ADD COLUMN begrip_version INTEGER;
ALTER TABLE sessions ADD COLUMN gedragen_aan_tafel INTEGER;
ALTER TABLE sessions ADD COLUMN inclusie_basis TEXT;
)sql";

// The new columns of the session of `logPath` as a replay of its log says
// them, the way `archive rebuild` reads a log; false when the log is gone,
// does not replay or did not end (the row keeps NULL: unknown).
bool fillFromLog(sqlite3* db, std::int64_t number, const std::string& logPath) {
    std::error_code ec;
    if (!fs::exists(logPath, ec))
        return true;
    const Replay replay = replaySessionLog(logPath);
    if (!replay.errors.empty() || !replay.game || !replay.game->state().finished)
        return true;
    const SessionRecord r = recordOf(*replay.game, logPath);
    Statement update(db, "UPDATE sessions SET begrip_version = ?, gedragen_aan_tafel = ?, "
                         "inclusie_basis = ? WHERE number = ?");
    return update.bind(1, r.begripVersion)
        .bind(2, r.gedragenAanTafel)
        .bindOrNull(3, r.inclusieBasis)
        .bind(4, number)
        .run();
}

// Schema 1 to 2 in place, in one transaction: the new columns, filled from
// the logs that are still there. Every row stays as it was otherwise; an
// error half-way leaves the database at schema 1.
bool upgradeSchema(sqlite3* db, std::string& error) {
    Transaction t(db);
    if (!t.began()) {
        error = sqlite3_errmsg(db);
        return false;
    }
    // Another process may have upgraded it while this one waited for the lock.
    if (userVersion(db) >= kArchiveSchemaVersion)
        return true;
    if (!exec(db, kSchema2Columns, &error))
        return false;
    std::vector<std::pair<std::int64_t, std::string>> logs;
    {
        Statement rows(db, "SELECT number, log_path FROM sessions ORDER BY number");
        while (rows.step() == SQLITE_ROW)
            logs.emplace_back(rows.integer(0), rows.text(1));
    }
    for (const auto& [number, log] : logs)
        if (!fillFromLog(db, number, log)) {
            error = sqlite3_errmsg(db);
            return false;
        }
    const std::string version = "PRAGMA user_version = " + std::to_string(kArchiveSchemaVersion);
    return exec(db, version.c_str(), &error) && t.commit(error);
}

// [SECTION] Opening
enum class Health { Good, Damaged, Failed };

bool isDamageCode(int rc) {
    return rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT;
}

// Settings and the check that reads every page. A file of garbage fails at
// the first read (SQLITE_NOTADB); a torn one at the check.
Health prepare(sqlite3* db, std::string& error) {
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    for (const char* sql : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON"}) {
        if (!exec(db, sql, &error))
            return isDamageCode(sqlite3_errcode(db)) ? Health::Damaged : Health::Failed;
    }
    Statement check(db, "PRAGMA quick_check");
    const int rc = check.step();
    if (rc != SQLITE_ROW) {
        error = sqlite3_errmsg(db);
        return isDamageCode(sqlite3_extended_errcode(db) & 0xff) ? Health::Damaged : Health::Failed;
    }
    if (check.text(0) != "ok") {
        error = "the check found: " + check.text(0);
        return Health::Damaged;
    }
    return Health::Good;
}

int tableCount(sqlite3* db) {
    Statement s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
    return s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : -1;
}

std::string stamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return buf;
}

// Moves the damaged database (with its WAL and shared-memory files) to a
// name of its own, so nothing in it is lost for someone who wants to look.
std::string moveAside(const std::string& path, std::string& error) {
    std::string target = path + ".damaged-" + stamp();
    for (int n = 2; fs::exists(target); ++n)
        target = path + ".damaged-" + stamp() + "-" + std::to_string(n);
    std::error_code ec;
    fs::rename(path, target, ec);
    if (ec) {
        error = "cannot move the damaged " + path + " aside: " + ec.message();
        return "";
    }
    for (const char* suffix : {"-wal", "-shm"})
        if (fs::exists(path + suffix))
            fs::rename(path + suffix, target + suffix, ec);
    return target;
}

sqlite3* openFile(const std::string& path, std::string& error) {
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        error = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return nullptr;
    }
    return db;
}

} // namespace

Archive::Opened Archive::open(const std::string& path) {
    Opened out;
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    const bool existed = fs::exists(path);
    out.state = existed ? State::Opened : State::Created;
    sqlite3* db = openFile(path, out.error);
    if (!db)
        return out;
    std::string why;
    Health health = prepare(db, why);
    // A database of another program (tables, but none of ours) is no
    // archive either: set aside like a damaged one, never written into.
    if (health == Health::Good && userVersion(db) == 0 && tableCount(db) > 0) {
        health = Health::Damaged;
        why = "it holds tables but is no Samenspel archive";
    }
    if (health == Health::Damaged) {
        sqlite3_close(db);
        out.movedTo = moveAside(path, out.error);
        if (out.movedTo.empty())
            return out;
        out.state = State::Damaged;
        db = openFile(path, out.error);
        if (!db)
            return out;
        health = prepare(db, why);
    }
    if (health != Health::Good) {
        out.error = path + ": " + why;
        sqlite3_close(db);
        return out;
    }
    const int version = userVersion(db);
    if (version > kArchiveSchemaVersion) {
        out.error = path + ": written by a newer Samenspel (archive schema " +
                    std::to_string(version) + "; this one knows schema " +
                    std::to_string(kArchiveSchemaVersion) + "); it was left as it is";
        sqlite3_close(db);
        return out;
    }
    if (version == 0 && !createSchema(db, out.error)) {
        out.error = path + ": cannot create the archive: " + out.error;
        sqlite3_close(db);
        return out;
    }
    if (version > 0 && version < kArchiveSchemaVersion && !upgradeSchema(db, out.error)) {
        out.error = path + ": cannot upgrade the archive from schema " + std::to_string(version) +
                    ": " + out.error + "; it was left as it was";
        sqlite3_close(db);
        return out;
    }
    if (version == 0 && out.state == State::Opened)
        out.state = State::Created; // an empty file: nothing was ever recorded in it
    out.archive.reset(new Archive(db, path));
    return out;
}

Archive::~Archive() {
    sqlite3_close(db_);
}

// [SECTION] Writing
namespace {

bool insertSession(sqlite3* db, const SessionRecord& s, std::int64_t number) {
    Statement ins(
        db, "INSERT INTO sessions VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, number).bind(2, s.logPath).bind(3, s.date).bind(4, s.scenarioId);
    ins.bind(5, s.scenarioTitle).bind(6, s.scenarioHash).bind(7, s.group);
    ins.bind(8, std::to_string(s.seed)).bind(9, s.language).bind(10, s.seats).bind(11, s.bots);
    ins.bind(12, s.setupJson).bind(13, static_cast<std::int64_t>(s.actions));
    ins.bind(14, s.durationMs).bind(15, s.decided).bind(16, s.gedragen);
    ins.bind(17, s.lowestSupport).bind(18, s.meanSupport).bind(19, s.publicValue);
    ins.bind(20, s.begripBefore).bind(21, s.begripAfter).bind(22, s.inclusie);
    ins.bind(23, s.inclusieOverPeople).bind(24, s.rolesHeard).bind(25, s.begripVersion);
    ins.bind(26, s.gedragenAanTafel).bindOrNull(27, s.inclusieBasis);
    if (!ins.run())
        return false;
    Statement decision(db, "INSERT INTO decisions VALUES(?,?,?,?)");
    for (std::size_t i = 0; i < s.decision.size(); ++i)
        if (!decision.bind(1, number)
                 .bind(2, static_cast<int>(i))
                 .bind(3, s.decision[i].issue)
                 .bind(4, s.decision[i].option)
                 .run())
            return false;
    Statement role(db, "INSERT INTO roles VALUES(?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < s.roles.size(); ++i) {
        const RoleRecord& r = s.roles[i];
        if (!role.bind(1, number)
                 .bind(2, static_cast<int>(i))
                 .bind(3, r.id)
                 .bind(4, r.name)
                 .bind(5, r.support)
                 .bind(6, r.actions)
                 .bind(7, r.heard)
                 .run())
            return false;
    }
    Statement person(db, "INSERT INTO people VALUES(?,?,?,?,?,?,?,?)");
    for (const PersonRecord& p : s.people)
        if (!person.bind(1, number)
                 .bind(2, p.seat)
                 .bind(3, p.role)
                 .bind(4, p.name)
                 .bind(5, p.bot)
                 .bind(6, p.actions)
                 .bind(7, p.begripBefore)
                 .bind(8, p.begripAfter)
                 .run())
            return false;
    return true;
}

std::int64_t numberOfLog(sqlite3* db, const std::string& logPath) {
    Statement s(db, "SELECT number FROM sessions WHERE log_path = ?");
    s.bind(1, logPath);
    return s.step() == SQLITE_ROW ? s.integer(0) : 0;
}

std::int64_t nextNumber(sqlite3* db) {
    Statement s(db, "SELECT coalesce(max(number), 0) + 1 FROM sessions");
    return s.step() == SQLITE_ROW ? s.integer(0) : 1;
}

} // namespace

std::int64_t Archive::record(const SessionRecord& session, std::string& error) {
    Transaction t(db_);
    if (!t.began()) {
        error = sqlite3_errmsg(db_);
        return 0;
    }
    std::int64_t number = numberOfLog(db_, session.logPath);
    if (number != 0) {
        Statement del(db_, "DELETE FROM sessions WHERE number = ?");
        if (!del.bind(1, number).run()) {
            error = sqlite3_errmsg(db_);
            return 0;
        }
    } else {
        number = nextNumber(db_);
    }
    if (!insertSession(db_, session, number)) {
        error = sqlite3_errmsg(db_);
        return 0;
    }
    return t.commit(error) ? number : 0;
}

bool Archive::replaceAll(const std::function<std::vector<SessionRecord>()>& gather,
                         std::string& error) {
    Transaction t(db_);
    if (!t.began()) {
        error = sqlite3_errmsg(db_);
        return false;
    }
    const std::vector<SessionRecord> sessions = gather();
    if (!exec(db_, "DELETE FROM sessions", &error))
        return false;
    for (std::size_t i = 0; i < sessions.size(); ++i)
        if (!insertSession(db_, sessions[i], static_cast<std::int64_t>(i + 1))) {
            error = sqlite3_errmsg(db_);
            return false;
        }
    return t.commit(error);
}

// [SECTION] Reading
namespace {

constexpr const char* kSessionColumns =
    "SELECT number, log_path, date, scenario_id, scenario_title, scenario_hash, group_label, "
    "seed, language, seats, bots, setup, actions, duration_ms, decided, gedragen, "
    "lowest_support, mean_support, public_value, begrip_before, begrip_after, inclusie, "
    "inclusie_over_people, roles_heard, begrip_version, gedragen_aan_tafel, inclusie_basis "
    "FROM sessions ";

SessionRecord sessionFromRow(const Statement& row) {
    SessionRecord s;
    s.number = row.integer(0);
    s.logPath = row.text(1);
    s.date = row.text(2);
    s.scenarioId = row.text(3);
    s.scenarioTitle = row.text(4);
    s.scenarioHash = row.text(5);
    s.group = row.text(6);
    s.seed = std::strtoull(row.text(7).c_str(), nullptr, 10);
    s.language = row.text(8);
    s.seats = static_cast<int>(row.integer(9));
    s.bots = static_cast<int>(row.integer(10));
    s.setupJson = row.text(11);
    s.actions = static_cast<std::uint64_t>(row.integer(12));
    s.durationMs = row.integer(13);
    s.decided = row.integer(14) != 0;
    s.gedragen = row.integer(15) != 0;
    s.lowestSupport = row.maybeReal(16);
    s.meanSupport = row.maybeReal(17);
    s.publicValue = row.maybeReal(18);
    s.begripBefore = row.maybeReal(19);
    s.begripAfter = row.maybeReal(20);
    s.inclusie = row.real(21);
    s.inclusieOverPeople = row.integer(22) != 0;
    s.rolesHeard = row.real(23);
    s.begripVersion = row.maybeInt(24);
    s.gedragenAanTafel = row.maybeBool(25);
    s.inclusieBasis = row.text(26);
    return s;
}

void readDetails(sqlite3* db, SessionRecord& s) {
    Statement decision(db,
                       "SELECT issue, option FROM decisions WHERE session = ? ORDER BY position");
    decision.bind(1, s.number);
    while (decision.step() == SQLITE_ROW)
        s.decision.push_back({decision.text(0), decision.text(1)});
    Statement role(db, "SELECT role, name, support, actions, heard FROM roles WHERE session = ? "
                       "ORDER BY position");
    role.bind(1, s.number);
    while (role.step() == SQLITE_ROW)
        s.roles.push_back({role.text(0), role.text(1), role.maybeReal(2),
                           static_cast<int>(role.integer(3)), role.integer(4) != 0});
    Statement person(db, "SELECT seat, role, name, bot, actions, begrip_before, begrip_after "
                         "FROM people WHERE session = ? ORDER BY seat");
    person.bind(1, s.number);
    while (person.step() == SQLITE_ROW)
        s.people.push_back({static_cast<int>(person.integer(0)), person.text(1), person.text(2),
                            person.integer(3) != 0, static_cast<int>(person.integer(4)),
                            person.maybeReal(5), person.maybeReal(6)});
}

} // namespace

std::vector<SessionRecord> Archive::sessions(bool details) const {
    std::vector<SessionRecord> out;
    Statement s(db_, (std::string(kSessionColumns) + "ORDER BY number").c_str());
    while (s.step() == SQLITE_ROW)
        out.push_back(sessionFromRow(s));
    if (details)
        for (SessionRecord& r : out)
            readDetails(db_, r);
    return out;
}

std::optional<SessionRecord> Archive::session(std::int64_t number) const {
    Statement s(db_, (std::string(kSessionColumns) + "WHERE number = ?").c_str());
    s.bind(1, number);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    SessionRecord r = sessionFromRow(s);
    readDetails(db_, r);
    return r;
}

std::optional<SessionRecord> Archive::sessionOfLog(const std::string& logPath) const {
    const std::int64_t number = numberOfLog(db_, logPath);
    return number ? session(number) : std::nullopt;
}

} // namespace samenspel
