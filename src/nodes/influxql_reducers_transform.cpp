// The stream transformations elapsed, difference, movingAverage and cumulativeSum: InfluxDB's
// reducers that emit after every point (Kapacitor calls emit after each aggregate, even one that
// failed, so a reducer that does not mark its result as read repeats it).

#include <string>

#include "nodes/influxql_reducer.hpp"
#include "nodes/influxql_reducer_util.hpp"

namespace farad::nodes::influxql {

namespace {

template <typename T>
struct Slot {
  bool nil = true;
  T value{};
  int64_t time = 0;

  void save(runtime::StateWriter& out) const {
    out.boolean(nil);
    save_value(out, value);
    out.i64(time);
  }
  void restore(runtime::StateReader& in) {
    nil = in.boolean();
    value = restore_value<T>(in);
    time = in.i64();
  }
};

// elapsed: time between the last two points, in whole units (Go's integer division).
template <typename T>
class ElapsedReducer final : public Reducer {
 public:
  explicit ElapsedReducer(int64_t unit) : unit_(unit) {}
  void aggregate(const ReducerInput& point) override {
    prev_ = curr_;
    curr_ = {false, value_of<T>(point), point.time};
  }
  std::vector<ReducedPoint> emit() override {
    if (prev_.nil) return {};
    return {ReducedPoint{wrap_sub(curr_.time, prev_.time) / unit_, curr_.time}};
  }
  void save(runtime::StateWriter& out) const override {
    prev_.save(out);
    curr_.save(out);
  }
  void restore(runtime::StateReader& in) override {
    prev_.restore(in);
    curr_.restore(in);
  }

 private:
  int64_t unit_;
  Slot<T> prev_;
  Slot<T> curr_;
};

// difference: cur - prev; a point at the current time is ignored, and a result is emitted once.
template <typename T>
class DifferenceReducer final : public Reducer {
 public:
  void aggregate(const ReducerInput& point) override {
    if (!curr_.nil && curr_.time == point.time) return;
    prev_ = curr_;
    curr_ = {false, value_of<T>(point), point.time};
  }
  std::vector<ReducedPoint> emit() override {
    if (prev_.nil) return {};
    const T value = subtract(curr_.value, prev_.value);
    prev_.nil = true;  // read
    return {ReducedPoint{value, curr_.time}};
  }
  void save(runtime::StateWriter& out) const override {
    prev_.save(out);
    curr_.save(out);
  }
  void restore(runtime::StateReader& in) override {
    prev_.restore(in);
    curr_.restore(in);
  }

 private:
  Slot<T> prev_;
  Slot<T> curr_;
};

// movingAverage: a ring of the last n values and their running sum (subtract the leaving value,
// add the new one, in that order); emits once the ring is full.
template <typename T>
class MovingAverageReducer final : public Reducer {
 public:
  explicit MovingAverageReducer(size_t n) : n_(n) { buf_.reserve(n); }
  void aggregate(const ReducerInput& point) override {
    const T v = value_of<T>(point);
    if (buf_.size() != n_) {
      buf_.push_back(v);
    } else {
      sum_ = subtract(sum_, buf_[pos_]);
      buf_[pos_] = v;
    }
    sum_ = add(sum_, v);
    time_ = point.time;
    if (++pos_ >= n_) pos_ = 0;
  }
  std::vector<ReducedPoint> emit() override {
    if (buf_.size() != n_) return {};
    return {ReducedPoint{static_cast<double>(sum_) / static_cast<double>(buf_.size()), time_}};
  }
  void save(runtime::StateWriter& out) const override {
    out.u64(pos_);
    save_value(out, sum_);
    out.i64(time_);
    out.u64(buf_.size());
    for (const T& v : buf_) save_value(out, v);
  }
  void restore(runtime::StateReader& in) override {
    pos_ = in.u64();
    sum_ = restore_value<T>(in);
    time_ = in.i64();
    buf_.resize(in.u64());
    for (T& v : buf_) v = restore_value<T>(in);
  }

 private:
  size_t n_;
  size_t pos_ = 0;
  T sum_ = 0;
  int64_t time_ = 0;
  std::vector<T> buf_;
};

// cumulativeSum: the running total, stamped with the latest point.
template <typename T>
class CumulativeSumReducer final : public Reducer {
 public:
  void aggregate(const ReducerInput& point) override {
    curr_.value = add(curr_.value, value_of<T>(point));
    curr_.time = point.time;
    curr_.nil = false;
  }
  std::vector<ReducedPoint> emit() override {
    if (curr_.nil) return {};
    return {ReducedPoint{curr_.value, curr_.time}};
  }
  void save(runtime::StateWriter& out) const override { curr_.save(out); }
  void restore(runtime::StateReader& in) override { curr_.restore(in); }

 private:
  Slot<T> curr_;
};

template <template <typename> class R, typename... Args>
std::unique_ptr<Reducer> numeric(model::FieldType input, Args... args) {
  if (input == model::FieldType::Float) return std::make_unique<R<double>>(args...);
  if (input == model::FieldType::Int) return std::make_unique<R<int64_t>>(args...);
  return nullptr;
}

}  // namespace

std::unique_ptr<Reducer> make_transform_reducer(const FunctionArgs& args, model::FieldType input) {
  switch (args.function) {
    case Function::Elapsed:
      switch (input) {
        case model::FieldType::Float:
          return std::make_unique<ElapsedReducer<double>>(args.duration);
        case model::FieldType::Int:
          return std::make_unique<ElapsedReducer<int64_t>>(args.duration);
        case model::FieldType::String:
          return std::make_unique<ElapsedReducer<std::string>>(args.duration);
        case model::FieldType::Bool:
          return std::make_unique<ElapsedReducer<bool>>(args.duration);
        default:
          return nullptr;
      }
    case Function::Difference:
      return numeric<DifferenceReducer>(input);
    case Function::MovingAverage:
      return numeric<MovingAverageReducer>(input, static_cast<size_t>(args.n));
    case Function::CumulativeSum:
      return numeric<CumulativeSumReducer>(input);
    default:
      return nullptr;
  }
}

}  // namespace farad::nodes::influxql
