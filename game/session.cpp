#include "session.hpp"

#include <algorithm>
#include <cmath>

namespace samenspel {

std::unique_ptr<Session> Session::start(std::shared_ptr<const Scenario> scenario,
                                        SessionSetup setup, const std::string& logPath,
                                        std::string& error, SessionPace pace) {
    LiveSessionOptions options;
    options.logPath = logPath;
    options.pace = pace;
    auto live = LiveSession::start(std::move(scenario), std::move(setup), options, error);
    if (!live)
        return nullptr;
    return std::unique_ptr<Session>(new Session(std::move(live)));
}

std::unique_ptr<Session> Session::resume(const std::string& logPath, std::string& error) {
    LiveSessionOptions options;
    options.logPath = logPath;
    options.pace = SessionPace::humanPace();
    auto live = LiveSession::resume(options, error);
    if (!live)
        return nullptr;
    return std::unique_ptr<Session>(new Session(std::move(live)));
}

void Session::update(double realSeconds) {
    if (live_->pace().clock == SessionPace::Clock::Simulated) {
        live_->step();
        return;
    }
    carryMs_ += std::max(0.0, realSeconds) * 1000.0 * speed_;
    const double whole = std::floor(carryMs_);
    carryMs_ -= whole;
    live_->advance(static_cast<std::int64_t>(whole));
}

} // namespace samenspel
