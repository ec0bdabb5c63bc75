#pragma once
// What an event's effect does to the world (weights, resources, options), in
// one place: the rules apply it when an event fires in play, and the
// analysis (`samenspel analyze --after-events`) applies it to see the
// decision space after events. Revealing a secret changes no World: the
// rules handle that one themselves.
#include "core/scenario.hpp"
#include "core/scoring.hpp"

namespace samenspel {

// Weights are clamped to 0..3 (rounded); out-of-range indices change nothing.
void applyEventEffect(World& world, const EventEffect& effect);

// Every effect of the event, in file order.
void applyEvent(World& world, const Event& event);

} // namespace samenspel
