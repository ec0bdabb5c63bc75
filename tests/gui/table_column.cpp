// The player column as a player meets it (tests/gui.cmake: gui_table_column): the real table
// windows (drawSeatPanel, drawSeats) drawn by ImGui without a window, read back from what they drew
// and tapped where their texts are. Each tap is counted, so a form that needs more taps than it
// should fails here, and so does a red refusal after an accepted action.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "app.hpp"
#include "core/begrip.hpp"
#include "i18n.hpp"
#include "screens/table_view.hpp"
#include "session.hpp"
#include "table_link.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

// One line of text as drawn, with where it is.
struct DrawnLine {
    std::string text;
    ImVec2 min, max;
};

// One shell for all cases: its window object opens a display connection,
// and Xvfb resets (refusing connections for a moment) whenever its last
// client leaves.
App& sharedApp(const fs::path& dir) {
    static std::unique_ptr<App> app;
    if (!app) {
        setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
        setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
        LaunchOptions options;
        options.lang = "nl";
        app = std::make_unique<App>(options);
    }
    return *app;
}

// An ImGui context without a window: ImGui's own font, a tall display so no
// form has to scroll, and a reader that turns the drawn glyphs back into text.
class Column {
  public:
    // `withBots`: every seat but the first is a bot, as at a table where one
    // person plays with the computer.
    explicit Column(const std::string& name, bool withBots = false) {
        const fs::path dir = fs::temp_directory_path() / ("samenspel_test_column_" + name);
        fs::remove_all(dir);
        fs::create_directories(dir);
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(620, 3000);
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        const ImFont* font = io.Fonts->Fonts[0];
        for (const ImFontGlyph& g : font->Glyphs)
            glyphs_[{g.U0, g.V0}] = &g;
        app_ = &sharedApp(dir);
        auto scenario = std::make_shared<const Scenario>(std::move(
            *loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml")
                 .scenario));
        std::string error;
        SessionSetup setup = SessionSetup::defaultFor(*scenario, withBots, 1);
        setup.seats[0].bot = false;
        auto session = Session::start(scenario, setup, (dir / "session.log").string(), error);
        REQUIRE_MESSAGE(session, error);
        link_ = makeLocalLink(std::move(session));
    }
    ~Column() {
        link_.reset();
        ImGui::DestroyContext(context_);
    }

    App& app() { return *app_; }
    TableLink& link() { return *link_; }
    const Game& game() const { return link_->game(); }
    table::TableUi ui;
    int taps = 0;

    void apply(const Action& a) { REQUIRE(link_->submit(a).kind == SubmitOutcome::Kind::Applied); }
    void advanceTo(PhaseKind phase) {
        while (game().currentPhase() != phase) {
            Action a;
            a.type = ActionType::Advance;
            a.seat = kFacilitator;
            apply(a);
        }
    }
    // The seat's column, uncovered, on its actions (or its card).
    void sit(int seat, bool card = false) {
        ui.activeSeat = seat;
        ui.cardShownFor = seat;
        ui.columns[seat].showCard = card;
    }

    bool board = false;  // draw the public board instead of the column
    bool drawer = false; // draw the facilitator's drawer instead of the column

    // Draws one frame of the column (or the seat list, or the board) and
    // reads it back.
    void frame(bool seats = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##column", nullptr, ImGuiWindowFlags_NoDecoration);
        if (board)
            table::drawBoard(*app_, *link_, ui);
        else if (drawer)
            table::drawFacilitatorDrawer(*app_, *link_, ui);
        else if (seats)
            table::drawSeats(*app_, *link_, ui);
        else
            table::drawSeatPanel(*app_, *link_, ui);
        ImGui::End();
        ImGui::Render();
        read(ImGui::GetDrawData());
    }

    // The drawn lines, as the reader found them.
    std::vector<std::string> lines() const {
        std::vector<std::string> out;
        for (const DrawnLine& l : lines_)
            out.push_back(l.text);
        return out;
    }

