// Loader and expression speed: how long `validate` takes on a real scenario,
// and how many precondition evaluations per second the compiled expressions
// give (analysis needs tens of millions). Prints figures; never fails on speed.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include <sys/resource.h>

#include "core/scenario.hpp"
#include "core/yaml_prescan.hpp"

using namespace samenspel;
using Clock = std::chrono::steady_clock;

long peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// The most nodes a file at the size limit can hold: a flow list of one-letter
// items. Target: loaded or refused in under 1 s and 150 MB.
void worstCaseAtTheLimit() {
    std::string text = "samenspel: 1\nid: big\nlearning_goals: [";
    while (text.size() + 4 < kMaxScenarioBytes)
        text += "a,";
    text += "a]\n";
    const long before = peakRssKb();
    const auto start = Clock::now();
    const LoadResult r = loadScenarioText(text, "worst.yaml");
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("worst case at the size limit (%zu bytes, %zu errors): %.2f s, peak memory +%ld MB "
                "(target: under 1 s and 150 MB)\n",
                text.size(), r.errors.size(), seconds, (peakRssKb() - before) / 1024);
}

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "scenarios/skatebaan.yaml";
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LoadResult result = loadScenarioText(text, path);
    if (!result.ok()) {
        std::fprintf(stderr, "%s\n",
                     result.errors.empty() ? "cannot load" : result.errors[0].format().c_str());
        return 1;
    }
    const Scenario& sc = *result.scenario;

    int loads = 0;
    auto start = Clock::now();
    while (Clock::now() - start < std::chrono::seconds(2)) {
        result = loadScenarioText(text, path);
        ++loads;
    }
    const double loadSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("load %s (%zu bytes): %.2f ms per load\n", path.c_str(), text.size(),
                1000.0 * loadSeconds / loads);

    std::vector<const Expression*> expressions;
    for (const Role& role : sc.roles)
        for (const Precondition& p : role.preconditions)
            expressions.push_back(&p.require);
    if (expressions.empty()) {
        std::printf("no preconditions to evaluate\n");
        return 0;
    }
    std::vector<double> totals(sc.attributes.size(), 0.0);
    Package package(sc.issues.size(), 0);
    const ExprInputs inputs{&totals, &sc.resourceValues, &package};
    long evaluations = 0;
    double sink = 0;
    start = Clock::now();
    while (Clock::now() - start < std::chrono::seconds(2)) {
        for (int round = 0; round < 10000; ++round) {
            // Vary the inputs so the work cannot be hoisted out of the loop.
            package[round % package.size()] = round % 2;
            if (!totals.empty())
                totals[round % totals.size()] = round;
            for (const Expression* e : expressions)
                sink += e->evaluate(inputs);
            evaluations += static_cast<long>(expressions.size());
        }
    }
    const double evalSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("evaluate %zu preconditions: %.1f million evaluations/s (checksum %.0f)\n",
                expressions.size(), evaluations / evalSeconds / 1e6, sink);
    worstCaseAtTheLimit();
    return 0;
}
