#include "app/fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <filesystem>

#include "app/i18n.hpp"

namespace zhili::view {

namespace {
ImFont* g_large = nullptr;
ImFont* g_title = nullptr;
constexpr float kLargeScale = 1.6f;  // 17 px -> 27 px: a projected line read from the back of a room
constexpr float kTitleScale = 2.5f;  // 17 px -> 42 px
constexpr const char* kSymbols = "·–—−×■%（）：，、“”…";
}  // namespace

FontResult load_fonts(float size_px, const std::string& path, const std::string& extra_text) {
  ImGuiIO& io = ImGui::GetIO();
  FontResult r;
  g_large = g_title = nullptr;
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
  static ImVector<ImWchar> ranges, few;
  ranges.clear();
  few.clear();
  ImFontGlyphRangesBuilder builder, known;
  builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
  known.AddRanges(io.Fonts->GetGlyphRangesDefault());
  for (const char* s : all_chinese_strings()) {
    builder.AddText(s);
    known.AddText(s);
  }
  builder.AddText(kSymbols);
  known.AddText(kSymbols);
  builder.AddText(extra_text.c_str());
  known.AddText(extra_text.c_str());
  builder.BuildRanges(&ranges);
  known.BuildRanges(&few);
  ImFontConfig cfg;
  cfg.FontNo = 0;         // the .ttc holds two faces; 0 is the proportional one
  cfg.OversampleH = 1;    // CJK glyphs are dense: no horizontal oversampling keeps the atlas small
  cfg.PixelSnapH = true;
  if (io.Fonts->AddFontFromFileTTF(path.c_str(), size_px, &cfg, ranges.Data) == nullptr) {
    r.message = "zhili-view: cannot load the font " + path + "; using the built-in Latin font.";
    io.Fonts->AddFontDefault();
    return r;
  }
  g_large = io.Fonts->AddFontFromFileTTF(path.c_str(), size_px * kLargeScale, &cfg, few.Data);
  g_title = io.Fonts->AddFontFromFileTTF(path.c_str(), size_px * kTitleScale, &cfg, few.Data);
  r.cjk = true;
  return r;
}

ImFont* large_font() { return g_large ? g_large : ImGui::GetIO().Fonts->Fonts[0]; }
ImFont* title_font() { return g_title ? g_title : large_font(); }

bool font_covers(const ImFont* font, const std::string& text) {
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    p += n;
    if (c >= 0x80 && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) return false;
  }
  return true;
}

}  // namespace zhili::view
