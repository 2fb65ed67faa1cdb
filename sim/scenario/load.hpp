// Loading a scenario: YAML text -> validated, immutable Scenario.
//
// Every error in the file and in the overrides is collected and thrown
// together as a ScenarioError; nothing is silently defaulted or ignored.
#pragma once

#include <string>
#include <vector>

#include "scenario/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace zhili {

// Reads `path` and applies `overrides` ("key.path=value", as given to --set)
// in order. Throws ScenarioError listing every problem found.
Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

// Same, from text already in memory; `display_name` is used in diagnostics.
Scenario load_scenario_text(const std::string& text, const std::string& display_name,
                            const std::vector<std::string>& overrides = {});

// Diagnostics about the N-th override (1-based, in the order given) name it
// "--set #N" as their file. override_number reads N back (0 for a diagnostic
// about a file), for callers that name their overrides otherwise (a sweep
// file's line, a command-line shortcut, a calibration parameter).
std::string override_label(std::size_t n);
std::size_t override_number(const SourceLocation& where);

// The resolved scenario as YAML: every key of the schema with the value in
// force (defaults filled in, overrides applied, run.steps resolved). Loading
// this text again yields an equal Scenario.
std::string resolved_yaml(const Scenario& s);

// Where `key` was written (file:line:column), for checks made after loading
// (e.g. when the world is built); the scenario file with no position when
// the key was not written.
SourceLocation key_location(const Scenario& s, const std::string& key);

// A short human summary (name, dates, steps, map, households, levers, schedule).
std::string summary(const Scenario& s);

}  // namespace zhili
