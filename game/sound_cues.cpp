#include "sound_cues.hpp"

namespace samenspel {

void SoundCues::hear(const std::vector<LinkEvent>& events) {
    for (const LinkEvent& e : events) {
        if (e.kind == LinkEvent::Kind::PhaseChanged)
            phaseEnd();
        else if (e.kind == LinkEvent::Kind::Announcement)
            event();
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

SoundCues::Speaker* SoundCues::speaker() {
    if (muted_ || !makeSpeaker_)
        return nullptr;
    if (!speaker_)
        speaker_ = makeSpeaker_();
    return speaker_.get();
}

} // namespace samenspel
