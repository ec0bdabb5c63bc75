// `samenspel print FILE [--lang nl|en] [--plain] [--out PATH]`: the scenario as paper
// (game/printout.hpp): one role card per page, the case sheet, the
// facilitator's sheet, the teaching note (docs/scenarios/ID.md) and a
// decision form in one HTML file to print from a browser. A scenario
// with errors is reported as `validate` reports it (exit 2); a file that
// cannot be written says so (exit 1).
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/commands.hpp"
#include "core/scenario.hpp"
#include "i18n.hpp"
#include "printout.hpp"

namespace samenspel::cli {

namespace {

const char* kUsage = "usage: samenspel print FILE [--lang nl|en] [--plain] [--out PATH]\n";

const char* kHelp =
    "Writes the scenario as printed material: one HTML file (no scripts, nothing\n"
    "external) that a browser prints as one role card per A4 page (who you are,\n"
    "what matters to you, red lines, the secret), the case sheet for everyone,\n"
    "the facilitator's sheet (roles, learning goals, how to play on paper, the\n"
    "events), the case's teaching note when it has one (docs/scenarios/ID.md,\n"
    "the part in the chosen language) and a form to record the decision.\n"
    "  --lang nl|en  language of the texts and numbers (default nl)\n"
    "  --plain       the scenario's texts in plain language (B1) where it has them\n"
    "  --out PATH    where to write it (default: ID-kaarten.html for nl,\n"
    "                ID-cards.html for en, in the working directory)\n"
    "Exit codes: 0 written, 1 the file could not be written, 2 invalid scenario or\n"
    "usage (errors as FILE:LINE:COL: error: MESSAGE, like validate).\n";

int usageError(const std::string& message) {
    std::fprintf(stderr, "samenspel print: %s\n%s", message.c_str(), kUsage);
    return kExitBadInput;
}

} // namespace

int runPrint(const Args& args) {
    std::string file;
    std::string out;
    std::string lang = "nl";
    bool plainLanguage = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            std::fputs(kHelp, stdout);
            return kExitOk;
        }
        if (a == "--out") {
            if (!takeValue(args, i, out) || out.empty())
                return usageError("--out needs a PATH");
        } else if (a == "--lang") {
            if (!takeValue(args, i, lang) || (lang != "nl" && lang != "en"))
                return usageError("--lang takes nl or en");
        } else if (a == "--plain") {
            plainLanguage = true;
        } else if (!a.empty() && a[0] == '-') {
            return usageError("unknown option " + a);
        } else if (file.empty()) {
            file = a;
        } else {
            return usageError("one scenario FILE at a time");
        }
    }
    if (file.empty())
        return usageError("give a scenario FILE");
    const LoadResult loaded = loadScenarioFile(file);
    if (!loaded.ok()) {
        for (const Diagnostic& error : loaded.errors)
            std::fprintf(stderr, "%s\n", error.format().c_str());
        if (loaded.errors.empty())
            std::fprintf(stderr, "%s: error: the scenario could not be loaded\n", file.c_str());
        return kExitBadInput;
    }
    const Scenario& sc = *loaded.scenario;
    if (out.empty())
        out = defaultPrintoutName(sc, lang);
    const std::filesystem::path folder = std::filesystem::absolute(out).parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        std::fprintf(stderr, "samenspel print: cannot write %s: there is no folder %s\n",
                     out.c_str(), folder.string().c_str());
        return kExitFailure;
    }
    Catalog catalog;
    std::vector<std::string> problems;
    if (!catalog.load(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", lang, problems)) {
        std::fprintf(stderr, "samenspel print: no texts for language %s\n", lang.c_str());
        return kExitFailure;
    }
    // The teaching note beside the scenario or among the game's own; a note
    // without a part in this language is left out, and said so.
    TeachingNote note;
    const std::string notePath = findTeachingNote(file, sc.id, SAMENSPEL_SOURCE_DIR);
    const bool withNote = !notePath.empty() && loadTeachingNote(notePath, lang, note);
    std::string error;
    if (!writePrintout(sc, translateWith(catalog), lang, out, error, withNote ? &note : nullptr,
                       plainLanguage)) {
        std::fprintf(stderr, "samenspel print: %s\n", error.c_str());
        return kExitFailure;
    }
    std::printf("Printout: %s\n", out.c_str());
    if (withNote)
        std::printf("Teaching note: %s\n", notePath.c_str());
    else if (!notePath.empty())
        std::printf("Teaching note: %s has no %s part; left out\n", notePath.c_str(),
                    lang == "nl" ? "Nederlands" : "English");
    return kExitOk;
}

} // namespace samenspel::cli
