#include "ui/gl2_render.hpp"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace samenspel::ui {

namespace {

bool isWhite(const ImDrawVert& v, ImVec2 white) {
    return v.uv.x == white.x && v.uv.y == white.y;
}

int needOf(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, ImVec2 white) {
    if (!isWhite(a, white) || !isWhite(b, white) || !isWhite(c, white))
        return static_cast<int>(DrawMode::Textured);
    // Blending a fully opaque colour writes that colour (and alpha 1): the
    // same pixels as not blending.
    return static_cast<int>((a.col & b.col & c.col & IM_COL32_A_MASK) == IM_COL32_A_MASK
                                ? DrawMode::Opaque
                                : DrawMode::Solid);
}

float area(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c) {
    return std::fabs((b.pos.x - a.pos.x) * (c.pos.y - a.pos.y) -
                     (c.pos.x - a.pos.x) * (b.pos.y - a.pos.y)) *
           0.5f;
}

// Builds runs out of groups (consecutive triangles of one need): a group
// large enough is "pinned" to its own mode; the others take the mode of the
// run they fall in, which is at least what each of them needs.
class RunBuilder {
  public:
    explicit RunBuilder(std::vector<DrawRun>& runs) : runs_(runs) {}

    void add(unsigned start, unsigned end, int need, bool pinned) {
        const bool fits = pinned_ >= 0 ? need <= pinned_ && (!pinned || need == pinned_)
                                       : !pinned || need_ <= need;
        if (!fits && end_ > start_)
            flush();
        if (end_ == start_)
            start_ = start;
        end_ = end;
        need_ = std::max(need_, need);
        if (pinned)
            pinned_ = need;
    }

    void flush() {
        if (end_ > start_)
            runs_.push_back(
                {start_, end_ - start_, static_cast<DrawMode>(std::max(pinned_, need_))});
        start_ = end_;
        need_ = 0;
        pinned_ = -1;
    }

  private:
    std::vector<DrawRun>& runs_;
    unsigned start_ = 0, end_ = 0;
    int need_ = 0;    // the most any triangle of the run needs
    int pinned_ = -1; // the mode of the run's pinned groups, -1 none
};

// The GL state for `mode`, changed only where it differs from `current`.
void setMode(DrawMode mode, DrawMode& current) {
    if (mode == current)
        return;
    const bool texture = mode == DrawMode::Textured, blend = mode != DrawMode::Opaque;
    if (texture != (current == DrawMode::Textured)) {
        if (texture)
            glEnable(GL_TEXTURE_2D);
        else
            glDisable(GL_TEXTURE_2D);
    }
    if (blend != (current != DrawMode::Opaque)) {
        if (blend)
            glEnable(GL_BLEND);
        else
            glDisable(GL_BLEND);
    }
    current = mode;
}

// The render state of imgui's ImGui_ImplOpenGL2 (1.86): alpha blending, no
// culling or depth, scissor on, vertex/texcoord/colour arrays, textures
// modulated by the vertex colour, an orthographic projection over the display.
void setupRenderState(const ImDrawData* data, int fbWidth, int fbHeight) {
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_LIGHTING);
    glDisable(GL_COLOR_MATERIAL);
    glEnable(GL_SCISSOR_TEST);
    glEnableClientState(GL_VERTEX_ARRAY);
    glEnableClientState(GL_TEXTURE_COORD_ARRAY);
    glEnableClientState(GL_COLOR_ARRAY);
    glDisableClientState(GL_NORMAL_ARRAY);
    glEnable(GL_TEXTURE_2D);
    glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
    glShadeModel(GL_SMOOTH);
    glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
    glViewport(0, 0, static_cast<GLsizei>(fbWidth), static_cast<GLsizei>(fbHeight));
    glMatrixMode(GL_PROJECTION);
    glPushMatrix();
    glLoadIdentity();
    glOrtho(data->DisplayPos.x, data->DisplayPos.x + data->DisplaySize.x,
            data->DisplayPos.y + data->DisplaySize.y, data->DisplayPos.y, -1.0f, +1.0f);
    glMatrixMode(GL_MODELVIEW);
    glPushMatrix();
    glLoadIdentity();
}

} // namespace

void planRuns(const ImDrawVert* vertices, const ImDrawIdx* indices, unsigned count, ImVec2 whiteUv,
              bool atlas, std::vector<DrawRun>& runs, float ownModeArea) {
    runs.clear();
    count -= count % 3;
    if (count == 0)
        return;
    if (!atlas) {
        runs.push_back({0, count, DrawMode::Textured});
        return;
    }
    RunBuilder builder(runs);
    unsigned groupStart = 0;
    int groupNeed = -1;
    float groupArea = 0;
    for (unsigned i = 0; i < count; i += 3) {
        const ImDrawVert& a = vertices[indices[i]];
        const ImDrawVert& b = vertices[indices[i + 1]];
        const ImDrawVert& c = vertices[indices[i + 2]];
        const int need = needOf(a, b, c, whiteUv);
        if (need != groupNeed && groupNeed >= 0) {
            builder.add(groupStart, i, groupNeed, groupArea >= ownModeArea);
            groupStart = i;
            groupArea = 0;
        }
        groupNeed = need;
        groupArea += area(a, b, c);
    }
    builder.add(groupStart, count, groupNeed, groupArea >= ownModeArea);
    builder.flush();
}

