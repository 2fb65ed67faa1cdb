// "Did you mean ...?" for misspelt keys, levers and choices.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhili {

// Optimal-string-alignment distance: insertions, deletions, substitutions and
// swaps of neighbours each cost 1, so "stpes" is one edit from "steps".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is close enough to be a likely typo
// (at most 2 edits, or a third of the word's length for long words).
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// "did you mean 'a'?", "did you mean 'a' or 'b'?"; "" for no options.
std::string did_you_mean(const std::vector<std::string>& options);

}  // namespace zhili
