#pragma once
// The platform half of the Dear ImGui backend for SFML 2.5, written for
// Samenspel; the renderer half is gl2_render.hpp (OpenGL 2, like imgui's own
// ImGui_ImplOpenGL2, but cheap on software GL).
//
// Rule (imgui docs/BACKENDS.md): every event goes to ImGui first; the game
// reacts only to events ImGui does not want (see wantsEvent()).
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/Event.hpp>
#include <array>
#include <memory>
#include <string>

#include "ui/gl2_render.hpp"

namespace samenspel::ui {

class ImGuiSfml {
  public:
    // Creates the ImGui context for `window` (whose GL context must be
    // active) and sets up keys, clipboard and cursors; the font texture is
    // made on the first frame.
    bool init(sf::RenderWindow& window);
    void shutdown();
    // Close the window before the binding goes: the window still refers to
    // the binding's mouse cursors until it is closed.
    ~ImGuiSfml();

    // Feeds one SFML event to ImGui. Returns true when ImGui wants it, i.e.
    // the game must not act on it as well.
    bool processEvent(const sf::Event& event);

    // Starts an ImGui frame: display size, framebuffer scale, delta time,
    // mouse position, cursor shape. `dtSeconds` > 0.
    void newFrame(float dtSeconds);
    // Ends the frame and draws ImGui's lists with OpenGL 2 (gl2_render.hpp).
    void render();

    // Recreates the font texture after the atlas changed (UI scale change).
    void rebuildFontTexture();

    // The window this binding serves (changes when the window is recreated
    // for fullscreen).
    void setWindow(sf::RenderWindow& window) { window_ = &window; }

  private:
    void updateMouseCursor();

    sf::RenderWindow* window_ = nullptr;
    bool initialized_ = false;
    bool windowFocused_ = true;
    bool mousePressed_[3] = {false, false, false}; // pressed since the last frame
    bool mouseHeld_[3] = {false, false, false};
    std::array<std::unique_ptr<sf::Cursor>, 9> cursors_{};
    int lastCursor_ = -2;
    std::string clipboard_; // keeps the text ImGui asked for alive
    Gl2Renderer renderer_;
};

} // namespace samenspel::ui
