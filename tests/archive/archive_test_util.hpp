#pragma once
// Shared by the archive tests: a fresh folder per test and bots-only
// skatebaan sessions played to a log.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/live_session.hpp"

namespace samenspel::archivetest {

// An empty folder of its own: temp/samenspel_test_<name>.
inline std::filesystem::path freshDir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("samenspel_test_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::shared_ptr<const Scenario> skatebaan() {
    LoadResult r =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE(r.ok());
    return std::make_shared<const Scenario>(std::move(*r.scenario));
}

// A bots-only session played to its end (or `steps` steps) with its log at `log`.
inline std::unique_ptr<LiveSession> playToLog(const std::string& log, std::uint64_t seed,
                                              const std::string& group = "", int steps = -1) {
    auto sc = skatebaan();
    SessionSetup setup = SessionSetup::defaultFor(*sc, true, seed);
    setup.group = group;
    LiveSessionOptions options;
    options.pace = SessionPace::asFastAsPossible();
    options.logPath = log;
    std::string error;
    auto session = LiveSession::start(sc, setup, options, error);
    REQUIRE_MESSAGE(session, error);
    if (steps < 0)
        CHECK(session->runToEnd());
    for (int i = 0; i < steps; ++i)
        session->step();
    return session;
}

} // namespace samenspel::archivetest
