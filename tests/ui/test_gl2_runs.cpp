// The renderer's split of a draw command into runs (engine/ui/gl2_render):
// every triangle drawn once, in order, in a mode at least as capable as it
// needs, and large solid fills in the cheap modes.
#include <doctest/doctest.h>

#include <vector>

#include "ui/gl2_render.hpp"

using namespace samenspel::ui;

namespace {

const ImVec2 kWhite(0.25f, 0.25f);
constexpr ImU32 kOpaque = IM_COL32(40, 48, 64, 255);
constexpr ImU32 kTint = IM_COL32(40, 48, 64, 60);

struct Mesh {
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;

    // An axis-aligned quad as two triangles.
    void quad(float x, float y, float w, float h, ImU32 colour, bool textured) {
        const ImVec2 uv = textured ? ImVec2(0.6f, 0.7f) : kWhite;
        const auto base = static_cast<ImDrawIdx>(vertices.size());
        for (const ImVec2 p :
             {ImVec2(x, y), ImVec2(x + w, y), ImVec2(x + w, y + h), ImVec2(x, y + h)})
            vertices.push_back({p, uv, colour});
        for (const int i : {0, 1, 2, 0, 2, 3})
            indices.push_back(static_cast<ImDrawIdx>(base + i));
    }

    std::vector<DrawRun> runs(bool atlas = true) const {
        std::vector<DrawRun> out;
        planRuns(vertices.data(), indices.data(), static_cast<unsigned>(indices.size()), kWhite,
                 atlas, out);
        return out;
    }
};

// The runs cover the indices exactly once, in order.
void checkCovers(const std::vector<DrawRun>& runs, unsigned count) {
    unsigned next = 0;
    for (const DrawRun& r : runs) {
        CHECK(r.firstIndex == next);
        CHECK(r.indexCount > 0);
        CHECK(r.indexCount % 3 == 0);
        next += r.indexCount;
    }
    CHECK(next == count);
}

} // namespace

TEST_CASE("gl2 runs: a large opaque panel, text on it, another panel") {
    Mesh m;
    m.quad(0, 0, 400, 300, kOpaque, false);
    for (int i = 0; i < 20; ++i)
        m.quad(10.0f + 9 * i, 10, 8, 14, IM_COL32_WHITE, true); // glyphs
    m.quad(420, 0, 300, 300, kOpaque, false);
    const auto runs = m.runs();
    checkCovers(runs, static_cast<unsigned>(m.indices.size()));
    REQUIRE(runs.size() == 3);
    CHECK(runs[0].mode == DrawMode::Opaque);
    CHECK(runs[0].indexCount == 6);
    CHECK(runs[1].mode == DrawMode::Textured);
    CHECK(runs[2].mode == DrawMode::Opaque);
}

TEST_CASE("gl2 runs: small solid shapes stay in the textured run around them") {
    Mesh m;
    m.quad(0, 0, 8, 14, IM_COL32_WHITE, true);
    m.quad(10, 0, 6, 6, kOpaque, false); // a bullet
    m.quad(20, 0, 6, 6, kTint, false);
    m.quad(30, 0, 8, 14, IM_COL32_WHITE, true);
    const auto runs = m.runs();
    checkCovers(runs, static_cast<unsigned>(m.indices.size()));
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].mode == DrawMode::Textured);
}

TEST_CASE("gl2 runs: a large translucent tint needs blending but no texture") {
    Mesh m;
    m.quad(0, 0, 300, 100, kTint, false);
    m.quad(5, 5, 4, 4, kOpaque, false); // small and opaque: joins the tint's run
    const auto runs = m.runs();
    checkCovers(runs, static_cast<unsigned>(m.indices.size()));
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].mode == DrawMode::Solid);
}

TEST_CASE("gl2 runs: many small triangles of one need add up to a large group") {
    Mesh m;
    for (int i = 0; i < 40; ++i) // a rounded panel's fan: each piece small, together large
        m.quad(0, 10.0f * i, 300, 10, kOpaque, false);
    m.quad(0, 0, 8, 14, IM_COL32_WHITE, true);
    const auto runs = m.runs();
    checkCovers(runs, static_cast<unsigned>(m.indices.size()));
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].mode == DrawMode::Opaque);
    CHECK(runs[1].mode == DrawMode::Textured);
}

TEST_CASE("gl2 runs: another texture than the atlas is always sampled") {
    Mesh m;
    m.quad(0, 0, 400, 300, kOpaque, false);
    const auto runs = m.runs(false);
    checkCovers(runs, static_cast<unsigned>(m.indices.size()));
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].mode == DrawMode::Textured);
}

TEST_CASE("gl2 runs: no triangles, no runs") {
    Mesh m;
    CHECK(m.runs().empty());
}
