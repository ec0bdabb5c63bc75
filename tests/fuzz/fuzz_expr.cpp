// The expression parser on any text, against the names of a real scenario
// (skatebaan), as both a condition and a number; what parses is evaluated
// too, with zeros and with awkward values (division by zero, huge numbers).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "core/expr.hpp"
#include "core/scenario.hpp"

namespace {

const samenspel::ExprNames& names() {
    static const samenspel::ExprNames loaded = [] {
        const std::string path = std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml";
        samenspel::LoadResult r = samenspel::loadScenarioFile(path);
        if (!r.ok()) {
            std::fprintf(stderr, "fuzz_expr: cannot load %s\n", path.c_str());
            std::abort();
        }
        return r.scenario->exprNames();
    }();
    return loaded;
}

void evaluateWith(const samenspel::Expression& e, double fill, int option) {
    const samenspel::ExprNames& n = names();
    const std::vector<double> attributes(n.attributes.size(), fill);
    const std::vector<double> resources(n.resources.size(), -fill);
    const samenspel::Package package(n.issues.size(), option);
    samenspel::ExprInputs in;
    in.attributeTotals = &attributes;
    in.resources = &resources;
    in.package = &package;
    (void)e.evaluate(in);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (const bool wantBoolean : {true, false}) {
        samenspel::ExprParseResult r =
            samenspel::parseExpression(text, names(), wantBoolean, "fuzz.yaml", {3, 7});
        if (!r.errors.empty() || !r.expression.valid())
            continue;
        evaluateWith(r.expression, 0.0, 0);
        evaluateWith(r.expression, 1e308, 1);
        evaluateWith(r.expression, std::numeric_limits<double>::quiet_NaN(), 0);
    }
    return 0;
}
