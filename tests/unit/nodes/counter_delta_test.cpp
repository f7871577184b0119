#include "nodes/counter_delta.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using farad::nodes::counter_delta;
using farad::nodes::counter_rate;
using farad::nodes::counter_rebooted;
using farad::nodes::counter_value;
using farad::nodes::CounterDelta;
using farad::nodes::CounterRules;
using farad::nodes::CounterStep;

namespace {

constexpr int64_t kSecond = 1'000'000'000;
constexpr auto Increase = CounterStep::Increase;
constexpr auto Wrap = CounterStep::Wrap;
constexpr auto Restart = CounterStep::Restart;
constexpr uint64_t k2To32 = 4294967296ULL;
constexpr uint64_t kMax64 = std::numeric_limits<uint64_t>::max();

}  // namespace

TEST_CASE("counter delta: increases, wraps and restarts", "[nodes]") {
  struct Row {
    const char* what;
    uint64_t v1;
    uint64_t v2;
    int64_t elapsed;
    bool rebooted;
    CounterRules rules;
    CounterDelta expected;
  };
  const CounterRules w64{64, std::nullopt, kSecond};
  const CounterRules w32{32, std::nullopt, kSecond};
  const CounterRules w64c{64, 1.25e8, kSecond};
  const CounterRules w32c{32, 1.25e8, kSecond};
  const Row rows[] = {
      {"increase", 100, 150, 10 * kSecond, false, w64, {50, Increase}},
      {"zero delta", 100, 100, 10 * kSecond, false, w64, {0, Increase}},
      {"beyond 2^53: exact",
       9007199254740993ULL,
       9007199254740996ULL,
       kSecond,
       false,
       w64,
       {3, Increase}},
      // 2^32 - 4294967000 + 200 = 296 + 200
      {"32-bit wrap", 4294967000ULL, 200, 60 * kSecond, false, w32, {496, Wrap}},
      {"32-bit wrap below the ceiling", 4294967000ULL, 200, 60 * kSecond, false, w32c, {496, Wrap}},
      {"32-bit wrap from the top", k2To32 - 1, 0, kSecond, false, w32, {1, Wrap}},
      {"32-bit counter above 2^32 - 1: restart", k2To32, 7, kSecond, false, w32, {7, Restart}},
      // 2^64 - 1000 + 10 = 18446744073709550626: 3.07e17 B/s is not plausible under 1.25e8
      {"64-bit drop under a ceiling: restart", 1000, 10, 60 * kSecond, false, w64c, {10, Restart}},
      {"64-bit drop without a ceiling: wrap",
       1000,
       10,
       60 * kSecond,
       false,
       w64,
       {18446744073709550626ULL, Wrap}},
      {"64-bit wrap from the top", kMax64, 5, kSecond, false, w64c, {6, Wrap}},
      // 2^32 - (2^32 - 100) + 0 = 100 in 1 s: 100 B/s is not < 100, a restart; < 100.5, a wrap
      {"rate equal to the ceiling: restart",
       k2To32 - 100,
       0,
       kSecond,
       false,
       CounterRules{32, 100.0, kSecond},
       {0, Restart}},
      {"rate just under the ceiling: wrap",
       k2To32 - 100,
       0,
       kSecond,
       false,
       CounterRules{32, 100.5, kSecond},
       {100, Wrap}},
      // per minute: 100 / (10 s / 60 s) = 600
      {"ceiling per unit: restart at 600/min",
       k2To32 - 100,
       0,
       10 * kSecond,
       false,
       CounterRules{32, 600.0, 60 * kSecond},
       {0, Restart}},
      {"ceiling per unit: wrap under 601/min",
       k2To32 - 100,
       0,
       10 * kSecond,
       false,
       CounterRules{32, 601.0, 60 * kSecond},
       {100, Wrap}},
      {"reboot, counter higher than before", 100, 500, 60 * kSecond, true, w64, {500, Restart}},
      {"reboot, counter lower", 5000, 20, 60 * kSecond, true, w32, {20, Restart}},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    CHECK(counter_delta(row.v1, row.v2, row.elapsed, row.rebooted, row.rules) == row.expected);
  }
}

TEST_CASE("counter rate: the reference's double operations, in its order", "[nodes]") {
  // Literals printed by Python's repr of float(delta) / ((t2 - t1) / 1e9).
  CHECK(counter_rate(496, 60 * kSecond, kSecond) == 8.266666666666667);
  CHECK(counter_rate(1000, 59999999999, kSecond) == 16.666666666944444);
  CHECK(counter_rate(18446744073709550626ULL, 60 * kSecond, kSecond) == 3.0744573456182586e+17);
  CHECK(counter_rate(123456789012345678ULL, 61234567891, kSecond) == 2016129014449873.2);
  CHECK(counter_rate(100, 10 * kSecond, 60 * kSecond) == 600.0);
}

TEST_CASE("counter rebooted: uptime advance against elapsed time", "[nodes]") {
  struct Row {
    const char* what;
    uint64_t u1;
    uint64_t u2;
    int64_t elapsed;
    bool expected;
  };
  const Row rows[] = {
      {"advance matches", 100, 6100, 60 * kSecond, false},
      {"5 s off: inside the slack", 100, 6600, 60 * kSecond, false},
      {"5.01 s off: a reboot", 100, 6601, 60 * kSecond, true},
      {"5 s short: inside", 600, 6100, 60 * kSecond, false},
      // 2^32 - 3000 + 3000 ticks = 60 s: not a reboot
      {"TimeTicks wrap", 4294964296ULL, 3000, 60 * kSecond, false},
      {"uptime back to 15 s", 8640000, 1500, 60 * kSecond, true},
      {"second reboot: uptime up by 20 s in 60 s", 1000, 3000, 60 * kSecond, true},
      {"uptime standing still", 5000, 5000, 60 * kSecond, true},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    CHECK(counter_rebooted(row.u1, row.u2, row.elapsed, 5 * kSecond) == row.expected);
  }
}

TEST_CASE("counter value: non-negative integers only", "[nodes]") {
  using farad::model::FieldValue;
  CHECK(counter_value(FieldValue{int64_t{5}}) == 5U);
  CHECK(counter_value(FieldValue{int64_t{0}}) == 0U);
  CHECK_FALSE(counter_value(FieldValue{int64_t{-1}}));
  CHECK(counter_value(FieldValue{kMax64}) == kMax64);
  CHECK(counter_value(FieldValue{1000.0}) == 1000U);
  CHECK(counter_value(FieldValue{18446744073709549568.0}) == 18446744073709549568ULL);
  CHECK_FALSE(counter_value(FieldValue{18446744073709551616.0}));  // 2^64
  CHECK_FALSE(counter_value(FieldValue{1.5}));
  CHECK_FALSE(counter_value(FieldValue{-2.0}));
  CHECK_FALSE(counter_value(FieldValue{std::nan("")}));
  CHECK_FALSE(counter_value(FieldValue{std::string("12")}));
  CHECK_FALSE(counter_value(FieldValue{true}));
}
