// [SECTION] index
//   Window and frame loop ........ App::run, AppFrameLoop (draws only when needed:
//                                  frame_pacing.hpp decides, window_watch.hpp sees)
//   Global keys .................. handleGlobalKey (F11, F12, Ctrl+H, Ctrl+= / Ctrl+- / Ctrl+0)
//   Session ...................... poll the link; sounds and the debrief from its events
// Autoplay is autoplay.cpp; the test and benchmark hooks are app_hooks.cpp.
#include "app.hpp"
#include "core/session_files.hpp"
#include "room_source.hpp"

#include <SFML/Graphics.hpp>
#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <thread>

#include "app_hooks.hpp"
#include "autoplay.hpp"
#include "frame_pacing.hpp"
#include "read_aloud.hpp"
#include "screens/screens.hpp"
#include "session.hpp"
#include "session_archive.hpp"
#include "sound_cues.hpp"
#include "ui/drawn_text.hpp"
#include "ui/imgui_sfml.hpp"
#include "ui/window_watch.hpp"

namespace samenspel {

namespace fs = std::filesystem;

// [SECTION] state the header does not need to show
struct App::Impl {
    sf::RenderWindow window;
    ui::ImGuiSfml imgui;
    ui::FontFiles fontFiles;
    SoundCues cues{&makeChimeSpeaker}; // the speaker is made at the first cue
    ReadAloud voice;
    std::string voiceProblem; // why the last text could not be read aloud
    std::vector<std::unique_ptr<Screen>> stack;
    std::vector<std::function<void()>> pending; // screen changes, after the frame
    std::vector<std::string> screenshotRequests;
    bool fontsDirty = true;
    bool themeDirty = true;
    bool fullscreen = false;
    // Drawing only when needed (frame_pacing.hpp).
    ui::WindowWatch watch;
    bool redrawRequested = true;
    int framesSinceChange = 0;
    std::int64_t drawnClockSecond = -1;
    std::string drawnLinkPicture;
    sf::Clock frameClock; // time between drawn frames, for ImGui
    bool hidden = false;  // the window cannot be seen (window_watch.hpp)
    // The window's size as the user left it, remembered at the end.
    sf::Vector2u openedSize;
    bool userResized = false;
    bool running = true;
    int exitCode = 0;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

