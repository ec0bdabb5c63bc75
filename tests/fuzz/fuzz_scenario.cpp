// The scenario loader on any bytes: a joining client loads whatever scenario
// the host sends with it, so no input may crash it, leak, or trip UBSan.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    samenspel::LoadResult result = samenspel::loadScenarioText(text, "fuzz.yaml");
    // A scenario that loads must be usable: the names the expressions see.
    if (result.ok())
        (void)result.scenario->exprNames();
    return 0;
}
