// Checks an autoplay run: exactly one PNG per phase of the scenario, in phase
// order, one of the transition into phase 2 right after phase 1's, one of
// the decision moment right after besluit's, and one of the
// debrief, none of them blank and none showing rule text ("<=") or a file
// path (read from the text autoplay saves beside each picture); the session
// finished and its report exists and shows neither.
//   gui_check_screenshots RUN_DIR SCENARIO.yaml
#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace fs = std::filesystem;

namespace {

// Why the picture looks blank, or "" when it shows a real screen.
std::string blankReason(const std::string& path) {
    sf::Image image;
    if (!image.loadFromFile(path))
        return "cannot be read as an image";
    const sf::Vector2u size = image.getSize();
    if (size.x < 320 || size.y < 240)
        return "only " + std::to_string(size.x) + "x" + std::to_string(size.y) + " pixels";
    std::map<std::uint32_t, long> counts;
    long total = 0, bright = 0;
    for (unsigned y = 0; y < size.y; y += 2)
        for (unsigned x = 0; x < size.x; x += 2) {
            const sf::Color c = image.getPixel(x, y);
            ++counts[(c.r << 16) | (c.g << 8) | c.b];
            ++total;
            if (c.r + c.g + c.b > 600)
                ++bright;
        }
    long top = 0;
    for (const auto& [colour, n] : counts)
        top = std::max(top, n);
    if (counts.size() < 16)
        return "only " + std::to_string(counts.size()) + " colours";
    if (top > total * 0.985)
        return "almost all of it is one colour";
    if (bright < total / 1000)
        return "no light pixels (no text drawn)";
    return "";
}

// What the report's reader sees: the text between the tags, no style sheet.
std::string visibleText(const std::string& html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html.compare(i, 6, "<style") == 0) {
            const std::size_t end = html.find("</style>", i);
            i = end == std::string::npos ? html.size() : end + 8;
        } else if (html[i] == '<') {
            const std::size_t end = html.find('>', i);
            i = end == std::string::npos ? html.size() : end + 1;
            out += ' ';
        } else {
            out += html[i++];
        }
    }
    for (const auto& [entity, plain] :
         {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
        for (std::size_t at; (at = out.find(entity)) != std::string::npos;)
            out.replace(at, entity.size(), plain);
    return out;
}

// Rule text or a file path in the report: what a room must never read.
std::vector<std::string> reportProblems(const fs::path& report, const fs::path& dir) {
    std::ifstream in(report, std::ios::binary);
    const std::string text = visibleText(
        std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    std::vector<std::string> problems;
    const auto around = [&text](std::size_t at) {
        const std::size_t from = at > 50 ? at - 50 : 0;
        return text.substr(from, 100);
    };
    for (const char* rule : {"==", "!=", "<=", ">="})
        if (const std::size_t at = text.find(rule); at != std::string::npos)
            problems.push_back(std::string("the report shows rule text '") + rule + "': ..." +
                               around(at) + "...");
    for (const std::string& path : {std::string(".log"), std::string(".yaml"), dir.string()})
        if (const std::size_t at = text.find(path); at != std::string::npos)
            problems.push_back("the report shows a file path: ..." + around(at) + "...");
    return problems;
}

// Rule text or a file path in what a picture showed: autoplay writes the text
// each frame drew beside its picture (NN-name.txt, read back from the glyphs
// ImGui drew), so this reads what the room saw.
std::vector<std::string> pictureProblems(const fs::path& png, const fs::path& dir) {
    fs::path textPath = png;
    textPath.replace_extension(".txt");
    std::ifstream in(textPath, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string name = png.filename().string();
    if (text.size() < 20)
        return {name + ": no text was read back from it (" + textPath.filename().string() + ")"};
    std::vector<std::string> problems;
    const auto lineAt = [&text](std::size_t at) {
        const std::size_t from = text.rfind('\n', at);
        const std::size_t to = text.find('\n', at);
        return text.substr(from == std::string::npos ? 0 : from + 1,
                           (to == std::string::npos ? text.size() : to) -
                               (from == std::string::npos ? 0 : from + 1));
    };
    for (const char* rule : {"==", "!=", "<=", ">="})
        if (const std::size_t at = text.find(rule); at != std::string::npos)
            problems.push_back(name + " shows rule text '" + rule + "': " + lineAt(at));
    for (const std::string& path : {dir.string(), std::string("/samenspel/"), std::string(".log"),
                                    std::string(".yaml"), std::string(".report.html")})
        if (const std::size_t at = text.find(path); at != std::string::npos) {
            problems.push_back(name + " shows a file path: " + lineAt(at));
            break; // one line is enough to find it
        }
    return problems;
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: gui_check_screenshots RUN_DIR SCENARIO.yaml\n");
        return 2;
    }
    const fs::path dir = argv[1];
    const samenspel::LoadResult loaded = samenspel::loadScenarioFile(argv[2]);
    if (!loaded.ok()) {
        std::printf("FAIL: the scenario does not load\n");
        return 1;
    }
    std::vector<std::string> pngs;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".png")
            pngs.push_back(it->path().filename().string());
    std::sort(pngs.begin(), pngs.end());

    std::vector<std::string> problems;
    // Exactly one picture of every phase, in the order they were played, then
    // exactly one of the debrief, and nothing else: a phase the session went
    // through too fast to be drawn shows up as a missing (or an extra) picture.
    // The decision moment, which holds the table when besluit ends, has its
    // own picture right after besluit's.
    // The first phase change, shown as the room sees it (the transition
    // into phase 2), has its picture right after phase 1's.
    const auto& phases = loaded.scenario->phases;
    std::vector<std::string> expected, whats;
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const std::string id = samenspel::phaseId(phases[i].kind);
        expected.push_back("-phase" + std::to_string(i + 1) + "-" + id + ".png");
        whats.push_back("phase " + std::to_string(i + 1) + " (" + id + ")");
        if (i == 0 && phases.size() > 1) {
            expected.push_back("-transition.png");
            whats.push_back("the transition into phase 2");
        }
        if (phases[i].kind == samenspel::PhaseKind::Besluit) {
            expected.push_back("-decision.png");
            whats.push_back("the decision moment");
        }
    }
    expected.push_back("-debrief.png");
    whats.push_back("the debrief");
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto count = std::count_if(pngs.begin(), pngs.end(), [&](const std::string& n) {
            return endsWith(n, expected[i]);
        });
        const std::string& what = whats[i];
        if (count == 0)
            problems.push_back("no screenshot of " + what +
                               (i + 1 < expected.size() ? "" : ": the session did not reach it"));
        else if (count > 1)
            problems.push_back(std::to_string(count) + " screenshots of " + what +
                               ", expected one");
    }
    // The files are numbered as they were saved; sorted by name they must
    // follow the phases.
    if (pngs.size() != expected.size())
        problems.push_back(std::to_string(pngs.size()) + " screenshots, expected " +
                           std::to_string(expected.size()) +
                           " (one per phase, the transition, the decision moment and the debrief)");
    else
        for (std::size_t i = 0; i < pngs.size(); ++i)
            if (!endsWith(pngs[i], expected[i]))
                problems.push_back("screenshot " + std::to_string(i + 1) + " is " + pngs[i] +
                                   ", expected one ending in " + expected[i]);
    for (const auto& name : pngs) {
        if (const std::string why = blankReason((dir / name).string()); !why.empty())
            problems.push_back(name + " looks blank: " + why);
        for (std::string& p : pictureProblems(dir / name, dir))
            problems.push_back(std::move(p));
    }
    if (!fs::exists(dir / "session.log.finished"))
        problems.push_back("the session log does not say the session finished");
    if (!fs::exists(dir / "session.report.html") ||
        fs::file_size(dir / "session.report.html", ec) < 1000)
        problems.push_back("no session report beside the log");
    else
        for (std::string& p : reportProblems(dir / "session.report.html", dir))
            problems.push_back(std::move(p));
    for (const auto& p : problems)
        std::printf("FAIL: %s\n", p.c_str());
    std::printf("%zu screenshots checked in %s\n", pngs.size(), dir.string().c_str());
    return problems.empty() ? 0 : 1;
}
