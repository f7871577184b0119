#include "nodes/time_quantise.hpp"

#include <catch2/catch.hpp>

using farad::nodes::go_round;
using farad::nodes::go_truncate;

TEST_CASE("truncation is relative to Go's zero time, not the Unix epoch", "[nodes]") {
  constexpr int64_t s = 1000000000;
  constexpr int64_t wednesday = 1491955200 * s;  // 2017-04-12T00:00:00Z
  constexpr int64_t monday = 1491782400 * s;     // 2017-04-10T00:00:00Z
  struct Row {
    int64_t time;
    int64_t period;
    int64_t truncated;
    int64_t rounded;
  };
  const Row rows[] = {
      {wednesday + 5 * s, 10 * s, wednesday, wednesday + 10 * s},  // halfway rounds up
      {wednesday + 4 * s, 10 * s, wednesday, wednesday},
      {wednesday, 7 * 86400 * s, monday, monday},  // weeks start on Monday
      // The Unix epoch sits 60 s into a 7m bucket of Go's zero time: 30 s past midnight is
      // 210 s into its bucket, exactly halfway, so it rounds up.
      {wednesday + 30 * s, 7 * 60 * s, wednesday - 180 * s, wednesday + 240 * s},
      {-15 * s, 10 * s, -20 * s, -10 * s},
  };
  for (const auto& row : rows) {
    INFO(row.time << " / " << row.period);
    CHECK(go_truncate(row.time, row.period) == row.truncated);
    CHECK(go_round(row.time, row.period) == row.rounded);
  }
}
