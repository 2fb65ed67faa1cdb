#include "data/apng.hpp"

#include <zlib.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace zhili::view {

namespace {

void put32(std::vector<std::uint8_t>& v, std::uint32_t x) {
  for (int s = 24; s >= 0; s -= 8) v.push_back(static_cast<std::uint8_t>(x >> s));
}
void put16(std::vector<std::uint8_t>& v, std::uint16_t x) {
  v.push_back(static_cast<std::uint8_t>(x >> 8));
  v.push_back(static_cast<std::uint8_t>(x));
}
std::uint32_t get32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
std::uint16_t get16(const std::uint8_t* p) { return static_cast<std::uint16_t>((p[0] << 8) | p[1]); }

constexpr std::uint8_t kSignature[8] = {137, 80, 78, 71, 13, 10, 26, 10};

// Rows with PNG filter "sub" (each byte less the one 4 to its left): screen
// captures are mostly flat colour, which then compresses to little.
std::vector<std::uint8_t> compressed_rows(const Image& im) {
  const std::size_t stride = static_cast<std::size_t>(im.width) * 4;
  std::vector<std::uint8_t> raw;
  raw.reserve((stride + 1) * static_cast<std::size_t>(im.height));
  for (int y = 0; y < im.height; ++y) {
    const std::uint8_t* row = im.rgba.data() + static_cast<std::size_t>(y) * stride;
    raw.push_back(1);
    for (std::size_t i = 0; i < stride; ++i) raw.push_back(static_cast<std::uint8_t>(row[i] - (i >= 4 ? row[i - 4] : 0)));
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::vector<std::uint8_t> out(size);
  if (compress2(out.data(), &size, raw.data(), static_cast<uLong>(raw.size()), 6) != Z_OK)
    throw std::runtime_error("cannot compress an animation frame");
  out.resize(size);
  return out;
}

Image decoded_rows(const std::vector<std::uint8_t>& data, int width, int height) {
  const std::size_t stride = static_cast<std::size_t>(width) * 4;
  std::vector<std::uint8_t> raw((stride + 1) * static_cast<std::size_t>(height));
  uLongf size = static_cast<uLongf>(raw.size());
  if (uncompress(raw.data(), &size, data.data(), static_cast<uLong>(data.size())) != Z_OK || size != raw.size())
    throw std::runtime_error("a frame does not decompress to its size");
  Image im;
  im.width = width;
  im.height = height;
  im.rgba.resize(stride * static_cast<std::size_t>(height));
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* in = raw.data() + static_cast<std::size_t>(y) * (stride + 1);
    std::uint8_t* row = im.rgba.data() + static_cast<std::size_t>(y) * stride;
    const std::uint8_t* above = y > 0 ? row - stride : nullptr;
    for (std::size_t i = 0; i < stride; ++i) {
      const std::uint8_t left = i >= 4 ? row[i - 4] : 0, up = above ? above[i] : 0;
      switch (in[0]) {
        case 0: row[i] = in[1 + i]; break;
        case 1: row[i] = static_cast<std::uint8_t>(in[1 + i] + left); break;
        case 2: row[i] = static_cast<std::uint8_t>(in[1 + i] + up); break;
        default: throw std::runtime_error("a frame uses a filter this reader does not decode");
      }
    }
  }
  return im;
}

}  // namespace

ApngWriter::ApngWriter(const std::string& path, int width, int height, int frames, int fps, int plays,
                       const std::vector<std::string>& dates)
    : path_(path), width_(width), height_(height), frames_(frames), fps_(fps) {
  if (width <= 0 || height <= 0 || frames <= 0 || fps <= 0 || fps > 65535)
    throw std::runtime_error(path + ": an animation needs a size, frames and a frame rate");
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  try {
    write_header(width, height, frames, plays, dates);
  } catch (...) {
    std::fclose(file_);
    file_ = nullptr;
    std::remove(path.c_str());
    throw;
  }
}

void ApngWriter::write_header(int width, int height, int frames, int plays, const std::vector<std::string>& dates) {
  if (std::fwrite(kSignature, 1, 8, file_) != 8) throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(errno));
  std::vector<std::uint8_t> ihdr;
  put32(ihdr, static_cast<std::uint32_t>(width));
  put32(ihdr, static_cast<std::uint32_t>(height));
  ihdr.insert(ihdr.end(), {8, 6, 0, 0, 0});  // 8 bits, RGBA, deflate, adaptive filters, no interlace
  chunk("IHDR", ihdr);
  std::vector<std::uint8_t> actl;
  put32(actl, static_cast<std::uint32_t>(frames));
  put32(actl, static_cast<std::uint32_t>(plays));
  chunk("acTL", actl);
  if (!dates.empty()) {
    std::string text = "dates";
    text.push_back('\0');
    for (std::size_t i = 0; i < dates.size(); ++i) text += (i ? " " : "") + dates[i];
    chunk("tEXt", std::vector<std::uint8_t>(text.begin(), text.end()));
  }
}

