#include "autoplay.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include <imgui.h>

#include "app.hpp"
#include "core/session_files.hpp"
#include "report.hpp"
#include "screens/decision_moment.hpp"
#include "screens/screens.hpp"
#include "ui/drawn_text.hpp"

namespace samenspel {

namespace fs = std::filesystem;

bool saveFramePicture(const sf::Texture& frame, const std::string& path) {
    const sf::Image shown = frame.copyToImage();
    const sf::Vector2u size = shown.getSize();
    std::vector<sf::Uint8> pixels(shown.getPixelsPtr(),
                                  shown.getPixelsPtr() + std::size_t{size.x} * size.y * 4);
    for (std::size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255;
    sf::Image opaque;
    opaque.create(size.x, size.y, pixels.data());
    return opaque.saveToFile(path);
}

void saveFrameText(const std::string& picturePath, const std::string& text) {
    std::ofstream out(fs::path(picturePath).replace_extension(".txt"), std::ios::binary);
    out << text;
    if (!out)
        std::fprintf(stderr, "samenspel: cannot save the text of %s\n", picturePath.c_str());
}

bool AutoplayDirector::mayAdvance(const TableLink& link) const {
    if (link.view() != TableView::SharedScreen || !link.ready())
        return true;
    // The decision moment holds the table until it is moved on (it presses
    // on by itself in autoplay); holding frames keeps the log as simulate's.
    if (isDecisionMomentScreen(app_.top()))
        return false;
    return shownPhase_ == link.game().state().phase && shownPhaseFrames_ >= kFramesPerPhase;
}

void AutoplayDirector::afterFrame(sf::RenderWindow& window, bool keepPicture) {
    const auto& link = app_.link();
    if (!link || !link->ready())
        return;
    const int phase = link->game().state().phase;
    shownPhaseFrames_ = phase == shownPhase_ ? shownPhaseFrames_ + 1 : 1;
    shownPhase_ = phase;
    if (!keepPicture) // --bench-frames: the copy would be timed too
        return;
    const sf::Vector2u size = window.getSize();
    if (lastFrame_.getSize() != size && !lastFrame_.create(size.x, size.y))
        return;
    lastFrame_.update(window);
    lastFrameText_ = ui::drawnText(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
    lastFramePhase_ = phase;
}

void AutoplayDirector::photographEndedPhase(const TableLink& link) {
    const GameState& state = link.game().state();
    const Scenario& sc = link.game().scenario();
    if (lastFramePhase_ < 0 || state.phase == lastFramePhase_ ||
        lastFramePhase_ >= static_cast<int>(sc.phases.size()))
        return;
    const int shot = lastFramePhase_;
    const std::string path =
        app_.screenshotPath("phase" + std::to_string(shot + 1) + "-" +
                            phaseId(sc.phases[static_cast<std::size_t>(shot)].kind));
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (!saveFramePicture(lastFrame_, path))
        std::fprintf(stderr, "samenspel: cannot save screenshot %s\n", path.c_str());
    saveFrameText(path, lastFrameText_);
    // Something moved the session on by more than a phase between two
    // frames: say which has no picture (the run's check fails on it).
    const int next = std::min(state.phase, static_cast<int>(sc.phases.size()));
    for (int missed = shot + 1; missed < next; ++missed)
        std::fprintf(stderr, "samenspel: autoplay: phase %d was never on screen\n", missed + 1);
    lastFramePhase_ = -1;
}

void AutoplayDirector::beforeFrame() {
    const std::shared_ptr<TableLink> link = app_.link();
    if (!link || !link->ready() || done_)
        return;
    photographEndedPhase(*link);
    if (link->stop()) {
        if (stoppedSinceFrame_ == 0)
            stoppedSinceFrame_ = app_.frameCount();
        if (app_.frameCount() - stoppedSinceFrame_ > 10)
            finishStopped(*link);
        return;
    }
    stoppedSinceFrame_ = 0;
    const GameState& state = link->game().state();
    if (state.paused && link->facilitatorAvailable()) {
        Action resume;
        resume.type = ActionType::Resume;
        resume.seat = kFacilitator;
        link->submit(resume);
    }
    if (!state.finished)
        return;
    if (finishedSinceFrame_ == 0)
        finishedSinceFrame_ = app_.frameCount();
    const bool onDebrief = isDebriefScreen(app_.top());
    // The table opens the debrief itself; if it does not within a moment,
    // the director does.
    if (!onDebrief && app_.frameCount() - finishedSinceFrame_ > 20) {
        app_.replace(makeDebriefScreen(app_, link));
        finishedSinceFrame_ = app_.frameCount();
        return;
    }
    if (onDebrief && app_.frameCount() - finishedSinceFrame_ > 10)
        finish(*link);
}

// The debrief is photographed, the report written beside the log, and the
// run ends: exit 0, or 1 when the report could not be written.
void AutoplayDirector::finish(TableLink& link) {
    done_ = true;
    app_.requestScreenshot("debrief");
    const GameState& state = link.game().state();
    std::printf("finished: actions=%llu phase=%d decision=%s log=%s\n",
                static_cast<unsigned long long>(state.actionCount), state.phase,
                state.decision.taken ? "taken" : "none", link.logPath().c_str());
    ReportOptions options;
    options.lang = app_.lang();
    const std::string reportPath = SessionFiles::report(link.logPath());
    std::string error;
    int exitCode = 0;
    if (writeSessionReport(link.game(), translateWith(app_.catalog()), options, reportPath,
                           error)) {
        std::printf("report: %s\n", reportPath.c_str());
    } else {
        std::fprintf(stderr, "samenspel: report not written: %s\n", error.c_str());
        exitCode = 1;
    }
    std::printf("log: %s\n", link.logPath().c_str());
    std::fflush(stdout);
    app_.quitAfterFrame(exitCode); // after the debrief's picture of this frame is saved
}

// The picture of the stop notice, then exit 1: a run whose log could not be
// written did not play the session.
void AutoplayDirector::finishStopped(const TableLink& link) {
    done_ = true;
    app_.requestScreenshot("stopped");
    const GameState& state = link.game().state();
    std::printf("stopped: actions=%llu phase=%d log=%s\n",
                static_cast<unsigned long long>(state.actionCount), state.phase,
                link.logPath().c_str());
    std::fflush(stdout);
    app_.quitAfterFrame(1);
}

} // namespace samenspel
