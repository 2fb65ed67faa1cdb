// The window, OpenGL context and Dear ImGui context, with the GLFW and
// OpenGL3 backends that Debian's libimgui-dev compiles into libimgui.a. The
// main loop is the standard one: poll, begin_frame, widgets, end_frame.
//
// Headless mode (screenshots) opens a hidden window of the requested size and
// draws into an offscreen framebuffer of exactly that size, so the picture
// does not depend on the screen (Xvfb's, or a desktop's scaling).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "data/png.hpp"

struct GLFWwindow;

namespace zhili::view {

class Platform {
 public:
  // Throws std::runtime_error with a message for people (no display, no GL).
  Platform(int width, int height, bool visible, const std::string& title);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  bool should_close() const;
  // Waits for input (up to `timeout` s) when idle, so an idle viewer on a
  // software renderer does not burn a core; playing polls instead.
  void wait_events(double timeout) const;
  void begin_frame();  // backends' and ImGui's new frame
  void end_frame() {   // render and present (or render offscreen)
    render();
    present();
  }
  void render();   // draws the frame into the back buffer (or the offscreen framebuffer)
  void present();  // shows it (swap buffers); nothing offscreen
  void finish() const;  // waits until the GPU (or llvmpipe) has drawn everything: for timing
  // The rendered frame's pixels, top row first: after render(), before present().
  Image read_pixels() const;

  // Offscreen only: where the pointer is (pixels from the top left), so a
  // screenshot can show a hover tooltip. Default: no pointer.
  void set_pointer(float x, float y) {
    pointer_x_ = x;
    pointer_y_ = y;
  }

  // Paths dropped onto the window since the last call.
  std::vector<std::string> take_dropped_paths();

 private:
  static void on_drop(GLFWwindow* w, int count, const char** paths);

  GLFWwindow* window_ = nullptr;
  bool offscreen_ = false;
  int width_ = 0, height_ = 0;
  unsigned fbo_ = 0, colour_rb_ = 0;
  std::vector<std::string> dropped_;
  float pointer_x_ = -1.0e30f, pointer_y_ = -1.0e30f;
};

}  // namespace zhili::view
