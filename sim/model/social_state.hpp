// The bits of HouseholdStore::social, shared by the grievance, channel and
// conflict code that reads and writes them.
#pragma once

#include <cstdint>

namespace zhili::social_bits {

inline constexpr std::uint8_t kActive = 1;    // active in Epstein's sense this step
inline constexpr std::uint8_t kPending = 2;   // a complaint waits at a channel
inline constexpr int kEscalationShift = 2;    // escalation level 0..3: ignored complaints
inline constexpr std::uint8_t kEscalationMask = 0x0c;

inline int escalation(std::uint8_t s) { return (s & kEscalationMask) >> kEscalationShift; }
inline std::uint8_t with_escalation(std::uint8_t s, int level) {
  return static_cast<std::uint8_t>((s & ~kEscalationMask) | (level << kEscalationShift));
}

}  // namespace zhili::social_bits
