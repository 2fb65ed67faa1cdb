// An allocator that starts each large array at its own offset within a 4 KiB
// page, for structure-of-arrays stores whose fields are read together at
// the same index.
//
// Why: large blocks come from mmap, so every field array of a store starts at
// the same offset in its page. The L1 data cache picks a set from the
// address's offset within the page (64 sets of 64-byte lines, 8 ways, on this
// machine's cores and most others), so element i of every byte-wide field
// falls in one set: a pass that reads nine of them at once (the grievance
// pass does) evicts a line on every household. Before this, every household
// field of a million-household run started at offset 16 of its page.
// Cachegrind showed about one L1 miss per household per byte field in that
// pass; `BM_ByteFieldsAtOneSlot` (bench/kernels_bench.cpp) reads 6, 9 or 14
// byte fields at one slot 1.1-1.3, 1.2-1.3 and 3 times as fast staggered
// (bench/README.md, "Cache sets").
//
// Each large allocation gets the next of 64 line offsets, spread by a stride
// coprime to 64, so up to 64 arrays fall in distinct sets. Small arrays use
// the plain allocator. The layout changes no result.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <vector>

namespace zhili {

namespace staggered_detail {

inline constexpr std::size_t kLine = 64, kPage = 4096;
// Blocks smaller than this are not worth staggering (and do not come from mmap).
inline constexpr std::size_t kStaggerFrom = 64 * 1024;

// Byte offset of the next large block within its page: line 0, 23, 46, ...
// (23 is coprime to 64, so 64 blocks in a row take 64 different lines).
inline std::size_t next_offset() {
  static std::atomic<std::size_t> count{0};
  return (count.fetch_add(1, std::memory_order_relaxed) * 23 % (kPage / kLine)) * kLine;
}

inline void* allocate(std::size_t bytes) {
  if (bytes < kStaggerFrom) return ::operator new(bytes);
  if (bytes > static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max()) - 2 * kPage) throw std::bad_alloc();
  // Page-aligned block with room for the offset; the block's start is kept
  // just before the array so deallocate can find it.
  auto* block = static_cast<std::byte*>(::operator new(bytes + 2 * kPage, std::align_val_t{kPage}));
  std::byte* array = block + kPage + next_offset();
  reinterpret_cast<std::byte**>(array)[-1] = block;
  return array;
}

inline void deallocate(void* p, std::size_t bytes) {
  if (bytes < kStaggerFrom) {
    ::operator delete(p);
    return;
  }
  ::operator delete(reinterpret_cast<std::byte**>(p)[-1], std::align_val_t{kPage});
}

}  // namespace staggered_detail

template <class T>
struct StaggeredAllocator {
  using value_type = T;
  StaggeredAllocator() = default;
  template <class U>
  StaggeredAllocator(const StaggeredAllocator<U>&) {}
  T* allocate(std::size_t n) { return static_cast<T*>(staggered_detail::allocate(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) { staggered_detail::deallocate(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const StaggeredAllocator<U>&) const {
    return true;
  }
};

// A per-agent field array of a structure-of-arrays store.
template <class T>
using AgentArray = std::vector<T, StaggeredAllocator<T>>;

}  // namespace zhili
