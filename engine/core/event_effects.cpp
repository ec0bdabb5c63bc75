// Event effects on the world; see event_effects.hpp.
#include "core/event_effects.hpp"

#include <algorithm>
#include <cmath>

namespace samenspel {

namespace {

int clampWeight(double w) {
    return static_cast<int>(std::clamp(std::lround(w), 0L, 3L));
}

} // namespace

void applyEventEffect(World& world, const EventEffect& e) {
    auto resource = [&]() -> double* {
        if (e.resource < 0 || e.resource >= static_cast<int>(world.resources.size()))
            return nullptr;
        return &world.resources[static_cast<std::size_t>(e.resource)];
    };
    auto weight = [&]() -> int* {
        if (e.role < 0 || e.role >= static_cast<int>(world.weights.size()))
            return nullptr;
        auto& w = world.weights[static_cast<std::size_t>(e.role)];
        if (e.value < 0 || e.value >= static_cast<int>(w.size()))
            return nullptr;
        return &w[static_cast<std::size_t>(e.value)];
    };
    auto setOption = [&](bool enabled) {
        if (e.issue < 0 || e.issue >= static_cast<int>(world.optionEnabled.size()))
            return;
        auto& options = world.optionEnabled[static_cast<std::size_t>(e.issue)];
        if (e.option >= 0 && e.option < static_cast<int>(options.size()))
            options[static_cast<std::size_t>(e.option)] = enabled;
    };
    switch (e.kind) {
    case EventEffect::Kind::SetResource:
        if (double* r = resource())
            *r = e.amount;
        break;
    case EventEffect::Kind::AddResource:
        if (double* r = resource())
            *r += e.amount;
        break;
    case EventEffect::Kind::AddValueWeight:
        if (int* w = weight())
            *w = clampWeight(*w + e.amount);
        break;
    case EventEffect::Kind::SetValueWeight:
        if (int* w = weight())
            *w = clampWeight(e.amount);
        break;
    case EventEffect::Kind::EnableOption:
        setOption(true);
        break;
    case EventEffect::Kind::DisableOption:
        setOption(false);
        break;
    case EventEffect::Kind::RevealSecret:
        break;
    }
}

void applyEvent(World& world, const Event& event) {
    for (const EventEffect& e : event.effects)
        applyEventEffect(world, e);
}

} // namespace samenspel
