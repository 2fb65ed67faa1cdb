// The colour of a difference by what it means (data/compare.hpp, meaning_of):
// green better, red worse, grey neither way or unchanged. One palette for the
// compare table and the presentation layout's headline cards.
#pragma once

#include <imgui.h>

#include "data/compare.hpp"

namespace zhili::view {

inline ImVec4 meaning_colour(Meaning m) {
  switch (m) {
    case Meaning::better: return ImVec4(0.45f, 0.85f, 0.55f, 1.0f);
    case Meaning::worse: return ImVec4(0.98f, 0.45f, 0.40f, 1.0f);
    case Meaning::no_change:
    case Meaning::neither: break;
  }
  return ImVec4(0.72f, 0.72f, 0.72f, 1.0f);
}

}  // namespace zhili::view
