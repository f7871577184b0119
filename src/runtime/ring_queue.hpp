#pragma once
// A FIFO of trivially copyable records in fixed chunks of about 64 KB: pushing and popping
// touch memory sequentially (the hardware prefetcher follows), nothing is allocated per record
// (std::deque's chunks hold a few records of ~100 bytes), and a queue never holds more than
// one chunk of unused room at each end, whatever size it reached (a growing array would keep
// up to half of it unused).

#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace farad::runtime {

template <typename T>
class RingQueue {
  static_assert(std::is_trivially_copyable_v<T>);
  static constexpr std::size_t kChunk = (64 * 1024) / sizeof(T) > 0 ? (64 * 1024) / sizeof(T) : 1;

 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  /// The i-th record from the front.
  const T& operator[](std::size_t i) const {
    const std::size_t at = head_ + i;
    return chunks_[at / kChunk][at % kChunk];
  }
  const T& front() const { return chunks_[0][head_]; }

  void push_back(const T& value) {
    const std::size_t at = head_ + size_;
    if (at / kChunk == chunks_.size()) {
      if (spare_) {
        chunks_.push_back(std::move(spare_));
      } else {
        chunks_.push_back(std::make_unique<T[]>(kChunk));
      }
    }
    chunks_[at / kChunk][at % kChunk] = value;
    ++size_;
  }
  void pop_front() {
    --size_;
    if (++head_ < kChunk) return;
    // The first chunk is used up: keep it as the spare, so a steady queue allocates nothing.
    spare_ = std::move(chunks_.front());
    chunks_.erase(chunks_.begin());
    head_ = 0;
  }
  void clear() {
    chunks_.clear();
    head_ = 0;
    size_ = 0;
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::unique_ptr<T[]> spare_;
  std::size_t head_ = 0;  // in the first chunk
  std::size_t size_ = 0;
};

}  // namespace farad::runtime
