// A phase change as a short, clear transition: the new phase's number, name
// and what to do in it, large in the middle of the table for a moment, then
// gone. It takes no clicks (the table under it stays usable) and never holds
// the session: a phase change needs no one to confirm it.
#include <algorithm>

#include "screens/table_view.hpp"
#include "ui/theme.hpp"

namespace samenspel::table {

namespace {

constexpr double kFadeInSeconds = 0.25;
constexpr double kHoldSeconds = 2.2;
constexpr double kFadeOutSeconds = 0.6;

} // namespace

bool drawPhaseTransition(App& app, const Game& game, int phase, double seconds) {
    const Scenario& sc = game.scenario();
    if (phase < 0 || phase >= static_cast<int>(sc.phases.size()) || seconds < 0 ||
        seconds > kFadeInSeconds + kHoldSeconds + kFadeOutSeconds)
        return false;
    float alpha = 1.0f;
    if (seconds < kFadeInSeconds)
        alpha = static_cast<float>(seconds / kFadeInSeconds);
    else if (seconds > kFadeInSeconds + kHoldSeconds)
        alpha =
            1.0f - static_cast<float>((seconds - kFadeInSeconds - kHoldSeconds) / kFadeOutSeconds);
    alpha = std::clamp(alpha, 0.0f, 1.0f);
    const ui::Theme& theme = app.theme();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // The table steps back while the new phase is announced: dimmed, still
    // there to click (no inputs are taken here).
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::SetNextWindowBgAlpha(0.6f * alpha);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme.background);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##phase_transition_dim", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    const float width = std::min(display.x * 0.7f, app.unit() * 110);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.45f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    // Opaque once faded in: the table's text must not show through.
    ImGui::SetNextWindowBgAlpha(alpha);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, alpha);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(app.unit() * 4, app.unit() * 3));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, theme.accent);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme.surfaceRaised);
    ImGui::Begin("##phase_transition", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
    ImGui::TextUnformatted(
        app.tr("table.phase_of", phase + 1, static_cast<int>(sc.phases.size())).c_str());
    ImGui::PopStyleColor();
    ImGui::PushFont(app.fonts().title);
    ImGui::PushStyleColor(ImGuiCol_Text, theme.accent);
    wrappedText(phaseName(app, sc, phase));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushFont(app.fonts().heading);
    wrappedText(phaseWhat(app, sc, sc.phases[static_cast<std::size_t>(phase)].kind));
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    return true;
}

} // namespace samenspel::table
