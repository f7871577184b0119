#include "sinks/backoff.hpp"

#include <algorithm>

namespace farad::sinks {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max, uint64_t seed)
    : initial_(std::max(initial, std::chrono::milliseconds(1))),
      max_(std::max(max, initial_)),
      random_(seed != 0 ? seed : std::random_device{}()) {}

std::chrono::milliseconds Backoff::next() {
  // 2^attempt without overflow: past 2^30 the cap has long been reached.
  const unsigned shift = std::min(attempt_, 30U);
  const int64_t base = std::min<int64_t>(initial_.count() << shift, max_.count());
  ++attempt_;
  std::uniform_int_distribution<int64_t> jitter(base / 2, base);
  return std::chrono::milliseconds(jitter(random_));
}

}  // namespace farad::sinks