bool Gl2Renderer::createFontTexture() {
    destroyFontTexture();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    // Alpha only: the RGBA version's colour channels are all 255, and under
    // GL_MODULATE an alpha texture gives the same colour (the vertex's) and
    // the same alpha.
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (!pixels)
        return false;
    GLint lastTexture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &lastTexture);
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    // ImGui's coordinates stay inside the atlas; clamping spares the
    // software sampler the wrapping arithmetic.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    GLint lastAlignment = 4, lastRowLength = 0;
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &lastAlignment);
    glGetIntegerv(GL_UNPACK_ROW_LENGTH, &lastRowLength);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_ALPHA, width, height, 0, GL_ALPHA, GL_UNSIGNED_BYTE, pixels);
    glPixelStorei(GL_UNPACK_ALIGNMENT, lastAlignment);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, lastRowLength);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(lastTexture));
    fontTexture_ = texture;
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)));
    // The GL copy is all that is drawn from; the CPU one only costs memory.
    atlas->ClearTexData();
    return true;
}

void Gl2Renderer::destroyFontTexture() {
    if (fontTexture_ == 0)
        return;
    const GLuint texture = fontTexture_;
    glDeleteTextures(1, &texture);
    ImGui::GetIO().Fonts->SetTexID(nullptr);
    fontTexture_ = 0;
}

void Gl2Renderer::render(ImDrawData* data) {
    const int fbWidth = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
    const int fbHeight = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
    if (fbWidth <= 0 || fbHeight <= 0)
        return;

    GLint lastTexture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &lastTexture);
    GLint lastPolygonMode[2] = {GL_FILL, GL_FILL};
    glGetIntegerv(GL_POLYGON_MODE, lastPolygonMode);
    GLint lastViewport[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_VIEWPORT, lastViewport);
    GLint lastScissor[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_SCISSOR_BOX, lastScissor);
    GLint lastShadeModel = GL_SMOOTH;
    glGetIntegerv(GL_SHADE_MODEL, &lastShadeModel);
    GLint lastTexEnvMode = GL_MODULATE;
    glGetTexEnviv(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, &lastTexEnvMode);
    glPushAttrib(GL_ENABLE_BIT | GL_COLOR_BUFFER_BIT | GL_TRANSFORM_BIT);

    setupRenderState(data, fbWidth, fbHeight);
    DrawMode mode = DrawMode::Textured;

    const ImFontAtlas* fonts = ImGui::GetIO().Fonts;
    const ImVec2 white = fonts->TexUvWhitePixel;
    const ImVec2 clipOff = data->DisplayPos;
    const ImVec2 clipScale = data->FramebufferScale;
    constexpr GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;

    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        const ImDrawVert* vertices = list->VtxBuffer.Data;
        const ImDrawIdx* indices = list->IdxBuffer.Data;
        const char* base = reinterpret_cast<const char*>(vertices);
        glVertexPointer(2, GL_FLOAT, sizeof(ImDrawVert), base + IM_OFFSETOF(ImDrawVert, pos));
        glTexCoordPointer(2, GL_FLOAT, sizeof(ImDrawVert), base + IM_OFFSETOF(ImDrawVert, uv));
        glColorPointer(4, GL_UNSIGNED_BYTE, sizeof(ImDrawVert),
                       base + IM_OFFSETOF(ImDrawVert, col));

        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    // Set up again without pushing the matrices a second time.
                    glMatrixMode(GL_MODELVIEW);
                    glPopMatrix();
                    glMatrixMode(GL_PROJECTION);
                    glPopMatrix();
                    setupRenderState(data, fbWidth, fbHeight);
                    mode = DrawMode::Textured;
                } else {
                    cmd.UserCallback(list, &cmd);
                }
                continue;
            }
            const ImVec2 clipMin((cmd.ClipRect.x - clipOff.x) * clipScale.x,
                                 (cmd.ClipRect.y - clipOff.y) * clipScale.y);
            const ImVec2 clipMax((cmd.ClipRect.z - clipOff.x) * clipScale.x,
                                 (cmd.ClipRect.w - clipOff.y) * clipScale.y);
            if (clipMax.x <= clipMin.x || clipMax.y <= clipMin.y)
                continue;
            glScissor(static_cast<int>(clipMin.x), static_cast<int>(fbHeight - clipMax.y),
                      static_cast<int>(clipMax.x - clipMin.x),
                      static_cast<int>(clipMax.y - clipMin.y));
            glBindTexture(GL_TEXTURE_2D,
                          static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
            const ImDrawIdx* first = indices + cmd.IdxOffset;
            // Indices are into the whole list: without
            // ImGuiBackendFlags_RendererHasVtxOffset, VtxOffset is always 0.
            planRuns(vertices, first, cmd.ElemCount, white, cmd.GetTexID() == fonts->TexID, runs_);
            for (const DrawRun& run : runs_) {
                setMode(run.mode, mode);
                glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(run.indexCount), indexType,
                               first + run.firstIndex);
            }
        }
    }

    glDisableClientState(GL_COLOR_ARRAY);
    glDisableClientState(GL_TEXTURE_COORD_ARRAY);
    glDisableClientState(GL_VERTEX_ARRAY);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(lastTexture));
    glMatrixMode(GL_MODELVIEW);
    glPopMatrix();
    glMatrixMode(GL_PROJECTION);
    glPopMatrix();
    glPopAttrib();
    glPolygonMode(GL_FRONT, static_cast<GLenum>(lastPolygonMode[0]));
    glPolygonMode(GL_BACK, static_cast<GLenum>(lastPolygonMode[1]));
    glViewport(lastViewport[0], lastViewport[1], static_cast<GLsizei>(lastViewport[2]),
               static_cast<GLsizei>(lastViewport[3]));
    glScissor(lastScissor[0], lastScissor[1], static_cast<GLsizei>(lastScissor[2]),
              static_cast<GLsizei>(lastScissor[3]));
    glShadeModel(static_cast<GLenum>(lastShadeModel));
    glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, lastTexEnvMode);
}

} // namespace samenspel::ui
