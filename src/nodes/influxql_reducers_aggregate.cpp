// count, sum, mean, spread and the simple selectors first, last, min, max: InfluxDB's
// FuncReducer family and its mean and spread reducers. Each keeps O(1) state, which is what lets
// a window feed them point by point (fused windows).

#include <string>

#include "nodes/influxql_reducer.hpp"
#include "nodes/influxql_reducer_util.hpp"

namespace farad::nodes::influxql {

namespace {

// count: InfluxDB starts from the point {Value: 0, Time: 0}, so an empty count is 0 at time 0
// and any counted one carries ZeroTime.
class CountReducer final : public Reducer {
 public:
  void aggregate(const ReducerInput& /*point*/) override {
    count_ = wrap_add(count_, 1);
    time_ = kZeroTime;
  }
  std::vector<ReducedPoint> emit() override { return {ReducedPoint{count_, time_}}; }
  void save(runtime::StateWriter& out) const override {
    out.i64(count_);
    out.i64(time_);
  }
  void restore(runtime::StateReader& in) override {
    count_ = in.i64();
    time_ = in.i64();
  }

 private:
  int64_t count_ = 0;
  int64_t time_ = 0;
};

// sum: also starts from {Value: 0, Time: 0}; FloatSumReduce keeps the previous time, so the
// result is stamped 0 (the Unix epoch) for ever: `.usePointTimes()` shows it.
template <typename T>
class SumReducer final : public Reducer {
 public:
  void aggregate(const ReducerInput& point) override { sum_ = add(sum_, value_of<T>(point)); }
  std::vector<ReducedPoint> emit() override { return {ReducedPoint{sum_, 0}}; }
  void save(runtime::StateWriter& out) const override { save_value(out, sum_); }
  void restore(runtime::StateReader& in) override { sum_ = restore_value<T>(in); }

 private:
  T sum_ = 0;
};

// mean: sum in input order, count as uint32, divided once at the end.
template <typename T>
class MeanReducer final : public Reducer {
 public:
  void aggregate(const ReducerInput& point) override {
    sum_ = add(sum_, value_of<T>(point));
    ++count_;
  }
  std::vector<ReducedPoint> emit() override {
    return {ReducedPoint{static_cast<double>(sum_) / static_cast<double>(count_)}};
  }
  void save(runtime::StateWriter& out) const override {
    save_value(out, sum_);
    out.u64(count_);
  }
  void restore(runtime::StateReader& in) override {
    sum_ = restore_value<T>(in);
    count_ = static_cast<uint32_t>(in.u64());
  }

 private:
  T sum_ = 0;
  uint32_t count_ = 0;
};

// spread: max - min; floats through math.Min/Max (NaN is contagious), integers by comparison.
template <typename T>
class SpreadReducer final : public Reducer {
 public:
  void aggregate(const ReducerInput& point) override {
    const T v = value_of<T>(point);
    if constexpr (std::is_same_v<T, double>) {
      min_ = go_min(min_, v);
      max_ = go_max(max_, v);
    } else {
      if (v < min_) min_ = v;
      if (v > max_) max_ = v;
    }
  }
  std::vector<ReducedPoint> emit() override { return {ReducedPoint{subtract(max_, min_)}}; }
  void save(runtime::StateWriter& out) const override {
    save_value(out, min_);
    save_value(out, max_);
  }
  void restore(runtime::StateReader& in) override {
    min_ = restore_value<T>(in);
    max_ = restore_value<T>(in);
  }

 private:
  T min_ = initial_min();
  T max_ = initial_max();

