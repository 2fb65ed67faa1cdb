#include "app/fonts.hpp"

#include <imgui.h>

#include <filesystem>

#include "app/i18n.hpp"

namespace zhili::view {

FontResult load_fonts(float size_px, const std::string& path) {
  ImGuiIO& io = ImGui::GetIO();
  FontResult r;
  if (!std::filesystem::exists(path)) {
    r.message = "zhili-view: Chinese font not found at " + path +
                " (Debian package fonts-wqy-microhei); using the built-in Latin font.";
    ImFontConfig cfg;
    cfg.SizePixels = size_px;
    io.Fonts->AddFontDefault(&cfg);
    return r;
  }
  // Glyphs: Latin, the 2,500 most common simplified characters, plus every
  // character of the UI's own Chinese strings (some are rarer than that set).
  // The atlas is built once, so the ranges must outlive this call.
  static ImVector<ImWchar> ranges;
  ranges.clear();
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
  for (const char* s : all_chinese_strings()) builder.AddText(s);
  builder.AddText("·–—−×■");
  builder.BuildRanges(&ranges);
  ImFontConfig cfg;
  cfg.FontNo = 0;         // the .ttc holds two faces; 0 is the proportional one
  cfg.OversampleH = 1;    // CJK glyphs are dense: no horizontal oversampling keeps the atlas small
  cfg.PixelSnapH = true;
  if (io.Fonts->AddFontFromFileTTF(path.c_str(), size_px, &cfg, ranges.Data) == nullptr) {
    r.message = "zhili-view: cannot load the font " + path + "; using the built-in Latin font.";
    io.Fonts->AddFontDefault();
    return r;
  }
  r.cjk = true;
  return r;
}

}  // namespace zhili::view
