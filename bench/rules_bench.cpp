// Prints how many complete scripted sessions per second Game::apply sustains
// on one core: every seat predicts, shares values, proposes, reacts and votes,
// the facilitator advances. The bots need >= 2,000 sessions/s on top of this.
// usage: bench_rules [SCENARIO] [SESSIONS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/game.hpp"

using namespace samenspel;

namespace {

void playSession(Game& g, const Scenario& sc, int variant, long& calls) {
    std::int64_t t = 0;
    while (!g.state().finished) {
        t += 1000;
        const PhaseKind k = g.currentPhase();
        for (int s = 0; s < g.seatCount(); ++s) {
            Action a;
            a.seat = s;
            a.timeMs = t;
            if (k == PhaseKind::Perspectief || k == PhaseKind::Reflectie) {
                a.type = ActionType::Predict;
                a.values = {0, 1};
                for (std::size_t r = 0; r < sc.roles.size(); ++r) {
                    a.targetRole = static_cast<int>(r);
                    ++calls;
                    g.apply(a);
                }
            } else if (k == PhaseKind::Waarden || k == PhaseKind::Randvoorwaarden) {
                a.type = ActionType::ShareValue;
                for (std::size_t v = 0; v < sc.values.size(); ++v) {
                    a.value = static_cast<int>(v);
                    ++calls;
                    if (g.apply(a))
                        break;
                }
            } else if (k == PhaseKind::Voorstel) {
                a.type = ActionType::Propose;
                a.package.assign(sc.issues.size(), (variant + s) % 2);
                ++calls;
                g.apply(a);
                a.type = ActionType::React;
                a.proposal = g.proposalOnTable();
                a.reason = {Reason::Kind::Value, 0};
                ++calls;
                g.apply(a);
            } else if (k == PhaseKind::Besluit && g.isVoter(s)) {
                a.type = ActionType::Vote;
                a.proposal = g.proposalOnTable();
                a.vote = s % 3 == 0 ? VoteKind::No : VoteKind::Yes;
                ++calls;
                g.apply(a);
            }
        }
        if (g.state().finished)
            break;
        Action advance;
        advance.type = ActionType::Advance;
        advance.timeMs = t;
        g.dueActions(t);
        g.apply(advance);
    }
    g.measure();
}

} // namespace

int main(int argc, char** argv) {
    const std::string path =
        argc > 1 ? argv[1] : std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml";
    const int sessions = argc > 2 ? std::atoi(argv[2]) : 20000;
    LoadResult loaded = loadScenarioFile(path);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.errors)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return 2;
    }
    auto sc = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    const SessionSetup setup = SessionSetup::defaultFor(*sc, true, 1);
    long calls = 0;
    std::uint64_t accepted = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < sessions; ++i) {
        Game g(sc, setup);
        playSession(g, *sc, i, calls);
        accepted += g.state().actionCount;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("rules: %d sessions of %s (%zu seats) in %.3f s: %.0f sessions/s, "
                "%.1f accepted actions per session, %.0f apply calls/s\n",
                sessions, sc->id.c_str(), setup.seats.size(), seconds, sessions / seconds,
                static_cast<double>(accepted) / sessions, calls / seconds);
    return 0;
}
