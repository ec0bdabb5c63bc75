// Teaching notes: finding, parsing and rendering (teaching_note.hpp).
#include "teaching_note.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

#include "report.hpp" // htmlEscape

namespace samenspel {

namespace fs = std::filesystem;

namespace {

std::string trimmed(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return s.substr(b, e - b);
}

std::size_t indentOf(const std::string& line) {
    std::size_t n = 0;
    while (n < line.size() && (line[n] == ' ' || line[n] == '\t'))
        ++n;
    return n;
}

// "### Leerdoelen" -> 3, "Leerdoelen"; 0 when the line is no heading.
int headingLevel(const std::string& line, std::string& text) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == '#')
        ++n;
    if (n == 0 || n > 6 || n >= line.size() || line[n] != ' ')
        return 0;
    text = trimmed(line.substr(n + 1));
    return static_cast<int>(n);
}

// "- item" / "* item" -> Bullet; "12. item" -> Numbered with 12.
bool listItem(const std::string& body, NoteBlock& item) {
    if (body.size() >= 2 && (body[0] == '-' || body[0] == '*') && body[1] == ' ') {
        item.kind = NoteBlock::Kind::Bullet;
        item.text = trimmed(body.substr(2));
        return true;
    }
    std::size_t d = 0;
    while (d < body.size() && std::isdigit(static_cast<unsigned char>(body[d])))
        ++d;
    if (d > 0 && d < 4 && d + 1 < body.size() && body[d] == '.' && body[d + 1] == ' ') {
        item.kind = NoteBlock::Kind::Numbered;
        item.number = std::stoi(body.substr(0, d));
        item.text = trimmed(body.substr(d + 2));
        return true;
    }
    return false;
}

bool isPartHeading(const std::string& text, const std::string& lang) {
    return lang == "nl" ? text == "Nederlands" : text == "English";
}

// The half of "Titel NL / Title EN" for `lang`; the whole title without " / ".
std::string titleFor(const std::string& title, const std::string& lang) {
    const std::size_t slash = title.find(" / ");
    if (slash == std::string::npos)
        return title;
    return trimmed(lang == "nl" ? title.substr(0, slash) : title.substr(slash + 3));
}

// Walks the inline markup once; `out` gets text, `mark` the markers.
template <class Text, class Mark> void walkInline(const std::string& s, Text&& text, Mark&& mark) {
    bool bold = false, italic = false;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, 2, "**") == 0) {
            bold = !bold;
            mark(bold ? "<b>" : "</b>");
            i += 2;
        } else if (s[i] == '*' && (italic || (i + 1 < s.size() && s[i + 1] != ' '))) {
            italic = !italic;
            mark(italic ? "<i>" : "</i>");
            ++i;
        } else if (s[i] == '`') {
            const std::size_t end = s.find('`', i + 1);
            if (end == std::string::npos) {
                text(s.substr(i));
                break;
            }
            mark("<code>");
            text(s.substr(i + 1, end - i - 1));
            mark("</code>");
            i = end + 1;
        } else if (s[i] == '[') {
            // [text](address): the text stays, the address goes.
            const std::size_t close = s.find("](", i);
            const std::size_t end = close == std::string::npos ? close : s.find(')', close);
            if (end == std::string::npos) {
                text("[");
                ++i;
                continue;
            }
            text(s.substr(i + 1, close - i - 1));
            i = end + 1;
        } else {
            // At least one character: a lone '*' before a space is text.
            std::size_t j = i + 1;
            while (j < s.size() && s[j] != '*' && s[j] != '`' && s[j] != '[')
                ++j;
            text(s.substr(i, j - i));
            i = j;
        }
    }
    if (italic)
        mark("</i>");
    if (bold)
        mark("</b>");
}

} // namespace

