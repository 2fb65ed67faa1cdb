// Categorical maps: a map whose unit is "code" stores category numbers, and
// its description names them ("Zone type: 0 urban_core, 1 fringe, ..."). The
// viewer draws such a map with distinct hues and names the category in the
// tooltip and legend instead of a number, without knowing any map by name.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "data/colour.hpp"

namespace zhili::view {

struct Category {
  int code = 0;
  std::string name;
};

// The "N name" pairs after the description's colon, comma-separated. Empty if
// the description does not follow that form.
std::vector<Category> parse_categories(const std::string& description);

// Name of `code` (rounded from a stored float), or "" if unknown.
std::string category_name(const std::vector<Category>& categories, double code);
// Position of `code` in the list (for its colour), or -1.
int category_index(const std::vector<Category>& categories, double code);

// Colours each code with its category's hue (category_colour of its
// position); unknown codes and NaN get `other`.
void colourise_categories(std::span<const float> values, const std::vector<Category>& categories, Rgba other,
                          std::vector<std::uint32_t>& out);

}  // namespace zhili::view
