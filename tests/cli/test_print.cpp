// `samenspel print` as a facilitator runs it the evening before: the real
// binary, where the file lands, and what it says when it cannot.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "cli_run.hpp"

using namespace samenspel::clitest;

namespace {

namespace fs = std::filesystem;

const std::string kSource = SAMENSPEL_SOURCE_DIR;

// A fresh, empty folder of its own for each test.
fs::path freshFolder(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("samenspel_print_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Runs `samenspel print ARGS` in `workDir`.
Run print(const fs::path& workDir, const std::vector<std::string>& args) {
    std::vector<std::string> all = {"print"};
    all.insert(all.end(), args.begin(), args.end());
    return runSamenspel(all, workDir);
}

} // namespace

TEST_CASE("print: without --out the cards land in the working folder, named for the language") {
    const fs::path dir = freshFolder("default");
    const std::string scenario = kSource + "/scenarios/skatebaan.yaml";
    const Run nl = print(dir, {scenario});
    CHECK(nl.exitCode == 0);
    CHECK(nl.out == "Printout: skatebaan-kaarten.html\nTeaching note: " + kSource +
                        "/docs/scenarios/skatebaan.md\n");
    CHECK(contains(readFile(dir / "skatebaan-kaarten.html"), "Rolkaart"));
    const Run en = print(dir, {scenario, "--lang", "en"});
    CHECK(en.exitCode == 0);
    CHECK(contains(en.out, "Printout: skatebaan-cards.html\n"));
    const std::string html = readFile(dir / "skatebaan-cards.html");
    CHECK(contains(html, "Role card"));
    CHECK(contains(html, "<html lang=\"en\">"));
    fs::remove_all(dir);
}

TEST_CASE("print: --plain prints the plain-language texts where the scenario has them") {
    const fs::path dir = freshFolder("plain");
    const std::string scenario = kSource + "/scenarios/skatebaan.yaml";
    // The skaters' briefing, usual and plain, and a title without a plain text.
    const std::string usual = "Jullie zijn de jongens en meiden die aan de balie stonden.";
    const std::string plain = "Jullie zijn de jongeren die naar het gemeentehuis gingen.";
    REQUIRE(print(dir, {scenario, "--out", "gewoon.html"}).exitCode == 0);
    const Run run = print(dir, {scenario, "--plain", "--out", "eenvoudig.html"});
    CHECK(run.exitCode == 0);
    const std::string normalHtml = readFile(dir / "gewoon.html");
    const std::string plainHtml = readFile(dir / "eenvoudig.html");
    CHECK(contains(normalHtml, usual));
    CHECK_FALSE(contains(normalHtml, plain));
    CHECK(contains(plainHtml, plain));
    CHECK_FALSE(contains(plainHtml, usual));
    CHECK(contains(plainHtml, "De skatebaan"));
    const Run en = print(dir, {scenario, "--plain", "--lang", "en", "--out", "plain.html"});
    CHECK(en.exitCode == 0);
    CHECK(contains(readFile(dir / "plain.html"),
                   "You are the young people who went to the town hall."));
    fs::remove_all(dir);
}

TEST_CASE("print: --out writes where it is told") {
    const fs::path dir = freshFolder("out");
    const Run run =
        print(dir, {kSource + "/scenarios/leefstraat.yaml", "--out", "map/kaarten.html"});
    // A folder that is not there is not made: the facilitator mistyped it.
    CHECK(run.exitCode == 1);
    CHECK(contains(run.err, "cannot write map/kaarten.html: there is no folder"));
    CHECK_FALSE(fs::exists(dir / "map"));
    fs::create_directory(dir / "map");
    const Run again =
        print(dir, {kSource + "/scenarios/leefstraat.yaml", "--out", "map/kaarten.html"});
    CHECK(again.exitCode == 0);
    CHECK(contains(again.out, "Printout: map/kaarten.html\n"));
    CHECK(fs::file_size(dir / "map" / "kaarten.html") > 1000);
    fs::remove_all(dir);
}

TEST_CASE("print: an --out that cannot be written is a clear failure with exit code 1") {
    // A folder where the file should go: nobody, root included, writes a file there.
    const fs::path dir = freshFolder("folder");
    fs::create_directory(dir / "kaarten.html");
    const Run run = print(dir, {kSource + "/scenarios/skatebaan.yaml", "--out", "kaarten.html"});
    CHECK(run.exitCode == 1);
    CHECK(contains(run.err, "samenspel print: cannot replace kaarten.html: "));
    CHECK(run.out.empty());
    CHECK(fs::is_directory(dir / "kaarten.html"));
    CHECK_FALSE(fs::exists(dir / "kaarten.html.tmp"));
    fs::remove_all(dir);
}

TEST_CASE("print: a broken scenario is reported like validate reports it, exit code 2") {
    const fs::path dir = freshFolder("broken");
    {
        std::ofstream out(dir / "kapot.yaml");
        out << "samenspel: 1\nid: kapot\ntitle: Kapot\nroles:\n  - id: a\n    kind: wizard\n";
    }
    const Run run = print(dir, {"kapot.yaml"});
    CHECK(run.exitCode == 2);
    CHECK(contains(run.err, "kapot.yaml:6:11: error: "));
    CHECK(run.out.empty());
    CHECK_FALSE(fs::exists(dir / "kapot-kaarten.html"));
    fs::remove_all(dir);
}

TEST_CASE("print: wrong use says how to use it, exit code 2") {
    const fs::path dir = freshFolder("usage");
    const Run none = print(dir, {});
    CHECK(none.exitCode == 2);
    CHECK(contains(none.err, "usage: samenspel print FILE [--lang nl|en] [--plain] [--out PATH]"));
    const Run lang = print(dir, {kSource + "/scenarios/skatebaan.yaml", "--lang", "de"});
    CHECK(lang.exitCode == 2);
    CHECK(contains(lang.err, "--lang takes nl or en"));
    const Run help = print(dir, {"--help"});
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "one role card per A4 page"));
    fs::remove_all(dir);
}

