// One table of a room, opened from the facilitator's dashboard: the table
// screen over that table's link (its board, and the facilitator panel to act
// on this table alone), with a way back to the room. The room goes on
// meanwhile: the shell moves it every frame (App::room).
#include <SFML/Window/Keyboard.hpp>

#include "screens.hpp"
#include "table_view.hpp"

namespace samenspel {

namespace {

class RoomTableScreen final : public Screen {
  public:
    RoomTableScreen(App& app, int table, std::shared_ptr<TableLink> link)
        : table_(table), screen_(makeTableScreen(app, std::move(link))) {}
    const char* name() const override { return "room_table"; }

    void onOpen(App& app) override { screen_->onOpen(app); }
    void onClose(App& app) override { screen_->onClose(app); }
    void update(App& app, double dt) override { screen_->update(app, dt); }
    bool onKey(App& app, int key, bool ctrl, bool shift, bool alt) override {
        if (key == sf::Keyboard::Escape) {
            app.pop();
            return true;
        }
        return screen_->onKey(app, key, ctrl, shift, alt);
    }

    void draw(App& app) override {
        screen_->draw(app);
        // Which table this is and the way back, at the top in the middle,
        // where the banner leaves room between the phase and the clock.
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, app.unit()), ImGuiCond_Always,
                                ImVec2(0.5f, 0.0f));
        ImGui::Begin("##room_back", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoBackground);
        ImGui::PushFont(app.fonts().heading);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(app.tr("room.table", table_ + 1).c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::PushFont(app.fonts().bold);
        if (ImGui::Button(app.tr("room.back").c_str()))
            app.pop();
        app.traceItem("room.back");
        ImGui::PopFont();
        ImGui::End();
    }

  private:
    int table_;
    std::unique_ptr<Screen> screen_;
};

} // namespace

std::unique_ptr<Screen> makeRoomTableScreen(App& app, int table, std::shared_ptr<TableLink> link) {
    return std::make_unique<RoomTableScreen>(app, table, std::move(link));
}

} // namespace samenspel
