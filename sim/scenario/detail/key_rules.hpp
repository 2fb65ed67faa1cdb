// One rule per scenario key: its documentation, how a written value is
// checked and stored into the Scenario, and how the stored value is written
// back as YAML. The factories below make each key of the schema table a
// single entry: path, unit, range, the Scenario field it binds, a description.
//
// A field is named by an accessor usable on both const and mutable
// scenarios, e.g. `[](auto& s) -> auto& { return s.run.steps; }`, so the same
// entry both writes the field (when loading) and reads it (when emitting and
// when documenting its default, taken from a default-constructed Scenario).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "scenario/detail/key_tree.hpp"
#include "scenario/detail/load_context.hpp"
#include "scenario/messages.hpp"
#include "scenario/detail/scalar_read.hpp"
#include "scenario/schema.hpp"

namespace zhili::scenario_detail {

struct KeyRule {
  KeyDoc doc;  // doc.default_value is filled from emit(Scenario{}) when left empty
  std::function<void(const ValueInput&, LoadContext&)> bind;
  std::function<std::string(const Scenario&)> emit;  // YAML text; empty: not in resolved_yaml
  bool emit_block_list = false;   // emit gives one flow item per line, for a block sequence
  std::vector<KeyDoc> part_docs;  // documented parts of a structured value (schedule[].at, ...)
  // Whether the key takes part in this scenario (empty: always). resolved_yaml
  // leaves out keys that do not, e.g. the generator's keys of a drawn map.
  std::function<bool(const Scenario&)> applies;
};

inline KeyRule rule_for(KeyDoc doc) {
  KeyRule r;
  r.doc = std::move(doc);
  return r;
}

template <class Field>
using FieldType = std::remove_cvref_t<decltype(std::declval<Field>()(std::declval<Scenario&>()))>;

template <class Field>
KeyRule integer_key(std::string path, std::string unit, IntRange range, Field field,
                    std::string description) {
  KeyRule r = rule_for(
      {std::move(path), "integer", std::move(unit), "", range.text(), std::move(description)});
  r.bind = [range, field](const ValueInput& in, LoadContext& ctx) {
    if (auto v = read_integer(in.value, {in.path, in.value_at}, range, ctx))
      field(ctx.scenario) = static_cast<FieldType<Field>>(*v);
  };
  r.emit = [field](const Scenario& s) { return std::to_string(field(s)); };
  return r;
}

template <class Field>
KeyRule number_key(std::string path, std::string unit, NumRange range, Field field,
                   std::string description) {
  KeyRule r = rule_for(
      {std::move(path), "number", std::move(unit), "", range.text(), std::move(description)});
  r.bind = [range, field](const ValueInput& in, LoadContext& ctx) {
    if (auto v = read_number(in.value, {in.path, in.value_at}, range, ctx))
      field(ctx.scenario) = *v;
  };
  r.emit = [field](const Scenario& s) { return number_text(field(s)); };
  return r;
}

template <class Field>
KeyRule bool_key(std::string path, Field field, std::string description) {
  KeyRule r =
      rule_for({std::move(path), "boolean", "", "", "true | false", std::move(description)});
  r.bind = [field](const ValueInput& in, LoadContext& ctx) {
    if (auto v = read_bool(in.value, {in.path, in.value_at}, ctx)) field(ctx.scenario) = *v;
  };
  r.emit = [field](const Scenario& s) { return std::string(field(s) ? "true" : "false"); };
  return r;
}

// Quotes text as a YAML double-quoted scalar (escapes control characters).
std::string quoted_text(std::string_view text);

// A string; `valid` (may be empty) restricts it, and `range` says how, for people.
template <class Field>
KeyRule text_key(std::string path, std::string range, std::function<bool(const std::string&)> valid,
                 Field field, std::string description) {
  KeyRule r = rule_for({std::move(path), "string", "", "", range, std::move(description)});
  const std::string expected = valid ? "a string of " + range : "a string";
  r.bind = [valid, field, expected](const ValueInput& in, LoadContext& ctx) {
    const Site site{in.path, in.value_at};
    auto v = read_text(in.value, site, expected, ctx);
    if (!v) return;
    if (valid && !valid(*v)) {
      ctx.reject(site, kInvalidValue, found_text(in.value), expected);
      return;
    }
    field(ctx.scenario) = *v;
  };
  r.emit = [field](const Scenario& s) { return quoted_text(field(s)); };
  return r;
}

template <class Field>
KeyRule date_key(std::string path, Field field, std::string description) {
  KeyRule r =
      rule_for({std::move(path), "date", "", "", "YYYY-MM or YYYY-MM-DD", std::move(description)});
  r.bind = [field](const ValueInput& in, LoadContext& ctx) {
    if (auto d = read_date(in.value, {in.path, in.value_at}, ctx)) field(ctx.scenario) = *d;
  };
  r.emit = [field](const Scenario& s) { return format_date(field(s)); };
  return r;
}

// An enum field whose values, in declaration order, are named by `choices`.
template <class Field>
KeyRule choice_key(std::string path, std::vector<std::string_view> choices, Field field,
                   std::string description) {
  std::string range;
  for (auto c : choices) range += (range.empty() ? "" : " | ") + std::string(c);
  KeyRule r = rule_for({std::move(path), "enum", "", "", range, std::move(description)});
  r.bind = [choices, field](const ValueInput& in, LoadContext& ctx) {
    if (auto i = read_choice(in.value, {in.path, in.value_at}, choices, ctx))
      field(ctx.scenario) = static_cast<FieldType<Field>>(*i);
  };
  r.emit = [choices, field](const Scenario& s) {
    return std::string(choices.at(static_cast<std::size_t>(field(s))));
  };
  return r;
}

// A map cell [x, y]. Whether it lies on the map is checked with the map's
// size, after every key is read (consistency.cpp).
void bind_cell(const ValueInput& in, LoadContext& ctx, CellXY& out);

template <class Field>
KeyRule cell_key(std::string path, Field field, std::string description) {
  KeyRule r =
      rule_for({std::move(path), "[x, y]", "cells", "", "inside the map", std::move(description)});
  r.bind = [field](const ValueInput& in, LoadContext& ctx) {
    bind_cell(in, ctx, field(ctx.scenario));
  };
  r.emit = [field](const Scenario& s) {
    return pair_text(std::to_string(field(s).x), std::to_string(field(s).y));
  };
  return r;
}

// All rules in document order, and the tree of their paths.
const std::vector<KeyRule>& key_rules();
const KeyTree& key_tree();

}  // namespace zhili::scenario_detail
