#pragma once
// Records a finished session in the user's archive ($XDG_DATA_HOME/samenspel,
// engine/archive), from wherever a session ends: the game window (local and
// hosted) and `samenspel host`. The archive never holds a session up: a
// failure is one line on stderr, the log stays, and `samenspel archive
// rebuild` (or the next recording) brings the session in later.
#include <cstdint>
#include <string>

#include "core/game.hpp"

namespace samenspel {

// The session's number in the archive, 0 when it was not recorded (a
// player's copy, or the archive failed: said on stderr after `who`, e.g.
// "samenspel host").
std::int64_t archiveFinishedSession(const Game& game, const std::string& logPath,
                                    const std::string& who);

} // namespace samenspel
