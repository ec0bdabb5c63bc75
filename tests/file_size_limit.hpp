#pragma once
// A full disk in a test: while a FileSizeLimit lives, no file of this process
// grows past `bytes` (as under `ulimit -f`), so the next log line that would
// cross it fails with EFBIG, after the kernel wrote what fits below the
// limit: the cut-off line a full disk leaves. SIGXFSZ is ignored meanwhile,
// as the game's main() ignores it. Sockets and pipes are not files: a host
// and its clients keep talking.
#include <doctest/doctest.h>

#include <csignal>
#include <cstdint>
#include <sys/resource.h>

class FileSizeLimit {
  public:
    explicit FileSizeLimit(std::uintmax_t bytes) {
        REQUIRE(getrlimit(RLIMIT_FSIZE, &saved_) == 0);
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lower = saved_;
        lower.rlim_cur = static_cast<rlim_t>(bytes);
        REQUIRE(setrlimit(RLIMIT_FSIZE, &lower) == 0);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &saved_); // back up to the hard limit is allowed
        std::signal(SIGXFSZ, previousHandler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

  private:
    rlimit saved_{};
    void (*previousHandler_)(int) = SIG_DFL;
};
