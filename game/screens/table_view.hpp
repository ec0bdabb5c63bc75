#pragma once
// The table screen's windows, one file each (table_banner/seats/board/card/
// actions/proposals/notices.cpp, facilitator.cpp), and what they share: the screen's own UI
// state (which seat is active, whether its card is shown, drafts of actions
// being built) and helpers that turn scenario indices into translated text.
// Every window only reads the game and submits actions through a TableLink
// (a local session, the host's projector, or a player's seat over the network).
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "app.hpp"
#include "core/game.hpp"
#include "table_link.hpp"

namespace samenspel::table {

// A ja-mits condition while it is being built.
struct ConditionDraft {
    int kind = 0; // 0 issue == option, 1 issue != option, 2 attribute <= n, 3 attribute >= n
    int issue = 0;
    int option = 0;
    int attribute = 0;
    double number = 0;
    int protects = -1; // index into the reason list (see reasonChoices), -1 none
};

struct ConditionBuilder {
    ConditionDraft next;
    std::vector<MitsCondition> conditions;
};

// Drafts of the active seat's actions. Reset when the seat changes, so one
// player's half-built action never shows up for the next.
struct Drafts {
    int forSeat = -1;
    int forPhase = -1;
    int reactFirst = -1; // in voorstel: reacting is the main form (1) or proposing (0)
    // Predict: per target role, the chosen values.
    std::vector<std::vector<int>> predictions;
    // Ask.
    int askRole = -1;
    int askValue = -1; // -1: "what matters to you?"
    // Answer: per question, the value chosen; decline reasons per question.
    std::vector<int> answerValue;
    std::vector<std::string> declineText;
    // Propose / amend.
    Package package;
    int amendOf = -1; // proposal the package started from, -1 new
    std::string note;
    // React: the proposal follows the newest open version unless the player
    // picked one (reactPicked); a picked one that was amended since follows
    // its newest version and says so.
    int reactProposal = -1;
    bool reactPicked = false;
    int reactFollowedFrom = -1; // the picked one, amended since
    int reactionKind = -1;      // ReactionKind, -1 not chosen yet
    int reactReason = -1;
    ConditionBuilder reactConditions;
    // Vote.
    int voteKind = -1; // VoteKind, -1 not chosen yet
    int voteReason = -1;
    ConditionBuilder voteConditions;
};

// What one seat's column looks like: its card or its actions. Each seat keeps
// its own (and ImGui keeps each seat's scroll and open sections, under IDs
// of that seat), so the next player never starts where the last one left off.
struct SeatColumn {
    bool showCard = true; // the card first, once uncovered
};

struct TableUi {
    int activeSeat = 0;
    int cardShownFor = -1;        // seat whose card is uncovered, -1 none
    bool compactSeats = false;    // the seat list as a strip of tokens (a narrow table)
    bool facilitatorOpen = false; // the facilitator drawer at the table's right side
    bool revealAll = false;       // facilitator: everything hidden is shown
    bool askRevealConfirm = false;
    // What the warning before showing secrets leads to once confirmed.
    enum class RevealFor { Everything, Debrief } revealFor = RevealFor::Everything;
    bool comingEventsOpen = false; // the facilitator opened the list of coming events
    std::size_t announcementsSeen = 0;
    int announcementPopup = -1; // announcement index waiting to be shown
    int lastPhase = -1;
    int boardTabWanted = -1; // tab to select once (phase change)
    int boardTabShown = 0;   // the tab selected in the last frame
    std::string message;     // last refusal or confirmation, for the active seat
    bool messageIsError = false;
    // Network: an action was sent and the host's verdict is awaited; then
    // the message becomes this text (or the host's refusal).
    bool awaitingHost = false;
    std::string pendingOkText;
    // A player's copy of the game knows only its own role's value weights
    // until the end: other roles' support comes from the host (hostSupport).
    int supportKnownOnlyFor = -1;
    bool openDebrief = false;     // the banner's button: the screen opens it
    bool stopNoticeShown = false; // the notice of a stopped session opened once
    // Why "Show in folder" could not open the log's folder, if it could not.
    std::string stopFolderMessage;
    std::int64_t messageAtMs = 0;
    std::string facilitatorMessage; // the panel's own feedback, apart from the seat's
    bool facilitatorMessageIsError = false;
    float bannerInset = 0; // room the banner leaves free at its right (the projector's QR code)
    Drafts drafts;
    std::map<int, SeatColumn> columns; // by seat
};

// [Text] scenario indices to text in the interface language.
std::string roleName(const App& app, const Scenario& sc, int role);
std::string valueName(const App& app, const Scenario& sc, int value);
std::string optionName(const App& app, const Scenario& sc, int issue, int option);
std::string issueName(const App& app, const Scenario& sc, int issue);
std::string attributeName(const App& app, const Scenario& sc, int attribute);
std::string preconditionName(const App& app, const Scenario& sc, int role, int precondition);
std::string seatName(const App& app, const Game& game, int seat);
std::string seatWithRole(const App& app, const Game& game, int seat);
std::string phaseName(const App& app, const Scenario& sc, int phase);
// What to do in a phase. Under consensus everyone votes in besluit, not the council.
std::string phaseWhat(const App& app, const Scenario& sc, PhaseKind kind);
std::string kindName(const App& app, RoleKind kind);
std::string reasonText(const App& app, const Game& game, int seat, const Reason& reason);
std::string refusalText(const App& app, const Refusal& refusal);
// A decline reason: bots write catalog keys, people write sentences.
std::string declineText(const App& app, const std::string& reason);
std::string formatNumber(const App& app, double value, int decimals);
std::string attributeValue(const App& app, const Scenario& sc, int attribute, double value);
// "mm:ss"
std::string clockText(std::int64_t ms);
// A rule in words (core/wording): "months <= 7" becomes "Doorlooptijd ten hoogste 7".
std::string readableCondition(const App& app, const Scenario& sc, const std::string& expression);
// A precondition in words: the scenario author's sentence, else its rule in words.
std::string preconditionText(const App& app, const Scenario& sc, const Precondition& precondition);

// [Visibility] what the room may see at a shared screen.
// Support of a role for a proposal is public once a seat of that role reacted
// to it or voted on it, for everyone once the session is over (not yet at
// reflectie: players predict the others' values again first), and always
// when the facilitator chose to see everything.
bool supportIsPublic(const Game& game, const Proposal& proposal, int role, bool revealAll);
// A role's secret: once the rules revealed it (an event, reflectie), once the
// session is over, or revealAll.
bool secretIsPublic(const Game& game, int role, bool revealAll);
bool sessionOver(const Game& game);
// The seat's vote on the proposal being voted on (or, once it was decided,
// the last one voted on), or null: the seat list marks who voted.
const CastVote* voteOf(const Game& game, int seat);
// The newest open version of `proposal` (it follows amendments), or the
// proposal on the table when that line ended; -1 when none is open.
int newestVersion(const Game& game, int proposal);

// [Facilitator] on a screen the room sees.
// The time buttons never end a phase: shortening stops with this much left
// (ending a phase is "next phase", which asks first).
constexpr std::int64_t kShortestRemainingMs = 60000;
// The seconds an Extend of `stepSeconds` (negative: shorter) may take with
// `remainingMs` left in the phase: a shortening stops at
// kShortestRemainingMs, 0 when there is nothing left to take.
int timeStepSeconds(std::int64_t remainingMs, int stepSeconds);
// The banner offers the debrief once the session is over; before that it
// shows every role card, so only the facilitator opens it, after a warning.
bool debriefInBanner(const Game& game);
// Opens or closes the facilitator drawer. Opening it on a shared screen
// covers the active seat's card: the facilitator is at the keyboard now.
void toggleFacilitatorDrawer(TableUi& ui);

// [Widgets]
// The role's token (ui/role_token): its icon on a disc in its colour, `lines`
// text lines tall, with the role's name when hovered.
void roleToken(const App& app, const Scenario& sc, int role, float lines = 1.0f);
// `text` in lines of whole words at most `width` wide in the current font,
// at most `maxLines` of them (0: no limit). A word wider than `width` on its
// own, and the end of a text that needs more lines, are cut with "…";
// `shortened` says whether anything was.
std::vector<std::string> wordLines(const std::string& text, float width, int maxLines,
                                   bool& shortened);
// Draws wordLines, one item per line; the whole text as a tooltip when it was
// shortened. Unlike ImGui's wrapping, never breaks inside a word. Returns the
// number of lines.
int wordWrapped(const std::string& text, float width, int maxLines = 0);
void heading(const App& app, const std::string& text);
void mutedText(const App& app, const std::string& text);
void wrappedText(const std::string& text);
// With the read-aloud setting on: a button that reads `text()` aloud (made
// only when pressed), and below it why it could not when it could not.
void readAloudButton(App& app, const char* id, const std::function<std::string()>& text);
// `text` as a spoken sentence: a full stop where it has none (a reader pauses
// there), and a space before the next.
std::string spokenSentence(const std::string& text);
// A coloured pill with text; colour conveys, the text says it too.
void badge(const App& app, const std::string& text, const ImVec4& colour);
// A badge right after the previous item when it fits there, else on the next
// line: a long role name at a large UI scale must not push it out of view.
void badgeAfter(const App& app, const std::string& text, const ImVec4& colour);
// A group drawn on a tinted, framed background (secrets, notices).
void beginFramed(const App& app);
void endFramed(const App& app, const ImVec4& colour);
// A button that is greyed out (and does nothing) when !enabled.
bool button(const std::string& label, bool enabled, ImVec2 size = ImVec2(0, 0));
// The package as "issue: option" rows, changed ones marked against `previous`.
void packageRows(const App& app, const Scenario& sc, const Package& package,
                 const Package* previous);
void conditionRows(const App& app, const Game& game, const Proposal& proposal);
// Submits and remembers the outcome as the message for the seat ("sending"
// over the network until the host answers). True when applied or sent.
bool submit(App& app, TableLink& link, TableUi& ui, const Action& action,
            const std::string& okText);
// Network: turns "sending" into the host's verdict once it arrived.
void settleMessage(App& app, const TableLink& link, TableUi& ui);

// [Windows]
void drawBanner(App& app, TableLink& link, TableUi& ui);
void drawSeats(App& app, TableLink& link, TableUi& ui);
void drawBoard(App& app, TableLink& link, TableUi& ui);
// The active seat's card behind the privacy screen, then its actions.
void drawSeatPanel(App& app, TableLink& link, TableUi& ui);
void drawCard(App& app, TableLink& link, TableUi& ui);
void drawActions(App& app, TableLink& link, TableUi& ui);
void drawAnnouncements(App& app, TableLink& link, TableUi& ui);
// The short transition into `phase`, `seconds` after it began
// (table_transition.cpp); false once it is over.
bool drawPhaseTransition(App& app, const Game& game, int phase, double seconds);
// A moment at which the transition is fully shown (autoplay's picture).
inline constexpr double kTransitionFullyShownSeconds = 1.0;
// The facilitator panel's contents (inside a window the caller opened).
void drawFacilitatorPanel(App& app, TableLink& link, TableUi& ui);
// The panel as the table's right column (in place of the active seat's card,
// never over the board), with its title and a close button.
void drawFacilitatorDrawer(App& app, TableLink& link, TableUi& ui);
// Under the banner: a stopped session (a notice over the table, then a
// strip), a lost connection, or a clock checkpoint that was not saved.
void drawNotices(App& app, TableLink& link, TableUi& ui);
// [Speaking turns] table_turns.cpp.
// Who speaks: a team member's own name, else the seat's.
std::string speakerName(const App& app, const Game& game, int seat, int person);
// Whether the strip under the banner has anything to show (a turn or a queue).
bool speakingStripShown(const Game& game);
// Who has the floor, for how long, and who waits; on a shared screen also
// the buttons that give and end the floor.
void drawSpeakingStrip(App& app, TableLink& link, TableUi& ui);
// The active seat's "I want to say something" (again: withdraw), its place in
// line, and "Done" while it has the floor; on the line of the previous item
// when it fits.
void speakButton(App& app, TableLink& link, TableUi& ui, int seat);
// The facilitator panel's section: the floor, the queue, and the two buttons.
void facilitatorTurnControls(App& app, TableLink& link, TableUi& ui);
// Where actions would be: why none can be taken, when the session stopped.
// True when it did.
bool stoppedLine(App& app, const TableLink& link);

} // namespace samenspel::table
