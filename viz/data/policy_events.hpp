// What a run's schedule changed and when (docs/VIEWER.md, "Policy events"):
// each entry of the resolved scenario stored in the file — lever changes and
// ramps, outlet changes — as a dated event for the time axes and the runs
// panel. Renewal projects are marked by the stages they reached instead
// (data/renewal.hpp): their demolition waits on consent, so the date written
// is only their notice.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/result_layout.hpp"

namespace zhili::view {

// A text written in both of the viewer's languages at once: the data layer
// does not know which one the window shows, and the window may switch.
struct Wording {
  std::string en, zh;
  const std::string& in(bool chinese) const { return chinese ? zh : en; }
  bool operator==(const Wording&) const = default;
};

struct PolicyEvent {
  std::int64_t step = 0;  // first step it acts on, from run.start
  double t = 0;           // its decimal year
  std::string date;       // "YYYY-MM"
  std::string name;       // the entry's name, "" when unnamed
  Wording what;           // "hukou.openness 0.2 → 0.6 by 2020-01", "outlet station-east opens";
                          // in Chinese with the levers' names (data/names.hpp)
  // A short label for an axis: the name, else `what`.
  const std::string& label(bool chinese = false) const { return name.empty() ? what.in(chinese) : name; }
};

// The run's policy events in time order (file order within a step); none
// when the file holds no resolved scenario or it cannot be read back.
std::vector<PolicyEvent> policy_events(const RunMetadata& m);

// What distinguishes a run at a glance: its description, the --set
// overrides it was run with, and its schedule's entries ("name 2017-02" or
// the change itself), renewal projects included.
struct RunPolicy {
  std::string description;
  std::vector<std::string> overrides;
  std::vector<Wording> entries;
};
RunPolicy run_policy(const RunMetadata& m);

}  // namespace zhili::view