    std::string text() const {
        std::string all;
        for (const DrawnLine& l : lines_)
            all += l.text + "\n";
        return all;
    }
    // The reader gives '?' for every character beyond ASCII.
    static std::string asDrawn(const std::string& s) {
        std::string out;
        for (unsigned char ch : s)
            if (ch < 0x80)
                out += static_cast<char>(ch);
            else if (ch >= 0xC0)
                out += '?';
        return out;
    }
    bool shows(const std::string& s) const { return text().find(asDrawn(s)) != std::string::npos; }
    int count(const std::string& s) const {
        int n = 0;
        const std::string all = text();
        for (auto at = all.find(s); at != std::string::npos; at = all.find(s, at + 1))
            ++n;
        return n;
    }

    // Any of the rules' refusals (the part before its first placeholder).
    std::string refusalShown() const {
        const std::string all = text();
        for (const auto& [key, words] : app_->catalog().texts()) {
            const std::string fixed = words.substr(0, words.find('{'));
            if (key.rfind("refuse.", 0) == 0 && fixed.size() >= 15 &&
                all.find(asDrawn(fixed)) != std::string::npos)
                return key;
        }
        return "";
    }

    // A press and release on the first line that is `label` (else that
    // starts with it), as a finger would.
    void tap(const std::string& label) {
        frame();
        const DrawnLine* hit = nullptr;
        const std::string drawn = asDrawn(label);
        for (const DrawnLine& l : lines_)
            if (!hit && l.text == drawn)
                hit = &l;
        for (const DrawnLine& l : lines_)
            if (!hit && l.text.rfind(drawn, 0) == 0)
                hit = &l;
        // A button beside another reads as the end of its line ("... fase Ik
        // wil iets zeggen"): found inside the line.
        std::size_t at = 0;
        for (const DrawnLine& l : lines_)
            if (!hit && l.text.find(drawn) != std::string::npos) {
                hit = &l;
                at = l.text.find(drawn);
            }
        REQUIRE_MESSAGE(hit, "nothing to tap reads \"" << label << "\" in:\n" << text());
        // A row of buttons reads as one line ("?5 min ?1 min +1 min"): the
        // label is tapped in the middle of its part (the font is monospaced).
        const float chars = static_cast<float>(std::max<std::size_t>(1, hit->text.size()));
        const float middle = std::min(
            1.0f, (static_cast<float>(at) + static_cast<float>(drawn.size()) * 0.5f) / chars);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(hit->min.x + (hit->max.x - hit->min.x) * middle,
                             (hit->min.y + hit->max.y) * 0.5f);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        frame();
        ++taps;
    }

  private:
    // Glyph quads (ImDrawList::PrimRectUV) are found by their texture
    // corners; the glyph's offsets give back the pen position, so glyphs
    // with one pen height make a line, and a jump of the pen a space.
    void read(const ImDrawData* data) {
        struct Placed {
            float y, x, advance;
            char c;
        };
        std::vector<Placed> found;
        for (int n = 0; n < data->CmdListsCount; ++n) {
            const ImVector<ImDrawVert>& v = data->CmdLists[n]->VtxBuffer;
            for (int i = 0; i + 3 < v.Size; ++i) {
                const auto it = glyphs_.find({v[i].uv.x, v[i].uv.y});
                if (it == glyphs_.end() || v[i + 1].pos.y != v[i].pos.y ||
                    v[i + 3].pos.x != v[i].pos.x)
                    continue;
                const ImFontGlyph& g = *it->second;
                const char c = g.Codepoint < 128 ? static_cast<char>(g.Codepoint) : '?';
                found.push_back({v[i].pos.y - g.Y0, v[i].pos.x - g.X0, g.AdvanceX, c});
                i += 3;
            }
        }
        std::sort(found.begin(), found.end(), [](const Placed& a, const Placed& b) {
            return a.y != b.y ? a.y < b.y : a.x < b.x;
        });
        lines_.clear();
        const float size = ImGui::GetFontSize();
        float pen = 0;
        for (const Placed& g : found) {
            DrawnLine* line = lines_.empty() ? nullptr : &lines_.back();
            const bool sameLine = line && std::abs(line->min.y - g.y) < 0.5f && g.x >= pen - 0.5f &&
                                  g.x - pen < size * 1.5f;
            if (!sameLine) {
                lines_.push_back({std::string(1, g.c), {g.x, g.y}, {g.x + g.advance, g.y + size}});
            } else {
                if (g.x - pen > 1.5f)
                    line->text += ' ';
                line->text += g.c;
                line->max.x = g.x + g.advance;
            }
            pen = g.x + g.advance;
        }
    }

