// Begrip v2 calibration; see begrip_calibration.hpp.
#include "core/begrip_calibration.hpp"

#include <algorithm>
#include <cmath>

#include "core/json.hpp"
#include "core/live_session.hpp"
#include "core/log.hpp"
#include "core/simulation.hpp"

namespace samenspel {

namespace {

std::size_t sz(int i) {
    return static_cast<std::size_t>(i);
}

// Deterministic draws for the guessing characters (splitmix64).
struct Draws {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) {
        return n <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(n));
    }
    // k distinct values of n, uniformly: the first k of a partial shuffle.
    std::vector<int> pick(int n, int k) {
        std::vector<int> all(sz(n));
        for (int i = 0; i < n; ++i)
            all[sz(i)] = i;
        for (int i = 0; i < k && i < n; ++i)
            std::swap(all[sz(i)], all[sz(i + below(n - i))]);
        all.resize(sz(std::min(k, n)));
        return all;
    }
};

enum class Answerer { Random, Cards };

struct Sample {
    double group = 0.0;
    bool measured = false;
};

struct Calibrator : SessionSink {
    std::shared_ptr<const Scenario> sc;
    CalibrationReport& report;
    Draws draws;
    std::vector<double> randomGroups, cardGroups, v1Groups;
    std::array<double, kBegripItemKindCount> kindSums{};

    Calibrator(std::shared_ptr<const Scenario> scenario, CalibrationReport& r, std::uint64_t seed)
        : sc(std::move(scenario)), report(r), draws{seed} {}

    void applied(const Action&, int phaseBefore, const Game& game) override {
        if (game.state().phase != phaseBefore)
            atPhaseStart(game);
    }

    void atPhaseStart(const Game& game) {
        const PhaseKind kind = game.currentPhase();
        if (game.state().finished ||
            (kind != PhaseKind::Perspectief && kind != PhaseKind::Reflectie))
            return;
        Game guessed = game;
        const Sample random = answerAll(guessed, Answerer::Random);
        Game known = game;
        const Sample cards = answerAll(known, Answerer::Cards);
        if (!random.measured || !cards.measured)
            return; // no seat has an item to answer here
        randomGroups.push_back(random.group);
        cardGroups.push_back(cards.group);
        guessed.setBegripVersion(1);
        const Measurements v1 = guessed.measure();
        const auto& v1Group = kind == PhaseKind::Reflectie ? v1.begripAfter : v1.begripBefore;
        if (v1Group)
            v1Groups.push_back(*v1Group);
    }

    void apply(Game& g, const Action& a) {
        const ApplyResult r = g.apply(a);
        if (r.accepted)
            return;
        if (report.firstRefusal.empty())
            report.firstRefusal = encodeAction(a) + ": " + r.refusal.english;
        ++report.refused;
    }

    Sample answerAll(Game& g, Answerer who) {
        const World world = g.state().world; // the items of this moment
        const int values = static_cast<int>(sc->values.size());
        for (int seat = 0; seat < g.seatCount(); ++seat) {
            for (const BegripItem& item : begripItems(*sc, world, g.roleOfSeat(seat))) {
                Action a;
                a.seat = seat;
                a.timeMs = g.state().nowMs;
                a.targetRole = item.targetRole;
                const std::vector<int>& weights = world.weights[sz(item.targetRole)];
                if (item.kind == BegripItemKind::Values) {
                    const int k = valuesItemPicks(weights);
                    a.type = ActionType::Predict;
                    if (who == Answerer::Random) {
                        a.values = draws.pick(values, k);
                    } else {
                        a.values = topValues(weights); // ties at the cut: any k of them
                        a.values.resize(sz(std::min<int>(k, static_cast<int>(a.values.size()))));
                    }
                } else {
                    a.type = ActionType::AnswerItem;
                    a.itemKind = static_cast<int>(item.kind);
                    a.choice = who == Answerer::Random
                                   ? draws.below(static_cast<int>(item.options.size()))
                                   : item.correct;
                }
                apply(g, a);
                if (who != Answerer::Random)
                    continue;
                const auto k = sz(static_cast<int>(item.kind));
                ++report.items[k];
                if (item.kind == BegripItemKind::Values)
                    kindSums[k] += valuesItemScore(a.values, weights, values).value_or(0.0);
                else
                    kindSums[k] += choiceItemScore(a.choice == item.correct,
                                                   static_cast<int>(item.options.size()));
            }
        }
        const Measurements m = g.measure();
        const auto& group =
            g.currentPhase() == PhaseKind::Reflectie ? m.begripAfter : m.begripBefore;
        return group ? Sample{*group, true} : Sample{};
    }
};

double meanOf(const std::vector<double>& xs) {
    double sum = 0.0;
    for (double x : xs)
        sum += x;
    return xs.empty() ? 0.0 : sum / static_cast<double>(xs.size());
}

} // namespace

