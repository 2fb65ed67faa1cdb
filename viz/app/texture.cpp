#include "app/texture.hpp"

#include <utility>

#include "app/gl.hpp"

namespace zhili::view {

Texture::~Texture() {
  if (id_) glDeleteTextures(1, &id_);
}

Texture::Texture(Texture&& o) noexcept
    : id_(std::exchange(o.id_, 0)), width_(o.width_), height_(o.height_) {}

Texture& Texture::operator=(Texture&& o) noexcept {
  if (this != &o) {
    if (id_) glDeleteTextures(1, &id_);
    id_ = std::exchange(o.id_, 0);
    width_ = o.width_;
    height_ = o.height_;
  }
  return *this;
}

void Texture::upload(int width, int height, std::span<const std::uint32_t> texels) {
  if (!id_) glGenTextures(1, &id_);
  glBindTexture(GL_TEXTURE_2D, id_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  if (width != width_ || height != height_) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
    width_ = width;
    height_ = height;
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
  }
}

}  // namespace zhili::view