    ImGuiContext* context_ = nullptr;
    App* app_ = nullptr;
    std::shared_ptr<TableLink> link_;
    std::map<std::pair<float, float>, const ImFontGlyph*> glyphs_;
    std::vector<DrawnLine> lines_;
};

Action propose(const Game& game, int seat) {
    Action a;
    a.type = ActionType::Propose;
    a.seat = seat;
    a.package = game.defaultPackage();
    return a;
}

int councilSeat(const Game& game) {
    for (int s = 0; s < game.seatCount(); ++s)
        if (game.isVoter(s))
            return s;
    return -1;
}

} // namespace

TEST_CASE("column: a ja-mits reaction takes four taps and ends in green, not in a red refusal") {
    Column screen("react");
    screen.advanceTo(PhaseKind::Voorstel);
    screen.apply(propose(screen.game(), 0));
    screen.sit(1); // the neighbours react to the skaters' proposal
    screen.tap("Ik steun het als");
    screen.tap("waarde: Rust in de buurt");
    screen.tap("Naar het sportpark buiten de wijk");
    screen.tap("Reageren");
    CHECK(screen.taps == 4);

    const Proposal& p = screen.game().state().proposals.at(0);
    REQUIRE(p.reactions.size() == 1);
    CHECK(p.reactions[0].seat == 1);
    CHECK(p.reactions[0].kind == ReactionKind::SupportIf);
    REQUIRE(p.reactions[0].conditions.size() == 1);
    CHECK(p.reactions[0].conditions[0].expression == "locatie == sportpark");
    // The condition protects the reason the player gave.
    CHECK(p.reactions[0].conditions[0].protects.kind == Reason::Kind::Value);
    screen.frame();
    CHECK(screen.shows("Je reactie ligt op tafel."));
    CHECK_FALSE(screen.shows(screen.app().tr("refuse.conditions_required")));
    CHECK(screen.refusalShown() == "");
    // The form starts over and says calmly what comes first.
    CHECK(screen.shows(screen.app().tr("table.need.how")));
}

TEST_CASE("column: a vote shows as the seat's own vote in green and as 'voted' in the seat list") {
    Column screen("vote");
    screen.advanceTo(PhaseKind::Voorstel);
    screen.apply(propose(screen.game(), 0));
    screen.advanceTo(PhaseKind::Besluit);
    const int council = councilSeat(screen.game());
    REQUIRE(council >= 0);
    screen.frame(true);
    CHECK(screen.count("gestemd") == 0);

    screen.sit(council);
    screen.tap("Ja");
    screen.tap("Stem uitbrengen");
    CHECK(screen.taps == 2);
    REQUIRE(screen.game().state().proposals.at(0).votes.size() == 1);
    screen.frame();
    CHECK(screen.shows("Je stem is uitgebracht."));
    CHECK(screen.shows("Je stemde ja over voorstel 1."));
    CHECK_FALSE(screen.shows(screen.app().tr("refuse.already_voted")));
    CHECK(screen.refusalShown() == "");

    // The seat list: who voted, who is done.
    Action done;
    done.type = ActionType::Done;
    done.seat = 0;
    screen.apply(done);
    screen.frame(true);
    CHECK(screen.count("gestemd") == 1);
    CHECK(screen.count("? klaar") == 1); // the tick is not in ImGui's own font
}

