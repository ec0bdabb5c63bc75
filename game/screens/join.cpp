// A player's join screen: address, session code, name and seat wish; then a
// wait until the host starts. Once the session runs, the real table takes over
// from this seat (the player's own card, the public board, the actions the
// rules allow), over a link to the host: the client keeps a mirror Game
// (redacted: see engine/net/redact.hpp) and sends the seat's actions to the
// host, which decides.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/session_files.hpp"
#include "net/client.hpp"
#include "net/protocol.hpp"
#include "screens/screens.hpp"
#include "session.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

namespace samenspel {

namespace {

class JoinScreen final : public Screen {
  public:
    JoinScreen() = default;
    explicit JoinScreen(JoinLaunch launch)
        : launch_(launch), address_(launch.address), code_(launch.code), name_(launch.name),
          seat_(launch.seat) {}

    void onOpen(App& app) override {
        if (launch_ && !tried_) {
            tried_ = true;
            connect(app);
            if (!client_ && app.options().autoplay) {
                std::fprintf(stderr, "samenspel: %s\n", error_.c_str());
                app.quit(1);
            }
        }
    }

    void update(App& app, double dt) override {
        if (!client_)
            return;
        client_->poll(0.0);
        followClient(app);
        // The host stopped because its log could not be written: the seat
        // waits for the session to be continued (the same as at the table).
        const net::Client::Status status = client_->status();
        if (client_->refusalKey() == net::reason::kHostLogFailed)
            hostStopped_ = true;
        else if (status == net::Client::Status::Lobby || status == net::Client::Status::Playing)
            hostStopped_ = false;
        retryIfLost(dt);
        if (client_->status() == net::Client::Status::Refused && app.options().autoplay) {
            std::fprintf(stderr, "samenspel: refused by the host: %s\n",
                         client_->refusalMessage().c_str());
            app.quit(1);
        }
        // The session runs (or ran, until its host stopped): the table from
        // this seat takes over, with the client, and says what happened.
        if (client_->game() &&
            (client_->status() == net::Client::Status::Playing || hostStopped_)) {
            app.setLink(playerLink(app));
            app.replace(makeTableScreen(app, app.link()));
        }
    }

    void draw(App& app) override {
        ui::beginScreenWindow("##join", app.theme());
        if (!client_ || (client_->status() == net::Client::Status::Refused && !hostStopped_))
            drawForm(app);
        else
            drawWaiting(app);
        ui::endScreenWindow();
        if (leave_) { // after the frame's last use of the client
            client_->disconnect();
            client_.reset();
            leave_ = false;
        }
    }

    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key == sf::Keyboard::Escape && !client_) {
            app.pop();
            return true;
        }
        return false;
    }

    const char* name() const override { return "join"; }

  private:
    // The waiting screen shows the client's state and who sits where: a new
    // frame when either changed (the shell draws only then).
    void followClient(App& app) {
        std::string seen =
            std::to_string(static_cast<int>(client_->status())) + client_->refusalKey();
        for (const net::SeatStatus& seat : client_->presence())
            seen += "|" + seat.name + (seat.taken ? "t" : "") + (seat.connected ? "c" : "");
        if (seen != seenClient_) {
            seenClient_ = std::move(seen);
            app.requestRedraw();
        }
    }

    // A dropped connection in the lobby is retried with the seat's token, and
    // so is a host that refuses while it is stopped.
    void retryIfLost(double dt) {
        const net::Client::Status status = client_->status();
        const bool lost = status == net::Client::Status::Disconnected ||
                          (hostStopped_ && status == net::Client::Status::Refused);
        if (!lost || client_->token().empty() || client_->refusalKey() == net::reason::kReplaced)
            return;
        retryIn_ -= dt;
        if (retryIn_ > 0)
            return;
        retryIn_ = 2.0;
        std::string ignored;
        client_->reconnect(ignored);
    }

    // The link takes the client over. A player's copy of the log goes to
    // --log, else to the sessions folder, where Continue ignores it (it is
    // written at the end, marked finished).
    std::shared_ptr<TableLink> playerLink(App& app) {
        const std::string id = client_->scenario() ? client_->scenario()->id : "session";
        const std::string log = app.options().logPath.empty()
                                    ? newLogPath(app.sessionsDir().string(), id + "-player")
                                    : app.options().logPath;
        return makeClientLink(std::move(client_), log, app.options().autoplay);
    }

