#include "data/categories.hpp"

#include <cmath>
#include <sstream>

namespace zhili::view {

namespace {
std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}
}  // namespace

std::vector<Category> parse_categories(const std::string& description) {
  const auto colon = description.find(':');
  const std::string list = colon == std::string::npos ? description : description.substr(colon + 1);
  std::vector<Category> out;
  std::stringstream items(list);
  std::string item;
  while (std::getline(items, item, ',')) {
    std::istringstream fields(trim(item));
    Category c;
    std::string rest;
    // The code must be a whole number followed by a space ("0.5 of x" is not a list).
    if (!(fields >> c.code) || fields.peek() != ' ' || !std::getline(fields, rest)) return {};
    c.name = trim(rest);
    if (c.name.empty()) return {};
    out.push_back(c);
  }
  return out;
}

int category_index(const std::vector<Category>& categories, double code) {
  if (!std::isfinite(code)) return -1;
  const long rounded = std::lround(code);
  for (std::size_t i = 0; i < categories.size(); ++i)
    if (categories[i].code == rounded) return static_cast<int>(i);
  return -1;
}

std::string category_name(const std::vector<Category>& categories, double code) {
  const int i = category_index(categories, code);
  return i < 0 ? "" : categories[static_cast<std::size_t>(i)].name;
}

void colourise_categories(std::span<const float> values, const std::vector<Category>& categories, Rgba other,
                          std::vector<std::uint32_t>& out) {
  out.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int c = category_index(categories, values[i]);
    out[i] = pack(c < 0 ? other : category_colour(static_cast<std::size_t>(c)));
  }
}

}  // namespace zhili::view
