// A first-come first-served queue of records served a number per step, for
// the expression channels and the dispute paths: the records in arrival
// order, the position of the first not yet served, and the fraction of a
// record's capacity carried to the next step (capacities in real cases per
// month rarely come out whole in simulated records per step).
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace zhili {

template <class Record>
struct FifoQueue {
  std::vector<Record> items;
  std::size_t head = 0;  // items before head are done
  double carry = 0;

  std::size_t size() const { return items.size() - head; }
  const Record& front() const { return items[head]; }
  void clear(std::size_t reserve) {
    items.clear();
    items.reserve(reserve);
    head = 0;
    carry = 0;
  }
  // Whole records `capacity` (plus the carried fraction) allows this step.
  std::size_t take_capacity(double capacity) {
    const double credit = capacity + carry;
    const auto whole = static_cast<std::size_t>(std::floor(credit));
    carry = credit - static_cast<double>(whole);
    return whole;
  }
  // Drops the done records once they are half the vector: amortised O(1), and
  // no allocation once the vector has grown to the largest queue.
  void compact() {
    if (head == 0 || head * 2 < items.size()) return;
    items.erase(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(head));
    head = 0;
  }
};

}  // namespace zhili
