// Kill and resume (ctest: reliability_kill_resume). A real `samenspel host
// --headless --bots-fill` process is killed with SIGKILL at random moments,
// eight times, and started again each time with the same --log, so it
// resumes; the ninth run plays the session to its end. A session of bots
// only runs at the simulated pace (as `simulate` does), so a whole session
// takes a fraction of a second: each kill moment is drawn as a line count
// of the log, a few lines past where the run began (the host is killed once
// the log holds that many lines, after a random extra 0-3 ms), which spreads
// the kills over the session on a fast or a busy machine alike. Once, at random, the test also cuts
// the last line of the log in half after a kill, as a power cut in the middle of a write would
// (SIGKILL alone never cuts a line: each is one write).
//
// After every kill: the complete lines written so far must all still be
// there, unchanged, in the log of every later run (a cut last line may be
// dropped; the resume says so on stderr). At the end `samenspel replay`
// must accept the log. Prints the seed (SAMENSPEL_KILL_SEED overrides it)
// and "kills: N, resumes: N, sessions finished: 1, actions lost: 0, cut last
// lines dropped: K".
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kKills = 8;
constexpr int kSessionSeed = 7; // the session's seed: the same game every time
// Two seats per role: a longer session (about 470 lines), so that eight
// kills fit in it on a busy machine too.
constexpr int kPlayers = 12;
constexpr double kRunBound = 30.0; // seconds one host run may take; only stops a wait

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The log up to and including its last newline: the lines a crash must keep.
std::string completeLines(const std::string& log) {
    const auto last = log.rfind('\n');
    return last == std::string::npos ? std::string() : log.substr(0, last + 1);
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

std::size_t countLines(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return static_cast<std::size_t>(
        std::count(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), '\n'));
}