TEST_CASE("column: a proposal is one tap per changed option and one to send, then no red") {
    Column screen("propose");
    screen.advanceTo(PhaseKind::Voorstel);
    screen.sit(0);
    screen.tap("Naar het sportpark buiten de wijk");
    screen.tap("Op tafel als nieuw voorstel");
    CHECK(screen.taps == 2);
    const std::vector<Proposal>& proposals = screen.game().state().proposals;
    REQUIRE(proposals.size() == 1);
    CHECK(screen.game().scenario().issues[1].options[proposals[0].package[1]].id == "sportpark");
    screen.frame();
    CHECK(screen.shows("Je voorstel ligt op tafel."));
    CHECK_FALSE(screen.shows(screen.app().tr("refuse.amend_unchanged")));
    CHECK(screen.refusalShown() == "");
}

TEST_CASE("column: every tap on a value saves the prediction for that role at once") {
    Column screen("predict");
    screen.advanceTo(PhaseKind::Perspectief);
    screen.sit(0);
    screen.tap("Rust in de buurt"); // the first role after the skaters: the neighbours
    screen.tap("Veiligheid");
    const std::vector<Prediction>& saved = screen.game().state().predictions;
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].targetRole == 1);
    CHECK(saved[0].values.size() == 2);
}

TEST_CASE("column and board: a red-line question is one tap; the board hides what was shared "
          "until the questions are answered") {
    Column screen("quiz", true);
    const Game& game = screen.game();
    screen.advanceTo(PhaseKind::Waarden);
    Action share;
    share.type = ActionType::ShareValue;
    share.seat = 1;  // the neighbours' bot puts a value on the table
    share.value = 1; // Rust in de buurt
    screen.apply(share);
    screen.board = true;
    screen.ui.boardTabWanted = 1; // what the roles put on the table
    screen.frame();
    screen.frame();
    CHECK(screen.shows("Gedeelde waarden: Rust in de buurt"));
    screen.advanceTo(PhaseKind::Reflectie);
    screen.ui.boardTabWanted = 1;
    screen.frame();
    screen.frame();
    CHECK(screen.shows("Het bord is verborgen zolang er vragen openstaan"));
    CHECK_FALSE(screen.shows("Gedeelde waarden: Rust in de buurt"));

    const std::vector<BegripItem> items =
        begripItems(game.scenario(), game.state().world, game.roleOfSeat(0));
    const auto redLine = std::find_if(items.begin(), items.end(), [](const BegripItem& i) {
        return i.kind == BegripItemKind::RedLine;
    });
    REQUIRE(redLine != items.end());
    screen.board = false;
    screen.sit(0);
    screen.frame();
    const std::string total = std::to_string(items.size());
    CHECK(screen.shows("0 van " + total + " vragen beantwoord"));
    CHECK(screen.shows("Welke randvoorwaarde hoort bij " +
                       screen.app().text(game.scenario().roles[redLine->targetRole].name) + "?"));
    // The first words of the second option: a long one wraps over lines.
    const std::string option = redLine->options[1].text.get("nl");
    screen.tap(option.substr(0, option.find(' ', 8)));
    REQUIRE(game.state().itemAnswers.size() == 1);
    CHECK(game.state().itemAnswers[0].targetRole == redLine->targetRole);
    CHECK(game.state().itemAnswers[0].choice == 1);
    CHECK(screen.taps == 1);
    screen.frame();
    CHECK(screen.shows("1 van " + total + " vragen beantwoord"));
    CHECK(screen.refusalShown() == "");

    // Every other question answered: the board shows what was shared again.
    for (const BegripItem& item : items) {
        if (&item == &*redLine)
            continue;
        Action a;
        a.seat = 0;
        a.targetRole = item.targetRole;
        if (item.kind == BegripItemKind::Values) {
            a.type = ActionType::Predict;
            a.values = {0};
        } else {
            a.type = ActionType::AnswerItem;
            a.itemKind = static_cast<int>(item.kind);
            a.choice = 0;
        }
        screen.apply(a);
    }
    screen.frame();
    CHECK(screen.shows(total + " van " + total + " vragen beantwoord"));
    screen.board = true;
    screen.frame();
    CHECK_FALSE(screen.shows("Het bord is verborgen zolang er vragen openstaan"));
    CHECK(screen.shows("Gedeelde waarden: Rust in de buurt"));
}

