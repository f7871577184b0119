#pragma once
// How a sink retries a request: what an answer means (sent, retry, drop) and how long to wait
// before the next attempt. One policy for every sink: influxDBOut and httpPost use the plain
// exponential schedule (initial_delay doubled per failed attempt, capped at max_delay, with an
// optional limit on attempts); es() adds jitter, so that many senders retrying against one
// recovering cluster do not all come back at the same instant. A server that is down or
// overloaded (5xx, timeouts, refused connections) is retried; a request it rejects (4xx) is
// dropped, since sending it again would be rejected again.

#include <chrono>
#include <cstdint>
#include <random>

namespace farad::sinks {

enum class SendOutcome {
  Sent,   ///< 2xx
  Retry,  ///< 5xx, 408, 429, or no response at all
  Drop,   ///< any other status: logged and counted, not sent again
};

/// The outcome of an HTTP status; 0 stands for "no response" (a transport error).
SendOutcome classify_status(long status);

struct RetryPolicy {
  /// The first wait; below 1 ms counts as 1 ms.
  std::chrono::milliseconds initial_delay{250};
  /// The longest wait; below initial_delay counts as initial_delay.
  std::chrono::milliseconds max_delay{30000};
  /// Attempts in all, the first included; 0 means no limit (influxDBOut retries until sent).
  int max_attempts = 0;
  /// Each wait is drawn uniformly from the upper half of the schedule's, [delay / 2, delay].
  bool jitter = false;

  /// The schedule's wait after failed attempt number `attempt` (1 for the first):
  /// initial_delay doubled per further attempt, capped at max_delay; never jittered.
  std::chrono::milliseconds delay_after(int attempt) const;
  /// Whether another attempt follows failed attempt number `attempt`.
  bool may_retry(int attempt) const { return max_attempts == 0 || attempt < max_attempts; }
};

/// One run of consecutive failures under a policy: counts them and draws the jitter. Not
/// thread-safe: one per sending thread.
class RetryBackoff {
 public:
  /// `seed` 0 draws a random seed; tests pass their own.
  explicit RetryBackoff(RetryPolicy policy, uint64_t seed = 0);

  /// Counts a failure and returns the wait before the next attempt.
  std::chrono::milliseconds next();
  /// After a success: the next wait starts from initial_delay again.
  void reset() { failures_ = 0; }
  /// Failures since the last reset.
  int failures() const { return failures_; }
  /// Whether the policy allows another attempt after the failures counted so far.
  bool may_retry() const { return policy_.may_retry(failures_); }
  const RetryPolicy& policy() const { return policy_; }

 private:
  RetryPolicy policy_;
  int failures_ = 0;
  std::mt19937_64 random_;
};

}  // namespace farad::sinks
