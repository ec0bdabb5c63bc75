#pragma once
// Autoplay (`play --autoplay`, the GUI tests): bots play every seat this
// window may act for and the shell photographs the session as a person would
// see it, on any kind of link (a local table, the host's projector, a
// player's laptop), then writes the report and quits.
//
// Each phase is photographed in its last frame, when it shows the most:
// every frame is kept as a texture, and when the phase has changed since,
// the kept frame becomes that phase's picture. A local session is held until
// the phase on screen has been drawn a few frames (ImGui applies a tab switch
// a frame late), so every phase gets its picture; holding only delays the
// frames, the session takes the same steps. A networked session cannot be
// held: its host decides.
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <cstdint>
#include <string>

namespace samenspel {

class App;
class TableLink;

// Saves a frame as a PNG as the screen shows it. The frame buffer's alpha is
// what blending left there (0.6 under a translucent panel), not what the
// screen shows: kept, it makes a picture look washed out wherever something
// translucent was drawn.
bool saveFramePicture(const sf::Texture& frame, const std::string& path);
// Autoplay: the text the frame drew (ui/drawn_text.hpp), beside its picture
// as NN-name.txt, so the run's check reads what the room saw.
void saveFrameText(const std::string& picturePath, const std::string& text);

class AutoplayDirector {
  public:
    explicit AutoplayDirector(App& app) : app_(app) {}

    // Whether this frame may move `link`'s session on.
    bool mayAdvance(const TableLink& link) const;
    // Before the frame is drawn: photographs a phase that just ended, lets a
    // paused session go on, opens the debrief, and finishes once the debrief
    // was photographed. A session that stopped (its log could not be
    // written) is photographed as the room sees it and the run fails.
    void beforeFrame();
    // After the frame is drawn, before it is shown: keeps it for its phase.
    void afterFrame(sf::RenderWindow& window, bool keepPicture);

    bool done() const { return done_; }

  private:
    void photographEndedPhase(const TableLink& link);
    void finish(TableLink& link);
    void finishStopped(const TableLink& link);

    static constexpr int kFramesPerPhase = 3;
    App& app_;
    sf::Texture lastFrame_;     // the last frame, kept for its phase's picture
    std::string lastFrameText_; // and the text it drew
    int lastFramePhase_ = -1;   // phase shown in lastFrame_
    int shownPhase_ = -1;       // phase drawn in the frame just shown
    int shownPhaseFrames_ = 0;  // frames in a row that showed shownPhase_
    std::uint64_t finishedSinceFrame_ = 0;
    std::uint64_t stoppedSinceFrame_ = 0;
    bool done_ = false;
};

} // namespace samenspel
