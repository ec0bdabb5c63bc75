// GUI benchmark (target bench_gui; runs under Xvfb with software rendering).
// Prints figures and the targets of issue #4; never fails on speed.
//   1. start to first interactive frame of `samenspel` (median of 5 starts)
//   2. frame time of a bare SFML + Dear ImGui frame that draws nothing of ours
//   3. frame time of the table screen of a 6-role session in play, same size
//   4. peak memory (RSS) of that session
//   5. CPU at a table of people nobody touches (% of one core over a few
//      seconds, all threads): the shell draws only when something changes
//
// usage: bench_gui_frames SAMENSPEL SCENARIO
#include <SFML/Graphics.hpp>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "ui/imgui_sfml.hpp"

namespace {

constexpr int kFrames = 300;
constexpr unsigned kWidth = 1600, kHeight = 900;

struct Stats {
    double mean = 0, p99 = 0;
    double cpu = 0; // process CPU time per frame, all threads (ms)
};

double processCpuMs() {
    timespec t{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0)
        return 0;
    return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

Stats stats(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    Stats s;
    for (double v : ms)
        s.mean += v;
    s.mean /= static_cast<double>(ms.size());
    s.p99 = ms[std::min(ms.size() - 1, static_cast<std::size_t>(ms.size() * 0.99))];
    return s;
}

// Runs a command and returns the first output line starting with `prefix`
// and the milliseconds until it appeared.
std::string runUntil(const std::string& command, const std::string& prefix, double& ms) {
    const auto start = std::chrono::steady_clock::now();
    std::FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return {};
    char line[512];
    std::string found;
    while (std::fgets(line, sizeof line, pipe)) {
        if (found.empty() && std::string(line).rfind(prefix, 0) == 0) {
            ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count();
            found = line;
        }
    }
    pclose(pipe);
    return found;
}

long peakRssKb() {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    long kb = -1;
    char line[256];
    while (f && std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1)
            break;
    if (f)
        std::fclose(f);
    return kb;
}

Stats bareFrames() {
    sf::RenderWindow window(sf::VideoMode(kWidth, kHeight), "bare");
    window.setFramerateLimit(0);
    samenspel::ui::ImGuiSfml imgui;
    imgui.init(window);
    ImGui::GetIO().Fonts->AddFontDefault();
    imgui.rebuildFontTexture();
    std::vector<double> ms;
    sf::Clock clock;
    double cpuStart = 0;
    for (int i = 0; i < kFrames + 10; ++i) {
        if (i == 10) // the first frames build textures
            cpuStart = processCpuMs();
        sf::Event e;
        while (window.pollEvent(e))
            imgui.processEvent(e);
        imgui.newFrame(1.0f / 60.0f);
        window.clear(sf::Color(28, 35, 45));
        imgui.render();
        window.display();
        const double t = clock.restart().asSeconds() * 1000.0;
        if (i >= 10)
            ms.push_back(t);
    }
    const double cpuMs = (processCpuMs() - cpuStart) / kFrames;
    // The binding's cursors must outlive the window that uses them.
    window.close();
    imgui.shutdown();
    Stats s = stats(ms);
    s.cpu = cpuMs;
    return s;
}

double field(const std::string& line, const std::string& key) {
    const auto at = line.find(key + "=");
    return at == std::string::npos ? -1 : std::atof(line.c_str() + at + key.size() + 1);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_gui_frames SAMENSPEL SCENARIO\n");
        return 2;
    }
    const std::string bin = argv[1], scenario = argv[2];
    const std::string env =
        "XDG_CONFIG_HOME=/tmp/samenspel-bench/config XDG_DATA_HOME=/tmp/samenspel-bench/data ";

    std::vector<double> firsts;
    for (int i = 0; i < 5; ++i) {
        double ms = -1;
        runUntil(env + "'" + bin + "' play --first-frame-exit 2>/dev/null", "first-frame:", ms);
        if (ms > 0)
            firsts.push_back(ms);
    }
    std::sort(firsts.begin(), firsts.end());

    const Stats bare = bareFrames();
    const double bareRssMb = peakRssKb() / 1024.0;

    double unused = 0;
    const std::string table = runUntil(
        env + "'" + bin + "' play --scenario '" + scenario +
            "' --autoplay --seed 1 --size 1600x900 --freeze-after-actions 150 --bench-frames " +
            std::to_string(kFrames) + " --log /tmp/samenspel-bench/bench.log 2>/dev/null",
        "bench-frames:", unused);
    const std::string memory = runUntil(
        env + "'" + bin + "' play --scenario '" + scenario +
            "' --autoplay --seed 1 --size 1600x900 --freeze-after-actions 150 --bench-frames 30"
            " --log /tmp/samenspel-bench/bench2.log 2>/dev/null",
        "bench-memory:", unused);

    constexpr int kIdleSeconds = 5;
    const std::string idle = runUntil(
        env + "'" + bin + "' play --scenario '" + scenario + "' --size 1600x900 --bench-idle " +
            std::to_string(kIdleSeconds) + " --log /tmp/samenspel-bench/idle.log 2>/dev/null",
        "bench-idle:", unused);

    const double first = firsts.empty() ? -1 : firsts[firsts.size() / 2];
    const double tableMean = field(table, "mean_ms"), tableP99 = field(table, "p99_ms");
    const double tableCpu = field(table, "cpu_ms");
    const double rssMb = field(memory, "peak_rss_kb") / 1024.0;
    std::printf("Samenspel GUI benchmark (%ux%u, Xvfb, software rendering)\n", kWidth, kHeight);
    std::printf("  first interactive frame   %8.1f ms   (median of %zu starts; target <= 500 ms)\n",
                first, firsts.size());
    std::printf("  bare SFML+ImGui frame     %8.3f ms mean, %8.3f ms p99\n", bare.mean, bare.p99);
    std::printf("  table screen frame        %8.3f ms mean, %8.3f ms p99   (%s)\n", tableMean,
                tableP99, table.empty() ? "no figures" : "6-role session, frozen mid-play");
    if (bare.mean > 0 && tableMean > 0)
        std::printf("  ratio table / bare        %8.2f x mean, %6.2f x p99   (target <= 1.5)\n",
                    tableMean / bare.mean, tableP99 / bare.p99);
    // CPU time of all threads per frame (ours and llvmpipe's): steadier than
    // the wall clock when other work shares the machine.
    std::printf("  CPU per frame, all threads %7.3f ms table, %.3f ms bare", tableCpu, bare.cpu);
    if (bare.cpu > 0 && tableCpu > 0)
        std::printf("   (%.2f x)", tableCpu / bare.cpu);
    std::printf("\n");
    std::printf(
        "  peak memory (RSS)         %8.1f MB   (target < 150 MB; bare SFML+ImGui: %.1f MB)\n",
        rssMb, bareRssMb);
    // A table nobody touches: a frame a second for the countdown, the rest
    // of the time the loop looks for input and the session, and sleeps.
    std::printf("  idle table CPU            %8.2f %% of one core, all threads (%d s, %.0f "
                "frames drawn; target < 2 %%)\n",
                field(idle, "cpu_percent"), kIdleSeconds, field(idle, "frames"));
    return 0;
}
