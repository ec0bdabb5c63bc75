// The title screen: start a new session, continue the last one, host or join
// a session over the network, settings, quit, and the language switch. The
// first thing a room sees: a table seen from above with the players' tokens
// around it (residents, officials and council members at one table), drawn
// here in shapes, beside the buttons in three groups.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/log.hpp"
#include "core/session_files.hpp"
#include "net/host.hpp"
#include "screens/screens.hpp"
#include "session.hpp"
#include "ui/chart.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace {

// The unfinished session as the facilitator knows it: by its scenario's
// title, never by the name of its log file.
std::string sessionTitle(const App& app, const std::string& logPath) {
    const ReadLog log = readSessionLog(logPath);
    if (!log.header)
        return app.tr("ui.title.continue_unknown");
    const std::filesystem::path given = log.header->scenarioPath;
    for (const std::filesystem::path& path :
         {given, std::filesystem::path(logPath).parent_path() / given.filename()}) {
        std::error_code ec;
        if (path.empty() || !std::filesystem::exists(path, ec))
            continue;
        const LoadResult loaded = loadScenarioFile(path.string());
        if (loaded.ok() && !app.text(loaded.scenario->title).empty())
            return app.text(loaded.scenario->title);
    }
    return app.tr("ui.title.continue_unknown");
}

// [SECTION] the table scene

ImVec2 add(ImVec2 a, ImVec2 b) {
    return ImVec2(a.x + b.x, a.y + b.y);
}

// Opaque blends only: a translucent fill would leave the window's pixels
// translucent too, and a screenshot would show them paler than the screen.
ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

// A card lying on the table, turned by `angle` radians around its centre.
void drawCard(ImDrawList* draw, ImVec2 centre, ImVec2 half, float angle, ImU32 fill, ImU32 edge,
              float edgeWidth) {
    const float c = std::cos(angle), s = std::sin(angle);
    const auto corner = [&](float x, float y) {
        return ImVec2(centre.x + x * c - y * s, centre.y + x * s + y * c);
    };
    const ImVec2 p[4] = {corner(-half.x, -half.y), corner(half.x, -half.y), corner(half.x, half.y),
                         corner(-half.x, half.y)};
    draw->AddQuadFilled(p[0], p[1], p[2], p[3], fill);
    draw->AddQuad(p[0], p[1], p[2], p[3], edge, edgeWidth);
}

// A player's token: a disc in the role's colour with a person on it, as a
// board game's pawn seen from above.
void drawToken(ImDrawList* draw, ImVec2 c, float r, int colour, const ui::Theme& theme) {
    draw->AddCircleFilled(add(c, ImVec2(r * 0.08f, r * 0.14f)), r, ui::toU32(theme.shadow), 32);
    draw->AddCircleFilled(c, r, ui::seriesColour(colour, theme), 32);
    draw->AddCircle(c, r, ui::toU32(theme.text), 32, std::max(1.5f, r * 0.06f));
    const ImU32 figure = ui::toU32(theme.background);
    draw->AddCircleFilled(ImVec2(c.x, c.y - r * 0.28f), r * 0.24f, figure, 20);
    // Shoulders: the upper half of a disc, cut off at the token's middle.
    draw->PathArcTo(ImVec2(c.x, c.y + r * 0.5f), r * 0.46f, 3.14159265f, 2 * 3.14159265f, 16);
    draw->PathFillConvex(figure);
}

struct TokenPlace {
    ImVec2 at; // where on the table's outline, in table halves (-1..1)
    int kind;  // 0 resident, 1 official, 2 council
    bool labelAbove;
};