CalibrationReport calibrateBegrip(std::shared_ptr<const Scenario> sc,
                                  const CalibrationOptions& options) {
    CalibrationReport report;
    report.games = std::max(0, options.games);
    report.seed = options.seed;
    Calibrator calibrator(sc, report, options.seed ^ 0xC0FFEEULL);
    LiveSessionOptions sessionOptions;
    sessionOptions.pace = SessionPace::asFastAsPossible();
    sessionOptions.tables = options.tables ? options.tables : std::make_shared<PackageTableCache>();
    for (int i = 0; i < report.games; ++i) {
        std::string error;
        std::unique_ptr<LiveSession> session =
            LiveSession::start(sc, SessionSetup::defaultFor(*sc, true, gameSeed(options.seed, i)),
                               sessionOptions, error);
        if (!session) {
            report.error = error;
            return report;
        }
        calibrator.atPhaseStart(session->game()); // a scenario may open with perspectief
        session->addSink(&calibrator);
        session->runToEnd();
        session->removeSink(&calibrator);
    }
    report.samples = static_cast<int>(calibrator.randomGroups.size());
    report.chance = meanOf(calibrator.randomGroups);
    double m2 = 0.0;
    for (double x : calibrator.randomGroups)
        m2 += (x - report.chance) * (x - report.chance);
    if (report.samples > 1) {
        report.chanceSd = std::sqrt(m2 / (report.samples - 1));
        report.chanceSe = report.chanceSd / std::sqrt(static_cast<double>(report.samples));
    }
    report.perfect = meanOf(calibrator.cardGroups);
    report.perfectMin =
        calibrator.cardGroups.empty()
            ? 0.0
            : *std::min_element(calibrator.cardGroups.begin(), calibrator.cardGroups.end());
    report.v1Chance = meanOf(calibrator.v1Groups);
    for (std::size_t k = 0; k < report.items.size(); ++k)
        report.chanceByKind[k] = report.items[k] > 0
                                     ? calibrator.kindSums[k] / static_cast<double>(report.items[k])
                                     : 0.0;
    return report;
}

std::string calibrationJson(const Scenario& sc, const CalibrationReport& r) {
    JsonWriter j;
    j.beginObject();
    j.key("scenario").value(sc.id);
    j.key("games").value(r.games);
    j.key("seed").value(r.seed);
    j.key("samples").value(r.samples);
    j.key("begrip_chance").value(r.chance, 4);
    j.key("begrip_chance_se").value(r.chanceSe, 4);
    j.key("begrip_chance_sd").value(r.chanceSd, 4);
    j.key("begrip_perfect").value(r.perfect, 4);
    j.key("begrip_perfect_min").value(r.perfectMin, 4);
    j.key("begrip_v1_chance").value(r.v1Chance, 4);
    j.key("items").beginObject();
    for (int k = 0; k < kBegripItemKindCount; ++k)
        j.key(begripItemKindId(static_cast<BegripItemKind>(k))).value(r.items[sz(k)]);
    j.endObject();
    j.key("items_per_sample")
        .value(r.samples > 0 ? static_cast<double>(r.items[0] + r.items[1] + r.items[2]) / r.samples
                             : 0.0,
               1);
    j.key("chance_by_kind").beginObject();
    for (int k = 0; k < kBegripItemKindCount; ++k)
        j.key(begripItemKindId(static_cast<BegripItemKind>(k))).value(r.chanceByKind[sz(k)], 4);
    j.endObject();
    j.key("refused_answers").value(r.refused);
    j.endObject();
    return j.str() + "\n";
}

std::string calibrationText(const Scenario& sc, const CalibrationReport& r) {
    std::string s;
    const auto line = [&](const std::string& t) { s += t + "\n"; };
    line(sc.id + ": begrip v2 calibration over " + std::to_string(r.games) +
         " bot sessions, seed " + std::to_string(r.seed) + " (" + std::to_string(r.samples) +
         " samples: every seat answers every item at perspectief and at reflectie)");
    line("  random guessing    " + formatNumber(r.chance, 3) + " (se " +
         formatNumber(r.chanceSe, 3) + ", sd " + formatNumber(r.chanceSd, 3) +
         ")  should be 0 within 3 se");
    line("  from the cards     " + formatNumber(r.perfect, 3) + " (lowest " +
         formatNumber(r.perfectMin, 3) + ")  should be 1");
    line("  begrip v1 guessing " + formatNumber(r.v1Chance, 3) +
         "  (the old measure: not corrected for guessing)");
    std::string kinds;
    for (int k = 0; k < kBegripItemKindCount; ++k)
        kinds += std::string(k ? ", " : "") + begripItemKindId(static_cast<BegripItemKind>(k)) +
                 " " + std::to_string(r.items[sz(k)]) + " (guessing " +
                 formatNumber(r.chanceByKind[sz(k)], 3) + ")";
    line("  items answered     " + kinds);
    if (r.refused > 0)
        line("  REFUSED answers: " + std::to_string(r.refused) + ", first: " + r.firstRefusal);
    return s;
}

} // namespace samenspel
