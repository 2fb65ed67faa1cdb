// A checkpoint's bytes: one code path both saves and restores a state.
//
// Each class with state that lasts from one step to the next has
//   void serialize(Archive& a);
// which names its fields in a fixed order; saving writes them, loading reads
// them back into the same fields (the Boost.Serialization idea, without the
// library). Values are raw bytes of the running machine, so doubles round-trip
// exactly and a continued run is bit-identical; a checkpoint is read back on
// a machine of the same byte order (every machine this builds for).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "core/fnv1a.hpp"

namespace zhili {

// A checkpoint that cannot be read: truncated, corrupt or of another run.
class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Archive {
 public:
  static Archive saving() { return Archive(false, {}); }
  static Archive loading(std::string bytes) { return Archive(true, std::move(bytes)); }

  bool is_loading() const { return loading_; }
  const std::string& bytes() const { return bytes_; }
  bool at_end() const { return pos_ == bytes_.size(); }

  template <class T>
  void pod(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    raw(&v, sizeof v);
  }
  template <class T, std::size_t N>
  void array(std::array<T, N>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    raw(v.data(), sizeof(T) * N);
  }
  template <class T, class A>
  void vec(std::vector<T, A>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t n = v.size();
    pod(n);
    if (loading_) {
      if (n > (bytes_.size() - pos_) / (sizeof(T) == 0 ? 1 : sizeof(T))) fail("a list longer than the file");
      v.resize(static_cast<std::size_t>(n));
    }
    raw(v.data(), sizeof(T) * v.size());
  }
  void text(std::string& s) {
    std::uint64_t n = s.size();
    pod(n);
    if (loading_) {
      if (n > bytes_.size() - pos_) fail("a text longer than the file");
      s.assign(bytes_, pos_, static_cast<std::size_t>(n));
      pos_ += static_cast<std::size_t>(n);
    } else {
      bytes_.append(s);
    }
  }
  // A mark between parts: a part that read or wrote other than it should is
  // caught at the next mark, naming the part, instead of as garbage later.
  void section(const char* name) {
    const std::uint64_t mark = fnv1a(name);
    std::uint64_t read = mark;
    pod(read);
    if (read != mark) fail(std::string("the part before '") + name + "' does not match this program");
  }

 private:
  Archive(bool loading, std::string bytes) : loading_(loading), bytes_(std::move(bytes)) {}

  void raw(void* p, std::size_t n) {
    if (n == 0) return;
    if (loading_) {
      if (n > bytes_.size() - pos_) fail("the file ends too early");
      std::memcpy(p, bytes_.data() + pos_, n);
      pos_ += n;
    } else {
      bytes_.append(static_cast<const char*>(p), n);
    }
  }
  [[noreturn]] void fail(const std::string& why) const {
    throw CheckpointError("checkpoint unreadable at byte " + std::to_string(pos_) + ": " + why);
  }

  bool loading_;
  std::string bytes_;
  std::size_t pos_ = 0;
};

}  // namespace zhili
