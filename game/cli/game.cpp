// Not implemented yet in this tree; its owner replaces this file.
#include <cstdio>

#include "cli/commands.hpp"

namespace samenspel::cli {

int runGame(const Args&) {
    std::fprintf(stderr, "samenspel: 'game' is not available in this build\n");
    return kExitFailure;
}

} // namespace samenspel::cli
