#include "core/session_files.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace samenspel {

namespace fs = std::filesystem;

std::string SessionFiles::clock(const std::string& logPath) {
    return logPath + ".clock";
}

std::string SessionFiles::finishedMarker(const std::string& logPath) {
    return logPath + ".finished";
}

std::string SessionFiles::seats(const std::string& logPath) {
    return logPath + ".net";
}

std::string SessionFiles::scenarioCopy(const std::string& logPath) {
    return logPath + ".scenario.yaml";
}

std::string SessionFiles::report(const std::string& logPath) {
    const std::size_t slash = logPath.find_last_of('/');
    const std::size_t dot = logPath.find_last_of('.');
    const bool hasExtension =
        dot != std::string::npos && (slash == std::string::npos || dot > slash);
    return (hasExtension ? logPath.substr(0, dot) : logPath) + ".report.html";
}

bool writeFileAtomically(const std::string& path, const std::string& text, std::string* error) {
    const std::string temp = path + ".tmp";
    const auto fail = [&](const std::string& why) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        if (error)
            *error = why;
        return false;
    };
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            return fail("cannot write " + path);
        out << text;
        out.flush();
        if (!out.good())
            return fail("could not write all of " + path + " (is the disk full?)");
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec)
        return fail("cannot replace " + path + ": " + ec.message());
    return true;
}

bool sessionFinished(const std::string& logPath) {
    std::error_code ec;
    return fs::exists(SessionFiles::finishedMarker(logPath), ec);
}

bool markSessionFinished(const std::string& logPath) {
    return writeFileAtomically(SessionFiles::finishedMarker(logPath), "finished\n");
}

std::string newLogPath(const std::string& folder, const std::string& name) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
    const std::string base = (fs::path(folder) / (std::string(stamp) + "-" + name)).string();
    std::string path = base + ".log";
    std::error_code ec;
    for (int n = 2; fs::exists(path, ec) && n < 1000; ++n)
        path = base + "-" + std::to_string(n) + ".log";
    return path;
}

std::string lastResumableLog(const std::string& folder) {
    std::error_code ec;
    std::string best;
    fs::file_time_type bestTime{};
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& path = it->path();
        if (path.extension() != ".log" || !it->is_regular_file(ec))
            continue;
        if (sessionFinished(path.string()))
            continue;
        const auto time = it->last_write_time(ec);
        if (best.empty() || time > bestTime) {
            best = path.string();
            bestTime = time;
        }
    }
    return best;
}

} // namespace samenspel