TEST_CASE("column: a reaction follows the newest version of the proposal on the table") {
    Column screen("follow");
    screen.advanceTo(PhaseKind::Voorstel);
    screen.apply(propose(screen.game(), 0));
    screen.sit(1);
    screen.frame();
    CHECK(screen.shows("Voorstel 1"));
    Action amend = propose(screen.game(), 0);
    amend.type = ActionType::Amend;
    amend.proposal = 0;
    amend.package[1] = (amend.package[1] + 1) % 3;
    screen.apply(amend);
    screen.frame();
    CHECK(screen.shows("Voorstel 1, versie 2")); // an amendment keeps its proposal's number
    screen.tap("Ik steun dit voorstel");
    screen.tap("waarde: Rust in de buurt");
    screen.tap("Reageren");
    const std::vector<Proposal>& proposals = screen.game().state().proposals;
    REQUIRE(proposals.size() == 2);
    CHECK(proposals[0].reactions.empty());
    CHECK(proposals[1].reactions.size() == 1);
}

TEST_CASE("column: each seat keeps its own view; the next player starts with their card") {
    Column screen("seats");
    screen.advanceTo(PhaseKind::Perspectief);
    screen.sit(0);
    screen.frame();
    CHECK(screen.shows("Vragen over de andere rollen"));
    // The next seat: behind the privacy screen, then its card.
    screen.ui.activeSeat = 1;
    screen.ui.cardShownFor = -1;
    screen.tap("Geef door aan Omwonenden");
    CHECK(screen.shows("Alleen jij weet dit:"));
    CHECK_FALSE(screen.shows("Vragen over de andere rollen"));
    // Back to the first seat: still on its actions.
    screen.ui.activeSeat = 0;
    screen.ui.cardShownFor = 0;
    screen.frame();
    CHECK(screen.shows("Vragen over de andere rollen"));
}

TEST_CASE("board: a person's proposal stays open near the top while bots add theirs") {
    Column screen("pinned", true);
    const Game& game = screen.game();
    screen.advanceTo(PhaseKind::Voorstel);
    screen.apply(propose(game, 0));
    const std::string mine = proposalTitle(screen.app().catalog(), game.state(), 0);
    // Four bots propose after the person, each another option of the first issue
    // (or of the second, once the first has no more).
    std::vector<std::string> theirs;
    for (int bot = 1; bot <= 4; ++bot) {
        Action a = propose(game, bot);
        const int issues = static_cast<int>(game.scenario().issues.size());
        const int issue = (bot - 1) % std::max(1, issues);
        const int options = static_cast<int>(game.scenario().issues[issue].options.size());
        a.package[issue] = (a.package[issue] + 1 + (bot - 1) / std::max(1, issues)) % options;
        screen.apply(a);
        theirs.push_back(proposalTitle(screen.app().catalog(), game.state(),
                                       static_cast<int>(game.state().proposals.size()) - 1));
    }
    screen.board = true;
    screen.ui.boardTabWanted = 2; // Voorstellen
    screen.frame();
    screen.frame();
    const std::vector<std::string> lines = screen.lines();
    const auto firstLine = [&](const std::string& start) {
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (lines[i].rfind(Column::asDrawn(start) + " ", 0) == 0)
                return static_cast<int>(i);
        return -1;
    };
    // The proposal on the table comes first; the person's is next and open,
    // marked as a participant's, above the bots' older ones.
    const int myLine = firstLine(mine);
    REQUIRE_MESSAGE(myLine >= 0, screen.text());
    int botsAbove = 0;
    for (const std::string& title : theirs) {
        const int line = firstLine(title);
        REQUIRE_MESSAGE(line >= 0, title << " not on the board:\n" << screen.text());
        botsAbove += line < myLine ? 1 : 0;
    }
    CHECK_MESSAGE(botsAbove <= 1, screen.text());
    CHECK(screen.shows(screen.app().tr("table.by_person")));
}

