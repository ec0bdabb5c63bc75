#pragma once
// What the engine's things are called in front of people, the same on the
// table, in the report, on the phone page and in `samenspel replay`:
// a rule ("months <= 7") as a sentence ("Doorlooptijd ten hoogste 7 mnd"),
// and a proposal by its number with its version under it ("Voorstel 3,
// versie 2"), not by its place in the list of every version ever made.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace samenspel {

struct Scenario;
struct Precondition;
struct GameState;

// Looks a catalog key up in the reader's language; "" (or the key itself)
// when the catalog does not have it.
using WordLookup = std::function<std::string(const std::string& key)>;

// An expression of the scenario language in words, with the catalog's cond.*
// patterns: names instead of ids, "ten hoogste" instead of "<=", amounts in
// the language's format with the attribute's unit, a resource by its value
// (`resources`: the current values; nullptr: the scenario's starting ones),
// and negations turned round where that reads better ("not (a <= 5)" becomes
// "a hoger dan 5"). Never shows a symbol of the rules language: a text that
// does not parse, or a catalog without the cond.* words, comes back with its
// ids replaced by names and nothing else, so a gap is visible but readable.
std::string conditionSentence(const Scenario& sc, std::string_view expression,
                              std::string_view lang, const WordLookup& words,
                              const std::vector<double>* resources = nullptr);

// A precondition as a sentence: the scenario author's own (`in_words:`)
// when there is one, otherwise conditionSentence of its `require`.
std::string preconditionSentence(const Scenario& sc, const Precondition& precondition,
                                 std::string_view lang, const WordLookup& words,
                                 const std::vector<double>* resources = nullptr);

// A proposal as people count them: every new proposal gets the next number,
// an amendment keeps its proposal's number and gets the next version.
struct ProposalNumber {
    int number = 0;  // 1, 2, ...: the new proposals in the order they were made
    int version = 1; // 1 for the proposal itself, 2 for its first amendment, ...
};
ProposalNumber proposalNumber(const GameState& state, int proposalId);

} // namespace samenspel
