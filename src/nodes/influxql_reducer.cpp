#include "nodes/influxql_reducer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "nodes/influxql_reducer_util.hpp"

namespace farad::nodes::influxql {

namespace {

// Indexed by Function. Only `method` differs from the node type (holtWintersWithFit).
constexpr std::array<FunctionTraits, 21> kTraits = {{
    {"count", "count", false, false, false, true},
    {"distinct", "distinct", true, false, false, false},
    {"mean", "mean", false, false, false, false},
    {"median", "median", false, false, false, false},
    {"mode", "mode", false, false, false, false},
    {"spread", "spread", false, false, false, false},
    {"sum", "sum", false, false, false, true},
    {"first", "first", false, false, true, false},
    {"last", "last", false, false, true, false},
    {"min", "min", false, false, true, false},
    {"max", "max", false, false, true, false},
    {"percentile", "percentile", false, false, true, false},
    {"top", "top", true, false, false, false},
    {"bottom", "bottom", true, false, false, false},
    {"stddev", "stddev", false, false, false, false},
    {"elapsed", "elapsed", false, true, false, false},
    {"difference", "difference", false, true, false, false},
    {"movingAverage", "movingAverage", false, true, false, false},
    {"holtWinters", "holtWinters", true, false, false, false},
    {"holtWintersWithFit", "holtWinters", true, false, false, false},
    {"cumulativeSum", "cumulativeSum", false, true, false, false},
}};

// Go's name of a value type, as Kapacitor's error messages print it.
std::string_view go_type_name(model::FieldType type) {
  switch (type) {
    case model::FieldType::Float:
      return "float64";
    case model::FieldType::Int:
      return "int64";
    case model::FieldType::Uint:
      return "uint64";
    case model::FieldType::String:
      return "string";
    case model::FieldType::Bool:
      return "bool";
  }
  return "unknown";
}

}  // namespace

std::optional<Function> function_of(std::string_view node_type) {
  for (size_t i = 0; i < kTraits.size(); ++i) {
    if (kTraits[i].node_type == node_type) return static_cast<Function>(i);
  }
  return std::nullopt;
}

const FunctionTraits& traits(Function function) {
  return kTraits[static_cast<size_t>(function)];
}

std::unique_ptr<Reducer> make_reducer(const FunctionArgs& args, model::FieldType input,
                                      std::string& error) {
  if (input == model::FieldType::Uint) {
    error = "invalid field kind: uint64";
    return nullptr;
  }
  std::unique_ptr<Reducer> reducer;
  switch (args.function) {
    case Function::Count:
    case Function::Mean:
    case Function::Spread:
    case Function::Sum:
    case Function::First:
    case Function::Last:
    case Function::Min:
    case Function::Max:
      reducer = make_aggregate_reducer(args, input);
      break;
    case Function::Median:
    case Function::Mode:
    case Function::Percentile:
    case Function::Stddev:
      reducer = make_slice_reducer(args, input);
      break;
    case Function::Distinct:
    case Function::Top:
    case Function::Bottom:
      reducer = make_batch_reducer(args, input);
      break;
    case Function::Elapsed:
    case Function::Difference:
    case Function::MovingAverage:
    case Function::CumulativeSum:
      reducer = make_transform_reducer(args, input);
      break;
    case Function::HoltWinters:
    case Function::HoltWintersWithFit:
      reducer = make_holt_winters_reducer(args, input);
      break;
  }
  if (!reducer) {
    error = fmt::format("cannot apply {} to {} field", traits(args.function).method,
                        go_type_name(input));
  }
  return reducer;
}

}  // namespace farad::nodes::influxql
