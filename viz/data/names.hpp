// Readable names, in English and Chinese, for what result files call by key:
// observables, maps, breakdown labels and names, units, levers, outlet series
// and outlet kinds. The table (names_table.cpp) is the one place a translator
// edits; the viewer shows a name from it wherever it shows a key, and the
// key itself only where the table has none (a file from a newer model). The
// test NamesCatalogue.* runs every shipped scenario and checks that each
// name its file holds has an entry here, and each entry a name in some file.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "data/text.hpp"

namespace zhili::view {

enum class NameKind {
  observable,     // /observables/<key>
  map,            // /maps/<key>
  label,          // a column label of a breakdown ("migrant", "hotline")
  breakdown,      // what a breakdown is over ("group", "channel")
  unit,           // "persons", "cases/step" (see unit_text)
  lever,          // /levers/<key>, also a sweep factor
  outlet_series,  // /entities/outlets/<key>
  outlet_kind,    // an outlet's kind ("street_station")
  parameter,      // a scenario key a shipped sweep varies that is no lever ("migration.ht_beta")
};

struct NameEntry {
  NameKind kind;
  const char* key;             // as the file writes it
  Text name;                   // short readable name, e.g. {"Coverage by group", "分群体服务覆盖率"}
  const char* zh_description;  // Chinese of the file's description (observables, maps, levers,
                               // outlet series); nullptr for the other kinds
};

// Every entry, in the table's order.
std::span<const NameEntry> name_table();
// The entry of `key`, or nullptr.
const NameEntry* find_name(NameKind kind, std::string_view key);

// A unit as shown: "cases/step" becomes "cases/month" (or "件/月") for a
// monthly run; `step_unit` is the run's ("month" or "week"). A share ("1")
// is "%". A unit with no entry is returned as written.
std::string unit_text(std::string_view unit, std::string_view step_unit, bool chinese);

}  // namespace zhili::view