    std::unique_ptr<AutoplayDirector> autoplay; // with --autoplay
    std::unique_ptr<AppHooks> hooks;            // test and benchmark hooks
    std::uint64_t finishedAtFrame = 0;          // the link's session ended then
    int screenshotCounter = 0;
    // --screenshots without --autoplay: a picture of every screen shown.
    const Screen* shotScreen = nullptr;
    std::uint64_t shotScreenFrame = 0;
};

namespace {

std::string twoDigits(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

} // namespace

App::App(LaunchOptions options) : impl_(std::make_unique<Impl>()), options_(std::move(options)) {
    settings_ = loadSettings(settingsPath());
    if (!options_.lang.empty())
        settings_.language = options_.lang;
    if (options_.scale > 0.0f)
        settings_.uiScale = std::clamp(options_.scale, 0.6f, 3.0f);
    if (options_.fullscreen)
        settings_.fullscreen = true;
    if (options_.plainLanguage)
        settings_.plainLanguage = true;
    if (options_.autoplay)
        settings_.mute = true; // a test run in CI makes no noise
    std::vector<std::string> problems;
    catalog_.load((sourceDir() / "assets" / "i18n").string(), settings_.language, problems);
    for (const auto& p : problems)
        std::fprintf(stderr, "%s\n", p.c_str());
    theme_ = ui::Theme::make(settings_.highContrast);
    impl_->cues.setMuted(settings_.mute);
}

App::~App() {
    // Screens may refer to the session and ImGui: close them first.
    if (impl_) {
        for (auto it = impl_->stack.rbegin(); it != impl_->stack.rend(); ++it)
            (*it)->onClose(*this);
        impl_->stack.clear();
    }
    link_.reset();
}

// [SECTION] screens
void App::push(std::unique_ptr<Screen> screen) {
    auto* raw = screen.release();
    impl_->pending.push_back([this, raw] {
        if (!impl_->stack.empty())
            impl_->stack.back()->onClose(*this);
        impl_->stack.emplace_back(raw);
        raw->onOpen(*this);
    });
}

void App::replace(std::unique_ptr<Screen> screen) {
    auto* raw = screen.release();
    impl_->pending.push_back([this, raw] {
        if (!impl_->stack.empty()) {
            impl_->stack.back()->onClose(*this);
            impl_->stack.pop_back();
        }
        impl_->stack.emplace_back(raw);
        raw->onOpen(*this);
    });
}

void App::pop() {
    impl_->pending.push_back([this] {
        if (impl_->stack.empty())
            return;
        impl_->stack.back()->onClose(*this);
        impl_->stack.pop_back();
        if (!impl_->stack.empty())
            impl_->stack.back()->onOpen(*this);
    });
}

void App::requestRedraw() {
    impl_->redrawRequested = true;
}

void App::resetTo(std::unique_ptr<Screen> screen) {
    auto* raw = screen.release();
    impl_->pending.push_back([this, raw] {
        if (!impl_->stack.empty())
            impl_->stack.back()->onClose(*this);
        impl_->stack.clear();
        impl_->stack.emplace_back(raw);
        raw->onOpen(*this);
    });
}

Screen* App::top() const {
    return impl_->stack.empty() ? nullptr : impl_->stack.back().get();
}

void App::quit(int exitCode) {
    impl_->running = false;
    impl_->exitCode = exitCode;
}

// [SECTION] text and settings
void App::setLanguage(const std::string& lang) {
    std::vector<std::string> problems;
    Catalog next;
    if (!next.load((sourceDir() / "assets" / "i18n").string(), lang, problems)) {
        std::fprintf(stderr, "samenspel: no texts for language '%s'\n", lang.c_str());
        return;
    }
    for (const auto& p : problems)
        std::fprintf(stderr, "%s\n", p.c_str());
    catalog_ = std::move(next);
    Settings changed = settings_;
    changed.language = lang;
    updateSettings(changed);
}

void App::updateSettings(const Settings& changed) {
    const Settings before = settings_;
    settings_ = changed;
    settings_.uiScale = std::clamp(settings_.uiScale, 0.6f, 3.0f);
    if (before.uiScale != settings_.uiScale)
        impl_->fontsDirty = true;
    if (before.highContrast != settings_.highContrast) {
        theme_ = ui::Theme::make(settings_.highContrast);
        impl_->themeDirty = true;
    }
    if (before.language != settings_.language && catalog_.lang() != settings_.language)
        setLanguage(settings_.language);
    impl_->cues.setMuted(settings_.mute);
    if (before.plainLanguage != settings_.plainLanguage)
        shareReadingSettings();
    if (before.readAloud != settings_.readAloud && !settings_.readAloud)
        impl_->voice.stop();
    if (before.fullscreen != settings_.fullscreen && impl_->window.isOpen() &&
        impl_->fullscreen != settings_.fullscreen)
        impl_->pending.push_back([this] { toggleFullscreen(); });
    if (options_.autoplay)
        return; // a test run never touches the user's settings file
    std::string error;
    if (!saveSettings(settings_, settingsPath(), error))
        std::fprintf(stderr, "samenspel: settings not saved: %s\n", error.c_str());
}

void App::setUiScale(float scale) {
    Settings changed = settings_;
    changed.uiScale = std::clamp(scale, 0.6f, 3.0f);
    updateSettings(changed);
}

// [SECTION] read-aloud
bool App::readAloud(const std::string& text) {
    std::string error;
    if (impl_->voice.say(text, lang(), error)) {
        impl_->voiceProblem.clear();
        return true;
    }
    impl_->voiceProblem =
        impl_->voice.available() ? tr("read_aloud.failed") : tr("read_aloud.missing");
    std::fprintf(stderr, "samenspel: read aloud: %s\n", error.c_str());
    return false;
}

const std::string& App::readAloudProblem() const {
    return impl_->voiceProblem;
}

// [SECTION] sounds
void App::playPhaseEnd() {
    impl_->cues.phaseEnd();
}

void App::playEvent() {
    impl_->cues.event();
}

// [SECTION] session
void App::setLink(std::shared_ptr<TableLink> link) {
    link_ = std::move(link);
    impl_->finishedAtFrame = 0;
    shareReadingSettings();
}

// The phones of a hosted session read the case as the projector does.
void App::shareReadingSettings() {
    if (net::Host* host = link_ ? hostOf(*link_) : nullptr)
        host->setPlainLanguage(settings_.plainLanguage);
}

void App::setSession(std::unique_ptr<Session> session) {
    setLink(session ? makeLocalLink(std::move(session)) : nullptr);
}

void App::endSession() {
    impl_->voice.stop();
    setLink(nullptr); // a local session checkpoints its clock as it closes
}

// [SECTION] paths and screenshots
fs::path App::sourceDir() const {
    if (const char* env = std::getenv("SAMENSPEL_SOURCE_DIR"); env && *env)
        return env;
    return SAMENSPEL_SOURCE_DIR;
}

fs::path App::sessionsDir() const {
    return fs::path(dataDir()) / "sessions";
}

std::string App::requestScreenshot(const std::string& name) {
    std::string path = screenshotPath(name);
    impl_->screenshotRequests.push_back(path);
    return path;
}

void App::quitAfterFrame(int exitCode) {
    impl_->pending.push_back([this, exitCode] { quit(exitCode); });
}

std::string App::screenshotPath(const std::string& name) {
    const fs::path dir = options_.screenshotDir.empty() ? fs::path(dataDir()) / "screenshots"
                                                        : fs::path(options_.screenshotDir);
    std::string path =
        (dir / (twoDigits(impl_->screenshotCounter++) + "-" + name + ".png")).string();
    // F12 into the data folder: the pictures of an earlier run (numbered from
    // 00 as well) are the facilitator's notes and must not be overwritten.
    std::error_code ec;
    while (options_.screenshotDir.empty() && fs::exists(path, ec) &&
           impl_->screenshotCounter < 100000)
        path = (dir / (twoDigits(impl_->screenshotCounter++) + "-" + name + ".png")).string();
    return path;
}

// [SECTION] window and frame loop
struct AppFrameLoop {
    App& app;
    App::Impl& impl;

