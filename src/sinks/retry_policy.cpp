#include "sinks/retry_policy.hpp"

#include <algorithm>
#include <limits>

namespace farad::sinks {

SendOutcome classify_status(long status) {
  if (status >= 200 && status < 300) return SendOutcome::Sent;
  if (status == 0 || status >= 500 || status == 408 || status == 429) return SendOutcome::Retry;
  return SendOutcome::Drop;
}

std::chrono::milliseconds RetryPolicy::delay_after(int attempt) const {
  const std::chrono::milliseconds initial = std::max(initial_delay, std::chrono::milliseconds(1));
  const std::chrono::milliseconds cap = std::max(max_delay, initial);
  std::chrono::milliseconds delay = initial;
  // Doubling stops at the cap, so a long run of failures cannot overflow.
  for (int i = 1; i < attempt && delay < cap; ++i) delay *= 2;
  return std::min(delay, cap);
}

RetryBackoff::RetryBackoff(RetryPolicy policy, uint64_t seed)
    : policy_(policy), random_(seed != 0 ? seed : std::random_device{}()) {}

std::chrono::milliseconds RetryBackoff::next() {
  if (failures_ < std::numeric_limits<int>::max()) ++failures_;
  const std::chrono::milliseconds delay = policy_.delay_after(failures_);
  if (!policy_.jitter) return delay;
  std::uniform_int_distribution<int64_t> upper_half(delay.count() / 2, delay.count());
  return std::chrono::milliseconds(upper_half(random_));
}

}  // namespace farad::sinks