// On the table: the case in the middle, proposals beside it, a note.
void drawCardsOnTable(ImDrawList* draw, const ui::Theme& theme, ImVec2 centre, float tableH) {
    const float cardH = tableH * 0.34f;
    const ImVec2 caseHalf(cardH * 0.72f, cardH * 0.5f);
    // Paper in the text's colour, its lines halfway to the background's.
    const ImU32 paper = ui::toU32(theme.text),
                ink = ui::toU32(mix(theme.text, theme.background, 0.55f));
    drawCard(draw, centre, caseHalf, -0.05f, paper, ink, 1.5f);
    for (int line = 0; line < 4; ++line) {
        const float y = centre.y - caseHalf.y * 0.5f + static_cast<float>(line) * caseHalf.y * 0.3f;
        const float w = caseHalf.x * (line == 0 ? 0.9f : 1.3f - 0.15f * static_cast<float>(line));
        draw->AddLine(ImVec2(centre.x - caseHalf.x * 0.7f, y - 0.05f * (y - centre.y)),
                      ImVec2(centre.x - caseHalf.x * 0.7f + w, y), ink, line == 0 ? 3.0f : 2.0f);
    }
    const ImVec2 proposalHalf(cardH * 0.36f, cardH * 0.5f);
    for (int k = 0; k < 3; ++k)
        drawCard(
            draw,
            ImVec2(centre.x + caseHalf.x + proposalHalf.x * 1.6f + 3.0f * static_cast<float>(k),
                   centre.y - 3.0f * static_cast<float>(k)),
            proposalHalf, 0.12f - 0.05f * static_cast<float>(k), ui::toU32(theme.accent),
            ui::toU32(theme.accentText), 1.5f);
    const ImVec2 noteHalf(cardH * 0.3f, cardH * 0.3f);
    drawCard(draw, ImVec2(centre.x - caseHalf.x - noteHalf.x * 1.8f, centre.y + cardH * 0.12f),
             noteHalf, -0.2f, ui::toU32(theme.warning), ui::toU32(theme.accentText), 1.5f);
}

// Around the table: two residents, two officials, two council members,
// each with their own card face down in front of them.
void drawPlayers(App& app, ImDrawList* draw, ImVec2 centre, ImVec2 half) {
    const ui::Theme& theme = app.theme();
    const float tableH = half.y * 2;
    const TokenPlace seats[] = {{ImVec2(-0.45f, -1), 0, true}, {ImVec2(0.45f, -1), 1, true},
                                {ImVec2(1, 0), 2, false},      {ImVec2(0.45f, 1), 1, false},
                                {ImVec2(-0.45f, 1), 0, false}, {ImVec2(-1, 0), 2, false}};
    const float r = tableH * 0.13f;
    const char* kinds[] = {"ui.title.token.resident", "ui.title.token.official",
                           "ui.title.token.council"};
    ImGui::PushFont(app.fonts().small);
    for (int i = 0; i < 6; ++i) {
        const TokenPlace& seat = seats[i];
        // On the rim, a little way out from the table's edge.
        const bool end = seat.at.y == 0;
        const ImVec2 at = end ? ImVec2(centre.x + seat.at.x * (half.x + r * 0.55f), centre.y)
                              : ImVec2(centre.x + seat.at.x * half.x,
                                       centre.y + seat.at.y * (half.y + r * 0.55f));
        // The player's own card, face down, in front of the token.
        const ImVec2 toward(centre.x - at.x, centre.y - at.y);
        const float len = std::sqrt(toward.x * toward.x + toward.y * toward.y);
        const ImVec2 cardAt(at.x + toward.x / len * r * 2.0f, at.y + toward.y / len * r * 2.0f);
        const ImVec4 own = ImGui::ColorConvertU32ToFloat4(ui::seriesColour(i, theme));
        drawCard(draw, cardAt, ImVec2(r * 0.55f, r * 0.4f), end ? 1.5708f : 0.0f,
                 ui::toU32(mix(theme.tableFelt, own, 0.55f)), ui::toU32(own), 1.5f);
        drawToken(draw, at, r, i, theme);
        const std::string label = app.tr(kinds[seat.kind]);
        const ImVec2 textSize = ImGui::CalcTextSize(label.c_str());
        const float y = seat.labelAbove ? at.y - r - textSize.y - r * 0.2f : at.y + r + r * 0.2f;
        draw->AddText(ImVec2(at.x - textSize.x * 0.5f, y), ui::toU32(theme.textMuted),
                      label.c_str());
    }
    ImGui::PopFont();
}