    void createWindow(bool fullscreen) {
        sf::ContextSettings context;
        context.depthBits = 0;
        context.stencilBits = 0;
        context.antialiasingLevel = 0;
        const std::string title = app.tr("app.window_title");
        if (fullscreen) {
            impl.window.create(sf::VideoMode::getDesktopMode(),
                               sf::String::fromUtf8(title.begin(), title.end()),
                               sf::Style::Fullscreen, context);
        } else {
            const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
            const Settings& settings = app.settings_;
            const WindowSize size =
                fitWindowSize({static_cast<int>(desktop.width), static_cast<int>(desktop.height)},
                              {settings.windowWidth, settings.windowHeight},
                              {app.options_.width, app.options_.height});
            impl.window.create(sf::VideoMode(static_cast<unsigned>(size.width),
                                             static_cast<unsigned>(size.height)),
                               sf::String::fromUtf8(title.begin(), title.end()), sf::Style::Default,
                               context);
            // In the middle of the screen, where a window manager would put
            // it; without one (a kiosk, Xvfb) it would sit in the corner.
            if (impl.window.isOpen() && size.width <= static_cast<int>(desktop.width) &&
                size.height <= static_cast<int>(desktop.height))
                impl.window.setPosition({(static_cast<int>(desktop.width) - size.width) / 2,
                                         (static_cast<int>(desktop.height) - size.height) / 2});
            impl.openedSize = impl.window.getSize();
        }
        impl.fullscreen = fullscreen;
        // The loop paces itself (frame_pacing.hpp): it sleeps between turns.
        impl.window.setFramerateLimit(0);
        impl.window.setKeyRepeatEnabled(true);
        impl.window.setActive(true);
        impl.watch.attach(static_cast<unsigned long>(impl.window.getSystemHandle()));
        impl.redrawRequested = true;
    }

    void rebuildFontsIfNeeded() {
        if (!impl.fontsDirty && !impl.themeDirty)
            return;
        if (impl.fontsDirty) {
            std::string error;
            app.fonts_ = ui::buildFonts(impl.fontFiles, app.settings_.uiScale, error);
            if (!error.empty())
                std::fprintf(stderr, "samenspel: %s\n", error.c_str());
            impl.imgui.rebuildFontTexture();
        }
        ui::applyTheme(app.theme_, app.settings_.uiScale);
        impl.fontsDirty = impl.themeDirty = false;
    }

