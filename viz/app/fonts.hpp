// Fonts: WenQuanYi Micro Hei from Debian's fonts-wqy-microhei covers Latin and
// Chinese in one face. Without it the viewer falls back to ImGui's built-in
// Latin font and says so (Chinese then shows as '?').
#pragma once

#include <string>

namespace zhili::view {

inline constexpr const char* kCjkFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

struct FontResult {
  bool cjk = false;     // the CJK font was loaded
  std::string message;  // why not, for the terminal and the UI
};

// Adds the UI font to ImGui's atlas at `size_px` (before the first frame).
// `path` overrides the default font file.
FontResult load_fonts(float size_px, const std::string& path = kCjkFontPath);

}  // namespace zhili::view
