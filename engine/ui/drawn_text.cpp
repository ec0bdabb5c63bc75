#include "ui/drawn_text.hpp"
#include "ui/role_token.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

namespace samenspel::ui {

namespace {

struct Placed {
    float baseline, x, advance, height;
    unsigned int codepoint;
};

} // namespace

std::string drawnText(const ImDrawData& data, const ImFontAtlas& atlas) {
    std::map<std::pair<float, float>, const ImFontGlyph*> glyphs;
    std::map<const ImFontGlyph*, float> heights;
    for (const ImFont* font : atlas.Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) {
                glyphs[{g.U0, g.V0}] = &g;
                heights[&g] = font->FontSize;
            }
    std::vector<Placed> found;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImVector<ImDrawVert>& v = data.CmdLists[n]->VtxBuffer;
        for (int i = 0; i + 3 < v.Size; ++i) {
            const auto it = glyphs.find({v[i].uv.x, v[i].uv.y});
            // PrimRectUV: top-left, top-right, bottom-right, bottom-left.
            if (it == glyphs.end() || v[i + 1].pos.y != v[i].pos.y ||
                v[i + 3].pos.x != v[i].pos.x || v[i + 1].uv.x != it->second->U1)
                continue;
            const ImFontGlyph& g = *it->second;
            found.push_back({v[i].pos.y - g.Y0, v[i].pos.x - g.X0, g.AdvanceX, heights[&g],
                             static_cast<unsigned int>(g.Codepoint)});
            i += 3;
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Placed& a, const Placed& b) {
        return std::lround(a.baseline) != std::lround(b.baseline) ? a.baseline < b.baseline
                                                                  : a.x < b.x;
    });
    std::string text;
    float lineTop = -1e9f, pen = 0;
    for (const Placed& g : found) {
        const bool sameLine = std::abs(g.baseline - lineTop) < 0.5f && g.x >= pen - 0.5f &&
                              g.x - pen < g.height * 1.5f;
        if (!sameLine) {
            if (!text.empty())
                text += '\n';
            lineTop = g.baseline;
        } else if (g.x - pen > std::max(1.5f, g.height * 0.12f)) {
            text += ' ';
        }
        text += glyphText(static_cast<ImWchar>(g.codepoint));
        pen = g.x + g.advance;
    }
    if (!text.empty())
        text += '\n';
    return text;
}

} // namespace samenspel::ui