    // F11, F12 (screenshot), Ctrl+H (high contrast), Ctrl+= / Ctrl+- / Ctrl+0:
    // work everywhere, even in a text field.
    bool handleGlobalKey(const sf::Event::KeyEvent& key) {
        if (key.code == sf::Keyboard::F11) {
            app.toggleFullscreen();
            return true;
        }
        if (key.code == sf::Keyboard::F12) {
            // A picture of the screen for the facilitator's notes.
            if (app.top())
                std::printf("screenshot: %s\n", app.requestScreenshot(app.top()->name()).c_str());
            return true;
        }
        if (!key.control)
            return false;
        if (key.code == sf::Keyboard::H) {
            // A weak projector or a bright room: the facilitator switches on
            // the spot, without looking for the settings.
            Settings changed = app.settings_;
            changed.highContrast = !changed.highContrast;
            app.updateSettings(changed);
            return true;
        }
        if (key.code == sf::Keyboard::Equal || key.code == sf::Keyboard::Add) {
            app.setUiScale(app.settings_.uiScale + 0.1f);
            return true;
        }
        if (key.code == sf::Keyboard::Hyphen || key.code == sf::Keyboard::Subtract) {
            app.setUiScale(app.settings_.uiScale - 0.1f);
            return true;
        }
        if (key.code == sf::Keyboard::Num0 || key.code == sf::Keyboard::Numpad0) {
            app.setUiScale(1.0f);
            return true;
        }
        return false;
    }

    // Whether anything arrived: every event may change the picture.
    bool processEvents() {
        sf::Event event;
        bool any = false;
        while (impl.window.pollEvent(event)) {
            any = true;
            if (event.type == sf::Event::Closed) {
                app.quit(0);
                continue;
            }
            if (event.type == sf::Event::Resized) {
                impl.window.setView(
                    sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                           static_cast<float>(event.size.height))));
                if (!impl.fullscreen &&
                    sf::Vector2u(event.size.width, event.size.height) != impl.openedSize)
                    impl.userResized = true;
            }
            if (event.type == sf::Event::KeyPressed && handleGlobalKey(event.key))
                continue;
            const bool imguiWants = impl.imgui.processEvent(event);
            // ImGui wants the keyboard as soon as a widget was clicked (its
            // navigation is on), but it has no use for F1..F10: F2 (the
            // facilitator) and F3 (next seat) must work after any click.
            const bool functionKey = event.type == sf::Event::KeyPressed &&
                                     event.key.code >= sf::Keyboard::F1 &&
                                     event.key.code <= sf::Keyboard::F10;
            if ((!imguiWants || functionKey) && event.type == sf::Event::KeyPressed && app.top())
                app.top()->onKey(app, event.key.code, event.key.control, event.key.shift,
                                 event.key.alt);
        }
        return any;
    }

    // Moves the session on, unless autoplay holds it for a picture or a test
    // froze it.
    void pollSession(double dt) {
        if (app.room_)
            app.room_->advance(dt);
        const std::shared_ptr<TableLink> link = app.link_;
        if (!link)
            return;
        if (impl.hooks->frozen(app))
            return;
        if (impl.autoplay && !impl.autoplay->mayAdvance(*link))
            return;
        link->poll(dt);
    }

    // Sounds for what happened in the session since the last frame, whoever
    // caused it (a person, a bot, the clock, the host), on any kind of link.
    // When the session ends in front of the group, the debrief opens over
    // the table; when the table was not on top then (the facilitator's own
    // screen), once it is back.
    void reactToSession() {
        const std::shared_ptr<TableLink> link = app.link_;
        if (!link)
            return;
        const std::vector<LinkEvent> events = link->takeEvents();
        for (const LinkEvent& e : events) {
            if (e.kind == LinkEvent::Kind::Finished) {
                impl.finishedAtFrame = app.frame_;
                archive(*link);
            }
            if (e.kind == LinkEvent::Kind::Stopped)
                tellStop(*link);
        }
        impl.cues.hear(events);
        if (impl.finishedAtFrame != 0 && isTableScreen(app.top())) {
            impl.finishedAtFrame = 0;
            app.push(makeDebriefScreen(app, link));
        } else if (impl.finishedAtFrame != 0 && isDebriefScreen(app.top())) {
            impl.finishedAtFrame = 0;
        }
    }

