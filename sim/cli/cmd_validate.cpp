#include <cstdio>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "engine/memory_check.hpp"
#include "engine/plausibility.hpp"
#include "scenario/load.hpp"
#include "world/world.hpp"

namespace zhili {

int validate_command(const ValidateArgs& args) {
  try {
    auto overrides = args.overrides;
    for (const auto& name : args.without) overrides.push_back(without_override(name));
    const Scenario s = load_scenario(args.scenario, overrides);
    check_memory(s);  // before the map is built
    // Some checks need the built map (do the households fit in the housing?).
    const World w = build_world(s);
    std::printf("ok\n%s", summary(s).c_str());
    // The built map's size: a drawn map's comes from its raster, not the scenario.
    std::printf("map: %d x %d cells, housing for %lld simulated households, %zu placed\n", w.grid.width,
                w.grid.height, static_cast<long long>(w.grid.total_capacity()), w.households.size_alive());
    // Far from believable ground: said, not refused.
    auto warnings = override_warnings(s);
    for (auto& text : plausibility_warnings(s, w)) warnings.push_back(std::move(text));
    for (const auto& text : warnings) std::fprintf(stderr, "%s: warning: %s\n", args.scenario.c_str(), text.c_str());
    if (!warnings.empty()) std::fprintf(stderr, "zhili: %zu warning(s) in %s\n", warnings.size(), args.scenario.c_str());
    return exit_code::ok;
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "%s", e.diagnostics().format_all().c_str());
    std::fprintf(stderr, "zhili: %zu error(s) in %s\n", e.diagnostics().size(), args.scenario.c_str());
    return exit_code::bad_input;
  }
}

}  // namespace zhili
