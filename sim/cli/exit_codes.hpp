// Exit codes of the zhili program (documented in README.md, "Exit codes").
#pragma once

namespace zhili::exit_code {

inline constexpr int ok = 0;
inline constexpr int internal_error = 1;  // a bug: please report it
inline constexpr int bad_input = 2;       // usage error, invalid scenario, unreadable input
inline constexpr int output_error = 3;    // result file cannot be written or read
inline constexpr int targets_not_met = 4; // calibrate: some targets outside their tolerance
inline constexpr int interrupted_sigint = 130;   // 128 + SIGINT: stopped, file marked interrupted
inline constexpr int interrupted_sigterm = 143;  // 128 + SIGTERM

}  // namespace zhili::exit_code
