#include "ui/widgets.hpp"

#include <algorithm>

namespace samenspel::ui {

void beginScreenWindow(const char* id, const Theme& theme) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    // The shell clears the frame to theme.background already; a transparent
    // window background saves a full-screen fill (software renderers are
    // fill-rate bound, see bench/gui.cmake).
    ImGui::PushStyleColor(ImGuiCol_WindowBg, withAlpha(theme.background, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
}

void endScreenWindow() {
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void text(std::string_view s) {
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
}

void textWrapped(std::string_view s) {
    ImGui::PushTextWrapPos(0.0f);
    text(s);
    ImGui::PopTextWrapPos();
}

std::vector<std::string> wrapWords(std::string_view text, float width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t end = std::min(text.find(' ', i), text.size());
        const std::string word(text.substr(i, end - i));
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        i = end + 1;
    }
    if (!line.empty() || lines.empty())
        lines.push_back(line);
    return lines;
}

void textWrappedAtSpaces(std::string_view s) {
    const float x = ImGui::GetCursorPosX();
    for (const std::string& line : wrapWords(s, ImGui::GetContentRegionAvail().x)) {
        ImGui::SetCursorPosX(x);
        text(line);
    }
}

void textColored(const ImVec4& colour, std::string_view s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void textWrappedColored(const ImVec4& colour, std::string_view s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    textWrapped(s);
    ImGui::PopStyleColor();
}

void textCentered(std::string_view s) {
    const float width = ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
    const float windowWidth = ImGui::GetWindowWidth();
    if (windowWidth > width)
        ImGui::SetCursorPosX((windowWidth - width) * 0.5f);
    text(s);
}

void textInFont(ImFont* font, std::string_view s, const ImVec4* colour) {
    if (font)
        ImGui::PushFont(font);
    if (colour)
        textColored(*colour, s);
    else
        text(s);
    if (font)
        ImGui::PopFont();
}

bool primaryButton(const char* label, const ImVec2& size, const Theme& theme) {
    ImGui::PushStyleColor(ImGuiCol_Button, theme.accent);
    ImGui::PushStyleColor(
        ImGuiCol_ButtonHovered,
        ImVec4(theme.accent.x * 1.1f, theme.accent.y * 1.1f, theme.accent.z * 1.1f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme.text);
    ImGui::PushStyleColor(ImGuiCol_Text, theme.accentText);
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    return pressed;
}

bool buttonIf(bool enabled, const char* label, const ImVec2& size, const char* whyNot) {
    if (enabled)
        return ImGui::Button(label, size);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
    ImGui::Button(label, size);
    ImGui::PopStyleVar();
    if (whyNot && *whyNot && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", whyNot);
    return false;
}

void chip(std::string_view label, const ImVec4& colour, const Theme& theme) {
    const ImVec2 textSize = ImGui::CalcTextSize(label.data(), label.data() + label.size());
    const ImVec2 pad = ImVec2(ImGui::GetFontSize() * 0.45f, ImGui::GetFontSize() * 0.15f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(textSize.x + 2 * pad.x, textSize.y + 2 * pad.y);
    if (!ImGui::IsRectVisible(size)) { // scrolled out of view: only the room
        ImGui::Dummy(size);
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                        toU32(withAlpha(colour, 0.22f)), size.y * 0.5f);
    draw->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), toU32(withAlpha(colour, 0.8f)),
                  size.y * 0.5f, 0, theme.highContrast ? 2.0f : 1.0f);
    draw->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), toU32(theme.text), label.data(),
                  label.data() + label.size());
    ImGui::Dummy(size);
}

void gap(float units, float scale) {
    ImGui::Dummy(ImVec2(1.0f, 8.0f * units * scale));
}

std::string labelWithId(std::string_view label, std::string_view id) {
    std::string out(label);
    out += "##";
    out += id;
    return out;
}

} // namespace samenspel::ui
