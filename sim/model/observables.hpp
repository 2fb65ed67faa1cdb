// Observables declared once, beside the code that computes them.
//
// A submodel's measures class lists its series as entries: what the series is
// (name, unit, description, breakdown labels: the SeriesSpec written to the
// result file), when a scenario reports it, and how its values are written
// from what the class measured this step. The model binds each class's list
// to the class in one ObservableTable, in row order; measuring a step is then
// one pass over the table, and every entry must write exactly its width, or
// the table throws naming it. Maps are declared the same way. (The idea is
// HOOMD-blue's loggable quantities and FLAME GPU 2's logging configuration.)
//
// Adding a series is one entry in the list of the class that computes it:
//   {{"arrivals", "households/step", "Migrant households arriving during the step", "", {}},
//    [](const Metrics& m, SeriesWriter& out) { out.put(m.at_.flows.arrivals * m.at_.scale); }},
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/result_layout.hpp"
#include "scenario/scenario.hpp"
#include "world/world.hpp"

namespace zhili {

// Writes one series' values and counts them, so that a fill writing more or
// fewer values than the series' width is caught.
class SeriesWriter {
 public:
  SeriesWriter(const SeriesSpec& spec, std::span<double> out) : spec_(spec), out_(out) {}
  void put(double v) {
    if (written_ == out_.size()) overflow();
    out_[written_++] = v;
  }
  template <class Range>
  void put_each(const Range& values) {
    for (const auto v : values) put(static_cast<double>(v));
  }
  std::size_t written() const { return written_; }

 private:
  [[noreturn]] void overflow() const;
  const SeriesSpec& spec_;
  std::span<double> out_;
  std::size_t written_ = 0;
};

// What every map fill may read besides its measures class.
struct MapInputs {
  const World& world;
  const Scenario& scenario;
};

// One series of the class `Measures`. `enabled` null: reported whenever the
// class is (the model decides that for the class as a whole).
template <class Measures>
struct SeriesEntry {
  SeriesSpec spec;
  void (*fill)(const Measures&, SeriesWriter&) = nullptr;
  bool (*enabled)(const Scenario&) = nullptr;
};

// One map of the class `Measures`: fill writes every cell (width x height).
template <class Measures>
struct MapEntry {
  MapSpec spec;
  void (*fill)(const Measures&, const MapInputs&, std::span<float> cells) = nullptr;
  bool (*enabled)(const Scenario&) = nullptr;
};

// Thrown when an observable's fill writes other than its width: a defect of
// the code, never of the input.
class ObservableFillError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// The observables of one model, in row order, each bound to the object whose
// measurements it reads. That object must outlive the table (both are members
// of the model).
class ObservableTable {
 public:
  template <class Measures>
  void add(const std::vector<SeriesEntry<Measures>>& entries, const Scenario& s, const Measures& source) {
    for (const auto& e : entries) {
      if (e.enabled && !e.enabled(s)) continue;
      series_.push_back(e.spec);
      fills_.push_back([fill = e.fill, &source](SeriesWriter& out) { fill(source, out); });
      width_ += e.spec.width();
    }
  }
  template <class Measures>
  void add(const std::vector<MapEntry<Measures>>& entries, const Scenario& s, const Measures& source) {
    for (const auto& e : entries) {
      if (e.enabled && !e.enabled(s)) continue;
      maps_.push_back(e.spec);
      map_fills_.push_back(
          [fill = e.fill, &source](const MapInputs& in, std::span<float> cells) { fill(source, in, cells); });
    }
  }

  const std::vector<SeriesSpec>& series() const { return series_; }
  const std::vector<MapSpec>& maps() const { return maps_; }
  std::size_t row_width() const { return width_; }

  // Writes every series into `row` (row_width() values); throws
  // ObservableFillError naming a series that wrote other than its width.
  void fill_row(std::span<double> row) const;
  void fill_map(std::size_t map, const MapInputs& in, std::span<float> cells) const;
  // Position of a series (and of one label of its breakdown) in the row.
  std::optional<std::size_t> column_of(const std::string& name, const std::string& label) const;

 private:
  std::vector<SeriesSpec> series_;
  std::vector<std::function<void(SeriesWriter&)>> fills_;
  std::vector<MapSpec> maps_;
  std::vector<std::function<void(const MapInputs&, std::span<float>)>> map_fills_;
  std::size_t width_ = 0;
};

}  // namespace zhili
