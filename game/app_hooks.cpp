#include "app_hooks.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "app.hpp"
#include "session.hpp"

namespace samenspel {

namespace {

double processCpuMs() {
    timespec t{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0)
        return 0;
    return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

double wallMs() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

long peakRssKb() {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1)
            break;
    std::fclose(f);
    return kb;
}

bool reachedFreeze(const App& app) {
    const std::uint64_t limit = app.options().freezeAfterActions;
    const Session* session = app.session();
    return limit > 0 && session && session->state().actionCount >= limit;
}

} // namespace

void AppHooks::printState(const char* what, const Session& session) {
    std::printf("%s: actions=%llu phase=%d clock=%lld log=%s\n", what,
                static_cast<unsigned long long>(session.state().actionCount), session.state().phase,
                static_cast<long long>(session.clockMs()), session.logPath().c_str());
    std::fflush(stdout);
}

bool AppHooks::frozen(App& app) {
    if (!reachedFreeze(app))
        return false;
    if (!frozenReported_) {
        frozenReported_ = true;
        printState("frozen", *app.session());
    }
    return true;
}

void AppHooks::beforeFrame(App& app) {
    if (app.options().benchIdleSeconds > 0)
        measureIdle(app);
    if (!benching_ && app.options().benchFrames > 0 && reachedFreeze(app)) {
        benching_ = true;
        benchCpuStartMs_ = processCpuMs();
    }
    frameStartMs_ = wallMs();
}

// Called every turn of the loop, drawn or not.
void AppHooks::measureIdle(App& app) {
    constexpr double kSettleMs = 1500; // the first frames build fonts and textures
    if (idleStartWallMs_ < 0) {
        idleStartWallMs_ = wallMs() + kSettleMs;
        return;
    }
    if (idleStartCpuMs_ == 0) {
        if (wallMs() < idleStartWallMs_)
            return;
        idleStartWallMs_ = wallMs();
        idleStartCpuMs_ = processCpuMs();
        idleStartFrame_ = app.frameCount();
        return;
    }
    const double wall = wallMs() - idleStartWallMs_;
    if (wall < app.options().benchIdleSeconds * 1000.0)
        return;
    const double cpu = processCpuMs() - idleStartCpuMs_;
    std::printf("bench-idle: seconds=%.1f cpu_percent=%.2f frames=%llu screen=%s\n", wall / 1000.0,
                100.0 * cpu / wall,
                static_cast<unsigned long long>(app.frameCount() - idleStartFrame_),
                app.top() ? app.top()->name() : "-");
    std::fflush(stdout);
    app.quit(0);
}

void AppHooks::afterFrame(App& app, double secondsSinceStart) {
    if (app.options().firstFrameExit && app.frameCount() == 1) {
        std::printf("first-frame: %.1f ms after the shell started\n", secondsSinceStart * 1000.0);
        std::fflush(stdout);
        app.quit(0);
    }
    if (benching_)
        recordBenchFrame(app, (wallMs() - frameStartMs_) / 1000.0);
    if (app.options().traceUi)
        printTrace(app);
}

void AppHooks::noteItem(const char* name, float x, float y, float w, float h) {
    char rect[96];
    std::snprintf(rect, sizeof rect, "%d %d %d %d", static_cast<int>(x), static_cast<int>(y),
                  static_cast<int>(w), static_cast<int>(h));
    tracedNow_[name] = rect;
}

void AppHooks::printTrace(App& app) {
    const std::string screen = app.top() ? app.top()->name() : "-";
    bool printed = false;
    if (screen != tracedScreen_) {
        tracedScreen_ = screen;
        std::printf("screen: %s\n", screen.c_str());
        printed = true;
    }
    for (const auto& [name, rect] : tracedShown_)
        if (!tracedNow_.count(name)) {
            std::printf("gone: %s\n", name.c_str());
            printed = true;
        }
    for (const auto& [name, rect] : tracedNow_) {
        const auto shown = tracedShown_.find(name);
        if (shown == tracedShown_.end() || shown->second != rect) {
            std::printf("item: %s %s\n", name.c_str(), rect.c_str());
            printed = true;
        }
    }
    // The phase, so a test sees whether a click ended it.
    if (const std::shared_ptr<TableLink>& link = app.link(); link && link->ready()) {
        const int phase = link->game().state().finished ? -1 : link->game().state().phase;
        if (phase != tracedPhase_) {
            tracedPhase_ = phase;
            std::printf("phase: %d\n", phase);
            printed = true;
        }
    }
    tracedShown_ = std::move(tracedNow_);
    tracedNow_.clear();
    if (printed)
        std::fflush(stdout);
}

void AppHooks::recordBenchFrame(App& app, double seconds) {
    benchTimes_.push_back(seconds * 1000.0);
    if (static_cast<int>(benchTimes_.size()) < app.options().benchFrames)
        return;
    std::vector<double> sorted = benchTimes_;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double t : sorted)
        sum += t;
    const std::size_t p99 =
        std::min(sorted.size() - 1, static_cast<std::size_t>(sorted.size() * 0.99));
    // CPU time of all threads (ours and the software renderer's) per frame:
    // unlike the wall clock, it does not grow when other work shares the machine.
    const double cpuMs = (processCpuMs() - benchCpuStartMs_) / sorted.size();
    std::printf("bench-frames: n=%zu mean_ms=%.3f p99_ms=%.3f cpu_ms=%.3f screen=%s roles=%zu\n",
                sorted.size(), sum / sorted.size(), sorted[p99], cpuMs,
                app.top() ? app.top()->name() : "-", app.session()->scenario().roles.size());
    std::printf("bench-memory: peak_rss_kb=%ld\n", peakRssKb());
    std::fflush(stdout);
    app.quit(0);
}

} // namespace samenspel
