#pragma once
// A FIFO of trivially copyable records in one contiguous ring: pushing and popping touch
// memory sequentially (the hardware prefetcher follows), nothing is allocated once the ring
// has reached the largest size it holds, and unlike std::deque (chunks of a few hundred bytes,
// so an allocation every few records of ~100 bytes) it never allocates per record.

#include <cstddef>
#include <type_traits>
#include <vector>

namespace farad::runtime {

template <typename T>
class RingQueue {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  /// The i-th record from the front.
  const T& operator[](std::size_t i) const { return slots_[wrap(head_ + i)]; }
  const T& front() const { return slots_[head_]; }

  void push_back(const T& value) {
    if (size_ == slots_.size()) grow();
    slots_[wrap(head_ + size_)] = value;
    ++size_;
  }
  void pop_front() {
    head_ = wrap(head_ + 1);
    --size_;
  }
  void clear() {
    head_ = 0;
    size_ = 0;
  }

 private:
  // An index below twice the capacity, brought into it.
  std::size_t wrap(std::size_t i) const { return i >= slots_.size() ? i - slots_.size() : i; }
  // By half again: a ring sized by a lateness keeps less unused room than with doubling.
  void grow() {
    std::vector<T> grown(slots_.empty() ? 64 : slots_.size() + slots_.size() / 2);
    for (std::size_t i = 0; i < size_; ++i) grown[i] = (*this)[i];
    slots_ = std::move(grown);
    head_ = 0;
  }

  std::vector<T> slots_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace farad::runtime
