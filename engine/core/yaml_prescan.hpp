#pragma once
// Checks on the raw bytes of a scenario before yaml-cpp sees them: its size,
// and whether it is a text file at all (yaml-cpp has no notion of that) with
// anything but comments in it. How deeply it nests is checked on the parser's
// own events (scenario_loader.cpp).
#include <optional>
#include <string>

#include "core/diagnostics.hpp"

namespace samenspel {

// Real scenarios are 15-40 KB. Parsing builds a node per item, so the limit
// bounds time and memory too: a file at the limit made of the smallest nodes
// yaml-cpp knows loads or is refused in well under a second and 150 MB
// (`bench_loader` prints the figures).
inline constexpr std::size_t kMaxScenarioBytes = 256u * 1024u;

// The first reason the text cannot be a scenario, or nothing when it may be.
std::optional<Diagnostic> prescanScenarioText(const std::string& text, const std::string& file);

// "scenario file is too large (50.0 MB); the limit is 4 MB"
// "5.0 MB", "257 KB"
std::string scenarioSizeText(std::size_t bytes);
std::string tooLargeMessage(std::size_t bytes);

} // namespace samenspel
