// libFuzzer target for the scenario loader: any bytes, read as a scenario
// file, must load or be refused with located diagnostics (ScenarioError).
// Anything else (another exception, a crash, a sanitizer report, a hang,
// runaway memory) is a finding: tests/fuzz/run.sh, docs/ARCHITECTURE.md.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scenario/diagnostics.hpp"
#include "scenario/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)zhili::load_scenario_text(text, "fuzz.yaml", {});
  } catch (const zhili::ScenarioError&) {
    // refused with diagnostics: the expected outcome for most inputs
  }
  return 0;
}