  static T initial_min() {
    if constexpr (std::is_same_v<T, double>) return std::numeric_limits<double>::infinity();
    return std::numeric_limits<T>::max();
  }
  static T initial_max() {
    if constexpr (std::is_same_v<T, double>) return -std::numeric_limits<double>::infinity();
    return std::numeric_limits<T>::min();
  }
};

// The comparisons of InfluxDB's First/Last/Min/MaxReduce: does `curr` replace `prev`?
// Booleans break time ties by value in their own way (false first, true last).
template <typename T>
bool replaces(Function function, const T& prev, int64_t prev_time, const T& curr,
              int64_t curr_time) {
  switch (function) {
    case Function::First:
      if constexpr (std::is_same_v<T, bool>) {
        return curr_time < prev_time || (curr_time == prev_time && !curr && prev);
      } else {
        return curr_time < prev_time || (curr_time == prev_time && curr > prev);
      }
    case Function::Last:
      if constexpr (std::is_same_v<T, bool>) {
        return curr_time > prev_time || (curr_time == prev_time && curr && !prev);
      } else {
        return curr_time > prev_time || (curr_time == prev_time && curr > prev);
      }
    case Function::Min:
      return curr < prev || (curr == prev && curr_time < prev_time);
    case Function::Max:
      return curr > prev || (curr == prev && curr_time < prev_time);
    default:
      return false;
  }
}

// first, last, min, max: keep the selected point with its tags and fields (InfluxDB's Aux).
template <typename T>
class SelectorReducer final : public Reducer {
 public:
  explicit SelectorReducer(Function function) : function_(function) {}

  void aggregate(const ReducerInput& point) override {
    const T& v = value_of<T>(point);
    if (has_ && !replaces(function_, value_, time_, v, point.time)) return;
    has_ = true;
    value_ = v;
    time_ = point.time;
    tags_ = point.tags;
    fields_ = point.fields;
  }
  std::vector<ReducedPoint> emit() override {
    ReducedPoint p{value_, time_};
    p.has_aux = true;
    p.aux_tags = tags_;
    p.aux_fields = fields_;
    return {std::move(p)};
  }
  void save(runtime::StateWriter& out) const override {
    out.boolean(has_);
    save_value(out, value_);
    out.i64(time_);
    out.tags(tags_);
    out.fields(fields_);
  }
  void restore(runtime::StateReader& in) override {
    has_ = in.boolean();
    value_ = restore_value<T>(in);
    time_ = in.i64();
    tags_ = in.tags();
    fields_ = in.fields();
  }

 private:
  Function function_;
  bool has_ = false;
  T value_{};
  int64_t time_ = 0;
  model::Tags tags_;
  model::Fields fields_;
};

template <template <typename> class R>
std::unique_ptr<Reducer> numeric(model::FieldType input) {
  if (input == model::FieldType::Float) return std::make_unique<R<double>>();
  if (input == model::FieldType::Int) return std::make_unique<R<int64_t>>();
  return nullptr;
}

std::unique_ptr<Reducer> selector(Function function, model::FieldType input, bool any_type) {
  switch (input) {
    case model::FieldType::Float:
      return std::make_unique<SelectorReducer<double>>(function);
    case model::FieldType::Int:
      return std::make_unique<SelectorReducer<int64_t>>(function);
    case model::FieldType::String:
      if (any_type) return std::make_unique<SelectorReducer<std::string>>(function);
      return nullptr;
    case model::FieldType::Bool:
      if (any_type) return std::make_unique<SelectorReducer<bool>>(function);
      return nullptr;
    default:
      return nullptr;
  }
}

}  // namespace

std::unique_ptr<Reducer> make_aggregate_reducer(const FunctionArgs& args, model::FieldType input) {
  switch (args.function) {
    case Function::Count:
      return std::make_unique<CountReducer>();
    case Function::Sum:
      return numeric<SumReducer>(input);
    case Function::Mean:
      return numeric<MeanReducer>(input);
    case Function::Spread:
      return numeric<SpreadReducer>(input);
    case Function::First:
    case Function::Last:
      return selector(args.function, input, true);
    case Function::Min:
    case Function::Max:
      return selector(args.function, input, false);
    default:
      return nullptr;
  }
}

}  // namespace farad::nodes::influxql
