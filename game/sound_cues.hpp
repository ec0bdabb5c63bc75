#pragma once
// What the room hears of a session, on every kind of link: a chime when a
// phase ends and a signal when an event is announced or the session stops
// before its end, from the link's events (table_link.hpp). The game window plays them on the
// projector and on a player's laptop alike; the headless host plays them on the facilitator's
// machine.
#include <memory>
#include <vector>

#include "table_link.hpp"

namespace samenspel {

class SoundCues {
  public:
    // Where the cues are played; the real one synthesizes the two sounds.
    class Speaker {
      public:
        virtual ~Speaker() = default;
        virtual void phaseEnd() = 0;
        virtual void event() = 0;
    };

    // `makeSpeaker` is called at the first cue that is not muted: opening an
    // audio device can be slow, and a muted session needs none.
    using SpeakerFactory = std::unique_ptr<Speaker> (*)();
    explicit SoundCues(SpeakerFactory makeSpeaker) : makeSpeaker_(makeSpeaker) {}

    void setMuted(bool muted) { muted_ = muted; }
    bool muted() const { return muted_; }

    // Plays what the events call for (unless muted) and counts it either way.
    void hear(const std::vector<LinkEvent>& events);
    void phaseEnd();
    void event();

    int phaseEndsHeard() const { return phaseEnds_; }
    int eventsHeard() const { return events_; }

  private:
    Speaker* speaker();
    SpeakerFactory makeSpeaker_;
    std::unique_ptr<Speaker> speaker_;
    bool muted_ = false;
    int phaseEnds_ = 0;
    int events_ = 0;
};

// The two chimes of engine/audio/chimes.hpp: the speaker of the game window
// and of the headless host.
std::unique_ptr<SoundCues::Speaker> makeChimeSpeaker();

} // namespace samenspel
