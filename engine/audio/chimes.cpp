#include "audio/chimes.hpp"

#include <SFML/Audio/Sound.hpp>
#include <SFML/Audio/SoundBuffer.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace samenspel::audio {

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

bool audioOutputAvailable() {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (const char* server = std::getenv("PULSE_SERVER"); server && *server)
        return true;
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime && *runtime) {
        if (fs::exists(fs::path(runtime) / "pulse" / "native", ec) ||
            fs::exists(fs::path(runtime) / "pipewire-0", ec))
            return true;
    }
    // ALSA playback devices are /dev/snd/pcmC<card>D<device>p.
    for (fs::directory_iterator it("/dev/snd", ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("pcmC", 0) == 0 && !name.empty() && name.back() == 'p')
            return true;
    }
    return false;
}

struct Sounds::Player {
    sf::SoundBuffer phaseEndBuffer, eventBuffer;
    sf::Sound phaseEndSound, eventSound;

    static void play(sf::Sound& sound) {
        sound.stop();
        sound.play();
    }
};

Sounds::Sounds() {
    if (!audioOutputAvailable())
        return;
    const auto chime = synthesizeChime({{659.25, 0.22}, {523.25, 0.45}}, kSampleRate, 0.5);
    const auto signal =
        synthesizeChime({{523.25, 0.12}, {659.25, 0.12}, {783.99, 0.35}}, kSampleRate, 0.5);
    auto player = std::make_unique<Player>();
    if (!player->phaseEndBuffer.loadFromSamples(chime.data(), chime.size(), 1, kSampleRate) ||
        !player->eventBuffer.loadFromSamples(signal.data(), signal.size(), 1, kSampleRate))
        return;
    player->phaseEndSound.setBuffer(player->phaseEndBuffer);
    player->eventSound.setBuffer(player->eventBuffer);
    player_ = std::move(player);
}

Sounds::~Sounds() = default;

void Sounds::phaseEnd() {
    if (player_ && !muted_)
        Player::play(player_->phaseEndSound);
}

void Sounds::event() {
    if (player_ && !muted_)
        Player::play(player_->eventSound);
}

} // namespace samenspel::audio
