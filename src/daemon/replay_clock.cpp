#include "daemon/replay_clock.hpp"

namespace farad::daemon {

std::optional<ReplayClockKind> parse_replay_clock(std::string_view text) {
  if (text == "fast") return ReplayClockKind::Fast;
  if (text == "real") return ReplayClockKind::Real;
  return std::nullopt;
}

const char* replay_clock_name(ReplayClockKind kind) {
  return kind == ReplayClockKind::Real ? "real" : "fast";
}

ReplayTimeShift::Shifted ReplayTimeShift::next(int64_t point_time_ns) {
  if (!offset_ns_) offset_ns_ = zero_ns_ - point_time_ns;
  const int64_t mapped = point_time_ns + *offset_ns_;
  return {recording_time_ ? point_time_ns : mapped, mapped};
}

}  // namespace farad::daemon
