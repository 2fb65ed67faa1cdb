#include "engine/memory_check.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "scenario/diagnostics.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {
std::string gib(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
  return buf;
}

// A drawn map's size is known only from its raster, which the input-file
// limit bounds (256 MiB); the scenario's width and height stand for it.
double map_bytes(const Scenario& s) {
  return kBytesPerCell * static_cast<double>(s.world.width) * static_cast<double>(s.world.height);
}
double household_bytes(const Scenario& s) {
  return kBytesPerHousehold * static_cast<double>(s.population.households);
}
}  // namespace

double estimated_run_bytes(const Scenario& s) { return kBaseBytes + map_bytes(s) + household_bytes(s); }

double usable_memory_bytes() {
  double bytes = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGESIZE));
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    bytes = std::min(bytes, static_cast<double>(limit.rlim_cur));
  return bytes;
}

void check_memory(const Scenario& s, double usable) {
  const double need = estimated_run_bytes(s);
  if (need <= usable) return;
  const std::string key = map_bytes(s) >= household_bytes(s) ? "world.width" : "population.households";
  char found[160];
  std::snprintf(found, sizeof found, "%d x %d cells and %lld households: about %s", s.world.width, s.world.height,
                static_cast<long long>(s.population.households), gib(need).c_str());
  Diagnostics d;
  d.add(Diagnostic{key_location(s, key), key, "too large for this machine", found,
                   "a run that fits in the " + gib(usable) + " this process may use",
                   "a smaller map (a coarser world.cell_km) or fewer simulated households (a larger population.scale)"});
  throw ScenarioError(std::move(d));
}

}  // namespace zhili
