// A player's join screen: address, session code, name and seat wish; then
// the table from this seat over the network. The client keeps a mirror Game
// (redacted: see engine/net/redact.hpp), so this screen reads it like a local
// game and sends the seat's actions to the host, which decides.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "net/client.hpp"
#include "net/protocol.hpp"
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

namespace samenspel {

std::unique_ptr<Screen> makeJoinScreen(App& app);

namespace {

class JoinScreen final : public Screen {
  public:
    void update(App&, double dt) override {
        if (!client_)
            return;
        client_->poll(0.0);
        // A dropped connection is retried with the seat's token.
        if (client_->status() == net::Client::Status::Disconnected && !client_->finished() &&
            !client_->token().empty() && client_->refusalKey() != net::reason::kReplaced) {
            retryIn_ -= dt;
            if (retryIn_ <= 0) {
                retryIn_ = 2.0;
                std::string ignored;
                client_->reconnect(ignored);
            }
        }
    }

    void draw(App& app) override {
        ui::beginScreenWindow("##join", app.theme());
        if (!client_ || client_->status() == net::Client::Status::Refused)
            drawForm(app);
        else if (!client_->game())
            drawWaiting(app);
        else
            drawTable(app);
        ui::endScreenWindow();
        if (leave_) { // after the frame's last use of the client
            client_.reset();
            app.pop();
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
        std::string error;
        client_ = net::Client::connect(config, error);
        if (!client_)
            error_ = error;
    }

    void drawWaiting(App& app) {
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
    }

    // [Table] ------------------------------------------------------------------
    void submit(const Action& a) { client_->sendAction(a); }

    void drawTable(App& app) {
        const Game& g = *client_->game();
        const GameState& st = g.state();
        const ui::Theme& theme = app.theme();
        const std::string phase = app.tr(std::string("table.phase.") + phaseId(g.currentPhase()));
        const std::int64_t left = std::max<std::int64_t>(0, st.phaseRemainingMs() / 1000);
        ui::textInFont(app.fonts().title, phase + "   " + std::to_string(left / 60) + ":" +
                                              (left % 60 < 10 ? "0" : "") +
                                              std::to_string(left % 60));
        if (client_->status() == net::Client::Status::Disconnected && !client_->finished())
            ui::textColored(theme.warning, app.tr("net.join.lost", app.tr(client_->refusalKey())));
        if (const auto& r = client_->lastActionRefusal())
            ui::textWrappedColored(theme.bad, app.tr(r->key));
        if (ImGui::BeginTable("##play", 2, ImGuiTableFlags_Resizable)) {
            ImGui::TableNextColumn();
            drawCard(app, g);
            ImGui::TableNextColumn();
            if (st.finished)
                drawEnd(app, g);
            else
                drawActions(app, g);
            drawBoard(app, g);
            ImGui::EndTable();
        }
    }

    void drawCard(App& app, const Game& g) {
        const Scenario& sc = g.scenario();
        if (client_->role() < 0 || client_->role() >= static_cast<int>(sc.roles.size()))
            return;
        const Role& role = sc.roles[static_cast<std::size_t>(client_->role())];
        ui::textInFont(app.fonts().heading, app.text(role.name));
        ui::textWrapped(app.text(role.briefing));
        ui::gap(1, app.uiScale());
        ui::textInFont(app.fonts().bold, app.tr("net.play.secret"));
        ui::textWrapped(app.text(role.secret));
        ui::textInFont(app.fonts().bold, app.tr("net.play.values"));
        for (std::size_t v = 0; v < sc.values.size(); ++v)
            if (role.weights[v] > 0)
                ui::text(app.text(sc.values[v].name) + "  " + std::string(role.weights[v], '*'));
        if (!role.preconditions.empty())
            ui::textInFont(app.fonts().bold, app.tr("net.play.preconditions"));
        for (const Precondition& p : role.preconditions)
            ui::textWrapped("- " + app.text(p.name));
    }

    void drawActions(App& app, const Game& g) {
        const Scenario& sc = g.scenario();
        if (client_->role() < 0 || client_->seat() < 0 || client_->seat() >= g.seatCount())
            return;
        const GameState& st = g.state();
        const int seat = client_->seat();
        const int role = client_->role();
        const PhaseKind phase = g.currentPhase();
        const bool busy = client_->awaitingReply();
        ImGui::BeginDisabled(busy);
        Action a;
        a.seat = seat;
        const bool done = st.done[static_cast<std::size_t>(seat)];
        if (ImGui::Button(app.tr(done ? "net.play.not_done" : "net.play.done").c_str())) {
            a.type = ActionType::Done;
            submit(a);
        }
        if (phase == PhaseKind::Waarden || phase == PhaseKind::Randvoorwaarden) {
            for (std::size_t v = 0; v < sc.values.size(); ++v) {
                if (sc.roles[static_cast<std::size_t>(role)].weights[v] <= 0)
                    continue;
                a.type = ActionType::ShareValue;
                a.value = static_cast<int>(v);
                if (g.check(a) && ImGui::Button(ui::labelWithId(app.tr("net.play.share_value",
                                                                       app.text(sc.values[v].name)),
                                                                sc.values[v].id)
                                                    .c_str()))
                    submit(a);
            }
        }
        if (phase == PhaseKind::Randvoorwaarden) {
            const auto& pres = sc.roles[static_cast<std::size_t>(role)].preconditions;
            for (std::size_t p = 0; p < pres.size(); ++p) {
                a = Action{};
                a.seat = seat;
                a.type = ActionType::SharePrecondition;
                a.precondition = static_cast<int>(p);
                if (g.check(a) &&
                    ImGui::Button(ui::labelWithId(
                                      app.tr("net.play.share_precondition", app.text(pres[p].name)),
                                      pres[p].id)
                                      .c_str()))
                    submit(a);
            }
        }
        if (phase == PhaseKind::Perspectief || phase == PhaseKind::Reflectie)
            drawPredict(app, g);
        if (phase == PhaseKind::Voorstel || phase == PhaseKind::Besluit)
            drawProposals(app, g);
        ImGui::EndDisabled();
    }

    void drawPredict(App& app, const Game& g) {
        const Scenario& sc = g.scenario();
        if (picks_.size() != sc.roles.size())
            picks_.assign(sc.roles.size(), std::vector<bool>(sc.values.size(), false));
        for (std::size_t r = 0; r < sc.roles.size(); ++r) {
            if (static_cast<int>(r) == client_->role())
                continue;
            ImGui::PushID(static_cast<int>(r));
            ui::textInFont(app.fonts().bold, app.text(sc.roles[r].name));
            Action a;
            a.seat = client_->seat();
            a.type = ActionType::Predict;
            a.targetRole = static_cast<int>(r);
            for (std::size_t v = 0; v < sc.values.size(); ++v) {
                bool on = picks_[r][v];
                ImGui::SameLine();
                if (ImGui::Checkbox(
                        ui::labelWithId(app.text(sc.values[v].name), sc.values[v].id).c_str(), &on))
                    picks_[r][v] = on;
                if (picks_[r][v])
                    a.values.push_back(static_cast<int>(v));
            }
            ImGui::SameLine();
            if (ui::buttonIf(g.check(a).accepted, app.tr("net.play.predict").c_str(), ImVec2(0, 0)))
                submit(a);
            ImGui::PopID();
        }
    }

    void drawProposals(App& app, const Game& g) {
        const Scenario& sc = g.scenario();
        const int seat = client_->seat();
        const Role& own = sc.roles[static_cast<std::size_t>(client_->role())];
        if (package_.size() != sc.issues.size())
            package_.assign(sc.issues.size(), 0);
        for (std::size_t i = 0; i < sc.issues.size(); ++i) {
            std::vector<std::string> names;
            for (const Option& o : sc.issues[i].options)
                names.push_back(app.text(o.name));
            const char* preview = names[static_cast<std::size_t>(package_[i])].c_str();
            if (ImGui::BeginCombo(
                    ui::labelWithId(app.text(sc.issues[i].name), sc.issues[i].id).c_str(),
                    preview)) {
                for (std::size_t o = 0; o < names.size(); ++o)
                    if (ImGui::Selectable(names[o].c_str(), package_[i] == static_cast<int>(o)))
                        package_[i] = static_cast<int>(o);
                ImGui::EndCombo();
            }
        }
        Action a;
        a.seat = seat;
        a.type = ActionType::Propose;
        a.package = package_;
        if (ui::buttonIf(g.check(a).accepted, app.tr("net.play.propose").c_str(), ImVec2(0, 0)))
            submit(a);
        // React and vote with the role's weightiest value as the reason.
        Reason reason;
        for (std::size_t v = 0; v < own.weights.size(); ++v)
            if (own.weights[v] > 0 &&
                (reason.index < 0 ||
                 own.weights[v] > own.weights[static_cast<std::size_t>(reason.index)]))
                reason = Reason{Reason::Kind::Value, static_cast<int>(v)};
        for (const Proposal& p : g.state().proposals) {
            if (p.status != Proposal::Status::Open &&
                p.status != Proposal::Status::BackForAmendment)
                continue;
            ImGui::PushID(p.id);
            ui::text(app.tr("net.play.proposal", std::to_string(p.id + 1)));
            for (int kind = 0; kind < 2; ++kind) {
                Action r;
                r.seat = seat;
                r.type = ActionType::React;
                r.proposal = p.id;
                r.reaction = kind == 0 ? ReactionKind::Support : ReactionKind::Object;
                r.reason = reason;
                ImGui::SameLine();
                if (ui::buttonIf(g.check(r).accepted,
                                 app.tr(kind == 0 ? "net.play.support" : "net.play.object").c_str(),
                                 ImVec2(0, 0)))
                    submit(r);
            }
            for (int kind = 0; kind < 2; ++kind) {
                Action v;
                v.seat = seat;
                v.type = ActionType::Vote;
                v.proposal = p.id;
                v.vote = kind == 0 ? VoteKind::Yes : VoteKind::No;
                if (!g.check(v))
                    continue;
                ImGui::SameLine();
                if (ImGui::Button(
                        app.tr(kind == 0 ? "net.play.vote_yes" : "net.play.vote_no").c_str()))
                    submit(v);
            }
            ImGui::PopID();
        }
    }

    void drawBoard(App& app, const Game& g) {
        const Scenario& sc = g.scenario();
        const GameState& st = g.state();
        ui::gap(2, app.uiScale());
        ui::textInFont(app.fonts().heading, app.tr("net.play.board"));
        for (const SharedValue& v : st.sharedValues)
            ui::text(app.text(sc.roles[static_cast<std::size_t>(v.role)].name) + ": " +
                     app.text(sc.values[static_cast<std::size_t>(v.value)].name));
        for (const SharedPrecondition& p : st.sharedPreconditions) {
            const Role& r = sc.roles[static_cast<std::size_t>(p.role)];
            ui::text(app.text(r.name) + ": " +
                     app.text(r.preconditions[static_cast<std::size_t>(p.precondition)].name));
        }
        for (const Announcement& a : st.announcements)
            ui::textWrappedColored(app.theme().warning,
                                   app.text(sc.events[static_cast<std::size_t>(a.event)].text));
        for (const Proposal& p : st.proposals) {
            std::string line = app.tr("net.play.proposal", std::to_string(p.id + 1)) + ":";
            for (std::size_t i = 0; i < p.package.size(); ++i)
                line +=
                    " " +
                    app.text(sc.issues[i].options[static_cast<std::size_t>(p.package[i])].name) +
                    (i + 1 < p.package.size() ? ";" : "");
            ui::textWrapped(line);
        }
        ui::gap(1, app.uiScale());
        for (const net::SeatStatus& s : client_->presence())
            if (s.taken && !s.connected)
                ui::textColored(app.theme().warning,
                                s.name + " (" + app.tr("net.host.seat_away") + ")");
    }

    void drawEnd(App& app, const Game& g) {
        const Decision& d = g.state().decision;
        ui::textInFont(app.fonts().heading, d.taken
                                                ? (d.gedragen ? app.tr("net.play.decided_gedragen")
                                                              : app.tr("net.play.decided"))
                                                : app.tr("net.play.no_decision"));
        if (d.taken) {
            const Scenario& sc = g.scenario();
            for (std::size_t r = 0; r < sc.roles.size() && r < d.support.size(); ++r)
                ui::text(app.text(sc.roles[r].name) + ": " +
                         std::to_string(static_cast<int>(d.support[r])));
        }
        if (ImGui::Button(app.tr("net.join.back").c_str()))
            leave_ = true;
    }

    std::string address_, code_, name_, seat_, error_;
    std::unique_ptr<net::Client> client_;
    double retryIn_ = 2.0;
    bool leave_ = false;
    std::vector<std::vector<bool>> picks_;
    Package package_;
};

} // namespace

std::unique_ptr<Screen> makeJoinScreen(App&) {
    return std::make_unique<JoinScreen>();
}

} // namespace samenspel