// The page of the printout with this id, "" when there is none.
static std::string section(const std::string& html, const std::string& id) {
    const std::size_t at = html.find("<section class=\"page sheet note\" id=\"" + id + "\"");
    if (at == std::string::npos)
        return "";
    return html.substr(at, html.find("</section>", at) - at);
}

TEST_CASE("print: the teaching note follows the facilitator's sheet, in the printout's language") {
    const fs::path dir = freshFolder("note");
    const std::string scenario = kSource + "/scenarios/voetbalveld.yaml";
    REQUIRE(print(dir, {scenario, "--out", "nl.html"}).exitCode == 0);
    REQUIRE(print(dir, {scenario, "--lang", "en", "--out", "en.html"}).exitCode == 0);
    const std::string nl = readFile(dir / "nl.html");
    const std::string en = readFile(dir / "en.html");
    const std::string nlNote = section(nl, "note");
    const std::string enNote = section(en, "note");
    // Every heading of the note's Dutch part, and none of the English.
    for (const char* heading :
         {"Waar gaat het over", "Leerdoelen", "Inleiden in twee minuten", "De spanning",
          "Wat er meestal gebeurt", "Vragen voor de nabespreking", "Varianten"})
        CHECK(contains(nlNote, std::string("<h2>") + heading + "</h2>"));
    CHECK(contains(nlNote, "<h1>Het voetbalveldje</h1>"));
    CHECK(contains(nlNote, "Lesbrief voor de spelleider"));
    CHECK_FALSE(contains(nlNote, "What it is about"));
    for (const char* heading :
         {"What it is about", "Learning goals", "Introducing it in two minutes", "The tension",
          "What usually happens", "Debrief questions", "Variations"})
        CHECK(contains(enNote, std::string("<h2>") + heading + "</h2>"));
    CHECK(contains(enNote, "<h1>The football pitch</h1>"));
    CHECK_FALSE(contains(enNote, "Waar gaat het over"));
    // After the facilitator's sheet, before the decision form to copy.
    CHECK(nl.find("id=\"facilitator\"") < nl.find("id=\"note\""));
    CHECK(nl.find("id=\"note\"") < nl.find("id=\"form\""));
    // Lists are lists, markup is markup.
    CHECK(contains(nlNote, "<ol><li value=\"1\">"));
    CHECK(contains(enNote, "<b>Harder:</b>"));
    fs::remove_all(dir);
}

TEST_CASE(
    "print: an author's note beside the scenario is printed, and without a note there is none") {
    const fs::path dir = freshFolder("own_note");
    fs::copy_file(kSource + "/tests/data/valid/minimal.yaml", dir / "minimaal.yaml");
    const Run without = print(dir, {"minimaal.yaml", "--out", "zonder.html"});
    CHECK(without.exitCode == 0);
    CHECK(without.out == "Printout: zonder.html\n");
    CHECK(section(readFile(dir / "zonder.html"), "note").empty());
    {
        std::ofstream note(dir / "minimaal.md");
        note << "# Minimaal / Minimal\n\n## Nederlands\n\n### Waar gaat het over\n\n"
                "Een <klein> geval.\n\n## English\n\n### What it is about\n\nA small case.\n";
    }
    const Run with = print(dir, {"minimaal.yaml", "--out", "met.html"});
    CHECK(with.exitCode == 0);
    CHECK(contains(with.out, "Teaching note: "));
    const std::string note = section(readFile(dir / "met.html"), "note");
    CHECK(contains(note, "<h1>Minimaal</h1>"));
    CHECK(contains(note, "<p>Een &lt;klein&gt; geval.</p>"));
    CHECK_FALSE(contains(note, "A small case."));
    fs::remove_all(dir);
}
