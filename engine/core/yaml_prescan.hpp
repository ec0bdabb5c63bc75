#pragma once
// Checks on the raw bytes of a scenario before yaml-cpp sees them: its size,
// and whether it is a text file at all (yaml-cpp has no notion of that) with
// anything but comments in it. How deeply it nests is checked on the parser's
// own events (scenario_loader.cpp).
#include <optional>
#include <string>

#include "core/diagnostics.hpp"

namespace samenspel {

inline constexpr std::size_t kMaxScenarioBytes = 4u * 1024u * 1024u;

// The first reason the text cannot be a scenario, or nothing when it may be.
std::optional<Diagnostic> prescanScenarioText(const std::string& text, const std::string& file);

// "scenario file is too large (50.0 MB); the limit is 4 MB"
std::string tooLargeMessage(std::size_t bytes);

} // namespace samenspel