    // [Form] -------------------------------------------------------------------
    void drawForm(App& app) {
        const float s = app.uiScale();
        ui::textInFont(app.fonts().title, app.tr("net.join.title"));
        ui::gap(2, s);
        ImGui::PushItemWidth(520 * s);
        ImGui::InputText(app.tr("net.join.address").c_str(), &address_);
        ImGui::InputText(app.tr("net.join.code").c_str(), &code_);
        ImGui::InputText(app.tr("net.join.name").c_str(), &name_);
        ImGui::InputTextWithHint(app.tr("net.join.seat").c_str(),
                                 app.tr("net.join.seat_any").c_str(), &seat_);
        ImGui::PopItemWidth();
        ui::gap(2, s);
        if (ui::primaryButton(app.tr("net.join.connect").c_str(), ImVec2(300 * s, 56 * s),
                              app.theme()))
            connect(app);
        ImGui::SameLine();
        if (ImGui::Button(app.tr("net.join.back").c_str(), ImVec2(200 * s, 56 * s)))
            app.pop();
        if (client_ && client_->status() == net::Client::Status::Refused)
            error_ = app.tr("net.join.refused", app.tr(client_->refusalKey()));
        if (!error_.empty())
            ui::textWrappedColored(app.theme().bad, error_);
    }

    void connect(App& app) {
        net::ClientConfig config;
        if (!net::splitHostPort(address_, config.host, config.port)) {
            error_ = app.tr("net.join.bad_address");
            return;
        }
        config.code = code_;
        config.name = name_;
        config.seatWish = seat_;
        config.connectTimeoutSeconds = 3;
        // In autoplay a bot plays the seat; the host may then speed the clock up.
        config.bot = app.options().autoplay;
        std::string error;
        client_ = net::Client::connect(config, error);
        if (!client_)
            error_ = app.tr("net.join.cannot_connect", error);
        else
            error_.clear();
    }

    void drawWaiting(App& app) {
        drawStatus(app);
        ui::gap(2, app.uiScale());
        // Back to the form (another name or seat); the host shows the seat as away.
        if (ImGui::Button(app.tr("net.join.back").c_str(),
                          ImVec2(200 * app.uiScale(), 56 * app.uiScale()))) {
            leave_ = true;
        }
    }

    void drawStatus(App& app) {
        if (hostStopped_) {
            ui::textInFont(app.fonts().title, app.tr("table.stop.host_title"), &app.theme().bad);
            ui::gap(1, app.uiScale());
            ImGui::PushFont(app.fonts().heading);
            ui::textWrapped(app.tr("table.stop.host_cause"));
            ui::textWrapped(app.tr("table.stop.host_saved"));
            ui::textWrappedColored(app.theme().warning, client_->token().empty()
                                                            ? app.tr("table.stop.host_todo_join",
                                                                     app.tr("net.title.join"))
                                                            : app.tr("table.stop.host_todo"));
            ImGui::PopFont();
            return;
        }
        if (client_->status() == net::Client::Status::Connecting) {
            ui::textInFont(app.fonts().heading, app.tr("net.join.connecting"));
            return;
        }
        if (client_->status() == net::Client::Status::Disconnected) {
            ui::textInFont(app.fonts().heading,
                           app.tr("net.join.lost", app.tr(client_->refusalKey())));
            return;
        }
        const auto sc = client_->scenario();
        const std::string role =
            sc && client_->role() >= 0
                ? app.text(sc->roles[static_cast<std::size_t>(client_->role())].name)
                : std::string("?");
        ui::textInFont(app.fonts().heading,
                       app.tr("net.join.waiting", std::to_string(client_->seat() + 1), role));
        if (sc) {
            ui::gap(2, app.uiScale());
            ui::textInFont(app.fonts().title, app.text(sc->title));
            ui::textWrapped(app.text(sc->summary));
        }
    }

    std::optional<JoinLaunch> launch_;
    bool tried_ = false;
    std::string address_, code_, name_, seat_, error_;
    std::unique_ptr<net::Client> client_;
    double retryIn_ = 2.0;
    bool leave_ = false;
    bool hostStopped_ = false; // the host stopped for its log (net.refuse.host_log_failed)
    std::string seenClient_;   // what followClient saw last
};

} // namespace

std::unique_ptr<Screen> makeJoinScreen(App&) {
    return std::make_unique<JoinScreen>();
}

std::unique_ptr<Screen> makeJoinScreen(App&, JoinLaunch launch) {
    return std::make_unique<JoinScreen>(std::move(launch));
}

} // namespace samenspel
