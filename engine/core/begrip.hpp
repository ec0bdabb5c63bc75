#pragma once
// Begrip v2 (DESIGN.md "Begrip v2"): the items a person answers about every
// other role at Perspectief and at Reflectie, and their scores, corrected for
// guessing so that random answers average 0 and right answers score 1.
//   Values item   the Predict action: at most three values; score
//                 (acc - c_r) / (1 - c_r), c_r the expected acc of k values
//                 drawn at random (k = min(3, values r weighs))
//   RedLine item  "which precondition belongs to r?": one of r's, 1-3 of
//                 other roles as distractors
//   Interest item "what does r want most on issue i?": i's options
//   Choice items score 1 when right and -1/(m-1) when wrong (m options).
// Items come from the scenario and the world of the moment alone, so every
// client, bot and replay builds the same ones in the same order.
#include <optional>
#include <vector>

#include "core/scenario.hpp"
#include "core/scoring.hpp"
#include "core/text.hpp"

namespace samenspel {

enum class BegripItemKind { Values, RedLine, Interest };
inline constexpr int kBegripItemKindCount = 3;
inline constexpr int kMaxItemOptions = 4;          // a choice item offers 2 to 4 options
const char* begripItemKindId(BegripItemKind kind); // "values", "red_line", "interest"
bool begripItemKindFromId(const std::string& id, BegripItemKind& out);

// One answer a choice item offers: a precondition (RedLine) or an option of
// the item's issue (Interest).
struct ItemOption {
    LocalizedText text;
    int precondition = -1; // RedLine: index within `role`'s preconditions
    int role = -1;         // RedLine: the role the precondition belongs to
    int option = -1;       // Interest: index within the item's issue
};

struct BegripItem {
    BegripItemKind kind = BegripItemKind::Values;
    int targetRole = -1;
    int issue = -1;                  // Interest; -1 otherwise
    std::vector<ItemOption> options; // empty for Values
    int correct = -1;                // index into options; -1 for Values
};

// The items `askingRole` answers, target role by target role (every role but
// its own, in scenario order), each Values, then RedLine, then Interest. A
// RedLine item is left out when the target has no precondition or no other
// role has one; an Interest item when no issue has a single best option for
// the target. Deterministic: seeded by the scenario id and the target role.
std::vector<BegripItem> begripItems(const Scenario& sc, const World& w, int askingRole);
// The item of `kind` about `targetRole`, as begripItems builds it.
std::optional<BegripItem> begripItem(const Scenario& sc, const World& w, int askingRole,
                                     int targetRole, BegripItemKind kind);

// How many values a full Values answer picks about a role with these
// weights: min(3, number of values weighed > 0).
int valuesItemPicks(const std::vector<int>& weights);
// c_r: the expected acc of k values drawn uniformly without replacement from
// `valueCount` values, k = valuesItemPicks. Hits are hypergeometric over
// |top(r)| (ties at the cut included), so c_r = E[hits] / k = |top(r)| / N.
double chanceAccuracy(const std::vector<int>& weights, int valueCount);
// (acc - c_r) / (1 - c_r); nullopt when c_r == 1 (every value counts as
// right) or the role weighs no value (nothing to predict).
std::optional<double> valuesItemScore(const std::vector<int>& predicted,
                                      const std::vector<int>& weights, int valueCount);
// The same from an acc and c_r computed before.
std::optional<double> chanceCorrected(double accuracy, double chance);
// 1 when right, -1/(m-1) when wrong; 0 for an item with fewer than 2 options.
double choiceItemScore(bool right, int optionCount);

// The option of `issue` that adds most to S_r with these weights, or -1 when
// two or more tie for it (or the issue has no enabled option).
int favouriteOption(const Scenario& sc, const World& w, const std::vector<int>& weights, int issue);

} // namespace samenspel
