#pragma once
// Checks on the raw bytes of a scenario before yaml-cpp sees them: yaml-cpp
// recurses once per nesting level (a 10,000-deep file overflows the stack) and
// has no notion of "this is not a text file", so both are caught here.
#include <optional>
#include <string>

#include "core/diagnostics.hpp"

namespace samenspel {

inline constexpr std::size_t kMaxScenarioBytes = 4u * 1024u * 1024u;
inline constexpr int kMaxScenarioNesting = 64;

// The first reason the text cannot be a scenario, or nothing when it may be.
std::optional<Diagnostic> prescanScenarioText(const std::string& text, const std::string& file);

// "scenario file is too large (50.0 MB); the limit is 4 MB"
std::string tooLargeMessage(std::size_t bytes);

} // namespace samenspel
