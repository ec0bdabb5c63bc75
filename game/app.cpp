// [SECTION] index
//   Window and frame loop ........ App::run, AppFrameLoop
//   Global keys .................. handleGlobalKey (F11, Ctrl+= / Ctrl+- / Ctrl+0)
//   Session watch ................ sounds on phase change and announcements
//   Autoplay ..................... bots everywhere, a screenshot per phase, report, exit
#include "app.hpp"
#include "core/session_files.hpp"

#include <SFML/Graphics.hpp>
#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "report.hpp"
#include "screens/screens.hpp"
#include "session.hpp"
#include "ui/imgui_sfml.hpp"
#include "ui/sound.hpp"

namespace samenspel {

namespace fs = std::filesystem;

// [SECTION] state the header does not need to show
struct App::Impl {
    sf::RenderWindow window;
    ui::ImGuiSfml imgui;
    ui::FontFiles fontFiles;
    std::unique_ptr<ui::Sounds> sounds; // made on first use: opening audio can be slow
    std::vector<std::unique_ptr<Screen>> stack;
    std::vector<std::function<void()>> pending; // screen changes, after the frame
    std::vector<std::string> screenshotRequests;
    bool fontsDirty = true;
    bool themeDirty = true;
    bool fullscreen = false;
    bool running = true;
    int exitCode = 0;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

    // Session watch: what the last frame saw.
    int seenPhase = -1;
    std::size_t seenAnnouncements = 0;
    const Session* seenSession = nullptr;

