// The InfluxQL function nodes (Kapacitor: pipeline/influxql.go). All are one Go type,
// InfluxQLNode, whose node name and default `as` come from the method that created it; only
// holtWintersWithFit differs, reusing holtWinters' name.

#include "compile/catalogue_tables.hpp"

namespace farad::compile::catalogue_tables {
namespace {

// X(name, desc, provides, doc): `provides` is what the node emits whatever it receives.
// Aggregates and simple selectors emit one point per batch (stream); functions that emit several
// values per batch emit batches; stream transformations keep their input's edge.
#define FARAD_INFLUXQL_NODES(X)                                                               \
  X(count, "count", Stream, "number of values of a field")                                    \
  X(distinct, "distinct", Batch, "the distinct values of a field")                            \
  X(mean, "mean", Stream, "arithmetic mean of a field")                                       \
  X(median, "median", Stream, "median of a field")                                            \
  X(mode, "mode", Stream, "most frequent value of a field")                                   \
  X(spread, "spread", Stream, "largest minus smallest value of a field")                      \
  X(sum, "sum", Stream, "sum of a field")                                                     \
  X(first, "first", Stream, "value of a field at the earliest point")                         \
  X(last, "last", Stream, "value of a field at the latest point")                             \
  X(min, "min", Stream, "smallest value of a field")                                          \
  X(max, "max", Stream, "largest value of a field")                                           \
  X(percentile, "percentile", Stream, "value of a field at a percentile")                     \
  X(top, "top", Batch, "the n largest values of a field")                                     \
  X(bottom, "bottom", Batch, "the n smallest values of a field")                              \
  X(stddev, "stddev", Stream, "sample standard deviation of a field")                         \
  X(elapsed, "elapsed", SameAsParent, "time between consecutive points")                      \
  X(difference, "difference", SameAsParent, "difference between consecutive values")          \
  X(movingAverage, "movingAverage", SameAsParent, "mean of the last n values")                \
  X(holtWinters, "holtWinters", Batch, "Holt-Winters forecast; always uses point times")      \
  X(holtWintersWithFit, "holtWinters", Batch, "Holt-Winters forecast with the fitted values") \
  X(cumulativeSum, "cumulativeSum", SameAsParent, "running total of a field")

#define FARAD_INFLUXQL_METHODS(fn, desc_, provides_, doc_)                               \
  const Method fn##_methods[] = {                                                        \
      property("as", args(ArgType::String), "'" desc_ "'", "name of the result field"),  \
      flag("usePointTimes", "time results by the selected point, not by the batch end"), \
  };
FARAD_INFLUXQL_NODES(FARAD_INFLUXQL_METHODS)
#undef FARAD_INFLUXQL_METHODS

#define FARAD_INFLUXQL_TYPE(fn, desc_, provides_, doc_) \
  {.name = #fn,                                         \
   .desc = desc_,                                       \
   .doc = doc_,                                         \
   .provides = Provides::provides_,                     \
   .methods = fn##_methods,                             \
   .go_type = "*pipeline.InfluxQLNode"},
const ObjectType types[] = {FARAD_INFLUXQL_NODES(FARAD_INFLUXQL_TYPE)};
#undef FARAD_INFLUXQL_TYPE
#undef FARAD_INFLUXQL_NODES

}  // namespace

std::span<const ObjectType> influxql_types() {
  return types;
}

}  // namespace farad::compile::catalogue_tables
