// Animated PNG (APNG) for exporting the viewer over a date range: a PNG that
// every browser, and most image viewers and slide programs, plays as an
// animation, and that any PNG reader shows as its first frame. Written frame
// by frame (a ten-year monthly map at 1600 x 1000 is 120 frames: never all in
// memory), with zlib, which Debian's HDF5 already depends on.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "data/png.hpp"

namespace zhili::view {

class ApngWriter {
 public:
  // `frames` frames of width x height are to come, each shown for
  // 1 / fps seconds, the animation repeated `plays` times (0 = forever).
  // `dates` (one per frame, or empty) are stored in a tEXt chunk "dates".
  // Throws std::runtime_error naming the path.
  ApngWriter(const std::string& path, int width, int height, int frames, int fps, int plays,
             const std::vector<std::string>& dates);
  ~ApngWriter();
  ApngWriter(const ApngWriter&) = delete;
  ApngWriter& operator=(const ApngWriter&) = delete;

  // The next frame (its size must be the animation's).
  void add(const Image& frame);
  // Ends the file; throws if fewer frames came than announced. A writer
  // destroyed before finishing removes its file: half an animation is
  // none, and a file that says N frames and holds fewer misleads.
  void finish();
  int frames_written() const { return written_; }

 private:
  void write_header(int width, int height, int frames, int plays, const std::vector<std::string>& dates);
  void chunk(const char type[4], const std::vector<std::uint8_t>& data);
  std::string path_;
  std::FILE* file_ = nullptr;  // open until finished
  int width_, height_, frames_, fps_;
  int written_ = 0;
  std::uint32_t sequence_ = 0;
};

// An APNG read back and decoded whole (tests: "played once").
struct Apng {
  int width = 0, height = 0;
  int frames = 0;          // acTL's count
  int plays = 0;
  std::vector<std::string> dates;
  std::vector<double> delays;  // seconds, per frame
  std::vector<Image> images;   // every frame, decoded
};
// Throws std::runtime_error naming the path when it is not an APNG this writes.
Apng read_apng(const std::string& path);

}  // namespace zhili::view
