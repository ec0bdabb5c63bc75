#include "sound_cues.hpp"

#include "audio/chimes.hpp"

namespace samenspel {

void SoundCues::hear(const std::vector<LinkEvent>& events) {
    for (const LinkEvent& e : events) {
        if (e.kind == LinkEvent::Kind::PhaseChanged)
            phaseEnd();
        else if (e.kind == LinkEvent::Kind::Announcement || e.kind == LinkEvent::Kind::Stopped)
            event(); // a stop needs the room's attention as much as an event
    }
}

void SoundCues::phaseEnd() {
    ++phaseEnds_;
    if (Speaker* s = speaker())
        s->phaseEnd();
}

void SoundCues::event() {
    ++events_;
    if (Speaker* s = speaker())
        s->event();
}

namespace {

class ChimeSpeaker final : public SoundCues::Speaker {
  public:
    void phaseEnd() override { chimes_.phaseEnd(); }
    void event() override { chimes_.event(); }

  private:
    audio::Sounds chimes_;
};

} // namespace

std::unique_ptr<SoundCues::Speaker> makeChimeSpeaker() {
    return std::make_unique<ChimeSpeaker>();
}

SoundCues::Speaker* SoundCues::speaker() {
    if (muted_ || !makeSpeaker_)
        return nullptr;
    if (!speaker_)
        speaker_ = makeSpeaker_();
    return speaker_.get();
}

} // namespace samenspel
