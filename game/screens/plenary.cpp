// The plenary on the projector (docs/room.md): the tables side by side, a
// column each, with who chose what under them; the differences worth
// discussing and the lowest support per table as bars beside them; a button
// that writes the room report and opens its folder.
#include <algorithm>
#include <filesystem>
#include <string>

#include "core/log.hpp"
#include "core/scoring.hpp"
#include "core/text.hpp"
#include "open_folder.hpp"
#include "room_report.hpp"
#include "screens/screens.hpp"
#include "ui/chart.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace fs = std::filesystem;

namespace {

class PlenaryScreen final : public Screen {
  public:
    explicit PlenaryScreen(PlenaryInput input)
        : input_(std::move(input)), plenary_(makePlenary(input_.tables)) {}

    const char* name() const override { return "plenary"; }

    void draw(App& app) override {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        const PlenaryWords w = words(app);
        ui::beginScreenWindow("##plenary", theme);
        drawTopBar(app);
        ui::gap(1, s);
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        measureColumns(app, w);
        // The tables take what they need, up to 55% of the width; the rest
        // is for what to discuss, which reads best in long lines.
        const float scrollbar = ImGui::GetStyle().ScrollbarSize;
        const float padding = 2 * ImGui::GetStyle().CellPadding.x;
        const float needed = labelWidth_ + padding +
                             (columnWidth_ + padding) * static_cast<float>(plenary_.tables.size()) +
                             scrollbar;
        const float sideWidth = std::clamp(avail.x - needed - app.unit(),
                                           std::min(380.0f * s, avail.x * 0.45f), avail.x * 0.5f);
        const float tablesWidth = avail.x - sideWidth - app.unit();
        const float fit = (tablesWidth - labelWidth_ - padding - scrollbar) /
                              static_cast<float>(std::max<std::size_t>(plenary_.tables.size(), 1)) -
                          padding;
        columnWidth_ = std::max(columnWidth_, std::min(fit, 280.0f * s));
        ImGui::BeginChild("##tables", ImVec2(tablesWidth, avail.y), false);
        drawTables(app, w);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##side", ImVec2(sideWidth, avail.y), false);
        drawDifferences(app, w);
        ui::gap(2, s);
        drawLowestSupport(app, w);
        ImGui::EndChild();
        ui::endScreenWindow();
    }

  private:
    PlenaryWords words(const App& app) const {
        PlenaryWords w;
        w.scenario = input_.scenario.get();
        w.lang = app.lang();
        w.word = [&app](const std::string& key) { return app.catalog().word(key); };
        w.sessions = input_.sessions;
        return w;
    }

    std::string title(const App& app) const {
        const std::string what = input_.scenario           ? app.text(input_.scenario->title)
                                 : plenary_.tables.empty() ? std::string()
                                                           : plenary_.tables.front().scenarioId;
        return app.tr("plenary.screen.title", what);
    }

    void drawTopBar(App& app) {
        const ui::Theme& theme = app.theme();
        if (ImGui::Button(app.tr("ui.back").c_str()))
            app.pop();
        app.traceItem("plenary.back");
        ImGui::SameLine();
        ui::textInFont(app.fonts().title, title(app));
        const std::string button = app.tr("plenary.screen.write_report");
        const float buttonWidth = ImGui::CalcTextSize(button.c_str()).x + 4 * app.unit();
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttonWidth);
        const bool canWrite = hasLogs();
        if (ui::buttonIf(canWrite, button.c_str(), ImVec2(buttonWidth, 0),
                         app.tr("plenary.screen.no_logs").c_str()))
            writeReport(app);
        app.traceItem("plenary.write_report");
        if (!message_.empty()) {
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(messageIsError_ ? theme.bad : theme.textMuted, message_);
            ImGui::PopFont();
        }
        if (!plenary_.sameScenario || !plenary_.sameVersion) {
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(theme.warning, app.tr("room.other_versions"));
            ImGui::PopFont();
        }
        // Archived sessions of begrip v1 beside v2: said, and no figure drawn across them.
        if (plenary_.begripNote) {
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(theme.warning,
                                   plenaryNoteText(plenary_, *plenary_.begripNote, words(app)));
            ImGui::PopFont();
        }
    }