// Residents, officials and council members around one table, seen from
// above: an oval table of wood with a felt top, the case's card and the
// proposals on it, each player's card in front of them. Drawn to fit `size`
// from `origin`.
void drawTableScene(App& app, ImVec2 origin, ImVec2 size) {
    const ui::Theme& theme = app.theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // The table, with room around it for the tokens and their labels.
    const float tableW = std::min(size.x * 0.74f, size.y * 1.25f);
    const float tableH = tableW * 0.56f;
    const ImVec2 centre(origin.x + size.x * 0.5f, origin.y + size.y * 0.5f);
    const ImVec2 half(tableW * 0.5f, tableH * 0.5f);
    const ImVec2 tMin(centre.x - half.x, centre.y - half.y),
        tMax(centre.x + half.x, centre.y + half.y);
    const float rim = tableH * 0.07f;
    draw->AddRectFilled(add(tMin, ImVec2(rim * 0.4f, rim * 0.7f)),
                        add(tMax, ImVec2(rim * 0.4f, rim * 0.7f)), ui::toU32(theme.shadow), half.y);
    draw->AddRectFilled(tMin, tMax, ui::toU32(theme.tableWood), half.y);
    draw->AddRectFilled(add(tMin, ImVec2(rim, rim)), add(tMax, ImVec2(-rim, -rim)),
                        ui::toU32(theme.tableFelt), half.y - rim);

    drawCardsOnTable(draw, theme, centre, tableH);
    drawPlayers(app, draw, centre, half);
}

// [SECTION] the column's layout

// How the column is set: which fonts, whether the group label shows, the
// gaps, the buttons' height, and the wrapped lines.
struct ColumnLayout {
    ImFont *name = nullptr, *tagline = nullptr, *buttons = nullptr;
    bool labels = false;
    float gapUnits = 0;
    float buttonH = 0;
    std::vector<std::string> taglineLines, hintLines;
    float height = 0;
};

float lineHeightOf(ImFont* font) {
    ImGui::PushFont(font);
    const float h = ImGui::GetTextLineHeightWithSpacing();
    ImGui::PopFont();
    return h;
}

std::vector<std::string> wrapIn(ImFont* font, const std::string& text, float width) {
    ImGui::PushFont(font);
    std::vector<std::string> lines = ui::wrapWords(text, width);
    ImGui::PopFont();
    return lines;
}

// From roomy to tight, the first layout that fits `size`: the full one (the
// tagline large in at most two lines, else in the body's bold); then a
// smaller name and tagline without the group label; then the name and the
// buttons alone, so that Quit stays on screen at a large UI scale on a small
// screen. Spare room makes the buttons taller, up to 64 px at scale 1.
ColumnLayout fitColumn(App& app, const std::string& hint, ImVec2 size) {
    const Fonts& f = app.fonts();
    const float s = app.uiScale();
    const std::string tagline = app.tr("ui.title.tagline");
    ImFont* taglineFont = wrapIn(f.heading, tagline, size.x).size() > 2 ? f.bold : f.heading;
    const auto layout = [](ImFont* name, ImFont* taglineIn, ImFont* buttons, bool labels,
                           float gapUnits) {
        ColumnLayout l;
        l.name = name, l.tagline = taglineIn, l.buttons = buttons;
        l.labels = labels, l.gapUnits = gapUnits;
        return l;
    };
    ColumnLayout layouts[] = {layout(f.display, taglineFont, f.heading, true, 3.0f),
                              layout(f.title, f.bold, f.bold, false, 1.0f),
                              layout(f.title, nullptr, f.bold, false, 0.5f)};
    const auto heightOf = [&](const ColumnLayout& l) {
        const float smallLines = static_cast<float>(l.hintLines.size()) + (l.labels ? 1.0f : 0.0f);
        return lineHeightOf(l.name) +
               (l.tagline ? lineHeightOf(l.tagline) * static_cast<float>(l.taglineLines.size())
                          : 0.0f) +
               lineHeightOf(f.small) * smallLines + 8.0f * l.gapUnits * s * 3 +
               4 * (l.buttonH + ImGui::GetStyle().ItemSpacing.y);
    };
    for (ColumnLayout& l : layouts) {
        l.buttonH = l.buttons->FontSize * 1.5f;
        if (l.tagline)
            l.taglineLines = wrapIn(l.tagline, tagline, size.x);
        if (!hint.empty())
            l.hintLines = wrapIn(f.small, hint, size.x);
        l.height = heightOf(l);
        if (l.height <= size.y || &l == &layouts[2]) {
            const float spare = size.y - l.height;
            if (spare > 0)
                l.buttonH = std::min(64.0f * s, l.buttonH + spare / 4.0f);
            l.height = heightOf(l);
            return l;
        }
    }
    return layouts[2];
}

// [SECTION] the screen

class TitleScreen final : public Screen {
  public:
    void onOpen(App& app) override {
        resumableLog_ = lastResumableLog(app.sessionsDir().string());
        resumableTitle_ = resumableLog_.empty() ? std::string() : sessionTitle(app, resumableLog_);
        error_.clear();
    }