ApngWriter::~ApngWriter() {
  if (!file_) return;
  std::fclose(file_);
  std::remove(path_.c_str());
}

void ApngWriter::chunk(const char type[4], const std::vector<std::uint8_t>& data) {
  std::vector<std::uint8_t> out;
  put32(out, static_cast<std::uint32_t>(data.size()));
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data.begin(), data.end());
  const uLong crc = crc32(crc32(0L, Z_NULL, 0), out.data() + 4, static_cast<uInt>(data.size() + 4));
  put32(out, static_cast<std::uint32_t>(crc));
  if (std::fwrite(out.data(), 1, out.size(), file_) != out.size())
    throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(errno));
}

void ApngWriter::add(const Image& frame) {
  if (frame.width != width_ || frame.height != height_)
    throw std::runtime_error(path_ + ": a frame of another size than the animation's");
  if (written_ >= frames_) throw std::runtime_error(path_ + ": more frames than announced");
  std::vector<std::uint8_t> fctl;
  put32(fctl, sequence_++);
  put32(fctl, static_cast<std::uint32_t>(width_));
  put32(fctl, static_cast<std::uint32_t>(height_));
  put32(fctl, 0);
  put32(fctl, 0);
  put16(fctl, 1);                                 // delay 1 / fps seconds
  put16(fctl, static_cast<std::uint16_t>(fps_));
  fctl.push_back(0);  // dispose: none
  fctl.push_back(0);  // blend: source (the frame replaces the last)
  chunk("fcTL", fctl);
  const std::vector<std::uint8_t> data = compressed_rows(frame);
  if (written_ == 0) {
    chunk("IDAT", data);  // the first frame is also the still image
  } else {
    std::vector<std::uint8_t> fdat;
    put32(fdat, sequence_++);
    fdat.insert(fdat.end(), data.begin(), data.end());
    chunk("fdAT", fdat);
  }
  ++written_;
}

void ApngWriter::finish() {
  if (written_ != frames_)
    throw std::runtime_error(path_ + ": " + std::to_string(written_) + " frames of " + std::to_string(frames_));
  chunk("IEND", {});
  if (std::fclose(file_) != 0) {
    file_ = nullptr;
    throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(errno));
  }
  file_ = nullptr;
}

Apng read_apng(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kSignature, 8) != 0) throw std::runtime_error(path + ": not a PNG");
  Apng a;
  std::vector<std::uint8_t> frame;  // the data of the frame being read
  const auto end_frame = [&] {
    if (!frame.empty()) a.images.push_back(decoded_rows(frame, a.width, a.height));
    frame.clear();
  };
  std::size_t pos = 8;
  while (pos + 12 <= bytes.size()) {
    const std::uint32_t length = get32(&bytes[pos]);
    const std::string type(reinterpret_cast<const char*>(&bytes[pos + 4]), 4);
    const std::uint8_t* data = &bytes[pos + 8];
    if (pos + 12 + length > bytes.size()) throw std::runtime_error(path + ": a chunk runs past the end");
    const uLong crc = crc32(crc32(0L, Z_NULL, 0), &bytes[pos + 4], length + 4);
    if (crc != get32(data + length)) throw std::runtime_error(path + ": chunk " + type + " fails its CRC");
    if (type == "IHDR") {
      a.width = static_cast<int>(get32(data));
      a.height = static_cast<int>(get32(data + 4));
    } else if (type == "acTL") {
      a.frames = static_cast<int>(get32(data));
      a.plays = static_cast<int>(get32(data + 4));
    } else if (type == "tEXt") {
      const std::string text(reinterpret_cast<const char*>(data), length);
      if (text.rfind(std::string("dates\0", 6), 0) == 0) {
        std::istringstream words(text.substr(6));
        for (std::string d; words >> d;) a.dates.push_back(d);
      }
    } else if (type == "fcTL") {
      end_frame();
      a.delays.push_back(static_cast<double>(get16(data + 20)) / std::max<std::uint16_t>(1, get16(data + 22)));
    } else if (type == "IDAT") {
      frame.insert(frame.end(), data, data + length);
    } else if (type == "fdAT") {
      frame.insert(frame.end(), data + 4, data + length);
    } else if (type == "IEND") {
      end_frame();
      return a;
    }
    pos += 12 + length;
  }
  throw std::runtime_error(path + ": no IEND: the file is cut short");
}

}  // namespace zhili::view