    // Autoplay progress.
    sf::Texture lastFrame;    // the last autoplay frame, kept for its phase's picture
    int lastFramePhase = -1;  // phase shown in lastFrame
    int shownPhase = -1;      // phase drawn in the frame just shown
    int shownPhaseFrames = 0; // frames in a row that showed shownPhase
    std::uint64_t finishedSinceFrame = 0;
    bool autoplayDone = false;
    int screenshotCounter = 0;
    // --screenshots without --autoplay: a picture of every screen shown.
    const Screen* shotScreen = nullptr;
    bool frozenReported = false;
    std::vector<double> benchTimes; // ms per frame, --bench-frames
    double benchCpuStartMs = 0;     // process CPU time when the timed frames began
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
    if (options_.autoplay)
        settings_.mute = true; // a test run in CI makes no noise
    std::vector<std::string> problems;
    catalog_.load((sourceDir() / "assets" / "i18n").string(), settings_.language, problems);
    for (const auto& p : problems)
        std::fprintf(stderr, "%s\n", p.c_str());
    theme_ = ui::Theme::make(settings_.highContrast);
}

App::~App() {
    // Screens may refer to the session and ImGui: close them first.
    if (impl_) {
        for (auto it = impl_->stack.rbegin(); it != impl_->stack.rend(); ++it)
            (*it)->onClose(*this);
        impl_->stack.clear();
    }
    session_.reset();
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
    if (impl_->sounds)
        impl_->sounds->setMuted(settings_.mute);
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

// [SECTION] sounds
void App::playPhaseEnd() {
    if (settings_.mute)
        return;
    if (!impl_->sounds)
        impl_->sounds = std::make_unique<ui::Sounds>();
    impl_->sounds->phaseEnd();
}

void App::playEvent() {
    if (settings_.mute)
        return;
    if (!impl_->sounds)
        impl_->sounds = std::make_unique<ui::Sounds>();
    impl_->sounds->event();
}

// [SECTION] session
void App::setSession(std::unique_ptr<Session> session) {
    session_ = std::move(session);
    impl_->seenSession = nullptr; // the watch starts over without sounding
}

void App::endSession() {
    if (session_)
        session_->checkpointClock();
    session_.reset();
    impl_->seenSession = nullptr;
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
    impl_->screenshotRequests.push_back(path);
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
            impl.window.create(sf::VideoMode(static_cast<unsigned>(app.options_.width),
                                             static_cast<unsigned>(app.options_.height)),
                               sf::String::fromUtf8(title.begin(), title.end()), sf::Style::Default,
                               context);
        }
        impl.fullscreen = fullscreen;
        // Autoplay renders as fast as it can; people get a steady 60 Hz.
        impl.window.setFramerateLimit(app.options_.autoplay ? 0 : 60);
        impl.window.setKeyRepeatEnabled(true);
        impl.window.setActive(true);
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

    // F11, F12 (screenshot), Ctrl+= / Ctrl+- / Ctrl+0: work everywhere, even in a text field.
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

    void processEvents() {
        sf::Event event;
        while (impl.window.pollEvent(event)) {
            if (event.type == sf::Event::Closed) {
                app.quit(0);
                continue;
            }
            if (event.type == sf::Event::Resized) {
                impl.window.setView(
                    sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                           static_cast<float>(event.size.height))));
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
    }

    // Sounds for what happened in the session since the last frame, whoever
    // caused it (a person, a bot, the clock).
    void watchSession() {
        const Session* session = app.session();
        if (!session) {
            impl.seenSession = nullptr;
            return;
        }
        const GameState& state = session->state();
        if (impl.seenSession != session) {
            impl.seenSession = session;
            impl.seenPhase = state.phase;
            impl.seenAnnouncements = state.announcements.size();
            return;
        }
        if (state.phase != impl.seenPhase) {
            impl.seenPhase = state.phase;
            app.playPhaseEnd();
        }
        if (state.announcements.size() > impl.seenAnnouncements) {
            impl.seenAnnouncements = state.announcements.size();
            app.playEvent();
        }
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
        const sf::Image image = texture.copyToImage();
        for (const auto& path : impl.screenshotRequests) {
            std::error_code ec;
            fs::create_directories(fs::path(path).parent_path(), ec);
            if (!image.saveToFile(path))
                std::fprintf(stderr, "samenspel: cannot save screenshot %s\n", path.c_str());
        }
        impl.screenshotRequests.clear();
    }

    void applyPending() {
        // A change may queue further changes (onOpen pushing): run until quiet.
        for (int guard = 0; guard < 8 && !impl.pending.empty(); ++guard) {
            auto pending = std::move(impl.pending);
            impl.pending.clear();
            for (auto& change : pending)
                change();
        }
    }

    // [SECTION] autoplay
    // Every seat is a bot and the session runs at speed (a fixed step of
    // session time per frame, so a run does not depend on the machine). Each
    // phase is photographed in its last frame, when it shows the most: every
    // autoplay frame is kept as a texture, and when the phase has changed
    // since, the kept frame becomes that phase's picture.
    //
    // A phase can be over within one step (a decision ends besluit as soon as
    // the council has voted), so the session clock is held until the phase on
    // screen has been drawn a few frames: every phase gets its picture, drawn
    // after the board has switched to its tab (ImGui applies that a frame
    // late). Holding only delays the frames; the session takes the same steps.
    static constexpr int kAutoplayFramesPerPhase = 3;

    void keepFrameForAutoplay() {
        if (!app.options_.autoplay || !app.session())
            return;
        const sf::Vector2u size = impl.window.getSize();
        if (impl.lastFrame.getSize() != size && !impl.lastFrame.create(size.x, size.y))
            return;
        impl.lastFrame.update(impl.window);
        impl.lastFramePhase = app.session()->state().phase;
    }

    // After each drawn frame (also when frames are not kept, --bench-frames).
    void countAutoplayFrame() {
        if (!app.options_.autoplay || !app.session())
            return;
        const int phase = app.session()->state().phase;
        impl.shownPhaseFrames = phase == impl.shownPhase ? impl.shownPhaseFrames + 1 : 1;
        impl.shownPhase = phase;
    }

    // Whether this frame may move the session on: not before the phase it is
    // in has been on screen long enough to be photographed.
    bool autoplayMayAdvance(const Session& session) const {
        return impl.shownPhase == session.state().phase &&
               impl.shownPhaseFrames >= kAutoplayFramesPerPhase;
    }

    void saveKeptFrame(const std::string& name) {
        const std::string path = app.requestScreenshot(name);
        impl.screenshotRequests.pop_back(); // saved here, from the kept frame
        std::error_code ec;
        fs::create_directories(fs::path(path).parent_path(), ec);
        if (!impl.lastFrame.copyToImage().saveToFile(path))
            std::fprintf(stderr, "samenspel: cannot save screenshot %s\n", path.c_str());
    }

    void autoplayStep() {
        Session* session = app.session();
        if (!session || impl.autoplayDone)
            return;
        const GameState& state = session->state();
        const Scenario& sc = session->scenario();
        if (impl.lastFramePhase >= 0 && state.phase != impl.lastFramePhase &&
            impl.lastFramePhase < static_cast<int>(sc.phases.size())) {
            const int shot = impl.lastFramePhase;
            saveKeptFrame("phase" + std::to_string(shot + 1) + "-" +
                          phaseId(sc.phases[static_cast<std::size_t>(shot)].kind));
            // Something other than the held clock moved the session on by more
            // than a phase: say which has no picture (the run's check fails on it).
            const int next = std::min(state.phase, static_cast<int>(sc.phases.size()));
            for (int missed = shot + 1; missed < next; ++missed)
                std::fprintf(stderr, "samenspel: autoplay: phase %d was never on screen\n",
                             missed + 1);
            impl.lastFramePhase = -1;
        }
        const Screen* top = app.top();
        if (state.finished) {
            if (impl.finishedSinceFrame == 0)
                impl.finishedSinceFrame = app.frame_;
            const bool onDebrief = top && std::string(top->name()) == "debrief";
            // The table screen normally opens the debrief itself; if it does
            // not within a moment, the shell does.
            if (!onDebrief && app.frame_ - impl.finishedSinceFrame > 20) {
                app.replace(makeDebriefScreen(app));
                impl.finishedSinceFrame = app.frame_;
                return;
            }
            if (onDebrief && app.frame_ - impl.finishedSinceFrame > 10) {
                app.requestScreenshot("debrief");
                finishAutoplay();
            }
            return;
        }
        if (state.paused) {
            Action resume;
            resume.type = ActionType::Resume;
            resume.seat = kFacilitator;
            session->submit(resume);
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

    void finishAutoplay() {
        impl.autoplayDone = true;
        Session* session = app.session();
        std::string error;
        const std::string reportPath = reportPathForLog(session->logPath());
        const Catalog& catalog = app.catalog_;
        const TranslateFn tr = [&catalog](const std::string& key) { return catalog.tr(key); };
        if (!writeSessionReport(session->game(), app.lang(), tr, reportPath, error)) {
            std::fprintf(stderr, "samenspel: report not written: %s\n", error.c_str());
            impl.exitCode = 1;
        } else {
            std::printf("report: %s\n", reportPath.c_str());
        }
        std::printf("log: %s\n", session->logPath().c_str());
        // Quit after the debrief screenshot of this frame is saved.
        impl.pending.push_back([this] { app.quit(impl.exitCode); });
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
        impl.fontsDirty = impl.themeDirty = true;
        openFirstScreen();
        applyPending();

        sf::Clock frameClock;
        sf::Clock benchClock;
        bool benching = false;
        while (impl.running && impl.window.isOpen()) {
            if (!benching && app.options_.benchFrames > 0 && app.session() && frozenNow()) {
                benching = true;
                benchClock.restart();
                impl.benchCpuStartMs = processCpuMs();
            }
            processEvents();
            if (!impl.running)
                break;
            rebuildFontsIfNeeded();
            const float dt = std::max(frameClock.restart().asSeconds(), 1e-4f);
            if (Session* session = app.session(); session && frozen(*session)) {
                // Test hook: the session stands still until the process is killed.
            } else if (session) {
                // Autoplay holds the clock until the phase is on screen (and
                // can be photographed): also the first one, before bots act.
                if (app.options_.autoplay && !autoplayMayAdvance(*session))
                    ;
                else
                    session->update(dt);
            }
            watchSession();
            if (app.options_.autoplay)
                autoplayStep();
            else if (!app.options_.screenshotDir.empty())
                photographNewScreens();
            if (app.options_.maxSeconds > 0 && secondsSinceStart() > app.options_.maxSeconds) {
                std::fprintf(stderr, "samenspel: --max-seconds ran out\n");
                app.quit(3);
            }

            impl.imgui.newFrame(dt);
            if (Screen* top = app.top()) {
                top->update(app, dt);
                top->draw(app);
            }
            const ImVec4 bg = app.theme_.background;
            impl.window.clear(sf::Color(static_cast<sf::Uint8>(bg.x * 255),
                                        static_cast<sf::Uint8>(bg.y * 255),
                                        static_cast<sf::Uint8>(bg.z * 255)));
            impl.imgui.render();
            saveScreenshots();
            countAutoplayFrame();
            if (app.options_.benchFrames == 0)
                keepFrameForAutoplay();
            impl.window.display();
            ++app.frame_;
            if (app.options_.firstFrameExit && app.frame_ == 1) {
                std::printf("first-frame: %.1f ms after the shell started\n",
                            secondsSinceStart() * 1000.0);
                std::fflush(stdout);
                app.quit(0);
            }
            if (benching)
                recordBenchFrame(benchClock.restart().asSeconds());
            applyPending();
            if (impl.stack.empty())
                app.quit(impl.exitCode);
        }
        for (auto it = impl.stack.rbegin(); it != impl.stack.rend(); ++it)
            (*it)->onClose(app);
        impl.stack.clear();
        if (app.session_)
            app.session_->checkpointClock();
        impl.imgui.shutdown();
        impl.window.close();
        reportMissingTexts();
        return impl.exitCode;
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

    bool frozenNow() {
        return app.options_.freezeAfterActions > 0 &&
               app.session()->state().actionCount >= app.options_.freezeAfterActions;
    }

    void recordBenchFrame(double seconds) {
        impl.benchTimes.push_back(seconds * 1000.0);
        if (static_cast<int>(impl.benchTimes.size()) < app.options_.benchFrames)
            return;
        std::vector<double> sorted = impl.benchTimes;
        std::sort(sorted.begin(), sorted.end());
        double sum = 0;
        for (double t : sorted)
            sum += t;
        const std::size_t p99 =
            std::min(sorted.size() - 1, static_cast<std::size_t>(sorted.size() * 0.99));
        // CPU time of all threads (ours and the software renderer's) per
        // frame: unlike the wall clock, it does not grow when other work
        // shares the machine.
        const double cpuMs = (processCpuMs() - impl.benchCpuStartMs) / sorted.size();
        std::printf(
            "bench-frames: n=%zu mean_ms=%.3f p99_ms=%.3f cpu_ms=%.3f screen=%s roles=%zu\n",
            sorted.size(), sum / sorted.size(), sorted[p99], cpuMs,
            app.top() ? app.top()->name() : "-", app.session()->scenario().roles.size());
        std::printf("bench-memory: peak_rss_kb=%ld\n", peakRssKb());
        std::fflush(stdout);
        app.quit(0);
    }

    static double processCpuMs() {
        timespec t{};
        if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0)
            return 0;
        return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
    }

    static long peakRssKb() {
        std::FILE* f = std::fopen("/proc/self/status", "r");
        if (!f)
            return -1;
        char line[256];
        long kb = -1;
        while (std::fgets(line, sizeof line, f))
            if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1)
                break;
        std::fclose(f);
        return kb;
    }

    bool frozen(Session& session) {
        const std::uint64_t limit = app.options_.freezeAfterActions;
        if (limit == 0 || session.state().actionCount < limit)
            return false;
        if (!impl.frozenReported) {
            impl.frozenReported = true;
            printState("frozen", session);
        }
        return true;
    }

    static void printState(const char* what, const Session& session) {
        std::printf("%s: actions=%llu phase=%d clock=%lld log=%s\n", what,
                    static_cast<unsigned long long>(session.state().actionCount),
                    session.state().phase, static_cast<long long>(session.clockMs()),
                    session.logPath().c_str());
        std::fflush(stdout);
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
            printState("resumed", *session);
            app.setSession(std::move(session));
            app.resetTo(makeTableScreen(app));
            return;
        }
        std::fprintf(stderr, "samenspel: nothing to continue%s%s\n", error.empty() ? "" : ": ",
                     error.c_str());
    }
    if (options.autoplay) {
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
        SessionSetup setup = SessionSetup::defaultFor(*scenario, true, options.seed);
        setup.language = app.lang();
        // Seats carry their role's name in the language of the run.
        for (Seat& seat : setup.seats)
            seat.name = app.text(scenario->roles[static_cast<std::size_t>(seat.role)].name);
        const std::string log = options.logPath.empty()
                                    ? newLogPath(app.sessionsDir().string(), scenario->id)
                                    : options.logPath;
        std::string error;
        // Nobody waits for bots: the session runs as `simulate` runs it, a
        // step per frame, so the same seed gives the same log.
        auto session = Session::start(scenario, setup, log, error, SessionPace::asFastAsPossible());
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
