#include "archive/session_record.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <regex>

#include "core/log.hpp"

namespace samenspel {

namespace fs = std::filesystem;

namespace {

std::vector<ChosenOption> chosenOptions(const Scenario& sc, const Package& package) {
    std::vector<ChosenOption> out;
    for (std::size_t i = 0; i < sc.issues.size() && i < package.size(); ++i) {
        const auto& options = sc.issues[i].options;
        const int o = package[i];
        const bool known = o >= 0 && o < static_cast<int>(options.size());
        out.push_back({sc.issues[i].id, known ? options[static_cast<std::size_t>(o)].id : "?"});
    }
    return out;
}

std::vector<RoleRecord> roleRecords(const Game& game, const Measurements& m) {
    const Scenario& sc = game.scenario();
    std::vector<RoleRecord> out;
    for (std::size_t r = 0; r < sc.roles.size(); ++r) {
        RoleRecord role;
        role.id = sc.roles[r].id;
        role.name = sc.roles[r].name.get(game.setup().language);
        if (m.decision.taken && r < m.decisionSupport.size())
            role.support = m.decisionSupport[r];
        role.actions = r < m.actionsPerRole.size() ? m.actionsPerRole[r] : 0;
        role.heard = r < m.roleHeard.size() && m.roleHeard[r];
        out.push_back(std::move(role));
    }
    return out;
}

std::vector<PersonRecord> personRecords(const Game& game, const Measurements& m) {
    const Scenario& sc = game.scenario();
    std::vector<PersonRecord> out;
    for (int s = 0; s < game.seatCount(); ++s) {
        const Seat& seat = game.setup().seats[static_cast<std::size_t>(s)];
        const auto index = static_cast<std::size_t>(s);
        PersonRecord person;
        person.seat = s;
        person.role = seat.role >= 0 && seat.role < static_cast<int>(sc.roles.size())
                          ? sc.roles[static_cast<std::size_t>(seat.role)].id
                          : "?";
        person.name = seat.name;
        person.bot = seat.bot;
        person.actions = index < m.actionsPerSeat.size() ? m.actionsPerSeat[index] : 0;
        if (index < m.begrip.size()) {
            person.begripBefore = m.begrip[index].before;
            person.begripAfter = m.begrip[index].after;
        }
        out.push_back(std::move(person));
    }
    return out;
}

void recordSettings(const SessionSetup& setup, SessionRecord& r) {
    r.group = setup.group;
    r.seed = setup.seed;
    r.language = setup.language;
    r.seats = static_cast<int>(setup.seats.size());
    for (const Seat& seat : setup.seats)
        r.bots += seat.bot ? 1 : 0;
    r.setupJson = encodeSetup(setup);
}

void recordDecision(const Game& game, const Measurements& m, SessionRecord& r) {
    const GameState& st = game.state();
    r.decided = m.decision.taken;
    if (!r.decided || m.decision.proposal < 0 ||
        m.decision.proposal >= static_cast<int>(st.proposals.size()))
        return;
    r.gedragen = m.decision.gedragen;
    r.gedragenAanTafel = m.decision.gedragenAanTafel;
    r.lowestSupport = m.decision.draagvlak.minimum;
    r.meanSupport = m.decision.draagvlak.mean;
    r.publicValue = m.decision.publicValue;
    r.decision = chosenOptions(game.scenario(),
                               st.proposals[static_cast<std::size_t>(m.decision.proposal)].package);
}

std::string utcMinute(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

} // namespace

SessionRecord recordOf(const Game& game, const std::string& logPath) {
    const Scenario& sc = game.scenario();
    const Measurements m = game.measure();
    SessionRecord r;
    r.logPath = fs::absolute(logPath).lexically_normal().string();
    r.date = sessionDateOf(logPath);
    r.scenarioId = sc.id;
    r.scenarioTitle = sc.title.get(game.setup().language);
    r.scenarioHash = sc.contentHash;
    recordSettings(game.setup(), r);
    r.actions = game.state().actionCount;
    r.durationMs = game.state().nowMs;
    recordDecision(game, m, r);
    r.begripVersion = m.begripVersion;
    r.begripBefore = m.begripBefore;
    r.begripAfter = m.begripAfter;
    r.inclusie = m.inclusie;
    r.inclusieBasis = inclusieBasisId(m.inclusieBasis);
    r.inclusieOverPeople = m.inclusieOverPeople;
    r.rolesHeard = m.rolesHeard;
    r.roles = roleRecords(game, m);
    r.people = personRecords(game, m);
    return r;
}

std::string sessionDateOf(const std::string& logPath) {
    static const std::regex named(R"(^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})\d{2}-)");
    const std::string name = fs::path(logPath).filename().string();
    if (std::smatch m; std::regex_search(name, m, named))
        return m.str(1) + "-" + m.str(2) + "-" + m.str(3) + " " + m.str(4) + ":" + m.str(5);
    std::error_code ec;
    const fs::file_time_type written = fs::last_write_time(logPath, ec);
    if (ec)
        return "";
    const auto system = std::chrono::file_clock::to_sys(written);
    return utcMinute(std::chrono::system_clock::to_time_t(system));
}

} // namespace samenspel
