#include "app/platform.hpp"

#include "app/gl.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace zhili::view {

namespace {
std::string g_glfw_error;  // GLFW reports errors through a callback; kept for the exception text
void on_glfw_error(int, const char* description) { g_glfw_error = description ? description : "unknown"; }
}  // namespace

Platform::Platform(int width, int height, bool visible, const std::string& title)
    : offscreen_(!visible), width_(width), height_(height) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit())
    throw std::runtime_error("cannot open a window (" + g_glfw_error +
                             "); is there a display? For --screenshot without one, run under `xvfb-run -a`");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    throw std::runtime_error("cannot create an OpenGL 3.3 window (" + g_glfw_error + ")");
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
  glfwSetWindowUserPointer(window_, this);
  glfwSetDropCallback(window_, on_drop);

  if (offscreen_) {
    glGenFramebuffers(1, &fbo_);
    glGenRenderbuffers(1, &colour_rb_);
    glBindRenderbuffer(GL_RENDERBUFFER, colour_rb_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_rb_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      throw std::runtime_error("cannot create an offscreen framebuffer of " + std::to_string(width) + "x" +
                               std::to_string(height));
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini littering the working directory; the layout is fixed
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330");
}

Platform::~Platform() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (colour_rb_) glDeleteRenderbuffers(1, &colour_rb_);
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Platform::should_close() const { return glfwWindowShouldClose(window_); }

void Platform::wait_events(double timeout) const {
  if (timeout > 0) glfwWaitEventsTimeout(timeout);
  else glfwPollEvents();
}

void Platform::begin_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (offscreen_) {
    // The frame is exactly the requested size, whatever the hidden window got.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    // A hidden window has no pointer; screenshots place one only on request.
    io.MousePos = ImVec2(pointer_x_, pointer_y_);
  }
  ImGui::NewFrame();
}

void Platform::render() {
  ImGui::Render();
  int w = width_, h = height_;
  if (offscreen_) glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  else glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.10f, 0.10f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Platform::present() {
  if (!offscreen_) glfwSwapBuffers(window_);
}

void Platform::finish() const { glFinish(); }

Image Platform::read_pixels() const {
  int w = width_, h = height_;
  if (offscreen_) {
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  } else {
    glfwGetFramebufferSize(window_, &w, &h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
  }
  Image img{w, h, {}};
  img.rgba.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  // OpenGL's first row is the bottom one; PNG's is the top one.
  const std::size_t row = static_cast<std::size_t>(w) * 4;
  for (int y = 0; y < h / 2; ++y)
    std::swap_ranges(img.rgba.begin() + static_cast<std::ptrdiff_t>(y * row),
                     img.rgba.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                     img.rgba.begin() + static_cast<std::ptrdiff_t>((h - 1 - y) * row));
  // Blending leaves alpha below 255 where translucent widgets were drawn; a
  // screenshot is opaque.
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  return img;
}

void Platform::on_drop(GLFWwindow* w, int count, const char** paths) {
  auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(w));
  for (int i = 0; i < count; ++i) self->dropped_.emplace_back(paths[i]);
}

std::vector<std::string> Platform::take_dropped_paths() { return std::exchange(dropped_, {}); }

}  // namespace zhili::view
