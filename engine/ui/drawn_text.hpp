#pragma once
// The text a frame drew, read back from ImGui's draw data: a glyph is a quad
// whose texture corner is that glyph's in the font atlas, so the quads give
// back the characters and where they stand. Autoplay writes it beside each
// picture, so a check reads what the room saw (a file path, a raw rule)
// without reading pixels.
#include <string>

struct ImDrawData;
struct ImFontAtlas;

namespace samenspel::ui {

// Lines of text, top to bottom, as UTF-8; glyphs on one baseline make a
// line, a gap wider than a glyph's advance a space.
std::string drawnText(const ImDrawData& data, const ImFontAtlas& atlas);

} // namespace samenspel::ui