    // Every session that ends at this screen goes into the archive (the
    // host's and a local one); a player's laptop leaves it to the host.
    void archive(const TableLink& link) {
        if (link.view() != TableView::Player)
            archiveFinishedSession(link.game(), link.logPath(), "samenspel");
    }

    // The table says why the session stopped: bring it back when the
    // debrief was open over it. The console (and a test) hears it too.
    void tellStop(const TableLink& link) {
        if (const std::optional<LinkStop> stop = link.stop())
            std::fprintf(stderr, "samenspel: the session stopped: %s\n", stop->message.c_str());
        if (isDebriefScreen(app.top()))
            app.pop();
    }

    void saveScreenshots() {
        if (impl.screenshotRequests.empty())
            return;
        sf::Texture texture;
        const sf::Vector2u size = impl.window.getSize();
        if (!texture.create(size.x, size.y)) {
            impl.screenshotRequests.clear();
            return;
        }
        texture.update(impl.window);
        const std::string text = app.options_.autoplay
                                     ? ui::drawnText(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts)
                                     : std::string();
        for (const auto& path : impl.screenshotRequests) {
            std::error_code ec;
            fs::create_directories(fs::path(path).parent_path(), ec);
            if (!saveFramePicture(texture, path))
                std::fprintf(stderr, "samenspel: cannot save screenshot %s\n", path.c_str());
            if (app.options_.autoplay)
                saveFrameText(path, text);
        }
        impl.screenshotRequests.clear();
    }

    void applyPending() {
        if (!impl.pending.empty())
            impl.redrawRequested = true; // a new screen, a setting: draw it
        // A change may queue further changes (onOpen pushing): run until quiet.
        for (int guard = 0; guard < 8 && !impl.pending.empty(); ++guard) {
            auto pending = std::move(impl.pending);
            impl.pending.clear();
            for (auto& change : pending)
                change();
        }
    }

    // Lets a new screen settle (ImGui sizes windows over two frames) first.
    void photographNewScreens() {
        const Screen* top = app.top();
        if (top != impl.shotScreen) {
            impl.shotScreen = top;
            impl.shotScreenFrame = app.frame_ + 6;
        }
        if (top && impl.shotScreenFrame != 0 && app.frame_ == impl.shotScreenFrame) {
            app.requestScreenshot(top->name());
            impl.shotScreenFrame = 0;
        }
    }

    int run() {
        std::string fontError;
        if (!ui::findFonts(impl.fontFiles, fontError))
            std::fprintf(stderr, "samenspel: %s\n", fontError.c_str());
        createWindow(app.settings_.fullscreen);
        if (!impl.window.isOpen()) {
            std::fprintf(stderr, "samenspel: cannot open a window (is a display available?)\n");
            return 1;
        }
        if (!impl.imgui.init(impl.window)) {
            std::fprintf(stderr, "samenspel: cannot start the OpenGL renderer\n");
            return 1;
        }
        // A blinking caret would need frames while nobody types; frozen
        // half-way it could stay hidden. A steady caret is always seen.
        ImGui::GetIO().ConfigInputTextCursorBlink = false;
        impl.fontsDirty = impl.themeDirty = true;
        if (app.options_.autoplay)
            impl.autoplay = std::make_unique<AutoplayDirector>(app);
        impl.hooks = std::make_unique<AppHooks>();
        openFirstScreen();
        applyPending();

        sf::Clock turnClock, quiet; // quiet: since the last input
        while (impl.running && impl.window.isOpen()) {
            const auto turnStarted = std::chrono::steady_clock::now();
            impl.hooks->beforeFrame(app);
            const bool input = processEvents();
            if (!impl.running)
                break;
            if (input)
                quiet.restart();
            const float turnDt = std::max(turnClock.restart().asSeconds(), 1e-4f);
            pollSession(turnDt);
            reactToSession();
            if (impl.autoplay)
                impl.autoplay->beforeFrame();
            else if (!app.options_.screenshotDir.empty())
                photographNewScreens();
            if (app.options_.maxSeconds > 0 && secondsSinceStart() > app.options_.maxSeconds) {
                std::fprintf(stderr, "samenspel: --max-seconds ran out\n");
                app.quit(3);
            }
            // Screens follow what they wait for (a host, a folder) every
            // turn, drawn or not.
            if (Screen* top = app.top())
                top->update(app, turnDt);

            const bool drawn = drawIfNeeded(input);
            applyPending();
            if (impl.stack.empty())
                app.quit(impl.exitCode);
            if (!app.options_.autoplay) {
                // Autoplay renders as fast as it can; everything else sleeps
                // until the next frame at 60 Hz, or until the next look.
                const double spentMs = std::chrono::duration<double, std::milli>(
                                           std::chrono::steady_clock::now() - turnStarted)
                                           .count();
                const int sleepMs = sleepMilliseconds(drawn, impl.hidden, spentMs,
                                                      quiet.getElapsedTime().asSeconds());
                if (sleepMs > 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(sleepMs));
            }
        }
        rememberWindowSize();
        for (auto it = impl.stack.rbegin(); it != impl.stack.rend(); ++it)
            (*it)->onClose(app);
        impl.stack.clear();
        app.link_.reset(); // a local session checkpoints its clock as it closes
        impl.imgui.shutdown();
        impl.window.close();
        reportMissingTexts();
        return impl.exitCode;
    }

