#pragma once
// Helpers shared by the reducer families: typed access to values, checkpoint encoding of typed
// values, and Go's integer and float arithmetic where it differs from C++ (wrapping integer
// overflow, math.Min/Max, math.Pow by repeated squaring).

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>
#include "expr/go_math.hpp"

#include "model/field_value.hpp"
#include "nodes/influxql_reducer.hpp"
#include "runtime/state_codec.hpp"

namespace farad::nodes::influxql {

/// The value of a point as T (the node checked the type).
template <typename T>
const T& value_of(const ReducerInput& point) {
  return std::get<T>(point.value);
}

template <typename T>
void save_value(runtime::StateWriter& out, const T& v) {
  if constexpr (std::is_same_v<T, double>) out.f64(v);
  if constexpr (std::is_same_v<T, int64_t>) out.i64(v);
  if constexpr (std::is_same_v<T, std::string>) out.string(v);
  if constexpr (std::is_same_v<T, bool>) out.boolean(v);
}

template <typename T>
T restore_value(runtime::StateReader& in) {
  if constexpr (std::is_same_v<T, double>) return in.f64();
  if constexpr (std::is_same_v<T, int64_t>) return in.i64();
  if constexpr (std::is_same_v<T, std::string>) return in.string();
  if constexpr (std::is_same_v<T, bool>) return in.boolean();
}

/// A point a reducer keeps: value, time and, where the function needs them, tags and fields.
template <typename T>
struct StoredPoint {
  T value{};
  int64_t time = 0;
  model::Tags tags;      // percentile (Aux), top and bottom (point tags)
  model::Fields fields;  // percentile (Aux)
};

/// Checkpoint encoding of kept points.
template <typename T>
void save_items(runtime::StateWriter& out, const std::vector<StoredPoint<T>>& items) {
  out.u64(items.size());
  for (const auto& item : items) {
    save_value(out, item.value);
    out.i64(item.time);
    out.tags(item.tags);
    out.fields(item.fields);
  }
}

template <typename T>
std::vector<StoredPoint<T>> restore_items(runtime::StateReader& in) {
  std::vector<StoredPoint<T>> items(in.u64());
  for (auto& item : items) {
    item.value = restore_value<T>(in);
    item.time = in.i64();
    item.tags = in.tags();
    item.fields = in.fields();
  }
  return items;
}

// Go's `a.Value < b.Value`; NaN (which Go leaves wherever the sort puts it) goes first so the
// comparison stays a strict weak order.
template <typename T>
bool value_less(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, double>) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && !std::isnan(b);
  }
  return a < b;
}

/// Go's int64 arithmetic wraps on overflow; C++'s signed overflow is undefined.
inline int64_t wrap_add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
inline int64_t wrap_sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}

/// a + b for the reducer's value type (Go's + on float64 or wrapping int64).
template <typename T>
T add(T a, T b) {
  if constexpr (std::is_same_v<T, int64_t>) {
    return wrap_add(a, b);
  } else {
    return a + b;
  }
}

/// a - b likewise.
template <typename T>
T subtract(T a, T b) {
  if constexpr (std::is_same_v<T, int64_t>) {
    return wrap_sub(a, b);
  } else {
    return a - b;
  }
}

/// Go's math.Min: -Inf wins, then NaN; -0 is smaller than +0.
inline double go_min(double x, double y) {
  if (std::isinf(x) && x < 0) return x;
  if (std::isinf(y) && y < 0) return y;
  if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0 && x == y) return std::signbit(x) ? x : y;
  return x < y ? x : y;
}

/// Go's math.Max: +Inf wins, then NaN; +0 is larger than -0.
inline double go_max(double x, double y) {
  if (std::isinf(x) && x > 0) return x;
  if (std::isinf(y) && y > 0) return y;
  if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0 && x == y) return std::signbit(x) ? y : x;
  return x > y ? x : y;
}

/// Go's math.Pow(x, y) for a non-negative integer y: repeated squaring of the mantissa, which
/// can differ from C's pow in the last bit (InfluxDB's stddev and Holt-Winters use it).
inline double go_pow_int(double x, int64_t y) {
  return expr::go::pow(x, static_cast<double>(y));
}

}  // namespace farad::nodes::influxql
