#include "app/chart_cache.hpp"

#include <backends/imgui_impl_opengl3.h>

#include <cstdint>

#include "app/gl.hpp"

namespace zhili::view {

ChartCache::~ChartCache() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (texture_) glDeleteTextures(1, &texture_);
}

void ChartCache::update(const std::string& key, ImVec2 p0, ImVec2 p1,
                        const std::function<void(ImDrawList*)>& draw) {
  const int w = static_cast<int>(p1.x - p0.x + 0.5f), h = static_cast<int>(p1.y - p0.y + 0.5f);
  if (w <= 0 || h <= 0) return;
  const std::string full_key = key + '|' + std::to_string(p0.x) + ',' + std::to_string(p0.y);
  if (full_key == key_ && w == width_ && h == height_ && texture_) return;
  key_ = full_key;

  GLint previous_fbo = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_fbo);
  if (!texture_) glGenTextures(1, &texture_);
  if (!fbo_) glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  if (w != width_ || h != height_) {
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    width_ = w;
    height_ = h;
  }

  // A draw list of our own, set up as ImGui sets up a window's, rendered by
  // the same OpenGL3 backend into the texture (projection: the rectangle).
  ImDrawList list(ImGui::GetDrawListSharedData());
  list._ResetForNewFrame();
  list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  list.PushClipRect(p0, p1);
  draw(&list);
  list._PopUnusedDrawCmd();
  ImDrawList* lists[1] = {&list};
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  data.TotalVtxCount = list.VtxBuffer.Size;
  data.TotalIdxCount = list.IdxBuffer.Size;
  data.DisplayPos = p0;
  data.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
  data.FramebufferScale = ImVec2(1.0f, 1.0f);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(&data);  // restores the GL state it changes, not the framebuffer
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
}

void ChartCache::show(ImDrawList* dl, ImVec2 p0, ImVec2 p1) const {
  if (!texture_) return;
  // The texture's first row is the bottom of the picture (OpenGL), hence v from 1 to 0.
  dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture_)), p0, p1, ImVec2(0.0f, 1.0f),
               ImVec2(1.0f, 0.0f));
}

}  // namespace zhili::view
