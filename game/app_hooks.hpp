#pragma once
// Test and benchmark hooks of the shell (tests/gui.cmake, bench/gui.cmake):
//  --freeze-after-actions N  the session stands still once it has N actions,
//                            and the state is printed (a test kills it then);
//  --bench-frames N          once frozen, N frames are timed: mean / p99 frame
//                            time, CPU time per frame and peak memory;
//  --first-frame-exit        quits after the first frame, printing its time;
//  --bench-idle S            at a table nobody touches: CPU time (all threads)
//                            as % of one core over S seconds, frames drawn;
//  --trace-ui                prints "screen: NAME" when the top screen changes
//                            and where the items named by App::traceItem are,
//                            and "phase: P" when the phase changes (-1: over).
// Kept apart from the frame loop so that the loop reads as what a person gets.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace samenspel {

class App;
class Session;

class AppHooks {
  public:
    // Whether the test hook holds the session (reports it once).
    bool frozen(App& app);
    void beforeFrame(App& app);
    void afterFrame(App& app, double secondsSinceStart);
    // An item drawn this frame (--trace-ui): its rectangle in window pixels.
    void noteItem(const char* name, float x, float y, float w, float h);

    // "what: actions=N phase=P clock=MS log=PATH" on stdout, for scripts.
    static void printState(const char* what, const Session& session);

  private:
    void recordBenchFrame(App& app, double seconds);
    void printTrace(App& app);
    void measureIdle(App& app);
    bool frozenReported_ = false;
    double idleStartWallMs_ = -1, idleStartCpuMs_ = 0; // --bench-idle
    std::uint64_t idleStartFrame_ = 0;
    bool benching_ = false;
    double frameStartMs_ = 0;        // wall clock when the timed frame began
    std::vector<double> benchTimes_; // ms per frame
    double benchCpuStartMs_ = 0;     // process CPU time when the timed frames began
    // --trace-ui: the items of this frame and of the last printed one.
    std::map<std::string, std::string> tracedNow_, tracedShown_;
    std::string tracedScreen_;
    int tracedPhase_ = -2; // -1: the session is over
};

} // namespace samenspel
