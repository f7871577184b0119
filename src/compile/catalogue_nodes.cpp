// Transformation nodes: everything a chain method creates between the sources and the outputs,
// except the InfluxQL functions and alert. Kapacitor: one file per node in pipeline/.

#include "compile/catalogue_tables.hpp"

namespace farad::compile::catalogue_tables {
namespace {

using enum ArgType;

const Method window_methods[] = {
    property("period", args(Duration), "0s", "length of time each window covers"),
    property("every", args(Duration), "0s", "how often to emit a window; 0s emits on every point"),
    flag("align", "align window edges to multiples of every"),
    flag("fillPeriod", "emit nothing until a whole period has been seen"),
    property("periodCount", args(Int), "0", "number of points per window, instead of a period"),
    property("everyCount", args(Int), "0", "emit a window every this many points"),
    // farad extensions (time windows only).
    property("lateness", args(Duration), "0s",
             "farad: hold points this long to put late ones back in time order"),
    flag("stampStart", "farad: stamp each window with its start instead of its end"),
};

const Method derivative_methods[] = {
    property("as", args(String), "", "name of the result field; defaults to the input field"),
    property("unit", args(Duration), "1s", "time unit the rate is expressed in"),
    flag("nonNegative", "drop negative rates, as after a counter reset"),
};

// farad extension: not a Kapacitor node.
const Method counter_rate_methods[] = {
    property("as", variadic(String), "", "names of the rate fields, one per counter"),
    property("unit", args(Duration), "1s", "time unit the rates are expressed in"),
    property("width", variadic(Int), "",
             "counter width in bits, 32 or 64 (the default), for all counters or one per counter"),
    property("ceiling", args(Float), "",
             "highest plausible rate per unit: a faster wrap is a restart; none: every drop wraps"),
    property("ceilingField", args(String), "''",
             "take the ceiling from this field of the later point instead (e.g. ifHighSpeed)"),
    property("ceilingScale", args(Float), "1.0", "multiplies the ceilingField value"),
    property("uptime", args(String), "''",
             "TimeTicks field (1/100 s, 32 bits) whose advance tells a reboot from a wrap"),
    property("uptimeSlack", args(Duration), "5s",
             "how far the uptime advance may differ from the elapsed time without a reboot"),
    property("heartbeat", args(Duration), "0s", "an interval longer than this gives no rate"),
    property("lateness", args(Duration), "0s",
             "hold points this long to put late ones back in time order"),
    flag("details", "also emit each rate's delta, wrap and restart flags and elapsed time"),
};

const Method group_by_methods[] = {
    property("exclude", variadic(String), "", "tags to leave out of a `*` grouping"),
    flag("byMeasurement", "add the measurement name to the group"),
};

const Method eval_methods[] = {
    property("as", variadic(String), "", "names of the results, one per lambda"),
    property("tags", variadic(String), "", "results, named by as, to store as tags"),
    property("keep", variadic(String), "", "keep existing fields: all of them, or only these"),
};

const Method default_methods[] = {
    property("field", args(String, Any), "", "value for a field when it is missing"),
    property("tag", args(String, String), "", "value for a tag when it is missing"),
};

const Method delete_methods[] = {
    property("field", args(String), "", "field to remove"),
    property("tag", args(String), "", "tag to remove"),
};

const Method join_methods[] = {
    property("as", variadic(String), "", "field prefixes, one per joined node, in order"),
    property("on", variadic(String), "", "join on these tags only, a subset of the group tags"),
    property("delimiter", args(String), "'.'", "separator between a prefix and a field name"),
    property("deleteAll", args(Bool), "FALSE", "delete a group on every side when one side does"),
    property("streamName", args(String), "''", "measurement name of the joined data"),
    property("tolerance", args(Duration), "0s", "points this close in time count as simultaneous"),
    property("fill", args(Any), "", "'none' (inner join), 'null' or a number (outer join)"),
};

const Method union_methods[] = {
    property("rename", args(String), "''", "measurement name of the merged data"),
};

const Method combine_methods[] = {
    property("as", variadic(String), "", "field prefixes, one per lambda"),
    property("delimiter", args(String), "'.'", "separator between a prefix and a field name"),
    property("tolerance", args(Duration), "0s", "points this close in time count as simultaneous"),
    property("max", args(Int), "1000000", "largest number of combinations to compute"),
};

const Method flatten_methods[] = {
    property("on", variadic(String), "", "tags whose values name the flattened fields"),
    property("delimiter", args(String), "'.'", "separator between the parts of a field name"),
    property("tolerance", args(Duration), "0s", "points this close in time count as simultaneous"),
    property("dropOriginalFieldName", variadic(Bool), "",
             "leave the original field name out of the new names; no argument means TRUE"),
};

// `delete` is a plain bool field here; ChainMethods() keeps `|delete()` reachable as well.
const Method barrier_methods[] = {
    property("idle", args(Duration), "0s", "emit a barrier after this long without data"),
    property("period", args(Duration), "0s", "emit a barrier at this wall-clock interval"),
    property("delete", args(Bool), "FALSE", "forget a group after each of its barriers"),
    chain("delete", args(), "delete", "remove fields and tags in a separate delete node"),
};

const Method log_methods[] = {
    property("level", args(String), "'INFO'", "log level: 'DEBUG', 'INFO', 'WARN' or 'ERROR'"),
    property("prefix", args(String), "''", "text to start every log line with"),
};

const Method state_duration_methods[] = {
    property("as", args(String), "'state_duration'", "name of the result field"),
    property("unit", args(Duration), "1s", "time unit the duration is expressed in"),
};

const Method state_count_methods[] = {
    property("as", args(String), "'state_count'", "name of the result field"),
};

const Method sideload_methods[] = {
    property("source", args(String), "''", "where the files live, a file:// URL"),
    property("order", variadic(String), "", "file paths to search in order; `{tag}` is replaced"),
    property("field", args(String, Any), "", "field to load, with the value used when absent"),
    property("tag", args(String, String), "", "tag to load, with the value used when absent"),
};

// farad's own: a fusable multi-field window aggregate (a window's batches in, a stream out).
const Method rollup_methods[] = {
    property("as", variadic(String, String), "",
             "output names, one per field; default: the fields"),
    flag("timeWeighted", "mean rate weighted by interval: sum of F_delta over sum of elapsed"),
    property("unit", args(Duration), "1s", "time unit of the time-weighted rate"),
    flag("counts", "also output A_count, A_wraps and A_restarts for each output name A"),
};

const ObjectType types[] = {
    {.name = "window",
     .desc = "window",
     .doc = "collects stream points into batches by time or by count",
     .wants = EdgeType::Stream,
     .wants_any = false,
     .provides = Provides::Batch,
     .methods = window_methods,
     .go_type = "*pipeline.WindowNode"},
    {.name = "derivative",
     .desc = "derivative",
     .doc = "rate of change of a field between consecutive points",
     .methods = derivative_methods,
     .go_type = "*pipeline.DerivativeNode"},
    {.name = "counterRate",
     .desc = "counter_rate",
     .doc = "farad: wrap- and reboot-corrected rates of counter fields",
     .methods = counter_rate_methods,
     .go_type = "*farad.CounterRateNode"},
    {.name = "groupBy",
     .desc = "groupby",
     .doc = "regroups data by tags",
     .methods = group_by_methods,
     .go_type = "*pipeline.GroupByNode"},
    {.name = "where",
     .desc = "where",
     .doc = "keeps only the points for which a lambda is true",
     .methods = {},
     .go_type = "*pipeline.WhereNode"},
    {.name = "eval",
     .desc = "eval",
     .doc = "computes fields or tags from lambdas",
     .methods = eval_methods,
     .go_type = "*pipeline.EvalNode"},
    {.name = "shift",
     .desc = "shift",
     .doc = "moves timestamps by a fixed duration",
     .methods = {},
     .go_type = "*pipeline.ShiftNode"},
    {.name = "default",
     .desc = "default",
     .doc = "fills in missing fields and tags",
     .methods = default_methods,
     .go_type = "*pipeline.DefaultNode"},
    {.name = "delete",
     .desc = "delete",
     .doc = "removes fields and tags",
     .methods = delete_methods,
     .go_type = "*pipeline.DeleteNode"},
    {.name = "join",
     .desc = "join",
     .doc = "joins several nodes' data by time and group",
     .methods = join_methods,
     .go_type = "*pipeline.JoinNode"},
    {.name = "union",
     .desc = "union",
     .doc = "merges several nodes' data in time order",
     .methods = union_methods,
     .go_type = "*pipeline.UnionNode"},
    {.name = "combine",
     .desc = "combine",
     .doc = "pairs up points of one time within a group",
     .provides = Provides::Stream,
     .methods = combine_methods,
     .go_type = "*pipeline.CombineNode"},
    {.name = "flatten",
     .desc = "flatten",
     .doc = "merges the points of one time in a group into one point",
     .methods = flatten_methods,
     .go_type = "*pipeline.FlattenNode"},
    {.name = "sample",
     .desc = "sample",
     .doc = "keeps every n-th point or batch, or one per time interval",
     .methods = {},
     .go_type = "*pipeline.SampleNode"},
    {.name = "barrier",
     .desc = "barrier",
     .doc = "emits wall-clock barriers so idle groups still make progress",
     .methods = barrier_methods,
     .go_type = "*pipeline.BarrierNode"},
    {.name = "log",
     .desc = "log",
     .doc = "logs every point or batch and passes it on",
     .methods = log_methods,
     .go_type = "*pipeline.LogNode"},
    {.name = "stateDuration",
     .desc = "state_duration",
     .doc = "time for which a lambda has been continuously true",
     .methods = state_duration_methods,
     .go_type = "*pipeline.StateDurationNode"},
    {.name = "stateCount",
     .desc = "state_count",
     .doc = "number of consecutive points for which a lambda has been true",
     .methods = state_count_methods,
     .go_type = "*pipeline.StateCountNode"},
    {.name = "changeDetect",
     .desc = "changeDetect",
     .doc = "passes a point on only when one of the fields changed",
     .methods = {},
     .go_type = "*pipeline.ChangeDetectNode"},
    {.name = "sideload",
     .desc = "sideload",
     .doc = "adds fields and tags loaded from files chosen by tag values",
     .methods = sideload_methods,
     .go_type = "*pipeline.SideloadNode"},
    {.name = "trickle",
     .desc = "trickle",
     .doc = "turns batches back into a stream of single points",
     .wants = EdgeType::Batch,
     .wants_any = false,
     .provides = Provides::Stream,
     .methods = {},
     .go_type = "*pipeline.TrickleNode"},
    {.name = "rollup",
     .desc = "rollup",
     .doc = "one point per window with the mean or time-weighted mean of several fields",
     .wants = EdgeType::Batch,
     .wants_any = false,
     .provides = Provides::Stream,
     .methods = rollup_methods,
     .go_type = "*farad.RollupNode"},
};

}  // namespace

std::span<const ObjectType> transform_types() {
  return types;
}

}  // namespace farad::compile::catalogue_tables
