// Fonts: WenQuanYi Micro Hei from Debian's fonts-wqy-microhei covers Latin and
// Chinese in one face. Without it the viewer falls back to ImGui's built-in
// Latin font and says so (Chinese then shows as '?').
//
// Three sizes go into the atlas: the interface's, a large one the
// presentation layout reads on a projector with, and a title size for its
// title and headline figures. The large and title sizes carry only the
// glyphs they are known to need (Latin, the interface's and the catalogue's
// Chinese, and `extra_text`: the open runs' descriptions), which keeps the
// atlas small; a character outside them falls back to the interface font.
#pragma once

#include <string>

struct ImFont;

namespace zhili::view {

inline constexpr const char* kCjkFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

struct FontResult {
  bool cjk = false;     // the CJK font was loaded
  std::string message;  // why not, for the terminal and the UI
};

// Adds the fonts to ImGui's atlas at `size_px` and the larger sizes (before
// the first frame). `path` overrides the default font file.
FontResult load_fonts(float size_px, const std::string& path = kCjkFontPath, const std::string& extra_text = "");

// The presentation sizes; the interface font (ImGui's default) where they
// were not loaded.
ImFont* large_font();
ImFont* title_font();
// Whether every character of `text` is in `font` (else draw it with the
// interface font, which has the common Chinese characters).
bool font_covers(const ImFont* font, const std::string& text);

}  // namespace zhili::view
