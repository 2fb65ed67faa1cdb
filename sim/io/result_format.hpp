// Constants of the zhili-trajectory layout shared by the writer and the
// reader, so the two cannot drift apart. The layout itself: docs/FORMAT.md.
#pragma once

#include <cstddef>
#include <cstdint>

namespace zhili::format {

inline constexpr const char* creator = "zhili";
inline constexpr const char* name = "zhili-trajectory";
// Bump when a reader of the previous version would misread a new file.
inline constexpr std::int32_t version = 1;

// The /run/status codes (RunStatus), spelled out in the dataset's `meaning` attribute.
inline constexpr const char* status_meaning = "0 = running, 1 = finished, 2 = interrupted, 3 = failed";

// "YYYY-MM-DD": the fixed length of /timeline/date strings.
inline constexpr std::size_t date_length = 10;

}  // namespace zhili::format
