#pragma once
// Test and benchmark hooks of the shell (tests/gui.cmake, bench/gui.cmake):
//  --freeze-after-actions N  the session stands still once it has N actions,
//                            and the state is printed (a test kills it then);
//  --bench-frames N          once frozen, N frames are timed: mean / p99 frame
//                            time, CPU time per frame and peak memory;
//  --first-frame-exit        quits after the first frame, printing its time.
// Kept apart from the frame loop so that the loop reads as what a person gets.
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

    // "what: actions=N phase=P clock=MS log=PATH" on stdout, for scripts.
    static void printState(const char* what, const Session& session);

  private:
    void recordBenchFrame(App& app, double seconds);
    bool frozenReported_ = false;
    bool benching_ = false;
    double frameStartMs_ = 0;        // wall clock when the timed frame began
    std::vector<double> benchTimes_; // ms per frame
    double benchCpuStartMs_ = 0;     // process CPU time when the timed frames began
};

} // namespace samenspel
