#pragma once
// What the player column's action forms share (table_actions.cpp: the entry
// and the talking sections; table_proposals.cpp: propose, react, vote and
// their conditions). Every form is a few numbered steps of large choices that
// wrap their text instead of clipping it; each choice is one tap.
#include <string>
#include <vector>

#include "screens/table_view.hpp"

namespace samenspel::table::actions {

struct Ctx {
    App& app;
    TableLink& link;
    TableUi& ui;
    const Game& game;
    const Scenario& sc;
    const GameState& st;
    int seat;
    int role;

    Action action(ActionType type) const {
        Action a;
        a.type = type;
        a.seat = seat;
        return a;
    }
};

// A numbered step of a form: "2  Why?".
void step(const Ctx& c, int number, const std::string& text);
// A large choice in a row that wraps: beside the previous one when it fits
// (unless `first`), its text wrapped over the column's width when it is
// longer than that. One tap; `selected` ones are filled.
bool choice(const Ctx& c, const std::string& label, bool selected, bool enabled = true,
            bool first = false);
// A choice as wide as the column.
bool wideChoice(const Ctx& c, const std::string& label, bool selected, bool enabled = true);
// The form's send button, as wide as the column. While the form is not
// complete it is greyed out and `missing` says calmly what comes next; once
// complete, the rules' refusal (if any) is shown in red, since only then is it
// news. Submits and returns true when accepted.
bool sendButton(const Ctx& c, const std::string& label, const Action& a, const std::string& okText,
                const std::string& missing);
// A green line: something of this seat that is already done.
void doneLine(const Ctx& c, const std::string& text);

// Own values (heaviest first) and preconditions: what a seat may give as its reason.
std::vector<Reason> reasonChoices(const Ctx& c);
std::string reasonLabel(const Ctx& c, const Reason& reason);
// The reasons as one-tap choices; tapping the chosen one again clears it.
void reasonStep(const Ctx& c, int& current, const std::vector<Reason>& reasons);

// What the package means for this seat: its own support and red lines.
void packagePreview(const Ctx& c, const Package& p);

// [table_questions.cpp] The begrip questions about the other roles.
void questionsSection(const Ctx& c);

// [table_proposals.cpp]
void proposeSection(const Ctx& c);
void reactSection(const Ctx& c);
void voteSection(const Ctx& c);

} // namespace samenspel::table::actions
