// A GL texture holding a coloured map (one texel per cell, nearest filtering
// so cells stay crisp squares when zoomed in).
#pragma once

#include <cstdint>
#include <span>

#include <imgui.h>

namespace zhili::view {

class Texture {
 public:
  Texture() = default;
  ~Texture();
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;
  Texture(Texture&& o) noexcept;
  Texture& operator=(Texture&& o) noexcept;

  // Replaces the content with `width` x `height` packed RGBA texels (top row first).
  void upload(int width, int height, std::span<const std::uint32_t> texels);
  bool valid() const { return id_ != 0; }
  ImTextureID imgui_id() const { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id_)); }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  unsigned id_ = 0;
  int width_ = 0, height_ = 0;
};

}  // namespace zhili::view
