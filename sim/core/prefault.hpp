// Reserving a vector takes address space only: the kernel maps each page at
// its first write. A buffer that set-up reserves and the first step fills
// (one entry per household) thus took its page faults inside the step loop,
// in a fresh process only. reserve_touched maps the pages at set-up instead,
// for buffers that the steps fill up to the reserve; a buffer filled only in
// part stays reserved (touching it would cost memory for nothing).
#pragma once

#include <cstddef>
#include <type_traits>
#include <vector>

namespace zhili {

template <class T, class A>
void reserve_touched(std::vector<T, A>& v, std::size_t n) {
  static_assert(std::is_trivially_destructible_v<T>, "for plain buffers of the step loop");
  const std::size_t size = v.size();
  v.reserve(n);
  v.resize(n);     // value-initialises the new elements: a write to every page
  v.resize(size);  // the contents as before; the capacity and its pages stay
}

}  // namespace zhili
