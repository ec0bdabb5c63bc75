// Past sessions: the archive of every finished session (docs/archive.md) as
// a list a trainer filters by case and by group label, picks several from,
// and compares in the plenary view (screens/plenary.cpp).
#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>

#include "archive/archive_logs.hpp"
#include "archive/plenary_record.hpp"
#include "core/log.hpp"
#include "screens/screens.hpp"
#include "settings.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace {

std::string lowered(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

class PastSessionsScreen final : public Screen {
  public:
    const char* name() const override { return "past_sessions"; }

    // Once: back from the plenary, the filters and the picks are as they were.
    void onOpen(App& app) override {
        (void)app;
        if (!loaded_)
            load();
        loaded_ = true;
    }

    void draw(App& app) override {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        ui::beginScreenWindow("##past_sessions", theme);
        if (ImGui::Button(app.tr("ui.back").c_str()))
            app.pop();
        app.traceItem("past.back");
        ImGui::SameLine();
        ui::textInFont(app.fonts().title, app.tr("past.title"));
        ui::gap(1, s);
        drawState(app);
        if (!sessions_.empty()) {
            drawFilters(app);
            ui::gap(1, s);
            drawList(app);
        }
        ui::endScreenWindow();
    }

  private:
    void load() {
        sessions_.clear();
        selected_.clear();
        error_.clear();
        rebuilt_ = damaged_ = false;
        OpenedArchive opened = openArchive(dataDir());
        for (const std::string& note : opened.notes) {
            rebuilt_ = true;
            damaged_ = damaged_ || note.find("damaged") != std::string::npos;
        }
        if (!opened.archive) {
            error_ = opened.error;
            return;
        }
        sessions_ = opened.archive->sessions(true);
        // Newest first: the session a trainer just played is on top.
        std::reverse(sessions_.begin(), sessions_.end());
    }

    // What happened to the archive, in words: empty, rebuilt, damaged, or
    // not to be opened.
    void drawState(App& app) {
        const ui::Theme& theme = app.theme();
        if (!error_.empty()) {
            ui::textWrappedColored(theme.bad, app.tr("past.cannot_open"));
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(theme.textMuted, error_);
            ImGui::PopFont();
            return;
        }
        if (damaged_)
            ui::textWrappedColored(theme.warning, app.tr("past.damaged"));
        else if (rebuilt_)
            ui::textWrappedColored(theme.textMuted, app.tr("past.rebuilt"));
        if (sessions_.empty())
            ui::textWrapped(app.tr("past.empty"));
    }

    void drawFilters(App& app) {
        // The scenarios in the archive, by the title they were played under.
        std::vector<std::pair<std::string, std::string>> scenarios;
        for (const SessionRecord& r : sessions_)
            if (std::none_of(scenarios.begin(), scenarios.end(),
                             [&](const auto& s) { return s.first == r.scenarioId; }))
                scenarios.emplace_back(r.scenarioId,
                                       r.scenarioTitle.empty() ? r.scenarioId : r.scenarioTitle);
        const float unit = app.unit();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(app.tr("past.filter.scenario").c_str());
        ImGui::SameLine();
        std::string current = app.tr("past.filter.all");
        float widest = ImGui::CalcTextSize(current.c_str()).x;
        for (const auto& [id, title] : scenarios) {
            widest = std::max(widest, ImGui::CalcTextSize(title.c_str()).x);
            if (id == scenarioFilter_)
                current = title;
        }
        ImGui::SetNextItemWidth(widest + ImGui::GetFrameHeight() +
                                2 * ImGui::GetStyle().FramePadding.x + unit);
        if (ImGui::BeginCombo("##scenario", current.c_str())) {
            if (ImGui::Selectable(app.tr("past.filter.all").c_str(), scenarioFilter_.empty()))
                scenarioFilter_.clear();
            for (const auto& [id, title] : scenarios)
                if (ImGui::Selectable((title + "##" + id).c_str(), scenarioFilter_ == id))
                    scenarioFilter_ = id;
            ImGui::EndCombo();
        }
        app.traceItem("past.filter.scenario");
        ImGui::SameLine(0, 2 * unit);
        ImGui::TextUnformatted(app.tr("past.filter.group").c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(
            std::max(22 * unit, ImGui::CalcTextSize(app.tr("past.filter.group_hint").c_str()).x +
                                    2 * ImGui::GetStyle().FramePadding.x + unit));
        ImGui::InputTextWithHint("##group", app.tr("past.filter.group_hint").c_str(),
                                 groupFilter_.data(), groupFilter_.size());
        app.traceItem("past.filter.group");
        ImGui::SameLine(0, 2 * unit);
        const int count = static_cast<int>(selected_.size());
        const std::string compare = app.catalog().trCount("past.compare", count);
        if (ui::buttonIf(count >= 2, compare.c_str(), ImVec2(0, 0),
                         app.tr("past.compare_hint").c_str()))
            openPlenary(app);
        app.traceItem("past.compare");
    }

    bool passes(const SessionRecord& r) const {
        if (!scenarioFilter_.empty() && r.scenarioId != scenarioFilter_)
            return false;
        const std::string group = lowered(groupFilter_.data());
        return group.empty() || lowered(r.group).find(group) != std::string::npos;
    }

    std::string decisionText(const SessionRecord& r, const App& app) const {
        if (!r.decided)
            return app.tr("room.no_decision");
        std::string text =
            r.gedragen ? "✓ " + app.tr("room.gedragen") : "✗ " + app.tr("room.not_gedragen");
        // By the role cards; said at the table it can differ, which is news.
        if (r.gedragenAanTafel && *r.gedragenAanTafel != r.gedragen)
            text += " · " + app.tr(r.gedragen ? "past.objection_stood" : "past.no_objection");
        return text;
    }

    void drawList(App& app) {
        const ui::Theme& theme = app.theme();
        const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingStretchProp;
        int shown = 0;
        if (ImGui::BeginTable("##sessions", 6, flags)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("##pick", ImGuiTableColumnFlags_WidthFixed,
                                    ImGui::GetFrameHeight());
            ImGui::TableSetupColumn(app.tr("past.column.number").c_str(),
                                    ImGuiTableColumnFlags_WidthFixed, 5 * app.unit());
            ImGui::TableSetupColumn(app.tr("past.column.date").c_str(),
                                    ImGuiTableColumnFlags_WidthFixed, 24 * app.unit());
            ImGui::TableSetupColumn(app.tr("past.column.scenario").c_str(),
                                    ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn(app.tr("past.column.group").c_str(),
                                    ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn(app.tr("past.column.decision").c_str(),
                                    ImGuiTableColumnFlags_WidthStretch, 1.6f);
            ImGui::PushFont(app.fonts().bold);
            ImGui::TableHeadersRow();
            ImGui::PopFont();
            for (const SessionRecord& r : sessions_) {
                if (!passes(r))
                    continue;
                ++shown;
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                bool picked = selected_.count(r.number) > 0;
                const std::string id = "##pick" + std::to_string(r.number);
                if (ImGui::Checkbox(id.c_str(), &picked)) {
                    if (picked)
                        selected_.insert(r.number);
                    else
                        selected_.erase(r.number);
                }
                app.traceItem(("past.pick." + std::to_string(r.number)).c_str());
                ImGui::TableSetColumnIndex(1);
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(std::to_string(r.number).c_str());
                ImGui::TableSetColumnIndex(2);
                ImGui::TextUnformatted(r.date.c_str());
                ImGui::TableSetColumnIndex(3);
                ui::textWrapped(r.scenarioTitle.empty() ? r.scenarioId : r.scenarioTitle);
                ImGui::TableSetColumnIndex(4);
                if (r.group.empty())
                    ui::textColored(theme.textMuted, "–");
                else
                    ui::textWrapped(r.group);
                ImGui::TableSetColumnIndex(5);
                const ImVec4 colour = !r.decided   ? theme.textMuted
                                      : r.gedragen ? theme.good
                                                   : theme.bad;
                ui::textColored(colour, decisionText(r, app));
            }
            ImGui::EndTable();
        }
        if (shown == 0)
            ui::textWrappedColored(theme.textMuted, app.tr("past.nothing_matches"));
    }

    void openPlenary(App& app) {
        PlenaryInput input;
        input.sessions = true;
        // Oldest first, as the archive numbers them.
        for (auto it = sessions_.rbegin(); it != sessions_.rend(); ++it) {
            if (!selected_.count(it->number))
                continue;
            input.tables.push_back(plenaryTableOf(*it, std::to_string(it->number)));
            input.logs.push_back(it->logPath);
        }
        // The names of options and roles: from the scenario of the first
        // session that still replays (the log is the source of truth).
        for (const std::string& log : input.logs) {
            const Replay replay = replaySessionLog(log);
            if (replay.game && replay.errors.empty()) {
                input.scenario = replay.game->scenarioPtr();
                break;
            }
        }
        app.push(makePlenaryScreen(app, std::move(input)));
    }

    std::vector<SessionRecord> sessions_; // newest first
    std::set<std::int64_t> selected_;
    std::string scenarioFilter_; // scenario id; "" = every scenario
    std::array<char, 128> groupFilter_{};
    std::string error_;
    bool rebuilt_ = false;
    bool damaged_ = false;
    bool loaded_ = false;
};

} // namespace

std::unique_ptr<Screen> makePastSessionsScreen(App& app) {
    (void)app;
    return std::make_unique<PastSessionsScreen>();
}

} // namespace samenspel
