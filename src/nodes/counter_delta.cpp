#include "nodes/counter_delta.hpp"

#include <cmath>

namespace farad::nodes {

namespace {

constexpr int64_t kTickNs = 10'000'000;      // one TimeTicks: 1/100 s
constexpr uint64_t kMax32 = 0xFFFF'FFFFULL;  // 2^32 - 1: 32-bit counters and TimeTicks
constexpr double kTwoTo64 = 18446744073709551616.0;

}  // namespace

double counter_rate(uint64_t delta, int64_t elapsed, int64_t unit) {
  return static_cast<double>(delta) / (static_cast<double>(elapsed) / static_cast<double>(unit));
}

CounterDelta counter_delta(uint64_t v1, uint64_t v2, int64_t elapsed, bool rebooted,
                           const CounterRules& rules) {
  if (rebooted) return {v2, CounterStep::Restart};
  if (v2 >= v1) return {v2 - v1, CounterStep::Increase};
  if (rules.width == 32 && v1 > kMax32) return {v2, CounterStep::Restart};
  // 2^W - v1 + v2: for W = 64 that is exactly v2 - v1 in modulo-2^64 arithmetic.
  const uint64_t wrapped = rules.width == 32 ? (kMax32 - v1) + 1 + v2 : v2 - v1;
  if (rules.ceiling && !(counter_rate(wrapped, elapsed, rules.unit) < *rules.ceiling)) {
    return {v2, CounterStep::Restart};
  }
  return {wrapped, CounterStep::Wrap};
}

bool counter_rebooted(uint64_t uptime1, uint64_t uptime2, int64_t elapsed, int64_t slack) {
  // (u2 - u1) mod 2^32 undoes a TimeTicks wrap; 2^32 ticks is 4.3e16 ns: no overflow below.
  const auto advance = static_cast<int64_t>((uptime2 - uptime1) & kMax32) * kTickNs;
  const int64_t off = advance - elapsed;
  return (off < 0 ? -off : off) > slack;
}

std::optional<uint64_t> counter_value(const model::FieldValue& value) {
  if (std::holds_alternative<std::string>(value)) return std::nullopt;
  return counter_value(model::CompactValue::of(value));
}

}  // namespace farad::nodes
