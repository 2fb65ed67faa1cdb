// The bits of HouseholdStore::social, shared by the grievance, channel and
// conflict code that reads and writes them.
#pragma once

#include <cstdint>

namespace zhili::social_bits {

inline constexpr std::uint8_t kActive = 1;    // active in Epstein's sense this step
inline constexpr std::uint8_t kPending = 2;   // a complaint waits at a channel
inline constexpr int kEscalationShift = 2;    // escalation level 0..3: ignored complaints
inline constexpr std::uint8_t kEscalationMask = 0x0c;
// Renewal (model/renewal.hpp): notified or displaced by a project, its
// complaints counted as the project's; and, for an owner, agreed to its terms.
inline constexpr std::uint8_t kAffected = 0x10;
inline constexpr std::uint8_t kAgreed = 0x20;

inline int escalation(std::uint8_t s) { return (s & kEscalationMask) >> kEscalationShift; }
inline std::uint8_t with_escalation(std::uint8_t s, int level) {
  return static_cast<std::uint8_t>((s & ~kEscalationMask) | (level << kEscalationShift));
}

}  // namespace zhili::social_bits
