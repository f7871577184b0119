#include <catch2/catch.hpp>

#include "daemon/replay_clock.hpp"

using farad::daemon::ReplayTimeShift;

// Kapacitor's replayStreamFromChan: the first point maps to the clock's zero (the replay's
// start), later points keep their distance to the first; recording-time keeps the points' own
// times but a real clock still waits for the mapped time.
TEST_CASE("replay time shift: table", "[daemon]") {
  struct Row {
    bool recording_time;
    std::vector<int64_t> times;
    std::vector<int64_t> point_times;
    std::vector<int64_t> wall_times;
  };
  constexpr int64_t zero = 1'000'000;
  const Row rows[] = {
      {false, {100, 150, 160}, {zero, zero + 50, zero + 60}, {zero, zero + 50, zero + 60}},
      {true, {100, 150, 160}, {100, 150, 160}, {zero, zero + 50, zero + 60}},
      // Out of order: a point before the first maps before zero.
      {false, {100, 90, 200}, {zero, zero - 10, zero + 100}, {zero, zero - 10, zero + 100}},
      {true, {100, 90, 200}, {100, 90, 200}, {zero, zero - 10, zero + 100}},
      // A recording later than the replay moves back in time.
      {false, {5'000'000, 5'000'001}, {zero, zero + 1}, {zero, zero + 1}},
      {false, {}, {}, {}},
  };
  for (const auto& row : rows) {
    ReplayTimeShift shift(zero, row.recording_time);
    std::vector<int64_t> point_times;
    std::vector<int64_t> wall_times;
    for (int64_t time : row.times) {
      const auto shifted = shift.next(time);
      point_times.push_back(shifted.point_time);
      wall_times.push_back(shifted.wall_time);
    }
    CHECK(point_times == row.point_times);
    CHECK(wall_times == row.wall_times);
  }
}

TEST_CASE("replay clock names", "[daemon]") {
  using farad::daemon::ReplayClockKind;
  CHECK(farad::daemon::parse_replay_clock("fast") == ReplayClockKind::Fast);
  CHECK(farad::daemon::parse_replay_clock("real") == ReplayClockKind::Real);
  CHECK_FALSE(farad::daemon::parse_replay_clock("Fast"));
  CHECK(std::string(farad::daemon::replay_clock_name(ReplayClockKind::Real)) == "real");
}
