// median, mode, percentile and stddev: reducers that keep the values (InfluxDB's
// SliceFuncReducer).
//
// Where InfluxDB sorts with Go's unstable sort.Sort, equal keys may come out in any order; we
// sort stably (arrival order among equals), which is one of the orders Go can produce and
// keeps every run identical.

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "nodes/influxql_reducer.hpp"
#include "nodes/influxql_reducer_util.hpp"

namespace farad::nodes::influxql {

namespace {

template <typename T>
void sort_by_value(std::vector<StoredPoint<T>>& items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const StoredPoint<T>& a, const StoredPoint<T>& b) {
                     return value_less(a.value, b.value);
                   });
}

// median, mode, percentile: collect every point, reduce on emit.
template <typename T>
class SliceReducer final : public Reducer {
 public:
  SliceReducer(Function function, double percentile)
      : function_(function), percentile_(percentile) {}

  void aggregate(const ReducerInput& point) override {
    StoredPoint<T> item{value_of<T>(point), point.time, {}, {}};
    if (function_ == Function::Percentile) {
      item.tags = point.tags;
      item.fields = point.fields;
    }
    items_.push_back(std::move(item));
  }

  std::vector<ReducedPoint> emit() override {
    switch (function_) {
      case Function::Median:
        return median();
      case Function::Mode:
        return mode();
      default:
        return percentile();
    }
  }

  void save(runtime::StateWriter& out) const override { save_items(out, items_); }
  void restore(runtime::StateReader& in) override { items_ = restore_items<T>(in); }

 private:
  std::vector<ReducedPoint> median() {
    const size_t n = items_.size();
    if (n == 1) {
      // InfluxDB returns the float point itself (with its time); integers lose the time.
      if constexpr (std::is_same_v<T, double>)
        return {ReducedPoint{items_[0].value, items_[0].time}};
      return {ReducedPoint{static_cast<double>(items_[0].value)}};
    }
    sort_by_value(items_);
    if (n % 2 == 0) {
      const T lo = items_[n / 2 - 1].value;
      const T hi = items_[n / 2].value;
      return {ReducedPoint{static_cast<double>(lo) + static_cast<double>(subtract(hi, lo)) / 2}};
    }
    return {ReducedPoint{static_cast<double>(items_[n / 2].value)}};
  }

  std::vector<ReducedPoint> mode() {
    if (items_.size() == 1) return {ReducedPoint{items_[0].value, items_[0].time}};
    sort_by_value(items_);
    // InfluxDB's scan: the most frequent value; among equally frequent ones, the one whose run
    // starts with the earliest time.
    int most_freq = 0;
    int curr_freq = 0;
    T curr_mode = items_[0].value;
    T most_mode = items_[0].value;
    int64_t most_time = items_[0].time;
    int64_t curr_time = items_[0].time;
    for (const auto& item : items_) {
      if (item.value != curr_mode) {
        curr_freq = 1;
        curr_mode = item.value;
        curr_time = item.time;
        continue;
      }
      ++curr_freq;
      if (most_freq > curr_freq || (most_freq == curr_freq && curr_time > most_time)) continue;
      most_freq = curr_freq;
      most_mode = item.value;
      most_time = item.time;
    }
    return {ReducedPoint{most_mode}};
  }

  std::vector<ReducedPoint> percentile() {
    const auto length = static_cast<double>(items_.size());
    const double rank = std::floor(length * percentile_ / 100.0 + 0.5) - 1;
    if (!(rank >= 0) || rank >= length) return {};
    const auto i = static_cast<size_t>(rank);
    sort_by_value(items_);
    ReducedPoint p{items_[i].value, items_[i].time};
    p.has_aux = true;
    p.aux_tags = items_[i].tags;
    p.aux_fields = items_[i].fields;
    return {std::move(p)};
  }

  Function function_;
  double percentile_;
  std::vector<StoredPoint<T>> items_;
};

// stddev: only the values are kept (8 bytes each): InfluxDB's two passes need all of them.
template <typename T>
class StddevReducer final : public Reducer {
 public:
  void aggregate(const ReducerInput& point) override {
    values_.push_back(static_cast<double>(value_of<T>(point)));
  }

  std::vector<ReducedPoint> emit() override {
    if (values_.size() < 2) return {ReducedPoint{std::numeric_limits<double>::quiet_NaN()}};
    // A running mean, then the squared deviations from it; NaNs (floats only) are skipped.
    double mean = 0;
    int64_t count = 0;
    for (const double v : values_) {
      if (std::isnan(v)) continue;
      ++count;
      mean += (v - mean) / static_cast<double>(count);
    }
    double variance = 0;
    for (const double v : values_) {
      if (!std::isnan(v)) variance += go_pow_int(v - mean, 2);
    }
    return {ReducedPoint{std::sqrt(variance / static_cast<double>(count - 1))}};
  }

  void save(runtime::StateWriter& out) const override {
    out.u64(values_.size());
    for (const double v : values_) out.f64(v);
  }
  void restore(runtime::StateReader& in) override {
    values_.resize(in.u64());
    for (double& v : values_) v = in.f64();
  }

 private:
  std::vector<double> values_;
};

template <typename T>
std::unique_ptr<Reducer> make_typed(const FunctionArgs& args) {
  if (args.function == Function::Stddev) return std::make_unique<StddevReducer<T>>();
  return std::make_unique<SliceReducer<T>>(args.function, args.percentile);
}

}  // namespace

std::unique_ptr<Reducer> make_slice_reducer(const FunctionArgs& args, model::FieldType input) {
  if (input == model::FieldType::Float) return make_typed<double>(args);
  if (input == model::FieldType::Int) return make_typed<int64_t>(args);
  return nullptr;
}

}  // namespace farad::nodes::influxql
