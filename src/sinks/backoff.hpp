#pragma once
// Exponential backoff with full jitter between retries of a request: the n-th wait is drawn
// uniformly from [initial * 2^n / 2, initial * 2^n], capped at `max`, so that many senders
// retrying against one recovering cluster do not all come back at the same instant.

#include <chrono>
#include <cstdint>
#include <random>

namespace farad::sinks {

class Backoff {
 public:
  Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max, uint64_t seed = 0);

  /// The wait before the next retry; each call doubles the base, up to `max`.
  std::chrono::milliseconds next();
  /// After a success: the next wait starts from `initial` again.
  void reset() { attempt_ = 0; }
  unsigned attempt() const { return attempt_; }

 private:
  std::chrono::milliseconds initial_;
  std::chrono::milliseconds max_;
  unsigned attempt_ = 0;
  std::mt19937_64 random_;
};

}  // namespace farad::sinks
