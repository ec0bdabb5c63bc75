// Not implemented yet in this tree; its owner replaces this file.
#include <cstdio>

#include "cli/commands.hpp"

namespace samenspel::cli {

int runHost(const Args&) {
    std::fprintf(stderr, "samenspel: 'host' is not available in this build\n");
    return kExitFailure;
}

} // namespace samenspel::cli
