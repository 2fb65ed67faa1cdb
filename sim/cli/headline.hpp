// The headline outcomes of a run over a whole year (io/result_years.hpp).
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "io/result_years.hpp"

namespace zhili {

// The headline outcomes of the year: coverage by group, trips per case,
// complaints and disputes per 10,000 residents a year, collective incidents,
// urban share, unemployment and the income Gini; each line only when the run
// has the observables behind it.
void print_headline(std::FILE* out, const ResultReader& r, const YearRows& rows);

}  // namespace zhili
