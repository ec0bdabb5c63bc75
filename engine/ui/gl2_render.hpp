#pragma once
// The renderer half of our Dear ImGui backend: OpenGL 2, like imgui's own
// ImGui_ImplOpenGL2 (same GL state, same pixels), made cheap for software GL
// (llvmpipe), where a frame's cost is nearly all pixel filling:
//  - each draw command is split into runs of triangles drawn with the
//    cheapest GL state that gives the same pixels. ImGui draws solid shapes
//    with the atlas's white texel; on llvmpipe a textured, blended fill costs
//    over ten times an untextured, unblended one, and a frame's large panels
//    are solid and opaque;
//  - the font atlas is an alpha-only texture, clamped at its edges: the
//    same texels under GL_MODULATE (its colour channels were all white),
//    a quarter of the memory, and cheaper to sample.
#include <imgui.h>

#include <vector>

namespace samenspel::ui {

// How a run of triangles is drawn, cheapest first. A triangle can be drawn
// in any mode at or above the one it needs, with the same pixels:
//   Opaque   solid colour, alpha 255 at every corner: no texture, no blending
//   Solid    solid colour with some transparency (anti-aliased fringes,
//            tints): no texture, blending
//   Textured glyphs, images, textured lines: texture and blending
enum class DrawMode { Opaque = 0, Solid = 1, Textured = 2 };

struct DrawRun {
    unsigned firstIndex = 0; // into the command's indices (a multiple of 3)
    unsigned indexCount = 0;
    DrawMode mode = DrawMode::Textured;
};

// Consecutive triangles that need the same mode and cover at least this many
// pixels together are drawn in that mode; smaller groups join the run around
// them. Each change of GL state costs llvmpipe about as much as filling a
// few thousand textured pixels, so small groups are cheaper left in.
inline constexpr float kOwnModeArea = 4096.0f;

// Splits one draw command's triangles (`count` indices into `vertices`) into
// consecutive runs, in drawing order, into `runs` (cleared first; reused so
// a frame allocates nothing). `whiteUv` is the atlas's white texel; `atlas`
// false means the command's texture is not the font atlas, so every
// triangle needs it.
void planRuns(const ImDrawVert* vertices, const ImDrawIdx* indices, unsigned count, ImVec2 whiteUv,
              bool atlas, std::vector<DrawRun>& runs, float ownModeArea = kOwnModeArea);

class Gl2Renderer {
  public:
    // Uploads the font atlas (io.Fonts, built) as the font texture, replacing
    // any earlier one, and frees the atlas's pixels on the CPU side.
    bool createFontTexture();
    void destroyFontTexture();
    bool hasFontTexture() const { return fontTexture_ != 0; }

    // Renders `data` (after ImGui::Render()) with the current GL context,
    // saving and restoring the GL state it touches.
    void render(ImDrawData* data);

  private:
    unsigned fontTexture_ = 0;
    std::vector<DrawRun> runs_; // reused from frame to frame
};

} // namespace samenspel::ui
