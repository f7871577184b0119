#pragma once
// What rollup keeps for one field of one open window: a few numbers, whatever the number of
// points, which is what lets a window feed rollup point by point (fused windows).
//
// The plain mean sums in arrival order in the type of the window's first value (float64, or
// int64 / uint64 wrapping on overflow) and divides once at the end, as InfluxDB's mean reducer
// does: the result has the bits of Kapacitor's mean. The time-weighted mean sums counter deltas
// and elapsed nanoseconds as exact integers and divides once at the end.

#include <cstdint>

#include "model/field_value.hpp"
#include "runtime/state_codec.hpp"

namespace farad::nodes {

class RollupAccumulator {
 public:
  /// Whether a value of `type` may join the plain mean: the window's first value fixes the type.
  bool accepts(model::FieldType type) const { return count_ == 0 || type == type_; }
  /// Adds a float, int or uint value of an accepted type to the plain mean.
  void add_value(const model::FieldValue& value);
  /// Adds one interval (a counter delta over `elapsed` nanoseconds) to the time-weighted mean.
  void add_interval(uint64_t delta, uint64_t elapsed);
  /// Adds the counter wraps and restarts reported with one value.
  void add_events(uint64_t wraps, uint64_t restarts);

  /// Number of values (or intervals) added.
  uint64_t count() const { return count_; }
  /// The type of the values of the plain mean.
  model::FieldType type() const { return type_; }
  /// Σ value / count, as InfluxDB's mean computes it.
  double mean() const;
  /// Σ delta / (Σ elapsed / unit): the rate per `unit` over the whole time the intervals cover.
  double time_weighted_mean(int64_t unit) const;
  int64_t wraps() const { return static_cast<int64_t>(wraps_); }
  int64_t restarts() const { return static_cast<int64_t>(restarts_); }

  void save(runtime::StateWriter& out) const;
  void restore(runtime::StateReader& in);

 private:
  model::FieldType type_ = model::FieldType::Float;
  double float_sum_ = 0;
  int64_t int_sum_ = 0;
  uint64_t uint_sum_ = 0;
  uint64_t count_ = 0;
  uint64_t delta_sum_ = 0;
  uint64_t elapsed_sum_ = 0;
  uint64_t wraps_ = 0;
  uint64_t restarts_ = 0;
};

}  // namespace farad::nodes
