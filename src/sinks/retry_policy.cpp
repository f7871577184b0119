#include "sinks/retry_policy.hpp"

#include <algorithm>

namespace farad::sinks {

SendOutcome classify_status(long status) {
  if (status >= 200 && status < 300) return SendOutcome::Sent;
  if (status == 0 || status >= 500 || status == 408 || status == 429) return SendOutcome::Retry;
  return SendOutcome::Drop;
}

std::chrono::milliseconds RetryPolicy::delay_after(int attempt) const {
  std::chrono::milliseconds delay = initial_delay;
  for (int i = 1; i < attempt && delay < max_delay; ++i) delay *= 2;
  return std::min(delay, max_delay);
}

}  // namespace farad::sinks
