#include "read_aloud.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace samenspel {

namespace {

constexpr const char* kDefaultProgram = "espeak-ng";
// Words per minute: a little slower than espeak-ng's 175, for listeners who
// read Dutch as a second language or with a mild intellectual disability.
constexpr const char* kWordsPerMinute = "150";
// One argument may hold 128 KB on Linux; a role card is a few hundred words.
constexpr std::size_t kMaxTextBytes = 16000;

std::string findProgram(const std::string& program) {
    if (program.find('/') != std::string::npos)
        return ::access(program.c_str(), X_OK) == 0 ? program : std::string();
    const char* path = std::getenv("PATH");
    std::string folders = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= folders.size()) {
        const std::size_t end = std::min(folders.find(':', start), folders.size());
        const std::string folder = folders.substr(start, end - start);
        if (!folder.empty()) {
            const std::string candidate = (std::filesystem::path(folder) / program).string();
            if (::access(candidate.c_str(), X_OK) == 0)
                return candidate;
        }
        start = end + 1;
    }
    return {};
}

// Cut at a character boundary, not inside a UTF-8 sequence.
std::string limited(const std::string& text) {
    if (text.size() <= kMaxTextBytes)
        return text;
    std::size_t cut = kMaxTextBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut);
}

} // namespace

ReadAloud::ReadAloud(std::string program)
    : program_(program.empty() ? kDefaultProgram : std::move(program)),
      path_(findProgram(program_)) {}

ReadAloud::~ReadAloud() {
    stop();
    // The game is closing: wait for what was stopped, so no zombie remains.
    for (pid_t pid : stopping_)
        ::waitpid(pid, nullptr, 0);
}

std::vector<std::string> ReadAloud::arguments(const std::string& text, const std::string& lang,
                                              const std::string& wavPath) {
    std::vector<std::string> args = {"-v", lang == "nl" ? "nl" : "en", "-s", kWordsPerMinute};
    if (!wavPath.empty()) {
        args.push_back("-w");
        args.push_back(wavPath);
    }
    // "--": a text that starts with "-" is still text, never an option.
    args.push_back("--");
    args.push_back(limited(text));
    return args;
}

pid_t ReadAloud::spawn(const std::vector<std::string>& args, std::string& error) const {
    if (path_.empty()) {
        error = program_ + " was not found; install it (Debian: apt-get install espeak-ng) to "
                           "have texts read aloud";
        return -1;
    }
    std::vector<std::string> all = {path_};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    // Its chatter (a missing sound device) must not fill the game's terminal.
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, path_.c_str(), &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    if (rc != 0) {
        error = "could not start " + path_ + ": " + std::strerror(rc);
        return -1;
    }
    return pid;
}

bool ReadAloud::say(const std::string& text, const std::string& lang, std::string& error) {
    stop();
    const pid_t pid = spawn(arguments(text, lang), error);
    if (pid < 0)
        return false;
    speaking_ = pid;
    return true;
}

void ReadAloud::stop() {
    if (speaking_ > 0) {
        ::kill(speaking_, SIGTERM);
        stopping_.push_back(speaking_);
        speaking_ = -1;
    }
    reap();
}

bool ReadAloud::speaking() {
    if (speaking_ > 0) {
        const pid_t done = ::waitpid(speaking_, nullptr, WNOHANG);
        // Ended, or already collected elsewhere (ECHILD): no longer speaking.
        if (done == speaking_ || (done < 0 && errno == ECHILD))
            speaking_ = -1;
    }
    reap();
    return speaking_ > 0;
}

void ReadAloud::reap() {
    for (auto it = stopping_.begin(); it != stopping_.end();) {
        const pid_t done = ::waitpid(*it, nullptr, WNOHANG);
        if (done == *it || (done < 0 && errno == ECHILD))
            it = stopping_.erase(it);
        else
            ++it;
    }
}

bool ReadAloud::writeWav(const std::string& text, const std::string& lang, const std::string& path,
                         std::string& error) {
    const pid_t pid = spawn(arguments(text, lang, path), error);
    if (pid < 0)
        return false;
    int status = 0;
    pid_t done = -1;
    do
        done = ::waitpid(pid, &status, 0);
    while (done < 0 && errno == EINTR);
    if (done != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        error = path_ + " could not write " + path;
        return false;
    }
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) == 0 || ec) {
        error = path_ + " wrote no sound to " + path;
        return false;
    }
    return true;
}

} // namespace samenspel
