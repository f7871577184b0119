#pragma once
// The wall clock in nanoseconds since the Unix epoch: created, modified and last-enabled times.

#include <chrono>
#include <cstdint>

namespace farad::daemon {

inline int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace farad::daemon
