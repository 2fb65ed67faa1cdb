// The fixed wording of each class of scenario error. Tests and users match on
// these, so each class has exactly one message.
#pragma once

namespace zhili {

inline constexpr const char* kUnknownKey = "unknown key";
inline constexpr const char* kUnknownLever = "unknown lever";
inline constexpr const char* kDuplicateKey = "duplicate key";
inline constexpr const char* kMissingKey = "missing key";
inline constexpr const char* kWrongType = "wrong type";
inline constexpr const char* kOutOfRange = "value out of range";
inline constexpr const char* kInvalidValue = "invalid value";
inline constexpr const char* kInconsistent = "inconsistent values";
inline constexpr const char* kOutsideMap = "location outside the map";
inline constexpr const char* kRampBackwards = "ramp ends before it starts";
inline constexpr const char* kMixedEntry = "mixed schedule entry";
inline constexpr const char* kDuplicateName = "duplicate name";
inline constexpr const char* kUnknownOutlet = "unknown outlet";
inline constexpr const char* kUnknownEntry = "unknown schedule entry";
inline constexpr const char* kSyntaxError = "YAML syntax error";
inline constexpr const char* kUnreadable = "cannot read file";
inline constexpr const char* kMalformedOverride = "malformed override";
inline constexpr const char* kNotOverridable = "cannot be overridden";
inline constexpr const char* kSectionNotKey = "a section, not a key";

}  // namespace zhili