    void draw(App& app) override {
        const float s = app.uiScale();
        ui::beginScreenWindow("##title", app.theme());
        drawLanguageSwitch(app);
        const ImVec2 start = ImGui::GetCursorPos();
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        ImGui::PushFont(app.fonts().small);
        const float footerH = 2.2f * ImGui::GetTextLineHeightWithSpacing();
        ImGui::PopFont();
        // The scene beside the buttons on a wide window; on a narrow one (or
        // at a large UI scale) the buttons alone, centred, as the room needs
        // them more than the picture.
        const bool scene = avail.x >= 980.0f * s;
        const float columnWidth =
            scene ? std::min(520.0f * s, avail.x * 0.42f) : std::min(avail.x, 560.0f * s);
        const float columnX =
            scene ? start.x + avail.x - columnWidth : start.x + (avail.x - columnWidth) * 0.5f;
        if (scene) {
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            drawTableScene(app, origin,
                           ImVec2(avail.x - columnWidth - 4 * app.unit(), avail.y - footerH));
        }
        drawColumn(app, ImVec2(columnX, start.y), ImVec2(columnWidth, avail.y - footerH));
        drawFooter(app);
        ui::endScreenWindow();
    }

    bool onKey(App& app, int key, bool ctrl, bool, bool) override {
        if (key == sf::Keyboard::Escape) {
            app.quit(0);
            return true;
        }
        return false;
    }

    const char* name() const override { return "title"; }

  private:
    // The name, the tagline and the buttons in three groups: play at this
    // screen (new, continue), play on the players' own devices (host, join),
    // and the application (settings, quit).
    void drawColumn(App& app, ImVec2 at, ImVec2 size) {
        const ui::Theme& theme = app.theme();
        const std::string hint = resumableLog_.empty()
                                     ? std::string()
                                     : app.tr("ui.title.continue_hint", resumableTitle_);
        const ColumnLayout l = fitColumn(app, hint, size);
        ImGui::SetCursorPosY(at.y + std::clamp((size.y - l.height) * 0.45f, 0.0f, size.y));
        ImGui::PushFont(l.name);
        textCenteredIn(at.x, size.x, app.tr("ui.title.name"));
        ImGui::PopFont();
        if (l.tagline) {
            ImGui::PushFont(l.tagline);
            for (const std::string& line : l.taglineLines)
                textCenteredIn(at.x, size.x, line, &theme.textMuted);
            ImGui::PopFont();
        }
        ui::gap(l.gapUnits, app.uiScale());
        drawButtons(app, at.x, size.x, l);
        if (!error_.empty()) {
            ui::gap(1, app.uiScale());
            ImGui::SetCursorPosX(at.x);
            ImGui::PushTextWrapPos(at.x + size.x);
            ui::textColored(theme.bad, error_);
            ImGui::PopTextWrapPos();
        }
    }