std::string findTeachingNote(const fs::path& scenarioFile, const std::string& id,
                             const fs::path& sourceDir) {
    if (id.empty())
        return "";
    const fs::path folder = scenarioFile.parent_path();
    const std::string name = id + ".md";
    for (const fs::path& candidate : {folder / ".." / "docs" / "scenarios" / name, folder / name,
                                      sourceDir / "docs" / "scenarios" / name}) {
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec))
            return candidate.lexically_normal().string();
    }
    return "";
}

TeachingNote parseTeachingNote(const std::string& markdown, const std::string& lang) {
    TeachingNote note;
    std::istringstream in(markdown);
    std::string line;
    bool inPart = false;
    bool open = false; // the last block still takes lines (a paragraph or a list item)
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::string text;
        const int level = headingLevel(line, text);
        if (level == 1 && note.title.empty()) {
            note.title = titleFor(text, lang);
            continue;
        }
        if (level == 2) {
            if (inPart)
                break; // the other language's part begins
            inPart = isPartHeading(text, lang);
            open = false;
            continue;
        }
        if (!inPart)
            continue;
        if (trimmed(line).empty()) {
            open = false;
            continue;
        }
        if (level > 0) {
            note.blocks.push_back({NoteBlock::Kind::Heading, level, 0, text});
            open = false;
            continue;
        }
        const std::size_t indent = indentOf(line);
        NoteBlock item;
        if (listItem(line.substr(indent), item)) {
            item.level = static_cast<int>(indent / 2);
            note.blocks.push_back(item);
            open = true;
            continue;
        }
        if (open) { // a paragraph's next line, or an item's continuation
            note.blocks.back().text += " " + trimmed(line);
            continue;
        }
        note.blocks.push_back({NoteBlock::Kind::Paragraph, 0, 0, trimmed(line)});
        open = true;
    }
    if (!inPart && note.blocks.empty())
        note.title.clear();
    return note;
}

bool loadTeachingNote(const std::string& path, const std::string& lang, TeachingNote& note) {
    note = {};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream text;
    text << in.rdbuf();
    note = parseTeachingNote(text.str(), lang);
    return !note.empty();
}

std::string noteInlinePlain(const std::string& text) {
    std::string out;
    walkInline(
        text, [&out](const std::string& t) { out += t; }, [](const char*) {});
    return out;
}

std::string noteInlineHtml(const std::string& text) {
    std::string out;
    walkInline(
        text, [&out](const std::string& t) { out += htmlEscape(t); },
        [&out](const char* m) { out += m; });
    return out;
}

std::string noteBlocksHtml(const TeachingNote& note) {
    std::string out;
    std::string openList; // "ul" or "ol" while a list is open
    const auto closeList = [&] {
        if (!openList.empty())
            out += "</" + openList + ">";
        openList.clear();
    };
    for (const NoteBlock& b : note.blocks) {
        const bool item = b.kind == NoteBlock::Kind::Bullet || b.kind == NoteBlock::Kind::Numbered;
        const std::string list = b.kind == NoteBlock::Kind::Numbered ? "ol" : "ul";
        if (!item || list != openList)
            closeList();
        switch (b.kind) {
        case NoteBlock::Kind::Heading: {
            // The note's ### are the page's sections (h2); deeper ones h3.
            const std::string tag = b.level <= 3 ? "h2" : "h3";
            out += "<" + tag + ">" + noteInlineHtml(b.text) + "</" + tag + ">";
            break;
        }
        case NoteBlock::Kind::Paragraph:
            out += "<p>" + noteInlineHtml(b.text) + "</p>";
            break;
        case NoteBlock::Kind::Bullet:
        case NoteBlock::Kind::Numbered:
            if (openList.empty()) {
                openList = list;
                out += "<" + list + ">";
            }
            out +=
                std::string("<li") + (b.level > 0 ? " class=\"sub\"" : "") +
                (b.kind == NoteBlock::Kind::Numbered ? " value=\"" + std::to_string(b.number) + "\""
                                                     : std::string()) +
                ">" + noteInlineHtml(b.text) + "</li>";
            break;
        }
    }
    closeList();
    return out;
}

} // namespace samenspel