// A child process that is killed if the test ends while it runs.
class Child {
  public:
    Child(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
        std::vector<char*> argv;
        for (const std::string& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        std::fflush(nullptr);
        pid_ = ::fork();
        if (pid_ == 0) {
            const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (o < 0 || e < 0)
                ::_exit(126);
            ::dup2(o, 1);
            ::dup2(e, 2);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
    }
    ~Child() {
        if (running()) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    bool started() const { return pid_ > 0; }
    bool running() const { return pid_ > 0 && !reaped_; }
    // True once the process has ended (status() tells how).
    bool poll() {
        if (reaped_)
            return true;
        if (::waitpid(pid_, &status_, WNOHANG) == pid_)
            reaped_ = true;
        return reaped_;
    }
    void killNow() {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status_, 0);
        reaped_ = true;
    }
    bool waitFor(double seconds) {
        const auto end = Clock::now() + std::chrono::duration<double>(seconds);
        while (!poll() && Clock::now() < end)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return reaped_;
    }
    bool killedBySigkill() const {
        return reaped_ && WIFSIGNALED(status_) && WTERMSIG(status_) == SIGKILL;
    }
    int exitCode() const { return reaped_ && WIFEXITED(status_) ? WEXITSTATUS(status_) : -1; }

  private:
    pid_t pid_ = -1;
    int status_ = 0;
    bool reaped_ = false;
};

std::uint64_t seedFromEnvironment() {
    if (const char* text = std::getenv("SAMENSPEL_KILL_SEED"))
        return std::strtoull(text, nullptr, 10);
    return static_cast<std::uint64_t>(Clock::now().time_since_epoch().count()) % 1000000007ull;
}

struct TempDir {
    fs::path path =
        fs::temp_directory_path() / ("samenspel-kill-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(Clock::now().time_since_epoch().count()));
    bool keep = false;
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        if (keep)
            std::printf("kept for inspection: %s\n", path.c_str());
        else
            fs::remove_all(path);
    }
};

std::vector<std::string> hostArgs(const fs::path& log) {
    return {SAMENSPEL_BINARY, "host",
            std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml", "--headless",
            "--bots-fill", "--mute", "--bind", "127.0.0.1", "--port", "0", "--seed",
            std::to_string(kSessionSeed), "--players", std::to_string(kPlayers),
            // One table: more people than its seats would otherwise make a
            // room of several tables, each with a log of its own.
            "--tables", "1", "--max-seconds", std::to_string(static_cast<int>(kRunBound)), "--log",
            log.string()};
}

} // namespace

TEST_CASE("reliability: a host killed at random moments resumes without losing an action") {
    const std::uint64_t seed = seedFromEnvironment();
    std::printf("\nKill and resume (seed %llu; SAMENSPEL_KILL_SEED overrides)\n",
                static_cast<unsigned long long>(seed));
    std::mt19937_64 rng(seed);
    TempDir dir;
    dir.keep = true; // until the end is reached

    // An uninterrupted run first: how many lines a whole session writes.
    const fs::path reference = dir.path / "reference.log";
    {
        Child run(hostArgs(reference), dir.path / "reference.out", dir.path / "reference.err");
        REQUIRE(run.started());
        REQUIRE_MESSAGE(run.waitFor(kRunBound), "the reference host did not finish");
        REQUIRE_MESSAGE(run.exitCode() == 0, readFile(dir.path / "reference.err"));
    }
    const std::size_t total = countLines(reference);
    REQUIRE(total > static_cast<std::size_t>(kKills) + 3);
    std::printf("an uninterrupted run writes %zu lines\n", total);

    std::uniform_int_distribution<int> extraMicros(0, 3000);
    const int cutAfterKill = std::uniform_int_distribution<int>(0, kKills - 1)(rng);

    const fs::path log = dir.path / "session.log";
    std::vector<std::string> kept; // the complete lines after each kill
    int kills = 0, resumes = 0, cutByTest = 0, cutDropped = 0, runs = 0, killsBeforeProgress = 0;
    bool finished = false;
    bool tailPending = false; // the log ends in a cut line the next run must drop
    for (int k = 0; k <= kKills && !finished; ++k) {
        const fs::path out = dir.path / ("run" + std::to_string(runs) + ".out");
        const fs::path err = dir.path / ("run" + std::to_string(runs) + ".err");
        ++runs;
        const std::string before = fs::exists(log) ? readFile(log) : std::string();
        // This kill's moment: up to a few lines further than the log is now,
        // drawn so that the kills left spread over what is left of the
        // session (a resumed session need not write as many lines as the
        // first run). No line further means while the host starts and reads
        // the log back.
        const std::size_t atStart = linesOf(before).size();
        const std::size_t left = std::max(total, atStart + kKills) - atStart;
        const std::size_t stride = std::max<std::size_t>(1, left / (kKills - k + 1));
        const std::size_t target = std::max<std::size_t>(
            2, atStart + std::uniform_int_distribution<std::size_t>(0, stride)(rng));
        Child run(hostArgs(log), out, err);
        REQUIRE(run.started());
        bool killed = false;
        std::size_t linesAtKill = 0;
        int delay = 0;
        const auto end = Clock::now() + std::chrono::duration<double>(kRunBound);
        while (!run.poll() && Clock::now() < end) {
            if (k < kKills && fs::exists(log) && countLines(log) >= target) {
                delay = extraMicros(rng);
                std::this_thread::sleep_for(std::chrono::microseconds(delay));
                run.killNow();
                linesAtKill = countLines(log);
                killed = run.killedBySigkill();
                break;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (!run.poll()) {
            run.killNow();
            FAIL("host run " << runs << " neither ended nor reached its kill moment in "
                             << kRunBound << " s");
        }
        const std::string after = readFile(log);
        const std::string stdoutText = readFile(out);
        const std::string stderrText = readFile(err);
        if (!before.empty()) {
            // Every restart resumes; one killed while starting may not have
            // flushed its first line yet.
            ++resumes;
            const bool said = stdoutText.find("Resuming the session in") != std::string::npos;
            CHECK_MESSAGE((said || (killed && stdoutText.empty())),
                          "run " << runs << " did not resume: " << stderrText);
        }
        if (tailPending && stderrText.find("the last line was cut off") != std::string::npos) {
            ++cutDropped;
            tailPending = false;
        }
        if (tailPending && completeLines(after).size() > completeLines(before).size())
            FAIL_CHECK("run " << runs << " went on from a cut last line without a note");
        // Nothing written before is lost or changed.
        for (const std::string& earlier : kept)
            CHECK_MESSAGE(after.compare(0, earlier.size(), earlier) == 0,
                          "run " << runs << " lost or changed lines written before a kill");
        if (!killed) {
            REQUIRE_MESSAGE(run.exitCode() == 0, "host run " << runs << " exited with "
                                                             << run.exitCode() << ": "
                                                             << stderrText);
            finished = stdoutText.find("Session ended") != std::string::npos;
            CHECK_MESSAGE(finished, stdoutText);
            break;
        }
        ++kills;
        killsBeforeProgress += completeLines(after) == completeLines(before) ? 1 : 0;
        std::string state = after;
        bool cutNow = false;
        if (k == cutAfterKill && !state.empty() && state.back() == '\n' &&
            linesOf(state).size() >= 3) {
            // Half of the last line, as if the write had been cut short.
            const std::size_t start = state.rfind('\n', state.size() - 2) + 1;
            const std::size_t cut = start + (state.size() - start) / 2;
            fs::resize_file(log, cut);
            state = readFile(log);
            ++cutByTest;
            cutNow = true;
            // That line was complete after the kill; now it may be dropped.
            for (std::string& earlier : kept)
                if (earlier.size() > start)
                    earlier.resize(start);
        }
        if (!state.empty() && state.back() != '\n')
            tailPending = true;
        kept.push_back(completeLines(state));
        std::printf("kill %d: drawn at %zu lines + %d us; the log had %zu lines (run began at "
                    "%zu); %zu complete lines kept%s\n",
                    kills, target, delay, linesAtKill, atStart, linesOf(kept.back()).size(),
                    cutNow        ? " and half a line (cut by the test)"
                    : tailPending ? " and a cut last line"
                                  : "");
    }

    // Every line kept after a kill is in the final log, unchanged.
    const std::vector<std::string> finalLines = linesOf(readFile(log));
    std::size_t lost = 0;
    if (!kept.empty()) {
        const std::vector<std::string> longest = linesOf(kept.back());
        for (std::size_t i = 0; i < longest.size(); ++i)
            lost += i >= finalLines.size() || finalLines[i] != longest[i] ? 1 : 0;
    }
    CHECK(lost == 0);
    CHECK_FALSE(tailPending);

    Child replay({SAMENSPEL_BINARY, "replay", log.string()}, dir.path / "replay.out",
                 dir.path / "replay.err");
    REQUIRE(replay.waitFor(kRunBound));
    CHECK_MESSAGE(replay.exitCode() == 0, readFile(dir.path / "replay.err"));

    std::printf("runs: %d, log lines at the end: %zu; kills before the run wrote a line: %d; "
                "kills planned: %d (a session that ends first takes no more)\n",
                runs, finalLines.size(), killsBeforeProgress, kKills);
    std::printf("kills: %d, resumes: %d, sessions finished: %d, actions lost: %zu, cut last lines "
                "dropped: %d (cut by the test: %d)\n",
                kills, resumes, finished ? 1 : 0, lost, cutDropped, cutByTest);
    std::fflush(stdout);
    CHECK(kills >= 1);
    CHECK(resumes == kills);
    CHECK(finished);
    CHECK(cutDropped == cutByTest);
    dir.keep = !finished || lost > 0 || replay.exitCode() != 0;
}
