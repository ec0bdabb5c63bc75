// A scenario's teaching note (lesbrief), opened from the picker: the part of
// the interface's language, as one readable column that scrolls (wheel,
// arrow keys, Page Up/Down, Home/End). Esc or Back returns to the picker.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "screens/screens.hpp"
#include "teaching_note.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace {

class NoteScreen final : public Screen {
  public:
    NoteScreen(std::string path, std::string fallbackTitle)
        : path_(std::move(path)), fallbackTitle_(std::move(fallbackTitle)) {}

    void onOpen(App& app) override { load(app); }

    void draw(App& app) override {
        if (loadedLang_ != app.lang()) // the language was switched meanwhile
            load(app);
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        ui::beginScreenWindow("##note", theme);
        if (ImGui::Button(app.tr("ui.back").c_str()))
            app.pop();
        app.traceItem("note.back");
        ImGui::SameLine();
        ui::textInFont(app.fonts().title, app.tr("ui.note.title"));
        ui::gap(1, s);

        // A column of about 40 words a line, centred: long lines across a
        // 1600-pixel projector are hard to follow.
        const float avail = ImGui::GetContentRegionAvail().x;
        const float column = std::min(avail, ImGui::GetFontSize() * 46.0f);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - column) * 0.5f);
        ImGui::BeginChild("##note_body", ImVec2(column, 0), true);
        if (scrollTo_ >= 0.0f) {
            ImGui::SetScrollY(scrollTo_);
            scrollTo_ = -1.0f;
        }
        ImGui::PushFont(app.fonts().heading);
        ui::textWrapped(note_.title.empty() ? fallbackTitle_ : note_.title);
        ImGui::PopFont();
        app.traceItem("note.title");
        ui::gap(1, s);
        if (note_.empty())
            ui::textWrappedColored(theme.textMuted, app.tr("ui.note.missing"));
        for (const NoteBlock& b : note_.blocks)
            drawBlock(app, b);
        app.traceItem("note.end");
        scrollY_ = ImGui::GetScrollY();
        scrollMax_ = ImGui::GetScrollMaxY();
        page_ = ImGui::GetWindowHeight() * 0.85f;
        ImGui::EndChild();
        ui::endScreenWindow();
    }

    bool onKey(App& app, int key, bool, bool, bool) override {
        const float line = ImGui::GetFontSize() * 3.0f;
        switch (key) {
        case sf::Keyboard::Escape:
            app.pop();
            return true;
        case sf::Keyboard::Down:
            scrollBy(app, line);
            return true;
        case sf::Keyboard::Up:
            scrollBy(app, -line);
            return true;
        case sf::Keyboard::PageDown:
        case sf::Keyboard::Space:
            scrollBy(app, page_);
            return true;
        case sf::Keyboard::PageUp:
            scrollBy(app, -page_);
            return true;
        case sf::Keyboard::Home:
            scrollBy(app, -scrollMax_ - scrollY_);
            return true;
        case sf::Keyboard::End:
            scrollBy(app, scrollMax_);
            return true;
        default:
            return false;
        }
    }

    const char* name() const override { return "note"; }

  private:
    void load(App& app) {
        loadTeachingNote(path_, app.lang(), note_);
        loadedLang_ = app.lang();
        scrollTo_ = 0.0f;
    }

    void scrollBy(App& app, float dy) {
        scrollTo_ = std::clamp(scrollY_ + dy, 0.0f, scrollMax_);
        app.requestRedraw();
    }

    // Wrapped at spaces only, so "41,5%" stays whole; a bold lead
    // ("**Moeilijker:** ...") in the bold face, the text after it on its line.
    static void drawText(App& app, const std::string& raw) {
        // Lines drawn one by one sit as close as wrapped text would.
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                            ImVec2(ImGui::GetStyle().ItemSpacing.x, ImGui::GetFontSize() * 0.15f));
        drawLines(app, raw);
        ImGui::PopStyleVar();
    }

    static void drawLines(App& app, const std::string& raw) {
        std::string lead;
        std::string rest = noteInlinePlain(raw);
        const std::size_t close = raw.rfind("**", 0) == 0 ? raw.find("**", 2) : std::string::npos;
        if (close != std::string::npos) {
            lead = noteInlinePlain(raw.substr(2, close - 2));
            rest = noteInlinePlain(raw.substr(close + 2));
            const std::size_t start = rest.find_first_not_of(' ');
            rest = start == std::string::npos ? std::string() : rest.substr(start);
        }
        if (lead.empty()) {
            ui::textWrappedAtSpaces(rest);
            return;
        }
        const float x = ImGui::GetCursorPosX();
        ui::textInFont(app.fonts().bold, lead);
        if (rest.empty())
            return;
        ImGui::SameLine(0.0f, ImGui::CalcTextSize(" ").x);
        const std::vector<std::string> first =
            ui::wrapWords(rest, ImGui::GetContentRegionAvail().x);
        ui::text(first.front());
        if (first.front().size() + 1 < rest.size()) {
            ImGui::SetCursorPosX(x);
            ui::textWrappedAtSpaces(rest.substr(first.front().size() + 1));
        }
    }

    void drawBlock(App& app, const NoteBlock& b) {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        const std::string text = noteInlinePlain(b.text);
        switch (b.kind) {
        case NoteBlock::Kind::Heading:
            ui::gap(b.level <= 3 ? 1.5f : 1.0f, s);
            ImGui::PushFont(b.level <= 3 ? app.fonts().heading : app.fonts().bold);
            ui::textWrappedColored(b.level <= 3 ? theme.accent : theme.text, text);
            ImGui::PopFont();
            break;
        case NoteBlock::Kind::Paragraph:
            ui::gap(1.0f, s); // gaps go before a block, so the note ends on its last line
            drawText(app, b.text);
            break;
        case NoteBlock::Kind::Bullet:
        case NoteBlock::Kind::Numbered: {
            const float indent = ImGui::GetFontSize() * (1.4f + 1.4f * static_cast<float>(b.level));
            ui::gap(0.5f, s);
            ImGui::Indent(indent);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const std::string mark = b.kind == NoteBlock::Kind::Numbered
                                         ? std::to_string(b.number) + "."
                                         : std::string("•");
            const float markWidth = ImGui::CalcTextSize(mark.c_str()).x;
            ImGui::GetWindowDrawList()->AddText(
                ImVec2(at.x - markWidth - ImGui::GetFontSize() * 0.4f, at.y),
                ImGui::GetColorU32(theme.textMuted), mark.c_str());
            drawText(app, b.text);
            ImGui::Unindent(indent);
            break;
        }
        }
    }

    std::string path_;
    std::string fallbackTitle_;
    std::string loadedLang_;
    TeachingNote note_;
    float scrollTo_ = -1.0f;
    float scrollY_ = 0.0f;
    float scrollMax_ = 0.0f;
    float page_ = 0.0f;
};

} // namespace

std::unique_ptr<Screen> makeNoteScreen(App&, const std::string& notePath,
                                       const std::string& scenarioTitle) {
    return std::make_unique<NoteScreen>(notePath, scenarioTitle);
}

} // namespace samenspel
