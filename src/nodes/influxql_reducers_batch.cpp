// distinct, top and bottom: the reducers whose results are batches (InfluxDB's
// DistinctReducer and the top/bottom heaps). Go sorts their results with the unstable sort.Sort;
// the only ties (same value and time) keep arrival order here.

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "nodes/influxql_reducer.hpp"
#include "nodes/influxql_reducer_util.hpp"

namespace farad::nodes::influxql {

namespace {

// distinct: the first point of each value, emitted by time then value.
template <typename T>
class DistinctReducer final : public Reducer {
 public:
  void aggregate(const ReducerInput& point) override {
    const T& v = value_of<T>(point);
    if constexpr (std::is_same_v<T, double>) {
      // NaN != NaN: a Go map keeps every NaN key separately.
      if (std::isnan(v)) {
        items_.push_back({v, point.time, {}, {}});
        return;
      }
    }
    if (seen_.emplace(v, items_.size()).second) items_.push_back({v, point.time, {}, {}});
  }

  std::vector<ReducedPoint> emit() override {
    std::vector<StoredPoint<T>> sorted = items_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const StoredPoint<T>& a, const StoredPoint<T>& b) {
                       if (a.time != b.time) return a.time < b.time;
                       if constexpr (std::is_same_v<T, bool>) {
                         return !a.value && b.value;
                       } else {
                         return value_less(a.value, b.value);
                       }
                     });
    std::vector<ReducedPoint> out;
    out.reserve(sorted.size());
    for (auto& item : sorted) out.push_back(ReducedPoint{std::move(item.value), item.time});
    return out;
  }

  void save(runtime::StateWriter& out) const override { save_items(out, items_); }
  void restore(runtime::StateReader& in) override {
    items_ = restore_items<T>(in);
    seen_.clear();
    for (size_t i = 0; i < items_.size(); ++i) {
      if constexpr (std::is_same_v<T, double>) {
        if (std::isnan(items_[i].value)) continue;
      }
      seen_.emplace(items_[i].value, i);
    }
  }

 private:
  std::vector<StoredPoint<T>> items_;  // first-seen order
  std::map<T, size_t> seen_;
};

// top and bottom: a heap of the n best points, driven exactly like Go's container/heap so that
// ties resolve as InfluxDB resolves them.
template <typename T>
class TopBottomReducer final : public Reducer {
 public:
  TopBottomReducer(bool top, size_t n) : top_(top), n_(n) {}

  void aggregate(const ReducerInput& point) override {
    StoredPoint<T> item{value_of<T>(point), point.time, point.tags, {}};
    if (heap_.size() == n_) {
      // Replace the weakest point only if the new one beats it.
      if (!less(heap_[0], item)) return;
      heap_[0] = std::move(item);
      if (!down(0)) up(0);
      return;
    }
    heap_.push_back(std::move(item));
    up(heap_.size() - 1);
  }

  std::vector<ReducedPoint> emit() override {
    std::vector<StoredPoint<T>> sorted = heap_;
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [this](const StoredPoint<T>& a, const StoredPoint<T>& b) { return less(b, a); });
    std::vector<ReducedPoint> out;
    out.reserve(sorted.size());
    for (auto& item : sorted) {
      ReducedPoint p{item.value, item.time};
      p.tags = std::move(item.tags);
      out.push_back(std::move(p));
    }
    return out;
  }

  void save(runtime::StateWriter& out) const override { save_items(out, heap_); }
  void restore(runtime::StateReader& in) override { heap_ = restore_items<T>(in); }

 private:
  // InfluxDB's comparison: by value (ascending for top, descending for bottom), then the later
  // point is the smaller one.
  bool less(const StoredPoint<T>& a, const StoredPoint<T>& b) const {
    if (a.value != b.value) return top_ ? a.value < b.value : a.value > b.value;
    return a.time > b.time;
  }
  void up(size_t j) {
    while (j > 0) {
      const size_t i = (j - 1) / 2;
      if (!less(heap_[j], heap_[i])) break;
      std::swap(heap_[i], heap_[j]);
      j = i;
    }
  }
  bool down(size_t i0) {
    size_t i = i0;
    const size_t n = heap_.size();
    for (;;) {
      const size_t j1 = 2 * i + 1;
      if (j1 >= n) break;
      size_t j = j1;
      if (const size_t j2 = j1 + 1; j2 < n && less(heap_[j2], heap_[j1])) j = j2;
      if (!less(heap_[j], heap_[i])) break;
      std::swap(heap_[i], heap_[j]);
      i = j;
    }
    return i > i0;
  }

  bool top_;
  size_t n_;
  std::vector<StoredPoint<T>> heap_;
};

template <typename T>
std::unique_ptr<Reducer> make_typed(const FunctionArgs& args) {
  if (args.function == Function::Distinct) return std::make_unique<DistinctReducer<T>>();
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, int64_t>) {
    return std::make_unique<TopBottomReducer<T>>(args.function == Function::Top,
                                                 static_cast<size_t>(args.n));
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<Reducer> make_batch_reducer(const FunctionArgs& args, model::FieldType input) {
  switch (input) {
    case model::FieldType::Float:
      return make_typed<double>(args);
    case model::FieldType::Int:
      return make_typed<int64_t>(args);
    case model::FieldType::String:
      return make_typed<std::string>(args);
    case model::FieldType::Bool:
      return make_typed<bool>(args);
    default:
      return nullptr;
  }
}

}  // namespace farad::nodes::influxql
