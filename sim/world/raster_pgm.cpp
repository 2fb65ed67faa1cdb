// PGM rasters (netpbm greyscale): P2 (plain, decimal text) and P5 (binary,
// one byte per pixel, maxval <= 255). The header is "P2" or "P5", then width,
// height and maxval separated by whitespace, with '#' comments to the end of
// a line; pixel rows follow, the first being y = 0. Header problems are
// reported at their line and column in the text; pixel problems at the
// pixel's row and column (1-based).
#include <algorithm>
#include <string>

#include "world/map_raster.hpp"
#include "world/raster_read.hpp"

namespace zhili::raster_detail {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

struct Token {
  std::string_view text;  // empty at the end of the file
  int line = 0;
  int column = 0;
};

// Whitespace-separated tokens of a PGM's text, skipping comments, with their positions.
class PgmText {
 public:
  explicit PgmText(std::string_view bytes) : b_(bytes) {}

  Token next() {
    skip_blanks();
    Token t{{}, line_, column_};
    const std::size_t start = pos_;
    while (pos_ < b_.size() && !is_space(b_[pos_]) && b_[pos_] != '#') step();
    t.text = b_.substr(start, pos_ - start);
    return t;
  }
  // After maxval a P5 header ends with one whitespace byte; the pixels follow.
  std::size_t binary_start() const { return pos_ < b_.size() ? pos_ + 1 : pos_; }

 private:
  void step() {
    if (b_[pos_++] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
  }
  void skip_blanks() {
    while (pos_ < b_.size()) {
      if (b_[pos_] == '#') {
        while (pos_ < b_.size() && b_[pos_] != '\n') step();
      } else if (is_space(b_[pos_])) {
        step();
      } else {
        break;
      }
    }
  }

  std::string_view b_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

std::string printable(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 20)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u >= 0x7f) ? '?' : c;
  }
  return out;
}

struct Header {
  bool binary = false;
  int width = 0;
  int height = 0;
  int maxval = 0;
};

// One header number in [1, max]; reports and returns 0 when it is not.
int header_number(PgmText& text, const char* what, int max, const char* too_big_message,
                  const std::string& too_big_expected, RasterReport& report) {
  const Token t = text.next();
  if (t.text.empty()) {
    report.error(t.line, t.column, raster_error::kTruncated, "the end of the file",
                 std::string("the ") + what + " in the header");
    return 0;
  }
  const auto v = parse_cell_value(t.text);
  if (v && *v >= 1 && *v <= max) return static_cast<int>(*v);
  if (v && *v > max) {
    report.error(t.line, t.column, too_big_message, std::string(what) + " " + printable(t.text),
                 too_big_expected);
  } else {
    report.error(t.line, t.column, raster_error::kMalformedPgm, printable(t.text),
                 std::string("the ") + what + ", a whole number of at least 1");
  }
  return 0;
}

std::optional<Header> read_header(std::string_view bytes, PgmText& text, RasterReport& report) {
  if (bytes.empty()) {
    report.error(0, 0, raster_error::kEmpty, "an empty file", "a PGM file (P2 or P5)");
    return std::nullopt;
  }
  const Token magic = text.next();
  if (magic.text != "P2" && magic.text != "P5") {
    report.error(1, 1, raster_error::kMalformedPgm, printable(bytes.substr(0, 2)),
                 "P2 (plain) or P5 (binary): a greyscale PGM");
    return std::nullopt;
  }
  Header h;
  h.binary = magic.text == "P5";
  const std::string side = "at most " + std::to_string(kMaxSide) + " rows and columns";
  h.width = header_number(text, "width", kMaxSide, raster_error::kTooLarge, side, report);
  if (h.width == 0) return std::nullopt;
  h.height = header_number(text, "height", kMaxSide, raster_error::kTooLarge, side, report);
  if (h.height == 0) return std::nullopt;
  const int max_maxval = h.binary ? 255 : 65535;
  h.maxval = header_number(text, "maxval", max_maxval, raster_error::kMalformedPgm,
                           h.binary ? "maxval at most 255: 16-bit binary PGM is not supported"
                                    : "maxval at most 65535",
                           report);
  if (h.maxval == 0) return std::nullopt;
  return h;
}

void truncated(const Header& h, std::size_t have, RasterReport& report) {
  const std::size_t n = static_cast<std::size_t>(h.width) * h.height;
  report.error(static_cast<int>(have / h.width) + 1, static_cast<int>(have % h.width) + 1,
               raster_error::kTruncated,
               std::to_string(have) + " of " + std::to_string(n) + " pixels",
               std::to_string(h.width) + " x " + std::to_string(h.height) + " = " +
                   std::to_string(n) + " pixels");
}

}  // namespace

ZoneImage read_pgm(std::string_view bytes, RasterReport& report) {
  ZoneImage img;
  PgmText text(bytes);
  const auto header = read_header(bytes, text, report);
  if (!header) return img;
  const Header& h = *header;
  img.width = h.width;
  img.height = h.height;
  const std::size_t n = static_cast<std::size_t>(h.width) * h.height;
  img.zone.assign(n, Zone::rural);

  auto put = [&](std::size_t i, auto value_or_text) {
    const int x = static_cast<int>(i % h.width);
    const int y = static_cast<int>(i / h.width);
    if (auto z = report.zone_of(value_or_text, y + 1, x + 1, x, y)) img.zone[i] = *z;
  };
  if (h.binary) {
    const std::size_t start = text.binary_start();
    const std::size_t have = bytes.size() > start ? bytes.size() - start : 0;
    for (std::size_t i = 0; i < std::min(have, n); ++i)
      put(i, static_cast<std::int64_t>(static_cast<unsigned char>(bytes[start + i])));
    if (have < n) truncated(h, have, report);
    if (have > n)
      report.error(0, 0, raster_error::kMalformedPgm,
                   std::to_string(have - n) + " bytes after the last pixel",
                   "one image of " + std::to_string(n) + " pixels");
    return img;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Token t = text.next();
    if (t.text.empty()) {
      truncated(h, i, report);
      return img;
    }
    put(i, t.text);
  }
  if (const Token extra = text.next(); !extra.text.empty())
    report.error(extra.line, extra.column, raster_error::kMalformedPgm,
                 printable(extra.text) + ", a value after the last pixel",
                 std::to_string(n) + " pixel values");
  return img;
}

}  // namespace zhili::raster_detail
