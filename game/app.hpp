#pragma once
// The application shell: one window, a stack of screens, and the services the
// screens share (text catalog, settings, fonts, theme, sounds, the running
// session). Screens only read state and submit actions through the session's
// TableLink; the shell owns the window, the frame loop, screenshots and
// persistence. Autoplay (autoplay.hpp) and the test and benchmark hooks
// (app_hooks.cpp) live beside it.
//
// A screen is drawn with ImGui calls between App's NewFrame and Render, in
// every frame the shell draws: only when something can have changed
// (App::requestRedraw, frame_pacing.hpp). Screen changes requested during
// draw() (push/replace/pop) take effect after the frame, so a screen may
// safely replace itself.
//
// Binding notes for screen authors: docs/ui.md.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/game.hpp"
#include "i18n.hpp"
#include "settings.hpp"
#include "table_link.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace samenspel {

class App;
class RoomSource;
class Session;

class Screen {
  public:
    virtual ~Screen() = default;
    // Builds this frame's UI. Called once per frame, only for the top screen.
    virtual void draw(App& app) = 0;
    // Called on every turn of the shell's loop (about 60 a second, drawn or
    // not; before draw() when drawn), for the top screen only; dt in real
    // seconds. Session time is advanced by the shell, not here. When it
    // changes what draw() shows, call app.requestRedraw().
    virtual void update(App& app, double dtSeconds) {}
    // The screen became the top of the stack (pushed, or uncovered by a pop).
    virtual void onOpen(App& app) {}
    // The screen stops being the top (popped, replaced, or covered by a push).
    virtual void onClose(App& app) {}
    // A key ImGui did not want (io.WantCaptureKeyboard was false). Return
    // true when handled. Global keys (F11, Ctrl+=, Ctrl+-) never get here.
    virtual bool onKey(App& app, int sfKeyCode, bool ctrl, bool shift, bool alt) { return false; }
    // Short stable name used in screenshot file names and logs ("table").
    virtual const char* name() const = 0;
};

// Fonts, rebuilt when the UI scale changes: never cache the pointers across
// frames, ask App::fonts() each frame. Fields: regular, bold, heading, title,
// small, mono (engine/ui/fonts.hpp).
using Fonts = ui::FontSet;

// How the shell was started (command line); screens may read it.
struct LaunchOptions {
    std::vector<std::string> extraScenarios; // --scenario PATH (files or folders)
    std::string lang;                        // --lang; empty = from settings
    bool autoplay = false;                   // --autoplay: bots everywhere, play at speed
    std::uint64_t seed = 1;                  // --seed
    bool seedGiven = false;
    std::string screenshotDir;  // --screenshots DIR; empty = none
    bool fullscreen = false;    // --fullscreen
    bool plainLanguage = false; // --plain: the plain-language setting on
    float scale = 0.0f;         // --scale; 0 = from settings
    bool continueLast = false;  // --continue: resume the last session at once
    std::string logPath;        // --log PATH: where the session log goes
    double maxSeconds = 0.0;    // --max-seconds: give up (exit 3) after this
    // --size WxH: the window's first size as given; 0 = fit the screen
    // (the size the user left it at when it fits, else up to 1600x900).
    int width = 0, height = 0;
    // Test hooks (tests/gui.cmake): stop the session's clock and bots once it
    // has this many actions, and print the state; print the state on resume.
    std::uint64_t freezeAfterActions = 0; // --freeze-after-actions N
    // Benchmark hooks (bench/gui.cmake): time N frames once frozen and print
    // mean / p99 frame time and peak memory; or quit after the first frame.
    int benchFrames = 0;         // --bench-frames N
    bool firstFrameExit = false; // --first-frame-exit
    // Benchmark hook: a table of people (the scenario's first seats, no
    // bots) that nobody touches; after a second to settle, the CPU time
    // over this many seconds and the frames drawn, then quit.
    double benchIdleSeconds = 0; // --bench-idle S
    // Test hook: print the top screen and where the items a screen named
    // with App::traceItem are, so a GUI test clicks them by name.
    bool traceUi = false; // --trace-ui
    // The screen to open first instead of the title (play --host / --join);
    // with autoplay that screen runs the session and quits by itself.
    std::function<std::unique_ptr<Screen>(App&)> firstScreen;
};

