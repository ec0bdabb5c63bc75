// Teaching notes (game/teaching_note.hpp): the part of the reader's language,
// read as a facilitator wrote it, and found beside the scenario.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "teaching_note.hpp"

using namespace samenspel;

namespace {

const char* kNote = R"MD(# Het bankje / The bench

## Nederlands

### Waar gaat het over

Een bank op het plein,
over twee regels.

### Vragen

1. Wie zat er **niet** aan tafel?
2. Wat kost *een* bank?
   Ook het onderhoud.
- Zie [de bron](https://example.org) en `samenspel print`.
  - dieper

## English

### What it is about

A bench on the square.
)MD";

} // namespace

TEST_CASE("teaching note: each language reads its own part and its half of the title") {
    const TeachingNote nl = parseTeachingNote(kNote, "nl");
    CHECK(nl.title == "Het bankje");
    REQUIRE(nl.blocks.size() == 7);
    CHECK(nl.blocks[0].kind == NoteBlock::Kind::Heading);
    CHECK(nl.blocks[0].level == 3);
    CHECK(nl.blocks[0].text == "Waar gaat het over");
    // Lines of one paragraph join; an item's indented next line is the item's.
    CHECK(nl.blocks[1].text == "Een bank op het plein, over twee regels.");
    CHECK(nl.blocks[3].kind == NoteBlock::Kind::Numbered);
    CHECK(nl.blocks[4].number == 2);
    CHECK(nl.blocks[4].text == "Wat kost *een* bank? Ook het onderhoud.");
    CHECK(nl.blocks[5].kind == NoteBlock::Kind::Bullet);
    CHECK(nl.blocks[6].level == 1);
    const TeachingNote en = parseTeachingNote(kNote, "en");
    CHECK(en.title == "The bench");
    REQUIRE(en.blocks.size() == 2);
    CHECK(en.blocks[1].text == "A bench on the square.");
    // A note without the part: nothing to show.
    CHECK(parseTeachingNote("# X / Y\n\n## Nederlands\n\nTekst.\n", "en").empty());
}

TEST_CASE("teaching note: markup becomes plain text on screen and tags on paper, escaped") {
    CHECK(noteInlinePlain("Wie zat er **niet** aan *tafel*?") == "Wie zat er niet aan tafel?");
    CHECK(noteInlinePlain("Zie [de bron](https://example.org) en `print`.") ==
          "Zie de bron en print.");
    CHECK(noteInlineHtml("**a** *b* `c<d>` & [e](f)") ==
          "<b>a</b> <i>b</i> <code>c&lt;d&gt;</code> &amp; e");
    // A lone asterisk before a space is a character, not emphasis.
    CHECK(noteInlinePlain("3 * 4") == "3 * 4");
    const std::string html = noteBlocksHtml(parseTeachingNote(kNote, "nl"));
    CHECK(html.find("<h2>Waar gaat het over</h2><p>Een bank op het plein, over twee regels.</p>") !=
          std::string::npos);
    CHECK(html.find("<ol><li value=\"1\">Wie zat er <b>niet</b> aan tafel?</li>") !=
          std::string::npos);
    CHECK(html.find("</ol><ul><li>Zie de bron en <code>samenspel print</code>.</li>"
                    "<li class=\"sub\">dieper</li></ul>") != std::string::npos);
}

TEST_CASE("teaching note: found beside the scenarios' folder, in it, or among the game's own") {
    namespace fs = std::filesystem;
    const fs::path root =
        fs::temp_directory_path() / ("samenspel_note_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "scenarios");
    fs::create_directories(root / "docs" / "scenarios");
    fs::create_directories(root / "game" / "docs" / "scenarios");
    const fs::path scenario = root / "scenarios" / "bankje.yaml";
    CHECK(findTeachingNote(scenario, "bankje", root / "game").empty());
    std::ofstream(root / "game" / "docs" / "scenarios" / "bankje.md") << "# B / B\n";
    CHECK(findTeachingNote(scenario, "bankje", root / "game") ==
          (root / "game" / "docs" / "scenarios" / "bankje.md").string());
    std::ofstream(root / "scenarios" / "bankje.md") << "# B / B\n";
    CHECK(findTeachingNote(scenario, "bankje", root / "game") ==
          (root / "scenarios" / "bankje.md").string());
    std::ofstream(root / "docs" / "scenarios" / "bankje.md") << "# B / B\n";
    CHECK(findTeachingNote(scenario, "bankje", root / "game") ==
          (root / "docs" / "scenarios" / "bankje.md").string());
    // By the scenario's id, not its file name.
    CHECK(findTeachingNote(root / "scenarios" / "kopie.yaml", "bankje", root / "game") ==
          (root / "docs" / "scenarios" / "bankje.md").string());
    CHECK(findTeachingNote(scenario, "ander", root / "game").empty());
    fs::remove_all(root);
}
