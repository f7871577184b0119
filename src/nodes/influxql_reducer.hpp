#pragma once
// The reducers behind Kapacitor's InfluxQL nodes. Kapacitor runs InfluxDB's own reducers
// (influxdb query/functions.go, call_iterator.go); these reproduce them value for value: the same
// summation order, the same initial points (sum and count start from a point at time 0), the
// same tie-breaking and the same "no time" marker (ZeroTime) on aggregated results.
//
// A reducer is created for one input type (float, integer, string or boolean: Kapacitor never
// reduces unsigned fields) and fed points of that type only; the node checks types first.

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/field_value.hpp"
#include "model/point.hpp"
#include "runtime/state_codec.hpp"

namespace farad::nodes::influxql {

/// InfluxDB's ZeroTime: the time of a result that has no time of its own (mean, count, ...).
inline constexpr int64_t kZeroTime = std::numeric_limits<int64_t>::min();

/// The InfluxQL functions Kapacitor offers as chain methods.
enum class Function : uint8_t {
  Count,
  Distinct,
  Mean,
  Median,
  Mode,
  Spread,
  Sum,
  First,
  Last,
  Min,
  Max,
  Percentile,
  Top,
  Bottom,
  Stddev,
  Elapsed,
  Difference,
  MovingAverage,
  HoltWinters,
  HoltWintersWithFit,
  CumulativeSum,
};

/// What Kapacitor's pipeline.ReduceCreater says about a function.
struct FunctionTraits {
  std::string_view node_type;    ///< catalogue name, e.g. "holtWintersWithFit"
  std::string_view method;       ///< Kapacitor's method name and default `as`, e.g. "holtWinters"
  bool emits_batch = false;      ///< distinct, top, bottom, holtWinters: one batch per result
  bool transformation = false;   ///< elapsed, difference, movingAverage, cumulativeSum
  bool simple_selector = false;  ///< first, last, min, max, percentile keep the point's data
  bool empty_ok = false;         ///< count and sum emit a result for an empty batch
};

/// The function a node type names, or nullopt.
std::optional<Function> function_of(std::string_view node_type);
const FunctionTraits& traits(Function function);

/// A function and its arguments beyond the field name.
struct FunctionArgs {
  Function function = Function::Count;
  int64_t n = 0;         ///< top/bottom count, movingAverage window, holtWinters horizon
  int64_t season = 0;    ///< holtWinters seasonal period m
  int64_t duration = 0;  ///< elapsed unit, holtWinters interval (ns)
  double percentile = 0;
};

/// One point given to a reducer; `value` already has the reducer's input type.
struct ReducerInput {
  const model::FieldValue& value;
  int64_t time;
  const model::Tags& tags;
  const model::Fields& fields;
};

/// One point a reducer emits: InfluxDB's FloatPoint (or Integer..., String..., Boolean...).
struct ReducedPoint {
  ReducedPoint() = default;
  ReducedPoint(model::FieldValue v, int64_t t = kZeroTime) : value(std::move(v)), time(t) {}

  model::FieldValue value;
  int64_t time = kZeroTime;
  model::Tags tags;  ///< the point's own tags (top and bottom keep them)
  /// Simple selectors: the selected point's tags and fields (InfluxDB's Aux).
  bool has_aux = false;
  model::Tags aux_tags;
  model::Fields aux_fields;
};

/// InfluxDB's PointAggregator + PointEmitter pair, with checkpoint support.
class Reducer {
 public:
  virtual ~Reducer() = default;
  virtual void aggregate(const ReducerInput& point) = 0;
  /// The current result. Not const: like InfluxDB's, some reducers sort or mark state here.
  virtual std::vector<ReducedPoint> emit() = 0;
  virtual void save(runtime::StateWriter& out) const = 0;
  virtual void restore(runtime::StateReader& in) = 0;
};

/// The reducer of `args.function` for input values of type `input`, or nullptr with `error`
/// set to Kapacitor's message (`cannot apply mean to string field`).
std::unique_ptr<Reducer> make_reducer(const FunctionArgs& args, model::FieldType input,
                                      std::string& error);

// One factory per family, in their own files.
std::unique_ptr<Reducer> make_aggregate_reducer(const FunctionArgs& args, model::FieldType input);
std::unique_ptr<Reducer> make_slice_reducer(const FunctionArgs& args, model::FieldType input);
std::unique_ptr<Reducer> make_batch_reducer(const FunctionArgs& args, model::FieldType input);
std::unique_ptr<Reducer> make_transform_reducer(const FunctionArgs& args, model::FieldType input);
std::unique_ptr<Reducer> make_holt_winters_reducer(const FunctionArgs& args,
                                                   model::FieldType input);

}  // namespace farad::nodes::influxql
