#pragma once
// Two short sounds, synthesized in code (no audio files to ship): a soft
// two-note chime when a phase ends and a brighter three-note signal for an
// event. Silent when muted or when no audio device is available.
#include <SFML/Audio/Sound.hpp>
#include <SFML/Audio/SoundBuffer.hpp>
#include <cstdint>
#include <vector>

namespace samenspel::ui {

// Samples of a tone sequence: each note (frequency Hz, seconds) with a soft
// attack and decay so it does not click. Mono, 16 bit, `sampleRate` Hz.
std::vector<std::int16_t> synthesizeChime(const std::vector<std::pair<double, double>>& notes,
                                          unsigned sampleRate, double volume);

class Sounds {
  public:
    Sounds();
    void setMuted(bool muted) { muted_ = muted; }
    bool muted() const { return muted_; }
    void phaseEnd();
    void event();

  private:
    void play(sf::Sound& sound);
    bool ready_ = false;
    bool muted_ = false;
    sf::SoundBuffer phaseEndBuffer_, eventBuffer_;
    sf::Sound phaseEndSound_, eventSound_;
};

} // namespace samenspel::ui
