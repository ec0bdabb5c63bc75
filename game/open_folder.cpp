#include "open_folder.hpp"

#include <imgui.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <thread>
#include <vector>

#include "i18n.hpp"

extern char** environ;

namespace samenspel {

std::string folderOpener(const std::string& searchPath) {
    std::size_t start = 0;
    while (start <= searchPath.size()) {
        const std::size_t end = std::min(searchPath.find(':', start), searchPath.size());
        const std::string dir = searchPath.substr(start, end - start);
        start = end + 1;
        if (dir.empty())
            continue; // an empty entry would mean the current folder: never run from there
        const std::string candidate = dir + "/xdg-open";
        struct stat st {};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
            ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

FolderOpen showInFolder(const std::string& folder, const std::string& searchPath) {
    const char* envPath = std::getenv("PATH");
    const std::string opener =
        folderOpener(searchPath.empty() ? std::string(envPath ? envPath : "") : searchPath);
    if (opener.empty())
        return FolderOpen::NoOpener;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // The file manager's chatter does not belong in the game's output.
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv = {const_cast<char*>(opener.c_str()), const_cast<char*>(folder.c_str()),
                               nullptr};
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, opener.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return FolderOpen::Failed;
    // Reaped in the background: xdg-open may stay until the file manager is up.
    std::thread([pid] {
        int status = 0;
        ::waitpid(pid, &status, 0);
    }).detach();
    return FolderOpen::Opened;
}

std::string showFolderMessage(const Catalog& catalog, const std::string& folder) {
    const FolderOpen result = showInFolder(folder);
    if (result == FolderOpen::Opened)
        return {};
    ImGui::SetClipboardText(folder.c_str());
    return catalog.tr(result == FolderOpen::NoOpener ? "ui.show_in_folder.no_opener"
                                                     : "ui.show_in_folder.failed");
}

} // namespace samenspel