TEST_CASE("drawer: '-5 min' with five minutes left shortens to a minute, never ends the phase") {
    Column screen("minus5");
    const Game& game = screen.game();
    screen.drawer = true;
    const int phase = game.state().phase;
    REQUIRE(screen.link().phaseRemainingMs() <= 5 * 60000);
    screen.frame();
    // Said before the click: shortening stops at a minute.
    CHECK(screen.shows(screen.app().tr("facilitator.time_floor_hint").substr(0, 30)));
    screen.tap(screen.app().tr("facilitator.minus5"));
    CHECK(game.state().phase == phase);
    CHECK(screen.link().phaseRemainingMs() <= table::kShortestRemainingMs);
    CHECK(screen.link().phaseRemainingMs() > table::kShortestRemainingMs - 5000);
    CHECK(screen.shows(screen.app().tr("facilitator.ok.time_floor")));
    CHECK(screen.refusalShown().empty());
    // At the minute the buttons take nothing more: a second tap changes nothing.
    screen.tap(screen.app().tr("facilitator.minus5"));
    CHECK(game.state().phase == phase);
    CHECK(screen.link().phaseRemainingMs() > table::kShortestRemainingMs - 5000);
}

TEST_CASE("column and drawer: one tap asks for the floor, one tap in the drawer gives it") {
    Column screen("turns");
    const Game& game = screen.game();
    screen.sit(0, true);
    screen.tap(screen.app().tr("turns.ask"));
    CHECK(game.state().queuePosition(0, -1) == 1);
    screen.frame();
    CHECK(screen.shows(screen.app().catalog().trCount("turns.place", 1)));
    CHECK(screen.shows(screen.app().tr("turns.withdraw")));

    screen.drawer = true;
    screen.tap(screen.app().tr("turns.give_to", table::speakerName(screen.app(), game, 0, -1)));
    CHECK(game.state().hasFloor(0, -1));
    CHECK(game.state().speakingQueue.empty());
    CHECK(screen.shows(screen.app().tr("turns.end")));

    screen.drawer = false;
    screen.tap(screen.app().tr("turns.done_speaking"));
    CHECK_FALSE(game.state().floor);
    CHECK(game.state().turns.size() == 1);
    CHECK(screen.refusalShown().empty());
}

TEST_CASE("seats: a narrow seat list breaks names between words, never inside one") {
    Column screen("narrow_seats");
    const Game& game = screen.game();
    // Every word the list may show; a word cut short ends in "…" (read as '?').
    std::vector<std::string> words;
    const auto addWords = [&](const std::string& text) {
        std::string word;
        for (char c : Column::asDrawn(text) + " ")
            if (c == ' ') {
                if (!word.empty())
                    words.push_back(word);
                word.clear();
            } else {
                word += c;
            }
    };
    addWords(screen.app().tr("table.seats"));
    addWords(screen.app().tr("table.done_count", 0, game.seatCount()));
    addWords(screen.app().tr("table.bot"));
    for (int s = 0; s < game.seatCount(); ++s) {
        addWords(table::seatName(screen.app(), game, s));
        addWords(table::roleName(screen.app(), game.scenario(), game.roleOfSeat(s)));
    }
    const auto known = [&](const std::string& word) {
        for (const std::string& w : words)
            if (w == word)
                return true;
        // Cut with "…": the start of a known word.
        if (word.empty() || word.back() != '?')
            return false;
        const std::string start = word.substr(0, word.size() - 1);
        for (const std::string& w : words)
            if (w.rfind(start, 0) == 0)
                return true;
        return false;
    };
    // ImGui's own font, 7 px a letter: "Jongerenwerker" (14 letters) is
    // wider than the text beside the token in a 110 px list.
    ImGui::GetIO().DisplaySize = ImVec2(110, 3000);
    screen.frame(true);
    CHECK(screen.shows("Jongeren"));
    for (const std::string& line : screen.lines()) {
        std::string word;
        for (char c : line + " ")
            if (c == ' ') {
                const bool whole = word.empty() || known(word);
                CHECK_MESSAGE(whole, "\"" << word << "\" in \"" << line << "\" is part of a word:\n"
                                          << screen.text());
                word.clear();
            } else {
                word += c;
            }
    }
}
