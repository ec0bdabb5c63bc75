#pragma once
// "Show in folder" for the facilitator: opens a folder in the desktop's file
// manager instead of showing its path on a screen a room is looking at.
#include <string>

namespace samenspel {

enum class FolderOpen {
    Opened,   // the file manager was started
    NoOpener, // this computer has no xdg-open (a bare desktop, a kiosk)
    Failed,   // it was there but could not be started
};

// The full path of the program that opens folders ("xdg-open"), searched in
// `searchPath` (a PATH-like list of folders); "" when none is executable.
std::string folderOpener(const std::string& searchPath);

// Starts the opener on `folder` without waiting for it; the window stays
// responsive while the file manager starts. `searchPath` "" means $PATH.
FolderOpen showInFolder(const std::string& folder, const std::string& searchPath = "");

class Catalog;
// The button's work: opens `folder` and returns what to say, in the catalog's
// words. "" when the file manager opened; otherwise why not, and the folder's
// path is put on the clipboard (never on the screen) to paste elsewhere.
std::string showFolderMessage(const Catalog& catalog, const std::string& folder);

} // namespace samenspel
