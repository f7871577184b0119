#pragma once
// What the answer to a sink's request means, and how long to wait before trying again. Shared
// by influxDBOut and httpPost: a server that is down or overloaded (5xx, timeouts, refused
// connections) is retried with exponential backoff; a request the server rejects (4xx) is
// dropped, since sending it again would be rejected again.

#include <chrono>

namespace farad::sinks {

enum class SendOutcome {
  Sent,   ///< 2xx
  Retry,  ///< 5xx, 408, 429, or no response at all
  Drop,   ///< any other status: logged and counted, not sent again
};

/// The outcome of an HTTP status; 0 stands for "no response" (a transport error).
SendOutcome classify_status(long status);

struct RetryPolicy {
  std::chrono::milliseconds initial_delay{250};
  std::chrono::milliseconds max_delay{30000};
  /// Attempts in all, the first included; 0 means no limit (influxDBOut retries until sent).
  int max_attempts = 0;

  /// The wait after failed attempt number `attempt` (1 for the first): initial_delay doubled
  /// per further attempt, capped at max_delay.
  std::chrono::milliseconds delay_after(int attempt) const;
  /// Whether another attempt follows failed attempt number `attempt`.
  bool may_retry(int attempt) const { return max_attempts == 0 || attempt < max_attempts; }
};

}  // namespace farad::sinks
