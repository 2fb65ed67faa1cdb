// A small synthetic run used by the io tests and the sample file for the
// h5py check: a layout with every kind of data, and values that are pure
// functions of (step, column) so a reader can check them bit for bit.
#pragma once

#include <cstdint>
#include <string>

#include "core/calendar.hpp"
#include "io/result_layout.hpp"
#include "io/result_writer.hpp"

namespace zhili::test {

// Observables "population" (scalar), "employment_share" (breakdown by group,
// 3 labels), "mean_rent" (scalar); levers "hukou.openness", "housing.subsidy";
// maps "density", "rent" of 4 x 3 cells; entity series outlets/queue_length
// (2 entities) and courts/backlog (3); event table "incidents" (step:int64,
// cell:int64, size:float64).
ResultLayout sample_layout();
RunMetadata sample_metadata();
Calendar sample_calendar();  // monthly from 2017-01-01

inline constexpr int kMapEvery = 5;  // a map snapshot every 5 steps

double observable_value(std::int64_t step, std::size_t column);  // column of the whole row
double lever_value(std::int64_t step, std::size_t lever);
float map_value(std::int64_t step, std::size_t map, int y, int x);
double entity_value(std::int64_t step, std::size_t series, std::size_t entity);
// Series 1 gets no row on steps with step % 7 == 3 (its row must read as NaN).
bool entity_row_given(std::int64_t step, std::size_t series);
bool has_event(std::int64_t step);        // step % 4 == 1
double event_cell_raw(std::int64_t step);  // 3 * step + 0.6: stored rounded, 3 * step + 1

// Appends steps [first, first + count) with every kind of data, in the order
// an engine would: append_step, then that step's entity rows, maps and events.
void write_steps(ResultWriter& w, std::int64_t first, std::int64_t count);

// A fresh path under the build tree for one test's file (parent dirs created,
// old file removed).
std::string temp_path(const std::string& name);

}  // namespace zhili::test
