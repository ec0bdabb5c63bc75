#include "screens/join_code.hpp"

#include <algorithm>
#include <cmath>

#include "app.hpp"
#include "net/qr.hpp"
#include "ui/theme.hpp"

namespace samenspel {

JoinCode makeJoinCode(const std::vector<std::string>& addresses, unsigned short port,
                      const std::string& code) {
    JoinCode join;
    if (addresses.empty())
        return join;
    join.url = net::joinUrl(addresses.front(), port, code);
    join.page = net::pageAddress(addresses.front(), port);
    join.code = code;
    for (std::size_t i = 1; i < addresses.size(); ++i)
        join.otherPages.push_back(net::pageAddress(addresses[i], port));
    join.qr = net::encodeQr(join.url);
    return join;
}

float drawQrCode(const net::QrMatrix& qr, float maxSide) {
    if (qr.empty())
        return 0;
    const int modules = qr.size() + 2 * net::kQrQuietZone;
    const int pixels = std::max(1, static_cast<int>(std::floor(maxSide)) / modules);
    const float side = static_cast<float>(pixels * modules);
    // Whole pixels from a whole-pixel corner: every module edge is sharp.
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const ImVec2 corner(std::round(cursor.x), std::round(cursor.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Black on white whatever the theme: readers expect dark modules on a
    // light ground, and the quiet zone must be light too.
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    const ImU32 black = IM_COL32(0, 0, 0, 255);
    draw->AddRectFilled(corner, ImVec2(corner.x + side, corner.y + side), white);
    const float origin = static_cast<float>(net::kQrQuietZone * pixels);
    for (int y = 0; y < qr.size(); ++y) {
        // One rectangle per run of dark modules in a row.
        for (int x = 0; x < qr.size();) {
            if (!qr.dark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < qr.size() && qr.dark(x, y))
                ++x;
            const float left = corner.x + origin + static_cast<float>(start * pixels);
            const float top = corner.y + origin + static_cast<float>(y * pixels);
            draw->AddRectFilled(ImVec2(left, top),
                                ImVec2(left + static_cast<float>((x - start) * pixels),
                                       top + static_cast<float>(pixels)),
                                black);
        }
    }
    ImGui::Dummy(ImVec2(side, side));
    return side;
}

void fittedText(ImFont* font, const std::string& text, float maxWidth, const ImVec4& colour,
                float minSize) {
    if (!font)
        font = ImGui::GetFont();
    float size = font->FontSize;
    const float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x;
    if (width > maxWidth && width > 0)
        size = std::floor(size * maxWidth / width);
    // Below the smallest readable size: that size, on more lines.
    const float wrap = size < minSize ? maxWidth : 0.0f;
    size = std::max(size, std::min(minSize, font->FontSize));
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(std::round(at.x), std::round(at.y)),
                                        ui::toU32(colour), text.c_str(), nullptr, wrap);
    ImGui::Dummy(extent);
}

namespace {

// Small enough to sit beside the clock, large enough (3 to 4 pixels a
// module) for a phone held up from the first rows or by the screen.
float cornerQrSide(const App& app, const JoinCode& join) {
    const float modules = static_cast<float>(join.qr.size() + 2 * net::kQrQuietZone);
    const float wanted = std::min(app.unit() * 20, ImGui::GetIO().DisplaySize.y * 0.2f);
    return std::max(2.0f, std::floor(wanted / modules)) * modules;
}

struct CornerTexts {
    std::string title, scan, hide;
};

CornerTexts cornerTexts(const App& app) {
    return {app.tr("net.host.late_title"), app.tr("net.host.late_scan"),
            app.tr("net.host.late_hide")};
}

float textWidth(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
}

} // namespace

ImVec2 lateJoinSize(const App& app, const JoinCode& join, bool shown) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (!shown) {
        const std::string show = app.tr("net.host.late_show");
        return ImVec2(ImGui::CalcTextSize(show.c_str()).x + 2 * style.FramePadding.x,
                      ImGui::GetFrameHeight());
    }
    const CornerTexts t = cornerTexts(app);
    ImFont* bold = app.fonts().bold;
    ImFont* small = app.fonts().small;
    const float textW =
        std::max({textWidth(bold, t.title), textWidth(small, t.scan), textWidth(small, join.page),
                  textWidth(bold, join.code), textWidth(small, t.hide) + 2 * style.FramePadding.x});
    const float side = cornerQrSide(app, join);
    return ImVec2(textW + style.ItemSpacing.x * 2 + side, side);
}

float drawLateJoin(App& app, const JoinCode& join, bool& shown) {
    if (join.empty() || join.qr.empty())
        return 0;
    const ui::Theme& theme = app.theme();
    ImGui::PushID("late_join");
    if (!shown) {
        if (ImGui::SmallButton(app.tr("net.host.late_show").c_str()))
            shown = true;
        ImGui::PopID();
        return ImGui::GetItemRectSize().y;
    }
    const CornerTexts t = cornerTexts(app);
    const ImVec2 size = lateJoinSize(app, join, shown);
    const float side = cornerQrSide(app, join);
    const float left = ImGui::GetCursorPosX();
    ImGui::BeginGroup();
    ImGui::BeginGroup();
    // The lines close together, so that they stand no taller than the code.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(ImGui::GetStyle().ItemSpacing.x, app.unit() * 0.15f));
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextUnformatted(t.title.c_str());
    ImGui::PopFont();
    ImGui::PushFont(app.fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
    ImGui::TextUnformatted(t.scan.c_str());
    ImGui::PopStyleColor();
    ImGui::TextUnformatted(join.page.c_str());
    ImGui::PopFont();
    ImGui::PushFont(app.fonts().bold);
    ImGui::PushStyleColor(ImGuiCol_Text, theme.accent);
    ImGui::TextUnformatted(join.code.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushFont(app.fonts().small);
    ImGui::Dummy(ImVec2(0, app.unit() * 0.3f));
    if (ImGui::SmallButton(t.hide.c_str()))
        shown = false;
    ImGui::PopFont();
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::SetCursorPosX(left + size.x - side);
    drawQrCode(join.qr, side);
    ImGui::EndGroup();
    ImGui::PopID();
    return ImGui::GetItemRectSize().y;
}

} // namespace samenspel