class App {
  public:
    explicit App(LaunchOptions options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Opens the window and runs until quit(); returns the process exit code.
    int run();

    // [Screens] ----------------------------------------------------------
    // Takes effect after the current frame.
    void push(std::unique_ptr<Screen> screen);
    void replace(std::unique_ptr<Screen> screen); // swaps the top screen
    void pop();
    void resetTo(std::unique_ptr<Screen> screen); // clears the stack, then pushes
    Screen* top() const;
    void quit(int exitCode = 0);

    // [Text] --------------------------------------------------------------
    const Catalog& catalog() const { return catalog_; }
    // Interface language ("nl" / "en"); scenario texts use it too, so a
    // language switch changes everything at once: text.get(app.lang()).
    const std::string& lang() const { return catalog_.lang(); }
    void setLanguage(const std::string& lang); // reloads the catalog, saves settings
    std::string tr(std::string_view key) const { return catalog_.tr(key); }
    template <class... Args> std::string tr(std::string_view key, const Args&... args) const {
        return catalog_.tr(key, args...);
    }
    // Scenario text in the interface language, in plain language when that
    // setting is on and the scenario has it.
    const std::string& text(const LocalizedText& t) const {
        return t.get(lang(), settings_.plainLanguage);
    }

    // [Settings] ------------------------------------------------------------
    const Settings& settings() const { return settings_; }
    // Changes a setting and applies it (fonts, theme, mute, fullscreen) and
    // saves it to the config folder.
    void updateSettings(const Settings& changed);
    void setUiScale(float scale); // clamped to [0.6, 3]; fonts rebuilt next frame
    void toggleFullscreen();
    const LaunchOptions& options() const { return options_; }

    // [Look] ----------------------------------------------------------------
    const Fonts& fonts() const { return fonts_; }
    const ui::Theme& theme() const { return theme_; }
    float uiScale() const { return settings_.uiScale; }
    // Size of a "unit" of spacing in pixels at the current scale (8 px at 1).
    float unit() const { return 8.0f * settings_.uiScale; }

    // [Sounds] --------------------------------------------------------------
    // Both respect the mute setting. The shell already plays phaseEnd() when
    // the session's phase changes and event() on a new announcement (events
    // of the session's link); screens do not need to call them for those.
    void playPhaseEnd();
    void playEvent();

    // [Read-aloud] (read_aloud.hpp) --------------------------------------------
    // The read-aloud buttons show when the setting is on.
    bool readAloudOn() const { return settings_.readAloud; }
    // Speaks `text` in the interface language, in a process of its own, and
    // stops what was being spoken. False when it cannot (no espeak-ng):
    // readAloudProblem() then says why, in the interface language.
    bool readAloud(const std::string& text);
    const std::string& readAloudProblem() const;

    // [Session] -------------------------------------------------------------
    // The running session, of any kind: local, hosted or a player's seat. The
    // shell polls it every frame and reacts to its events.
    const std::shared_ptr<TableLink>& link() const { return link_; }
    void setLink(std::shared_ptr<TableLink> link);
    // A local session: becomes the link (makeLocalLink).
    void setSession(std::unique_ptr<Session> session);
    // The local session behind the link, or null (none, or a networked one).
    Session* session() const { return link_ ? sessionOf(*link_) : nullptr; }
    // Lets the session go: a local log stays resumable, a host says goodbye
    // to its players, a player's link disconnects.
    void endSession();
    // A room of tables (room_source.hpp) on the facilitator's dashboard: the
    // shell moves it on every frame, whichever screen is on top, so a table
    // opened on its own does not hold up the others.
    const std::shared_ptr<RoomSource>& room() const { return room_; }
    void setRoom(std::shared_ptr<RoomSource> room) { room_ = std::move(room); }

    // [Screenshots] ---------------------------------------------------------
    // Saves a PNG of the window after this frame is drawn (into --screenshots
    // DIR, or the user's data folder when none was given). Returns the path.
    std::string requestScreenshot(const std::string& name);
    // The path the next screenshot called `name` gets, without taking it.
    std::string screenshotPath(const std::string& name);
    // Quits once the current frame is shown (and its screenshots saved).
    void quitAfterFrame(int exitCode);

    // [Paths] ---------------------------------------------------------------
    std::filesystem::path sourceDir() const;   // scenarios/ and assets/ live here
    std::filesystem::path sessionsDir() const; // user's data folder, sessions/

    // [Tests] -----------------------------------------------------------------
    // With --trace-ui, names the last ImGui item (a button) for GUI tests:
    // "item: NAME x y w h" when it appears or moves, "gone: NAME" when it is
    // no longer drawn. Does nothing otherwise.
    void traceItem(const char* name);

    // Frame counter since start (for animations that must not use wall time
    // in autoplay screenshots).
    std::uint64_t frameCount() const { return frame_; }

    // [Frames] ----------------------------------------------------------------
    // The shell draws only when something can have changed: input, the
    // countdown's second, the session, a screen change (frame_pacing.hpp).
    // A screen that moves (a transition, a celebration) calls this from
    // draw() for every frame it still needs; a screen whose update() changed
    // what it shows calls it there.
    void requestRedraw();

  private:
    void shareReadingSettings();
    struct Impl;
    std::unique_ptr<Impl> impl_;
    LaunchOptions options_;
    Catalog catalog_;
    Settings settings_;
    ui::Theme theme_;
    Fonts fonts_;
    std::shared_ptr<TableLink> link_;
    std::shared_ptr<RoomSource> room_;
    std::uint64_t frame_ = 0;

    friend struct AppFrameLoop;
};

} // namespace samenspel
