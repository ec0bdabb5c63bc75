#pragma once
// A scenario's teaching note (lesbrief): docs/scenarios/<id>.md, a Dutch and
// an English part under "## Nederlands" and "## English", each with the same
// headings (docs/scenarios/README.md, tests/tools/check_notes.py). The game
// shows the part of its language in the picker; `samenspel print` appends it
// to the facilitator's pages. Only the markdown the notes use is understood:
// headings, paragraphs, "-" and "1." lists, **bold**, *italic*, `code` and
// [links](...), whose text is kept and address dropped.
#include <filesystem>
#include <string>
#include <vector>

namespace samenspel {

struct NoteBlock {
    enum class Kind { Heading, Paragraph, Bullet, Numbered };
    Kind kind = Kind::Paragraph;
    int level = 0;    // a heading's number of #; a list item's depth (0, 1, ...)
    int number = 0;   // a numbered item's number
    std::string text; // inline markup kept: see noteInlinePlain / noteInlineHtml
};

struct TeachingNote {
    std::string title;             // this language's half of "# Titel / Title"
    std::vector<NoteBlock> blocks; // everything under the language's heading
    bool empty() const { return blocks.empty(); }
};

// The note of scenario `id` read from `scenarioFile`: beside the scenarios'
// folder (<folder>/../docs/scenarios/<id>.md, as in this repository), in the
// folder itself (<folder>/<id>.md, for an author's own case), then the game's
// own docs/scenarios under `sourceDir`. "" when there is none.
std::string findTeachingNote(const std::filesystem::path& scenarioFile, const std::string& id,
                             const std::filesystem::path& sourceDir);

// The part of `lang` ("nl": Nederlands, anything else: English) of a note's
// markdown; empty when the note has no such part.
TeachingNote parseTeachingNote(const std::string& markdown, const std::string& lang);

// Reads and parses the file; false (and `note` empty) when it cannot be read
// or has no part in `lang`.
bool loadTeachingNote(const std::string& path, const std::string& lang, TeachingNote& note);

// Inline markup removed: what the game window draws.
std::string noteInlinePlain(const std::string& text);
// Inline markup as HTML (<b>, <i>, <code>), everything else escaped.
std::string noteInlineHtml(const std::string& text);

// The blocks as HTML (h2/h3 for the note's headings, p, ul/ol), for a page of
// the printout; the title is left to the caller.
std::string noteBlocksHtml(const TeachingNote& note);

} // namespace samenspel
