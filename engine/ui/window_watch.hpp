#pragma once
// Whether the window can be seen, for a shell that draws only when needed.
// SFML 2.5 has no event for a minimised or covered window, and none for a
// window system that lost the picture (no Expose), so this watches the
// window on a connection of its own to the X server: it selects the
// structure, visibility, exposure and property events of the window, which X
// lets more than one client select.
//   hidden:  unmapped (minimised by the ICCCM's rule, or on another desktop),
//            marked _NET_WM_STATE_HIDDEN by the window manager, or wholly
//            covered by another window (VisibilityFullyObscured; with a
//            compositor a covered window keeps its picture and is not told).
//   exposed: mapped again, uncovered or exposed: the picture must be drawn.
// Without an X display (another platform, no DISPLAY) it says "visible".
namespace samenspel::ui {

class WindowWatch {
  public:
    WindowWatch() = default;
    ~WindowWatch();
    WindowWatch(const WindowWatch&) = delete;
    WindowWatch& operator=(const WindowWatch&) = delete;

    // Starts watching the window with this native handle (sf::WindowHandle,
    // an X11 Window). Again after the window was made anew (fullscreen).
    void attach(unsigned long windowHandle);

    struct Seen {
        bool hidden = false;
        bool exposed = false; // since the last look
    };
    // Reads what the X server said since the last look; never waits.
    Seen look();

  private:
    void detach();
    void readHiddenProperty();
    void* display_ = nullptr; // Display*
    unsigned long window_ = 0;
    unsigned long netWmState_ = 0, netWmStateHidden_ = 0; // Atoms
    bool mapped_ = true, obscured_ = false, markedHidden_ = false;
};

} // namespace samenspel::ui