    // Test and benchmark runs draw every turn; people get a frame when
    // something can have changed (frame_pacing.hpp).
    bool everyTurnDrawn() const {
        const LaunchOptions& o = app.options_;
        return o.autoplay || o.benchFrames > 0 || o.firstFrameExit || !o.screenshotDir.empty();
    }

    bool drawIfNeeded(bool input) {
        const ui::WindowWatch::Seen seen = impl.watch.look();
        impl.hidden = seen.hidden;
        FrameCause cause;
        cause.everyTurn = everyTurnDrawn();
        cause.firstFrame = app.frame_ == 0;
        cause.hidden = seen.hidden;
        cause.exposed = seen.exposed;
        cause.input = input;
        std::string picture;
        if (const std::shared_ptr<TableLink>& link = app.link_) {
            picture = linkPicture(*link);
            cause.clockSecond = countdownSecond(*link);
        }
        cause.sessionChanged = picture != impl.drawnLinkPicture;
        cause.redrawRequested = impl.redrawRequested || impl.fontsDirty || impl.themeDirty;
        cause.screenshotWanted = !impl.screenshotRequests.empty();
        cause.drawnClockSecond = impl.drawnClockSecond;
        // Whatever changes the layout gets a few frames to settle in.
        if (input || cause.exposed || cause.sessionChanged || cause.redrawRequested)
            impl.framesSinceChange = 0;
        cause.framesSinceInput = impl.framesSinceChange;
        if (!shouldDraw(cause))
            return false;
        impl.redrawRequested = false; // a screen that still moves asks again
        impl.drawnClockSecond = cause.clockSecond;
        impl.drawnLinkPicture = std::move(picture);
        ++impl.framesSinceChange;
        drawFrame();
        return true;
    }

    void drawFrame() {
        rebuildFontsIfNeeded();
        const float dt = std::max(impl.frameClock.restart().asSeconds(), 1e-4f);
        impl.imgui.newFrame(dt);
        if (Screen* top = app.top())
            top->draw(app);
        const ImVec4 bg = app.theme_.background;
        impl.window.clear(sf::Color(static_cast<sf::Uint8>(bg.x * 255),
                                    static_cast<sf::Uint8>(bg.y * 255),
                                    static_cast<sf::Uint8>(bg.z * 255)));
        impl.imgui.render();
        saveScreenshots();
        if (impl.autoplay)
            impl.autoplay->afterFrame(impl.window, app.options_.benchFrames == 0);
        impl.window.display();
        ++app.frame_;
        impl.hooks->afterFrame(app, secondsSinceStart());
    }

    // The size the user gave the window comes back next time, when it fits.
    void rememberWindowSize() {
        if (!impl.userResized || impl.fullscreen || app.options_.autoplay || !impl.window.isOpen())
            return;
        const sf::Vector2u size = impl.window.getSize();
        Settings changed = app.settings_;
        changed.windowWidth = static_cast<int>(size.x);
        changed.windowHeight = static_cast<int>(size.y);
        if (changed != app.settings_)
            app.updateSettings(changed);
    }

