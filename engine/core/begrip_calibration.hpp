#pragma once
// A check of begrip v2 itself (`samenspel simulate FILE --calibrate`): bot
// sessions are played, and at the start of Perspectief and of Reflectie every
// seat answers every begrip item twice, on copies of the game: once guessing
// uniformly at random (a values item: k values drawn without replacement),
// once from the role cards. The measure is right when guessing averages 0
// (within its standard error) and answers from the cards score 1.
#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "core/begrip.hpp"
#include "core/game.hpp"

namespace samenspel {

class PackageTableCache;

struct CalibrationOptions {
    int games = 200;
    std::uint64_t seed = 1;
    std::shared_ptr<PackageTableCache> tables; // null: one cache for this run
};

struct CalibrationReport {
    int games = 0;
    std::uint64_t seed = 0;
    // One sample per game and phase (perspectief, reflectie): the group's
    // begrip of that phase, as Game::measure computes it.
    int samples = 0;
    double chance = 0.0;   // mean group begrip v2 of random answers
    double chanceSd = 0.0; // their standard deviation over the samples
    double chanceSe = 0.0; // standard error of the mean: sd / sqrt(samples)
    double perfect = 0.0;  // mean group begrip v2 of answers from the cards
    double perfectMin = 0.0;
    double v1Chance = 0.0; // begrip v1 (the acc of the value predictions) of the same guesses
    // Per item kind (BegripItemKind): items answered over all samples, and
    // the mean score of the random answers to them.
    std::array<long, kBegripItemKindCount> items{};
    std::array<double, kBegripItemKindCount> chanceByKind{};
    std::uint64_t refused = 0; // answers the rules refused: always 0 unless a bug
    std::string firstRefusal;
    std::string error;
};

CalibrationReport calibrateBegrip(std::shared_ptr<const Scenario> sc,
                                  const CalibrationOptions& options);

std::string calibrationJson(const Scenario& sc, const CalibrationReport& r);
std::string calibrationText(const Scenario& sc, const CalibrationReport& r);

} // namespace samenspel
