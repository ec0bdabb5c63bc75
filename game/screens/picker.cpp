// The scenario picker: every scenario shipped in scenarios/, in the user's
// scenario folder and given with --scenario PATH. A scenario with errors is
// listed with its errors (file:line:col), never hidden and never fatal.
// While the picker is open, files are watched and reloaded when they change.
// A scenario with a teaching note (teaching_note.hpp) has a button that opens
// it; one without has none.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <map>
#include <string>
#include <utility>

#include "open_folder.hpp"
#include "screens/screens.hpp"
#include "teaching_note.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace {

namespace fs = std::filesystem;

enum class Origin { Shipped, User, CommandLine };

struct Entry {
    std::string path;
    Origin origin = Origin::Shipped;
    fs::file_time_type mtime{};
    std::uintmax_t size = 0;
    LoadResult loaded;
    std::shared_ptr<const Scenario> scenario; // when loaded.ok()
    std::string notePath;                     // its teaching note, "" when none
};

bool isScenarioFile(const fs::path& p) {
    const auto ext = p.extension();
    return (ext == ".yaml" || ext == ".yml") && p.filename().string()[0] != '.';
}

// Every scenario file the picker should list, in display order.
std::vector<std::pair<std::string, Origin>> discover(const App& app) {
    std::vector<std::pair<std::string, Origin>> found;
    auto addFolder = [&found](const fs::path& dir, Origin origin) {
        std::error_code ec;
        std::vector<std::string> files;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && isScenarioFile(it->path()))
                files.push_back(it->path().string());
        std::sort(files.begin(), files.end());
        for (auto& f : files)
            found.emplace_back(std::move(f), origin);
    };
    for (const auto& extra : app.options().extraScenarios) {
        std::error_code ec;
        if (fs::is_directory(extra, ec))
            addFolder(extra, Origin::CommandLine);
        else
            found.emplace_back(extra, Origin::CommandLine);
    }
    addFolder(app.sourceDir() / "scenarios", Origin::Shipped);
    addFolder(userScenarioDir(app.settings()), Origin::User);
    // The same file reached twice (e.g. --scenario scenarios/x.yaml) once.
    std::vector<std::pair<std::string, Origin>> unique;
    std::vector<std::string> seen;
    for (auto& [path, origin] : found) {
        std::error_code ec;
        std::string key = fs::weakly_canonical(path, ec).string();
        if (key.empty())
            key = path;
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            continue;
        seen.push_back(key);
        unique.emplace_back(path, origin);
    }
    return unique;
}

class PickerScreen final : public Screen {
  public:
    void onOpen(App& app) override { refresh(app, true); }

    void update(App& app, double dt) override {
        sinceScan_ += dt;
        if (sinceScan_ >= 1.0)
            refresh(app, false);
    }

