#include "model/observables.hpp"

namespace zhili {

namespace {

std::string wrote_message(const SeriesSpec& spec, std::size_t written) {
  return "observable '" + spec.name + "' wrote " + std::to_string(written) + " values; its width is " +
         std::to_string(spec.width());
}

}  // namespace

void SeriesWriter::overflow() const {
  throw ObservableFillError("observable '" + spec_.name + "' wrote more values than its width, " +
                            std::to_string(spec_.width()));
}

void ObservableTable::fill_row(std::span<double> row) const {
  if (row.size() != width_)
    throw ObservableFillError("the observable row has " + std::to_string(row.size()) + " values; the table's width is " +
                              std::to_string(width_));
  std::size_t at = 0;
  for (std::size_t i = 0; i < series_.size(); ++i) {
    const std::size_t width = series_[i].width();
    SeriesWriter out(series_[i], row.subspan(at, width));
    fills_[i](out);
    if (out.written() != width) throw ObservableFillError(wrote_message(series_[i], out.written()));
    at += width;
  }
}

void ObservableTable::fill_map(std::size_t map, const MapInputs& in, std::span<float> cells) const {
  map_fills_.at(map)(in, cells);
}

std::optional<std::size_t> ObservableTable::column_of(const std::string& name, const std::string& label) const {
  std::size_t k = 0;
  for (const auto& spec : series_) {
    if (spec.name == name) {
      if (label.empty()) return spec.labels.empty() ? std::optional<std::size_t>(k) : std::nullopt;
      for (std::size_t j = 0; j < spec.labels.size(); ++j)
        if (spec.labels[j] == label) return k + j;
      return std::nullopt;
    }
    k += spec.width();
  }
  return std::nullopt;
}

}  // namespace zhili
