#pragma once
// Series colours shared by the on-screen charts and the HTML report, so a role
// has the same colour everywhere. Okabe–Ito: distinguishable with the common
// forms of colour blindness; ordered so the first ones stay readable on both
// a white page and a dark projector theme. Colour is never the only cue: every
// chart also labels its series by name and by marker shape.
#include <array>
#include <cstdint>

namespace samenspel::ui {

inline constexpr std::array<std::uint32_t, 8> kSeriesRgb = {
    0x0072B2, // blue
    0xD55E00, // vermillion
    0x009E73, // bluish green
    0xCC79A7, // reddish purple
    0xE69F00, // orange
    0x56B4E9, // sky blue
    0x7F7F7F, // grey (instead of black, which vanishes on a dark theme)
    0xF0E442, // yellow (last: weak on white)
};

inline std::uint32_t seriesRgb(int index) {
    const int n = static_cast<int>(kSeriesRgb.size());
    return kSeriesRgb[static_cast<std::size_t>(((index % n) + n) % n)];
}

// Marker shapes, cycled with the colours so two series never look alike.
enum class Marker { Circle, Square, Triangle, Diamond, Cross, Plus, TriangleDown, Star };
inline Marker seriesMarker(int index) {
    return static_cast<Marker>(((index % 8) + 8) % 8);
}

} // namespace samenspel::ui
