// An allocator whose vectors leave new elements of trivial types uninitialised
// on resize (default-initialised, not value-initialised).
//
// Why: per-block scratch of the size of the household store, where each block
// writes only a few entries at its start (the claims of relocation), would
// otherwise be zeroed in full on its first resize: every page touched, about
// 16 bytes a household of memory for a few hundred used entries.
#pragma once

#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace zhili {

template <class T, class Base = std::allocator<T>>
class DefaultInitAllocator : public Base {
  using Traits = std::allocator_traits<Base>;

 public:
  template <class U>
  struct rebind {
    using other = DefaultInitAllocator<U, typename Traits::template rebind_alloc<U>>;
  };
  using Base::Base;

  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;  // default-initialisation: no zeroing for trivial types
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    Traits::construct(static_cast<Base&>(*this), p, std::forward<Args>(args)...);
  }
};

}  // namespace zhili
