#pragma once
// Two short sounds, synthesized in code (no audio files to ship): a soft
// two-note chime when a phase ends and a brighter three-note signal for an
// event. Silent when muted or when no audio device is available.
#include <cstdint>
#include <memory>
#include <vector>

namespace samenspel::audio {

// Samples of a tone sequence: each note (frequency Hz, seconds) with a soft
// attack and decay so it does not click. Mono, 16 bit, `sampleRate` Hz.
std::vector<std::int16_t> synthesizeChime(const std::vector<std::pair<double, double>>& notes,
                                          unsigned sampleRate, double volume);

// Whether this machine has somewhere to play sound (an ALSA playback device,
// or a PulseAudio / PipeWire server). Opening audio where there is none makes
// the audio libraries print pages of errors, so nothing is opened then.
bool audioOutputAvailable();

class Sounds {
  public:
    Sounds(); // silent when audioOutputAvailable() is false
    ~Sounds();
    void setMuted(bool muted) { muted_ = muted; }
    bool muted() const { return muted_; }
    bool ready() const { return player_ != nullptr; }
    void phaseEnd();
    void event();

  private:
    struct Player; // the SFML buffers and sounds, made only with a device
    std::unique_ptr<Player> player_;
    bool muted_ = false;
};

} // namespace samenspel::audio