    bool hasLogs() const {
        return !input_.logs.empty() && std::none_of(input_.logs.begin(), input_.logs.end(),
                                                    [](const std::string& l) { return l.empty(); });
    }

    std::string reportPath() const {
        const fs::path folder = fs::path(input_.logs.front()).parent_path();
        if (!input_.sessions)
            return (folder / "room-report.html").string();
        std::string name = "room-report-sessions";
        for (const PlenaryTable& t : plenary_.tables)
            name += "-" + t.label;
        return (folder / (name + ".html")).string();
    }

    void writeReport(App& app) {
        const std::string path = reportPath();
        std::string error;
        if (!writeRoomReport(input_.logs, path, app.lang(), error)) {
            message_ = app.tr("plenary.screen.report_failed", error);
            messageIsError_ = true;
            return;
        }
        messageIsError_ = false;
        const std::string opened =
            showFolderMessage(app.catalog(), fs::path(path).parent_path().string());
        message_ = opened.empty() ? app.tr("plenary.screen.report_written") : opened;
    }

    // [SECTION] The tables side by side, with who chose what under them.
    void drawTables(App& app, const PlenaryWords& w) {
        const ui::Theme& theme = app.theme();
        const int columns = static_cast<int>(plenary_.tables.size()) + 1;
        const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit;
        if (!ImGui::BeginTable("##side_by_side", columns, flags))
            return;
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthFixed, labelWidth_);
        for (std::size_t t = 0; t < plenary_.tables.size(); ++t)
            ImGui::TableSetupColumn(("##t" + std::to_string(t)).c_str(),
                                    ImGuiTableColumnFlags_WidthFixed, columnWidth_);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        ImGui::TableSetColumnIndex(0);
        for (std::size_t t = 0; t < plenary_.tables.size(); ++t) {
            ImGui::TableSetColumnIndex(static_cast<int>(t) + 1);
            centred(app.fonts().heading, plenaryTableName(plenary_.tables[t], w), theme.text);
        }
        outcomeRow(app);
        aanTafelRow(app);
        numberRow(app, "room.row.lowest",
                  [&](const PlenaryTable& t) { return support(app, t.lowestSupport); });
        numberRow(app, "room.row.mean",
                  [&](const PlenaryTable& t) { return support(app, t.meanSupport); });
        if (!plenary_.sameBegripVersion)
            numberRow(app, "room.row.begrip_version", [](const PlenaryTable& t) {
                return t.begripVersion ? "v" + std::to_string(*t.begripVersion) : std::string("?");
            });
        numberRow(app, "room.row.begrip_before",
                  [&](const PlenaryTable& t) { return begrip(app, t, t.begripBefore); });
        numberRow(app, "room.row.begrip_after",
                  [&](const PlenaryTable& t) { return begrip(app, t, t.begripAfter); });
        numberRow(app, "room.row.inclusie",
                  [&](const PlenaryTable& t) { return formatNumber(t.inclusie, 2, app.lang()); });
        numberRow(app, "room.row.public_value",
                  [&](const PlenaryTable& t) { return support(app, t.publicValue); });
        if (input_.sessions)
            numberRow(app, "plenary.screen.duration", [&](const PlenaryTable& t) {
                return app.tr("room.minutes",
                              formatNumber(sessionMinute(t.durationMs), 0, app.lang()));
            });
        else
            numberRow(app, "room.row.time", [&](const PlenaryTable& t) {
                return t.decisionMs
                           ? app.tr("room.minutes",
                                    formatNumber(sessionMinute(*t.decisionMs), 0, app.lang()))
                           : std::string("–");
            });
        matrixRows(app, w);
        ImGui::EndTable();
    }

    // The row labels as wide as the longest measurement's name; a column
    // as wide as its heading or a number, so that twelve tables fit side by
    // side on a wide projector (the outcome is a symbol, explained once).
    void measureColumns(App& app, const PlenaryWords& w) {
        ImGui::PushFont(app.fonts().bold);
        float label = 0;
        for (const char* key : kRowKeys)
            label = std::max(label, ImGui::CalcTextSize(app.tr(key).c_str()).x);
        ImGui::PopFont();
        ImGui::PushFont(app.fonts().small);
        for (const std::string& line : outcomeLegend(app))
            label = std::max(label, ImGui::CalcTextSize(line.c_str()).x);
        ImGui::PopFont();
        float column = ImGui::CalcTextSize("100 min").x;
        ImGui::PushFont(app.fonts().heading);
        if (!plenary_.tables.empty())
            column = std::max(
                column, ImGui::CalcTextSize(plenaryTableName(plenary_.tables.back(), w).c_str()).x);
        ImGui::PopFont();
        labelWidth_ = label + 2 * app.unit();
        columnWidth_ = column + 2 * app.unit();
    }

    static std::vector<std::string> outcomeLegend(const App& app) {
        return {"✓ " + app.tr("room.gedragen"), "✗ " + app.tr("room.not_gedragen"),
                "– " + app.tr("room.no_decision")};
    }

    static constexpr const char* kRowKeys[] = {
        "room.row.outcome",      "room.row.gedragen_aan_tafel", "room.row.lowest",
        "room.row.mean",         "room.row.begrip_version",     "room.row.begrip_before",
        "room.row.begrip_after", "room.row.inclusie",           "room.row.public_value",
        "room.row.time",         "plenary.screen.duration"};

    static void centred(ImFont* font, const std::string& text, const ImVec4& colour) {
        ImGui::PushFont(font);
        const float w = ImGui::CalcTextSize(text.c_str()).x;
        const float room = ImGui::GetContentRegionAvail().x;
        if (room > w)
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (room - w) * 0.5f);
        ImGui::TextColored(colour, "%s", text.c_str());
        ImGui::PopFont();
    }

    void rowLabel(App& app, const std::string& text) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopFont();
    }

    // A symbol a room reads from the back row, with the words beside the
    // row's name.
    void outcomeRow(App& app) {
        const ui::Theme& theme = app.theme();
        rowLabel(app, app.tr("room.row.outcome"));
        ImGui::PushFont(app.fonts().small);
        for (const std::string& line : outcomeLegend(app))
            ui::textColored(theme.textMuted, line);
        ImGui::PopFont();
        for (std::size_t t = 0; t < plenary_.tables.size(); ++t) {
            ImGui::TableSetColumnIndex(static_cast<int>(t) + 1);
            const PlenaryTable& table = plenary_.tables[t];
            if (!table.decided)
                centred(app.fonts().title, "–", theme.textMuted);
            else if (table.gedragen)
                centred(app.fonts().title, "✓", theme.good);
            else
                centred(app.fonts().title, "✗", theme.bad);
        }
    }

    // Gedragen aan tafel beside gedragen by the cards: the same symbols, a
    // question mark where an archived session does not know it.
    void aanTafelRow(App& app) {
        const ui::Theme& theme = app.theme();
        rowLabel(app, app.tr("room.row.gedragen_aan_tafel"));
        for (std::size_t t = 0; t < plenary_.tables.size(); ++t) {
            ImGui::TableSetColumnIndex(static_cast<int>(t) + 1);
            const PlenaryTable& table = plenary_.tables[t];
            if (!table.decided)
                centred(app.fonts().title, "–", theme.textMuted);
            else if (!table.gedragenAanTafel)
                centred(app.fonts().title, "?", theme.textMuted);
            else if (*table.gedragenAanTafel)
                centred(app.fonts().title, "✓", theme.good);
            else
                centred(app.fonts().title, "✗", theme.bad);
        }
    }

    template <class Cell> void numberRow(App& app, const char* key, Cell cell) {
        rowLabel(app, app.tr(key));
        for (std::size_t t = 0; t < plenary_.tables.size(); ++t) {
            ImGui::TableSetColumnIndex(static_cast<int>(t) + 1);
            centred(app.fonts().regular, cell(plenary_.tables[t]), app.theme().text);
        }
    }

    void matrixRows(App& app, const PlenaryWords& w) {
        const ui::Theme& theme = app.theme();
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::Dummy(ImVec2(0, app.unit()));
        ImGui::PushFont(app.fonts().heading);
        ImGui::TextUnformatted(app.tr("room.matrix").c_str());
        ImGui::PopFont();
        std::string issue;
        for (const PlenaryChoice& choice : plenary_.matrix) {
            if (choice.issue != issue) {
                issue = choice.issue;
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ui::textColored(theme.accent, plenaryIssueName(issue, w));
            }
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ui::textWrappedAtSpaces(plenaryOptionName(choice.issue, choice.option, w));
            for (int t : choice.tables) {
                ImGui::TableSetColumnIndex(t + 1);
                centred(app.fonts().heading, "●", theme.accent);
            }
        }
        if (plenary_.matrix.empty()) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ui::textColored(theme.textMuted, app.tr("plenary.screen.no_choices"));
        }
    }

    std::string support(const App& app, const std::optional<double>& v) const {
        return v ? formatNumber(roundSupport(*v), 1, app.lang()) : "–";
    }
    // Begrip v2 as the debrief shows it (0 for guessing, 1 all right), v1 as
    // the share of values predicted right.
    std::string begrip(const App& app, const PlenaryTable& t,
                       const std::optional<double>& v) const {
        if (!v)
            return "–";
        if (t.begripVersion == 1)
            return formatNumber(100.0 * *v, 0, app.lang()) + "%";
        return formatNumber(*v, 2, app.lang());
    }

    // [SECTION] Beside the tables: what to discuss, and the lowest support.
    void drawDifferences(App& app, const PlenaryWords& w) {
        const ui::Theme& theme = app.theme();
        ui::textInFont(app.fonts().heading, app.tr("room.to_discuss"));
        if (plenary_.notes.empty()) {
            ui::textWrappedColored(theme.textMuted, app.tr("room.nothing_to_discuss"));
            return;
        }
        for (const PlenaryNote& note : plenary_.notes) {
            ImGui::Bullet();
            ImGui::SameLine();
            ui::textWrappedAtSpaces(plenaryNoteText(plenary_, note, w));
            ImGui::Dummy(ImVec2(0, 0.5f * app.unit()));
        }
    }

    void drawLowestSupport(App& app, const PlenaryWords& w) {
        ui::textInFont(app.fonts().heading, app.tr("room.row.lowest"));
        std::vector<ui::SupportBar> bars;
        for (std::size_t t = 0; t < plenary_.tables.size(); ++t) {
            const PlenaryTable& table = plenary_.tables[t];
            ui::SupportBar bar;
            bar.label = plenaryTableName(table, w);
            bar.known = table.decided && table.lowestSupport.has_value();
            bar.value = bar.known ? static_cast<float>(*table.lowestSupport) : 0.0f;
            bar.note = !bar.known ? "" : table.gedragen ? "✓" : "✗";
            bar.colour = static_cast<int>(t);
            bars.push_back(bar);
        }
        ui::SupportBarsOptions options;
        options.minSupport = input_.scenario ? static_cast<float>(input_.scenario->minSupport) : 0;
        options.minLabel = app.tr("room.min_support",
                                  formatNumber(roundSupport(options.minSupport), 1, app.lang()));
        options.unknownLabel = app.tr("room.no_decision");
        options.lang = app.lang();
        ui::supportBars("##lowest", bars, options, app.theme());
    }

    PlenaryInput input_;
    Plenary plenary_;
    float labelWidth_ = 0;  // this frame's width of the row labels
    float columnWidth_ = 0; // ... and of a table's column
    std::string message_;
    bool messageIsError_ = false;
};

} // namespace

PlenaryInput plenaryInputFromLogs(const std::vector<std::string>& logs, std::string& error) {
    PlenaryInput input;
    for (std::size_t i = 0; i < logs.size(); ++i) {
        const Replay replay = replaySessionLog(logs[i]);
        if (!replay.game || !replay.errors.empty()) {
            error = replay.errors.empty() ? logs[i] : replay.errors.front().format();
            return {};
        }
        if (!input.scenario)
            input.scenario = replay.game->scenarioPtr();
        input.tables.push_back(plenaryTableOf(*replay.game, std::to_string(i + 1)));
        input.logs.push_back(logs[i]);
    }
    return input;
}

std::unique_ptr<Screen> makePlenaryScreen(App& app, PlenaryInput input) {
    (void)app;
    return std::make_unique<PlenaryScreen>(std::move(input));
}

} // namespace samenspel