    // An autoplay run is a test of every screen in one language: a text the
    // catalog lacks fails it (exit 1) rather than reach a room as a raw key.
    void reportMissingTexts() {
        if (!app.options_.autoplay)
            return;
        for (const std::string& key : app.catalog_.missingKeys())
            std::fprintf(stderr, "samenspel: text missing in the %s catalog: %s\n",
                         app.lang().c_str(), key.c_str());
        if (!app.catalog_.missingKeys().empty() && impl.exitCode == 0)
            impl.exitCode = 1;
    }

    double secondsSinceStart() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - impl.started)
            .count();
    }

    void openFirstScreen();
};

void AppFrameLoop::openFirstScreen() {
    const LaunchOptions& options = app.options_;
    if (options.firstScreen) { // play --host / --join: the command line chose it
        app.resetTo(options.firstScreen(app));
        return;
    }
    if (options.continueLast) {
        const std::string log = options.logPath.empty()
                                    ? lastResumableLog(app.sessionsDir().string())
                                    : options.logPath;
        std::string error;
        auto session = log.empty() ? nullptr : Session::resume(log, error);
        if (session) {
            AppHooks::printState("resumed", *session);
            app.setSession(std::move(session));
            app.resetTo(makeTableScreen(app));
            return;
        }
        std::fprintf(stderr, "samenspel: nothing to continue%s%s\n", error.empty() ? "" : ": ",
                     error.c_str());
    }
    if (options.autoplay || options.benchIdleSeconds > 0) {
        if (options.extraScenarios.empty()) {
            std::fprintf(stderr, "samenspel: --autoplay needs --scenario FILE\n");
            app.quit(2);
            return;
        }
        LoadResult loaded = loadScenarioFile(options.extraScenarios.front());
        if (!loaded.ok()) {
            for (const auto& d : loaded.errors)
                std::fprintf(stderr, "%s\n", d.format().c_str());
            app.quit(2);
            return;
        }
        auto scenario = std::make_shared<const Scenario>(std::move(*loaded.scenario));
        // --bench-idle: the people of a workshop, nobody touching the table.
        const bool bots = options.autoplay;
        SessionSetup setup = SessionSetup::defaultFor(*scenario, bots, options.seed);
        setup.language = app.lang();
        // Seats carry their role's name in the language of the run.
        for (Seat& seat : setup.seats)
            seat.name = app.text(scenario->roles[static_cast<std::size_t>(seat.role)].name);
        const std::string log = options.logPath.empty()
                                    ? newLogPath(app.sessionsDir().string(), scenario->id)
                                    : options.logPath;
        std::string error;
        // Nobody waits for bots: the session runs as `simulate` runs it, a
        // step per frame, so the same seed gives the same log (docs/DESIGN.md).
        auto session =
            Session::start(scenario, setup, log, error,
                           bots ? SessionPace::asFastAsPossible() : SessionPace::humanPace());
        if (!session) {
            std::fprintf(stderr, "samenspel: %s\n", error.c_str());
            app.quit(1);
            return;
        }
        app.setSession(std::move(session));
        app.resetTo(makeTableScreen(app));
        return;
    }
    app.resetTo(makeTitleScreen(app));
}

void App::traceItem(const char* name) {
    if (!options_.traceUi || !impl_->hooks)
        return;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 size = ImGui::GetItemRectSize();
    impl_->hooks->noteItem(name, min.x, min.y, size.x, size.y);
}

int App::run() {
    return AppFrameLoop{*this, *impl_}.run();
}

void App::toggleFullscreen() {
    if (!impl_->window.isOpen())
        return;
    AppFrameLoop loop{*this, *impl_};
    loop.createWindow(!impl_->fullscreen);
    impl_->imgui.setWindow(impl_->window);
    impl_->fontsDirty = true;
    if (settings_.fullscreen != impl_->fullscreen) {
        Settings changed = settings_;
        changed.fullscreen = impl_->fullscreen;
        updateSettings(changed);
    }
}

} // namespace samenspel
