// Source nodes (stream, from, batch, query, queryFlux), stats and the nodes no script names
// directly (noOp) or names through `@` (udf). Kapacitor: pipeline/stream.go, batch.go, stats.go,
// noop.go, udf.go.

#include "compile/catalogue_tables.hpp"

namespace farad::compile::catalogue_tables {
namespace {

using enum ArgType;

// StreamNode embeds `node`, not `chainnode`: `from` is its only chain method.
const Method stream_methods[] = {
    chain("from", args(), "from", "select a subset of the stream to process"),
};

// FromNode shadows chainnode's where/groupBy with property methods and restores them as chain
// methods through ChainMethods(): `.where` filters here, `|where` creates a WhereNode.
const Method from_methods[] = {
    property("database", args(String), "''", "accept only points of this database"),
    property("retentionPolicy", args(String), "''", "accept only points of this retention policy"),
    property("measurement", args(String), "''", "accept only points of this measurement"),
    property("where", args(Lambda), "",
             "accept only points matching the lambda; repeated calls AND"),
    property("groupBy", variadic(StringOrStar), "", "group the points by tags, or `*` for all"),
    flag("groupByMeasurement", "add the measurement name to the group"),
    property("truncate", args(Duration), "0s", "truncate timestamps down to a multiple of this"),
    property("round", args(Duration), "0s", "round timestamps to the nearest multiple of this"),
    chain("from", args(), "from", "fork another selection from this one"),
    chain("where", args(Lambda), "where", "filter in a separate where node"),
    chain("groupBy", variadic(StringOrStar), "groupBy", "regroup in a separate groupBy node"),
};

const Method batch_methods[] = {
    chain("query", args(String), "query", "schedule an InfluxQL query"),
    chain("queryFlux", args(String), "queryFlux", "schedule a Flux query"),
};

// QueryNode shadows chainnode's groupBy like FromNode does; its version also takes `time(d)`.
const Method query_methods[] = {
    property("period", args(Duration), "0s", "length of time each query covers"),
    property("every", args(Duration), "0s", "how often to run the query; excludes cron"),
    flag("align", "align query times to multiples of every"),
    property("cron", args(String), "''", "cron schedule for the query; excludes every"),
    property("offset", args(Duration), "0s", "how far back from now each query ends"),
    flag("alignGroup", "align group-by-time buckets to the query start"),
    property("groupBy", variadic(Dimension), "", "GROUP BY clause: time(d[, offset]), tags or `*`"),
    flag("groupByMeasurement", "add the measurement name to the group"),
    property("fill", args(Any), "",
             "fill option: 'null', 'none', 'previous', 'linear' or a number"),
    property("cluster", args(String), "''", "configured InfluxDB cluster to query"),
    chain("groupBy", variadic(StringOrStar), "groupBy", "regroup in a separate groupBy node"),
};

const Method query_flux_methods[] = {
    property("period", args(Duration), "0s", "length of time each query covers"),
    property("every", args(Duration), "0s", "how often to run the query; excludes cron"),
    flag("align", "align query times to multiples of every"),
    property("cron", args(String), "''", "cron schedule for the query; excludes every"),
    property("offset", args(Duration), "0s", "how far back from now each query ends"),
    property("cluster", args(String), "''", "configured InfluxDB cluster to query"),
    property("org", args(String), "''", "InfluxDB 2 organisation name"),
    property("orgID", args(String), "''", "InfluxDB 2 organisation id"),
};

const Method stats_methods[] = {
    flag("align", "emit on multiples of the interval"),
};

const ObjectType types[] = {
    {.name = "stream",
     .desc = "stream",
     .doc = "the live points of a stream task",
     .wants = EdgeType::Stream,
     .wants_any = false,
     .provides = Provides::Stream,
     .chainable = false,
     .methods = stream_methods,
     .go_type = "*pipeline.StreamNode"},
    {.name = "from",
     .desc = "from",
     .doc = "selects points of the stream by database, measurement and lambda",
     .wants = EdgeType::Stream,
     .wants_any = false,
     .provides = Provides::Stream,
     .methods = from_methods,
     .go_type = "*pipeline.FromNode"},
    {.name = "batch",
     .desc = "batch",
     .doc = "the scheduled queries of a batch task",
     .wants = EdgeType::None,
     .wants_any = false,
     .provides = Provides::Batch,
     .chainable = false,
     .methods = batch_methods,
     .go_type = "*pipeline.BatchNode"},
    {.name = "query",
     .desc = "query",
     .doc = "runs an InfluxQL query on a schedule and emits its series as batches",
     .wants = EdgeType::Batch,
     .wants_any = false,
     .provides = Provides::Batch,
     .methods = query_methods,
     .go_type = "*pipeline.QueryNode"},
    {.name = "queryFlux",
     .desc = "queryFlux",
     .doc = "runs a Flux query on a schedule and emits its tables as batches",
     .wants = EdgeType::Batch,
     .wants_any = false,
     .provides = Provides::Batch,
     .methods = query_flux_methods,
     .go_type = "*pipeline.QueryFluxNode"},
    // Not a child of the node it is called on: a new root fed by that node's counters.
    {.name = "stats",
     .desc = "stats",
     .doc = "emits another node's counters on a wall-clock interval",
     .wants = EdgeType::Stream,
     .wants_any = false,
     .provides = Provides::Stream,
     .methods = stats_methods,
     .go_type = "*pipeline.StatsNode"},
    // Added by Kapacitor under a leaf node that gets stats, so the leaf has a child to count.
    {.name = "noOp",
     .desc = "noop",
     .doc = "passes data through unchanged",
     .methods = {},
     .go_type = "*pipeline.NoOpNode"},
    // Kapacitor names UDF nodes after the UDF; edges and options come from the UDF process.
    {.name = "udf",
     .desc = "udf",
     .doc = "a user-defined function run as an external process, called with `@name()`",
     .methods = {},
     .go_type = "*pipeline.UDFNode"},
};

}  // namespace

std::span<const ObjectType> source_types() {
  return types;
}

}  // namespace farad::compile::catalogue_tables
