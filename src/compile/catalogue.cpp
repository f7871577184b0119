// The chain methods shared by every node, and the lookup over all catalogue tables.

#include <algorithm>
#include <vector>

#include "compile/catalogue.hpp"
#include "compile/catalogue_tables.hpp"

namespace farad::compile {
namespace {

using namespace catalogue_tables;
using enum ArgType;

// Kapacitor's `chainnode` methods (pipeline/node.go and pipeline/influxql.go): every node except
// the two sources and the two write-back terminals has all of them.
const Method common_chain_table[] = {
    chain("where", args(Lambda), "where", "keep only the points for which the lambda is true"),
    chain("httpOut", args(String), "httpOut", "serve the latest data of each group at an endpoint"),
    chain("httpPost", variadic(String), "httpPost", "POST every point or batch as JSON to a URL"),
    chain("influxDBOut", args(), "influxDBOut", "write the data to InfluxDB (ends the chain)"),
    chain("es", args(), "es", "write the data to Elasticsearch (ends the chain)"),
    chain("fileOut", args(String), "fileOut",
          "farad: append the data to a file, exactly once across restarts (ends the chain)"),
    chain("kapacitorLoopback", args(), "kapacitorLoopback",
          "write the data back into this server's own stream (ends the chain)"),
    chain("alert", args(), "alert", "raise alerts from level lambdas and send them to handlers"),
    chain("union", variadic(Node), "union", "merge this node's data with that of other nodes"),
    chain("join", variadic(Node), "join", "join this node with other nodes by time and group"),
    chain("combine", variadic(Lambda), "combine",
          "pair up points of one time within a group, one lambda per member of the pair"),
    chain("flatten", args(), "flatten", "merge the points of one time in a group into one point"),
    chain("eval", variadic(Lambda), "eval", "compute new fields or tags from lambdas"),
    chain("groupBy", variadic(StringOrStar), "groupBy", "regroup the data by tags, or `*` for all"),
    chain("window", args(), "window", "collect stream points into batches by time or by count"),
    chain("barrier", args(), "barrier", "emit wall-clock barriers for idle or periodic groups"),
    chain("sample", args(IntOrDuration), "sample",
          "keep every n-th point or batch, or one per time interval"),
    chain("derivative", args(String), "derivative",
          "rate of change of a field between consecutive points"),
    chain("counterRate", variadic(String, String), "counterRate",
          "farad: wrap- and reboot-corrected rates of counter fields"),
    chain("changeDetect", variadic(String), "changeDetect",
          "pass a point on only when one of the fields changed"),
    chain("shift", args(Duration), "shift", "move timestamps by a duration"),
    chain("log", args(), "log", "log every point or batch that passes through"),
    chain("default", args(), "default", "fill in fields and tags that are missing"),
    chain("delete", args(), "delete", "remove fields and tags"),
    chain("k8sAutoscale", args(), "k8sAutoscale",
          "scale a Kubernetes resource to a replica count computed per point"),
    chain("swarmAutoscale", args(), "swarmAutoscale",
          "scale a Docker Swarm service to a replica count computed per point"),
    chain("ec2Autoscale", args(), "ec2Autoscale",
          "scale an AWS EC2 autoscaling group to a capacity computed per point"),
    chain("stateDuration", args(Lambda), "stateDuration",
          "time for which a lambda has been continuously true"),
    chain("stateCount", args(Lambda), "stateCount",
          "number of consecutive points for which a lambda has been true"),
    chain("sideload", args(), "sideload", "add fields and tags loaded from files keyed by tags"),
    chain("trickle", args(), "trickle", "turn batches back into a stream of single points"),
    // InfluxQL functions; each creates an InfluxQLNode named after the method.
    chain("count", args(String), "count", "number of values of a field"),
    chain("distinct", args(String), "distinct", "the distinct values of a field, as a batch"),
    chain("mean", args(String), "mean", "arithmetic mean of a field"),
    chain("median", args(String), "median", "median of a field"),
    chain("mode", args(String), "mode", "most frequent value of a field"),
    chain("spread", args(String), "spread", "largest minus smallest value of a field"),
    chain("sum", args(String), "sum", "sum of a field"),
    chain("first", args(String), "first", "value of a field at the earliest point"),
    chain("last", args(String), "last", "value of a field at the latest point"),
    chain("min", args(String), "min", "smallest value of a field"),
    chain("max", args(String), "max", "largest value of a field"),
    chain("percentile", args(String, Float), "percentile",
          "value of a field at a percentile (nearest rank)"),
    chain("top", variadic(String, Int, String), "top",
          "the n largest values of a field, with extra fields or tags kept"),
    chain("bottom", variadic(String, Int, String), "bottom",
          "the n smallest values of a field, with extra fields or tags kept"),
    chain("stddev", args(String), "stddev", "sample standard deviation of a field"),
    chain("elapsed", args(String, Duration), "elapsed",
          "time between consecutive points, in multiples of a unit"),
    chain("difference", args(String), "difference", "difference between consecutive values"),
    chain("movingAverage", args(String, Int), "movingAverage", "mean of the last n values"),
    chain("holtWinters", args(String, Int, Int, Duration), "holtWinters",
          "forecast h values with Holt-Winters, seasonal period m, at an interval"),
    chain("holtWintersWithFit", args(String, Int, Int, Duration), "holtWintersWithFit",
          "Holt-Winters forecast preceded by the values fitted to the input"),
    chain("cumulativeSum", args(String), "cumulativeSum", "running total of a field"),
    // farad's own.
    chain("rollup", variadic(String, String), "rollup",
          "one point per window: mean (or time-weighted mean) of each of several fields"),
};

// Kapacitor's `node` methods: reachable even on sources and terminals.
const Method universal_table[] = {
    flag("quiet", "suppress this node's error logs"),
    chain("stats", args(Duration), "stats",
          "emit this node's counters every interval, as a new source of the task"),
    chain("deadman", variadic(Lambda, Float, Duration), "alert",
          "alert when at most `threshold` points arrive per interval; builds "
          "stats(interval).align()|derivative('emitted').unit(interval).nonNegative()|alert() with "
          "crit `\"emitted\" <= threshold` ANDed with the extra lambdas"),
};

std::vector<const ObjectType*> gather_object_types() {
  std::vector<const ObjectType*> types;
  for (auto list : {source_types(), influxql_types(), transform_types(), output_types(),
                    alert_types(), handler_types()}) {
    for (const ObjectType& type : list) types.push_back(&type);
  }
  return types;
}

}  // namespace

std::span<const Method> common_chain_methods() {
  return common_chain_table;
}

std::span<const Method> universal_methods() {
  return universal_table;
}

std::span<const ObjectType* const> all_object_types() {
  static const std::vector<const ObjectType*> types = gather_object_types();
  return types;
}

const ObjectType* find_object_type(std::string_view name) {
  // Sorted once so a lookup is a binary search; the binder calls this for every chain step.
  static const std::vector<const ObjectType*> by_name = [] {
    std::vector<const ObjectType*> sorted = gather_object_types();
    std::ranges::sort(sorted, {}, &ObjectType::name);
    return sorted;
  }();
  auto it = std::ranges::lower_bound(by_name, name, {}, &ObjectType::name);
  if (it == by_name.end() || (*it)->name != name) return nullptr;
  return *it;
}

}  // namespace farad::compile