    void draw(App& app) override {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        ui::beginScreenWindow("##picker", theme);
        if (ImGui::Button(app.tr("ui.back").c_str()))
            app.pop();
        ImGui::SameLine();
        ui::textInFont(app.fonts().title, app.tr("ui.picker.title"));
        ui::gap(1, s);

        ImGui::PushFont(app.fonts().heading);
        const float buttonHeight = ImGui::GetFrameHeight() * 1.3f;
        ImGui::PopFont();
        const float footer = buttonHeight + ImGui::GetStyle().ItemSpacing.y * 2;
        const float listWidth = std::max(360.0f * s, ImGui::GetContentRegionAvail().x * 0.38f);
        ImGui::BeginChild("##list", ImVec2(listWidth, -footer), true);
        drawList(app);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##details", ImVec2(0, -footer), true);
        if (selected_ >= 0 && selected_ < static_cast<int>(entries_.size()))
            drawDetails(app, entries_[static_cast<std::size_t>(selected_)]);
        else
            ui::textWrappedColored(theme.textMuted, app.tr("ui.picker.none"));
        ImGui::EndChild();

        const Entry* chosen = selected_ >= 0 && selected_ < static_cast<int>(entries_.size())
                                  ? &entries_[static_cast<std::size_t>(selected_)]
                                  : nullptr;
        const float buttonWidth = 420.0f * s;
        const float rowY = ImGui::GetCursorPosY();
        ImGui::PushFont(app.fonts().small);
        ImGui::SetCursorPosY(rowY + (buttonHeight - ImGui::GetFrameHeight()) * 0.5f);
        // The folder opens in the file manager; its path never shows on screen.
        if (ImGui::Button(app.tr("ui.show_in_folder").c_str())) {
            const std::string folder = userScenarioDir(app.settings());
            std::error_code ec;
            fs::create_directories(folder, ec);
            folderMessage_ = showFolderMessage(app.catalog(), folder);
        }
        ImGui::SameLine();
        ImGui::SetCursorPosY(rowY + (buttonHeight - ImGui::GetTextLineHeight()) * 0.5f);
        ImGui::PushTextWrapPos(ImGui::GetWindowWidth() - buttonWidth -
                               3 * ImGui::GetStyle().WindowPadding.x);
        // Not ui::textWrapped: that wraps at the window's edge, under the button.
        ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
        ImGui::TextUnformatted(folderMessage_.empty() ? app.tr("ui.picker.user_folder").c_str()
                                                      : folderMessage_.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::SetCursorPos(ImVec2(
            ImGui::GetWindowWidth() - buttonWidth - ImGui::GetStyle().WindowPadding.x, rowY));
        ImGui::PushFont(app.fonts().heading);
        if (chosen && chosen->scenario) {
            if (ui::primaryButton(app.tr("ui.picker.choose").c_str(),
                                  ImVec2(buttonWidth, buttonHeight), theme))
                choose(app, *chosen);
            app.traceItem("picker.choose");
        } else {
            ui::buttonIf(false, app.tr("ui.picker.choose").c_str(),
                         ImVec2(buttonWidth, buttonHeight),
                         app.tr("ui.picker.cannot_choose").c_str());
        }
        ImGui::PopFont();
        ui::endScreenWindow();
    }

    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key == sf::Keyboard::Escape) {
            app.pop();
            return true;
        }
        return false;
    }

    const char* name() const override { return "picker"; }

  private:
    // Loads new and changed files, drops vanished ones; keeps the selection.
    void refresh(App& app, bool force) {
        sinceScan_ = 0.0;
        const std::string selectedPath =
            selected_ >= 0 && selected_ < static_cast<int>(entries_.size())
                ? entries_[static_cast<std::size_t>(selected_)].path
                : "";
        std::map<std::string, Entry> old;
        for (auto& e : entries_)
            old.emplace(e.path, std::move(e));
        const std::size_t before = entries_.size();
        bool changed = force;
        entries_.clear();
        for (const auto& [path, origin] : discover(app)) {
            std::error_code ec;
            const auto mtime = fs::last_write_time(path, ec);
            const auto size = fs::file_size(path, ec);
            auto it = old.find(path);
            if (!force && it != old.end() && it->second.mtime == mtime && it->second.size == size) {
                Entry& kept = entries_.emplace_back(std::move(it->second));
                findNote(app, kept); // a note written while the picker is open shows up
                continue;
            }
            changed = true; // new or edited: the list shows it now
            Entry e;
            e.path = path;
            e.origin = origin;
            e.mtime = mtime;
            e.size = size;
            e.loaded = loadScenarioFile(path);
            if (e.loaded.ok())
                e.scenario = std::make_shared<const Scenario>(*e.loaded.scenario);
            findNote(app, e);
            entries_.push_back(std::move(e));
        }
        selected_ = entries_.empty() ? -1 : 0;
        for (std::size_t i = 0; i < entries_.size(); ++i)
            if (entries_[i].path == selectedPath)
                selected_ = static_cast<int>(i);
        if (changed || entries_.size() != before)
            app.requestRedraw();
    }

    static void findNote(App& app, Entry& e) {
        const std::string found =
            e.scenario ? findTeachingNote(e.path, e.scenario->id, app.sourceDir()) : "";
        if (found != e.notePath) {
            e.notePath = found;
            app.requestRedraw();
        }
    }

    std::string titleOf(const App& app, const Entry& e) const {
        if (e.scenario)
            return app.text(e.scenario->title);
        return fs::path(e.path).filename().string();
    }

    void drawList(App& app) {
        const ui::Theme& theme = app.theme();
        Origin lastOrigin = Origin::Shipped;
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const Entry& e = entries_[i];
            if (i == 0 || e.origin != lastOrigin) {
                lastOrigin = e.origin;
                ImGui::PushFont(app.fonts().small);
                ui::textColored(theme.textMuted,
                                app.tr(e.origin == Origin::Shipped ? "ui.picker.shipped"
                                       : e.origin == Origin::User  ? "ui.picker.user"
                                                                   : "ui.picker.command_line"));
                ImGui::PopFont();
            }
            ImGui::PushID(static_cast<int>(i));
            const bool broken = !e.scenario;
            std::string label = titleOf(app, e);
            if (broken)
                label =
                    app.catalog().trCount("ui.picker.broken_label",
                                          static_cast<long long>(e.loaded.errors.size()), label);
            if (broken)
                ImGui::PushStyleColor(ImGuiCol_Text, theme.bad);
            if (ImGui::Selectable(label.c_str(), selected_ == static_cast<int>(i),
                                  ImGuiSelectableFlags_AllowDoubleClick)) {
                selected_ = static_cast<int>(i);
                if (ImGui::IsMouseDoubleClicked(0) && e.scenario)
                    choose(app, e);
            }
            if (broken)
                ImGui::PopStyleColor();
            ImGui::PopID();
        }
        if (entries_.empty())
            ui::textWrappedColored(theme.textMuted, app.tr("ui.picker.empty"));
    }

    void drawDetails(App& app, const Entry& e) {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        // Wrapped: a long title or path at a large UI scale stays readable.
        ImGui::PushFont(app.fonts().heading);
        ui::textWrapped(titleOf(app, e));
        ImGui::PopFont();
        // An author's own file by its name, so they know which one they edit;
        // never the path.
        if (e.origin != Origin::Shipped) {
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(theme.textMuted, fs::path(e.path).filename().string());
            ImGui::PopFont();
        }
        ui::gap(1, s);
        if (!e.scenario) {
            ui::textColored(theme.bad,
                            app.catalog().trCount("ui.picker.errors",
                                                  static_cast<long long>(e.loaded.errors.size())));
            ImGui::PushFont(app.fonts().mono);
            for (Diagnostic d : e.loaded.errors) {
                d.file = fs::path(d.file).filename().string();
                ui::textWrappedColored(theme.text, d.format());
            }
            ImGui::PopFont();
            ui::gap(1, s);
            ui::textWrappedColored(theme.textMuted, app.tr("ui.picker.errors_hint"));
            return;
        }
        const Scenario& sc = *e.scenario;
        int minPlayers = 0, maxPlayers = 0;
        for (const Role& r : sc.roles) {
            minPlayers += r.minPlayers;
            maxPlayers += r.maxPlayers;
        }
        // The chips flow onto a next line when the pane is narrow.
        std::vector<std::pair<std::string, ImVec4>> chips = {
            {app.tr("ui.stage." + sc.stage), theme.accent},
            {app.tr("ui.picker.minutes", sc.durationMinutes), theme.good},
            {minPlayers == maxPlayers ? app.tr("ui.picker.players_exact", minPlayers)
                                      : app.tr("ui.picker.players", minPlayers, maxPlayers),
             theme.warning}};
        // For a group that reads less easily: this case can be played in plain language.
        if (sc.hasPlainLanguage(app.lang()))
            chips.push_back({app.tr("ui.picker.plain_language"), theme.accent});
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        for (std::size_t i = 0; i < std::size(chips); ++i) {
            const float w =
                ImGui::CalcTextSize(chips[i].first.c_str()).x + ImGui::GetFontSize() * 0.9f;
            if (i > 0 && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <= right)
                ImGui::SameLine();
            ui::chip(chips[i].first, chips[i].second, theme);
        }
        if (!e.notePath.empty()) {
            ui::gap(1, s);
            if (ImGui::Button(app.tr("ui.picker.note").c_str()))
                app.push(makeNoteScreen(app, e.notePath, titleOf(app, e)));
            app.traceItem("picker.note");
            ImGui::SameLine();
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(theme.textMuted, app.tr("ui.picker.note_hint"));
            ImGui::PopFont();
        }
        ui::gap(1, s);
        ui::textWrapped(app.text(sc.summary));
        ui::gap(1, s);
        ui::textInFont(app.fonts().bold, app.tr("ui.picker.roles", sc.roles.size()));
        if (ImGui::BeginTable("##roles", 3,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_PadOuterX)) {
            ImGui::TableSetupColumn(app.tr("ui.picker.role").c_str(),
                                    ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(app.tr("ui.picker.kind").c_str(),
                                    ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(app.tr("ui.picker.seats").c_str(),
                                    ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableHeadersRow();
            for (const Role& r : sc.roles) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ui::textWrapped(app.text(r.name)); // long role names at a large UI scale
                ImGui::TableNextColumn();
                ui::text(app.tr(std::string("ui.kind.") + roleKindId(r.kind)));
                ImGui::TableNextColumn();
                ui::text(r.minPlayers == r.maxPlayers
                             ? std::to_string(r.minPlayers)
                             : std::to_string(r.minPlayers) + "–" + std::to_string(r.maxPlayers));
            }
            ImGui::EndTable();
        }
        if (!sc.learningGoals.empty()) {
            ui::gap(1, s);
            ui::textInFont(app.fonts().bold, app.tr("ui.picker.learning_goals"));
            for (const auto& goal : sc.learningGoals) {
                ImGui::Bullet();
                ImGui::SameLine();
                ui::textWrapped(app.text(goal));
            }
        }
    }

    void choose(App& app, const Entry& e) { app.push(makeSetupScreen(app, e.scenario)); }

    std::vector<Entry> entries_;
    int selected_ = -1;
    std::string folderMessage_;
    double sinceScan_ = 0.0;
};

} // namespace

std::unique_ptr<Screen> makePickerScreen(App& app) {
    return std::make_unique<PickerScreen>();
}

} // namespace samenspel
