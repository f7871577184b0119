#pragma once
// How a write-ahead log writer makes records durable and how large its segments grow.

#include <chrono>
#include <cstdint>
#include <functional>

namespace farad::store {

enum class FsyncPolicy {
  Always,    ///< append() returns after an fsync covering the record; concurrent appends share one
  Interval,  ///< append() returns after write(); a background thread fsyncs every fsync_interval
  Never,     ///< no fsync on the append path (a segment is still synced once, when sealed)
};

struct WalOptions {
  FsyncPolicy fsync = FsyncPolicy::Always;
  std::chrono::nanoseconds fsync_interval = std::chrono::seconds(1);
  /// A segment is sealed and a new one started when the next record would grow it past this;
  /// a record larger than this gets a segment of its own.
  uint64_t segment_bytes = 64ULL << 20;
  /// Called just before every fsync of a segment, on the thread that makes it. Tests use it to
  /// count syncs or to make them slow; it must not call into the writer.
  std::function<void()> before_fsync;
};

}  // namespace farad::store
