#include "ui/sound.hpp"

#include <algorithm>
#include <cmath>

namespace samenspel::ui {

namespace {
constexpr unsigned kSampleRate = 44100;
constexpr double kPi = 3.14159265358979323846;
} // namespace

std::vector<std::int16_t> synthesizeChime(const std::vector<std::pair<double, double>>& notes,
                                          unsigned sampleRate, double volume) {
    std::vector<std::int16_t> samples;
    for (const auto& [frequency, seconds] : notes) {
        const auto count = static_cast<std::size_t>(seconds * sampleRate);
        for (std::size_t i = 0; i < count; ++i) {
            const double t = static_cast<double>(i) / sampleRate;
            const double attack = std::min(1.0, t / 0.01);
            const double decay = std::exp(-4.0 * t / seconds);
            // A touch of the octave makes it sound like a bell, not a beep.
            const double wave =
                std::sin(2 * kPi * frequency * t) + 0.3 * std::sin(2 * kPi * 2 * frequency * t);
            const double v = volume * attack * decay * wave / 1.3;
            samples.push_back(static_cast<std::int16_t>(std::clamp(v, -1.0, 1.0) * 32767));
        }
    }
    return samples;
}

Sounds::Sounds() {
    const auto chime = synthesizeChime({{659.25, 0.22}, {523.25, 0.45}}, kSampleRate, 0.5);
    const auto signal =
        synthesizeChime({{523.25, 0.12}, {659.25, 0.12}, {783.99, 0.35}}, kSampleRate, 0.5);
    ready_ = phaseEndBuffer_.loadFromSamples(chime.data(), chime.size(), 1, kSampleRate) &&
             eventBuffer_.loadFromSamples(signal.data(), signal.size(), 1, kSampleRate);
    if (ready_) {
        phaseEndSound_.setBuffer(phaseEndBuffer_);
        eventSound_.setBuffer(eventBuffer_);
    }
}

void Sounds::play(sf::Sound& sound) {
    if (!ready_ || muted_)
        return;
    sound.stop();
    sound.play();
}

void Sounds::phaseEnd() {
    play(phaseEndSound_);
}
void Sounds::event() {
    play(eventSound_);
}

} // namespace samenspel::ui
