#pragma once
// Kapacitor's replay time rule (replay.go, replayStreamFromChan): the clock's zero is the wall
// time when the replay starts; the first point's time maps to it, every later point keeps its
// distance from the first. Without recording-time the points are re-stamped with the mapped
// time; with it they keep their own. A real clock waits until the mapped time, a fast one
// does not wait.

#include <cstdint>
#include <optional>
#include <string_view>

namespace farad::daemon {

enum class ReplayClockKind { Fast, Real };

/// "fast" or "real"; nullopt for anything else.
std::optional<ReplayClockKind> parse_replay_clock(std::string_view text);
const char* replay_clock_name(ReplayClockKind kind);

class ReplayTimeShift {
 public:
  /// `zero_ns`: the wall time the first point maps to (when the replay started).
  ReplayTimeShift(int64_t zero_ns, bool recording_time)
      : zero_ns_(zero_ns), recording_time_(recording_time) {}

  struct Shifted {
    int64_t point_time = 0;  ///< the time the task sees
    int64_t wall_time = 0;   ///< when a real clock lets the point go
  };

  /// Maps the time of the next point in replay order.
  Shifted next(int64_t point_time_ns);

 private:
  int64_t zero_ns_;
  bool recording_time_;
  std::optional<int64_t> offset_ns_;  ///< zero - first point's time, set by the first point
};

}  // namespace farad::daemon
