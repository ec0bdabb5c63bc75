#pragma once
// The session clock's checkpoint beside a session log (SessionFiles::clock).
//
// Every logged action carries the session clock, but a quiet stretch logs
// nothing, so after a crash the last action's time alone would bring a phase
// back with more time than it had. Whatever runs a session clock (a local
// Session, a network Host) therefore rewrites "<log>.clock" (one number,
// session ms; temp file + rename, so a crash leaves the old number or the new
// one, never half of one) about once a second of session time, and a resumed
// session continues from max(last action time, checkpoint): its timers come
// back within a second of where they were. One implementation for both, so
// local play and a hosted session resume the same way.
#include <cstdint>
#include <string>

namespace samenspel {

class ClockCheckpoint {
  public:
    ClockCheckpoint() = default;
    explicit ClockCheckpoint(std::string logPath);

    // The clock a session resumed from the log continues from: the later of
    // the last action's time and the checkpoint (which may be missing: a log
    // from before checkpoints, or a crash before the first write).
    std::int64_t restore(std::int64_t lastActionMs);
    // Writes `clockMs` when it moved at least a second since the last write,
    // or nothing was written yet. False only when a write failed.
    bool update(std::int64_t clockMs);
    // Writes `clockMs` now. False when the disk refused.
    bool write(std::int64_t clockMs);

    const std::string& path() const { return path_; }

  private:
    std::string path_;
    std::int64_t lastWrittenMs_ = -1;
};

} // namespace samenspel