    void drawButtons(App& app, float x, float width, const ColumnLayout& l) {
        const ui::Theme& theme = app.theme();
        const ImVec2 full(width, l.buttonH);
        const ImVec2 halfSize((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f, l.buttonH);
        ImGui::PushFont(l.buttons);
        // The label centred in a button lower than its usual frame.
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                            ImVec2(ImGui::GetStyle().FramePadding.x,
                                   l.labels ? ImGui::GetStyle().FramePadding.y : 0.0f));
        ImGui::SetCursorPosX(x);
        if (ui::primaryButton(app.tr("ui.title.new_session").c_str(), full, theme))
            app.push(makePickerScreen(app));
        app.traceItem("title.new_session");
        if (ImGui::IsWindowAppearing())
            ImGui::SetItemDefaultFocus();
        ImGui::SetCursorPosX(x);
        if (ui::buttonIf(!resumableLog_.empty(), app.tr("ui.title.continue").c_str(), full,
                         app.tr("ui.title.nothing_to_continue").c_str()))
            continueLast(app);
        ImGui::PopFont();
        // Which session Continue continues, by its scenario's title.
        ImGui::PushFont(app.fonts().small);
        for (const std::string& line : l.hintLines)
            textCenteredIn(x, width, line, &theme.textMuted);
        ui::gap(l.gapUnits, app.uiScale());
        // Networked play: the facilitator's machine hosts, phones and laptops join.
        if (l.labels)
            textCenteredIn(x, width, app.tr("ui.title.network_group"), &theme.textMuted);
        ImGui::PopFont();
        ImGui::PushFont(l.buttons);
        ImGui::SetCursorPosX(x);
        if (ImGui::Button(app.tr("net.title.host").c_str(), halfSize))
            app.push(makeHostScreen(app));
        app.traceItem("title.host");
        ImGui::SameLine();
        if (ImGui::Button(app.tr("net.title.join").c_str(), halfSize))
            app.push(makeJoinScreen(app));
        ImGui::PopFont();
        ui::gap(l.gapUnits, app.uiScale());
        // Past sessions, settings and quit share the last row, each as wide
        // as its words and a third of the room that is left.
        const std::string lastRow[] = {app.tr("ui.title.past_sessions"),
                                       app.tr("ui.title.settings"), app.tr("ui.title.quit")};
        float words = 2 * ImGui::GetStyle().ItemSpacing.x;
        for (const std::string& label : lastRow)
            words += ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
        const float extra = std::max(0.0f, (width - words) / 3.0f);
        const auto sizeOf = [&](const std::string& label) {
            return ImVec2(ImGui::CalcTextSize(label.c_str()).x +
                              2 * ImGui::GetStyle().FramePadding.x + extra,
                          l.buttonH);
        };
        ImGui::SetCursorPosX(x);
        if (ImGui::Button(lastRow[0].c_str(), sizeOf(lastRow[0])))
            app.push(makePastSessionsScreen(app));
        app.traceItem("title.past_sessions");
        ImGui::SameLine();
        if (ImGui::Button(lastRow[1].c_str(), sizeOf(lastRow[1])))
            app.push(makeSettingsScreen(app));
        ImGui::SameLine();
        if (ImGui::Button(lastRow[2].c_str(), sizeOf(lastRow[2])))
            app.quit(0);
        ImGui::PopStyleVar();
    }

    // A line centred in the column from `x`, `width` wide.
    static void textCenteredIn(float x, float width, const std::string& text,
                               const ImVec4* colour = nullptr) {
        const std::string shown = text.empty() ? " " : text; // an empty line keeps its height
        const float w = ImGui::CalcTextSize(shown.c_str()).x;
        ImGui::SetCursorPosX(x + std::max(0.0f, (width - w) * 0.5f));
        if (colour)
            ui::textColored(*colour, shown);
        else
            ui::text(shown);
    }

    void drawLanguageSwitch(App& app) {
        const float s = app.uiScale();
        const float width = 150.0f * s;
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - 2 * width -
                             ImGui::GetStyle().ItemSpacing.x);
        for (const char* lang : {"nl", "en"}) {
            const bool active = app.lang() == lang;
            const std::string label = app.tr(std::string("ui.language.") + lang);
            if (active)
                ImGui::PushStyleColor(ImGuiCol_Button, app.theme().accent),
                    ImGui::PushStyleColor(ImGuiCol_Text, app.theme().accentText);
            if (ImGui::Button(ui::labelWithId(label, lang).c_str(), ImVec2(width, 0)) && !active)
                app.setLanguage(lang);
            if (active)
                ImGui::PopStyleColor(2);
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }

    void drawFooter(App& app) {
        ImGui::PushFont(app.fonts().small);
        const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
        // At the bottom, unless a large UI scale pushed the buttons down there.
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + lineHeight,
                                      ImGui::GetWindowHeight() - 2.2f * lineHeight));
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
        ui::textCentered(app.tr("ui.title.footer", SAMENSPEL_VERSION));
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }

    void continueLast(App& app) {
        // A session this machine hosted goes on as a hosted session, so the
        // players can rejoin their seats; any other goes on at this screen.
        std::error_code ec;
        if (std::filesystem::exists(net::seatFilePathFor(resumableLog_), ec)) {
            HostLaunch launch;
            launch.resumeLog = resumableLog_;
            app.push(makeHostScreen(app, launch));
            return;
        }
        std::string error;
        auto session = Session::resume(resumableLog_, error);
        if (!session) {
            error_ = app.tr("ui.title.continue_failed", error);
            return;
        }
        app.setSession(std::move(session));
        app.push(makeTableScreen(app));
    }

    std::string resumableLog_;
    std::string resumableTitle_; // the unfinished session's scenario, by its title
    std::string error_;
};

} // namespace

std::unique_ptr<Screen> makeTitleScreen(App& app) {
    return std::make_unique<TitleScreen>();
}

} // namespace samenspel
