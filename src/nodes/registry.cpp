#include "nodes/registry.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "nodes/alert.hpp"
#include "nodes/barrier.hpp"
#include "nodes/change_detect.hpp"
#include "nodes/combine.hpp"
#include "nodes/counter_rate.hpp"
#include "nodes/default.hpp"
#include "nodes/delete.hpp"
#include "nodes/derivative.hpp"
#include "nodes/es_out.hpp"
#include "nodes/eval.hpp"
#include "nodes/file_out.hpp"
#include "nodes/flatten.hpp"
#include "nodes/from.hpp"
#include "nodes/group_by.hpp"
#include "nodes/http_out.hpp"
#include "nodes/http_post.hpp"
#include "nodes/influxdb_out.hpp"
#include "nodes/influxql_node.hpp"
#include "nodes/join.hpp"
#include "nodes/kapacitor_loopback.hpp"
#include "nodes/log.hpp"
#include "nodes/node_kinds.hpp"
#include "nodes/query.hpp"
#include "nodes/rollup.hpp"
#include "nodes/sample.hpp"
#include "nodes/shift.hpp"
#include "nodes/state_tracking.hpp"
#include "nodes/stats.hpp"
#include "nodes/trickle.hpp"
#include "nodes/union.hpp"
#include "nodes/where.hpp"
#include "nodes/window.hpp"

namespace farad::nodes {

namespace {

using Factory = std::unique_ptr<runtime::Node> (*)(const compile::NodeSpec&, runtime::TaskContext&);

template <typename T>
std::unique_ptr<runtime::Node> make(const compile::NodeSpec& spec, runtime::TaskContext& context) {
  return std::make_unique<T>(spec, context);
}

// One line per node type: catalogue name → runtime class.
const std::map<std::string_view, Factory>& factories() {
  static const std::map<std::string_view, Factory> table = {
      {"stream", make<PassThroughNode>},
      {"batch", make<PassThroughNode>},
      {"noOp", make<PassThroughNode>},
      {"from", make<FromNode>},
      {"where", make<WhereNode>},
      {"eval", make<EvalNode>},
      {"groupBy", make<GroupByNode>},
      {"shift", make<ShiftNode>},
      {"default", make<DefaultNode>},
      {"delete", make<DeleteNode>},
      {"sample", make<SampleNode>},
      {"log", make<LogNode>},
      {"changeDetect", make<ChangeDetectNode>},
      {"stateDuration", make<StateTrackingNode>},
      {"stateCount", make<StateTrackingNode>},
      {"trickle", make<TrickleNode>},
      {"barrier", make<BarrierNode>},
      {"influxDBOut", make<InfluxDBOutNode>},
      {"es", make<EsOutNode>},
      {"fileOut", make<FileOutNode>},
      {"stats", make<StatsNode>},
      {"join", make<JoinNode>},
      {"union", make<UnionNode>},
      {"combine", make<CombineNode>},
      {"flatten", make<FlattenNode>},
      {"httpOut", make<HttpOutNode>},
      {"httpPost", make<HttpPostNode>},
      {"kapacitorLoopback", make<KapacitorLoopbackNode>},
      {"alert", make<AlertNode>},
      {"query", make<QueryNode>},
      {"derivative", make<DerivativeNode>},
      {"counterRate", make<CounterRateNode>},
      {"window", make<WindowNode>},
      {"rollup", make<RollupNode>},
      {"count", make<InfluxQLNode>},
      {"distinct", make<InfluxQLNode>},
      {"mean", make<InfluxQLNode>},
      {"median", make<InfluxQLNode>},
      {"mode", make<InfluxQLNode>},
      {"spread", make<InfluxQLNode>},
      {"sum", make<InfluxQLNode>},
      {"first", make<InfluxQLNode>},
      {"last", make<InfluxQLNode>},
      {"min", make<InfluxQLNode>},
      {"max", make<InfluxQLNode>},
      {"percentile", make<InfluxQLNode>},
      {"top", make<InfluxQLNode>},
      {"bottom", make<InfluxQLNode>},
      {"stddev", make<InfluxQLNode>},
      {"elapsed", make<InfluxQLNode>},
      {"difference", make<InfluxQLNode>},
      {"movingAverage", make<InfluxQLNode>},
      {"holtWinters", make<InfluxQLNode>},
      {"holtWintersWithFit", make<InfluxQLNode>},
      {"cumulativeSum", make<InfluxQLNode>},
  };
  return table;
}

}  // namespace

std::unique_ptr<runtime::Node> create_node(const compile::NodeSpec& spec,
                                           runtime::TaskContext& context) {
  const auto& table = factories();
  auto it = table.find(spec.type);
  if (it == table.end()) {
    throw std::runtime_error(
        fmt::format("{}: farad cannot run '{}' nodes yet", spec.name, spec.type));
  }
  return it->second(spec, context);
}

runtime::NodeFactory node_factory() {
  return create_node;
}

}  // namespace farad::nodes
