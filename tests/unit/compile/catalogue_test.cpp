#include "compile/catalogue.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace {

using farad::compile::all_object_types;
using farad::compile::args;
using farad::compile::ArgType;
using farad::compile::common_chain_methods;
using farad::compile::EdgeType;
using farad::compile::find_object_type;
using farad::compile::Method;
using farad::compile::MethodKind;
using farad::compile::ObjectType;
using farad::compile::Provides;
using farad::compile::Signature;
using farad::compile::universal_methods;
using farad::compile::variadic;
using enum ArgType;

// Owners in the tables below that are not object types.
constexpr std::string_view kCommon = "|common";
constexpr std::string_view kUniversal = "|universal";

std::span<const Method> methods_of(std::string_view owner) {
  if (owner == kCommon) return common_chain_methods();
  if (owner == kUniversal) return universal_methods();
  const ObjectType* type = find_object_type(owner);
  REQUIRE(type != nullptr);
  return type->methods;
}

const Method* find_method(std::string_view owner, std::string_view name, MethodKind kind) {
  for (const Method& m : methods_of(owner)) {
    if (m.name == name && m.kind == kind) return &m;
  }
  return nullptr;
}

bool same_signature(const Signature& a, const Signature& b) {
  if (a.count != b.count || a.has_variadic != b.has_variadic) return false;
  if (a.has_variadic && a.variadic != b.variadic) return false;
  return std::equal(a.params, a.params + a.count, b.params);
}

// Calls `f(owner, method)` for every method in the catalogue.
template <typename F>
void for_each_method(F f) {
  for (const Method& m : common_chain_methods()) f(kCommon, m);
  for (const Method& m : universal_methods()) f(kUniversal, m);
  for (const ObjectType* type : all_object_types()) {
    for (const Method& m : type->methods) f(type->name, m);
  }
}

}  // namespace

// Every `type XNode struct` in Kapacitor's pipeline package (1.8), with the catalogue entries it
// backs. InfluxQLNode backs one entry per InfluxQL function.
TEST_CASE("catalogue: every Kapacitor node type is represented") {
  struct Row {
    std::string_view go_type;
    std::string_view name;
  };
  const Row rows[] = {
      {"StreamNode", "stream"},
      {"FromNode", "from"},
      {"BatchNode", "batch"},
      {"QueryNode", "query"},
      {"QueryFluxNode", "queryFlux"},
      {"WindowNode", "window"},
      {"DerivativeNode", "derivative"},
      {"GroupByNode", "groupBy"},
      {"WhereNode", "where"},
      {"EvalNode", "eval"},
      {"ShiftNode", "shift"},
      {"DefaultNode", "default"},
      {"DeleteNode", "delete"},
      {"JoinNode", "join"},
      {"UnionNode", "union"},
      {"CombineNode", "combine"},
      {"FlattenNode", "flatten"},
      {"SampleNode", "sample"},
      {"BarrierNode", "barrier"},
      {"HTTPOutNode", "httpOut"},
      {"HTTPPostNode", "httpPost"},
      {"InfluxDBOutNode", "influxDBOut"},
      {"KapacitorLoopbackNode", "kapacitorLoopback"},
      {"LogNode", "log"},
      {"AlertNode", "alert"},
      {"StateDurationNode", "stateDuration"},
      {"StateCountNode", "stateCount"},
      {"ChangeDetectNode", "changeDetect"},
      {"StatsNode", "stats"},
      {"NoOpNode", "noOp"},
      {"SideloadNode", "sideload"},
      {"TrickleNode", "trickle"},
      {"UDFNode", "udf"},
      {"K8sAutoscaleNode", "k8sAutoscale"},
      {"SwarmAutoscaleNode", "swarmAutoscale"},
      {"Ec2AutoscaleNode", "ec2Autoscale"},
  };
  const std::string_view influxql[] = {
      "count",         "distinct",   "mean",          "median",      "mode",
      "spread",        "sum",        "first",         "last",        "min",
      "max",           "percentile", "top",           "bottom",      "stddev",
      "elapsed",       "difference", "movingAverage", "holtWinters", "holtWintersWithFit",
      "cumulativeSum",
  };
  std::vector<Row> all(std::begin(rows), std::end(rows));
  for (std::string_view name : influxql) all.push_back({"InfluxQLNode", name});
  std::set<std::string_view> listed;
  for (const Row& row : all) {
    INFO(row.name);
    const ObjectType* type = find_object_type(row.name);
    REQUIRE(type != nullptr);
    CHECK(type->is_node);
    CHECK(type->go_type == "*pipeline." + std::string(row.go_type));
    listed.insert(row.name);
  }
  // ...and the catalogue has no other node types but farad's own, which say so.
  for (const ObjectType* type : all_object_types()) {
    if (type->is_node && !type->go_type.starts_with("*farad.")) {
      CHECK(listed.count(type->name) == 1);
    }
  }
}

// Node name prefixes, from each Go constructor (newBasicChainNode / node{desc: ...}).
TEST_CASE("catalogue: node desc is Kapacitor's name prefix") {
  const std::pair<std::string_view, std::string_view> rows[] = {
      {"stream", "stream"},
      {"from", "from"},
      {"batch", "batch"},
      {"query", "query"},
      {"queryFlux", "queryFlux"},
      {"window", "window"},
      {"mean", "mean"},
      {"movingAverage", "movingAverage"},
      {"holtWinters", "holtWinters"},
      {"holtWintersWithFit", "holtWinters"},
      {"groupBy", "groupby"},
      {"httpOut", "http_out"},
      {"httpPost", "http_post"},
      {"influxDBOut", "influxdb_out"},
      {"kapacitorLoopback", "kapacitor_loopback"},
      {"stateDuration", "state_duration"},
      {"stateCount", "state_count"},
      {"changeDetect", "changeDetect"},
      {"k8sAutoscale", "k8s_autoscale"},
      {"swarmAutoscale", "swarm_autoscale"},
      {"ec2Autoscale", "ec2_autoscale"},
      {"noOp", "noop"},
      {"stats", "stats"},
      {"udf", "udf"},
      {"derivative", "derivative"},
      {"alert", "alert"},
  };
  for (auto [name, desc] : rows) {
    INFO(name);
    const ObjectType* type = find_object_type(name);
    REQUIRE(type != nullptr);
    CHECK(type->desc == desc);
  }
}

TEST_CASE("catalogue: edge types") {
  struct Row {
    std::string_view name;
    bool wants_any;
    EdgeType wants;
    Provides provides;
    bool chainable;
  };
  const Row rows[] = {
      {"stream", false, EdgeType::Stream, Provides::Stream, false},
      {"batch", false, EdgeType::None, Provides::Batch, false},
      {"from", false, EdgeType::Stream, Provides::Stream, true},
      {"query", false, EdgeType::Batch, Provides::Batch, true},
      {"queryFlux", false, EdgeType::Batch, Provides::Batch, true},
      {"window", false, EdgeType::Stream, Provides::Batch, true},
      {"trickle", false, EdgeType::Batch, Provides::Stream, true},
      {"rollup", false, EdgeType::Batch, Provides::Stream, true},
      {"stats", false, EdgeType::Stream, Provides::Stream, true},
      {"count", true, EdgeType::Stream, Provides::Stream, true},
      {"mean", true, EdgeType::Stream, Provides::Stream, true},
      {"percentile", true, EdgeType::Stream, Provides::Stream, true},
      {"distinct", true, EdgeType::Stream, Provides::Batch, true},
      {"top", true, EdgeType::Stream, Provides::Batch, true},
      {"bottom", true, EdgeType::Stream, Provides::Batch, true},
      {"holtWinters", true, EdgeType::Stream, Provides::Batch, true},
      {"holtWintersWithFit", true, EdgeType::Stream, Provides::Batch, true},
      {"elapsed", true, EdgeType::Stream, Provides::SameAsParent, true},
      {"difference", true, EdgeType::Stream, Provides::SameAsParent, true},
      {"movingAverage", true, EdgeType::Stream, Provides::SameAsParent, true},
      {"cumulativeSum", true, EdgeType::Stream, Provides::SameAsParent, true},
      {"combine", true, EdgeType::Stream, Provides::Stream, true},
      {"k8sAutoscale", true, EdgeType::Stream, Provides::Stream, true},
      {"swarmAutoscale", true, EdgeType::Stream, Provides::Stream, true},
      {"ec2Autoscale", true, EdgeType::Stream, Provides::Stream, true},
      {"influxDBOut", true, EdgeType::Stream, Provides::None, false},
      {"kapacitorLoopback", true, EdgeType::Stream, Provides::None, false},
      {"derivative", true, EdgeType::Stream, Provides::SameAsParent, true},
      {"join", true, EdgeType::Stream, Provides::SameAsParent, true},
      {"union", true, EdgeType::Stream, Provides::SameAsParent, true},
      {"alert", true, EdgeType::Stream, Provides::SameAsParent, true},
      {"httpOut", true, EdgeType::Stream, Provides::SameAsParent, true},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    const ObjectType* type = find_object_type(row.name);
    REQUIRE(type != nullptr);
    CHECK(type->wants_any == row.wants_any);
    if (!row.wants_any) CHECK(type->wants == row.wants);
    CHECK(type->provides == row.provides);
    CHECK(type->chainable == row.chainable);
  }
}

TEST_CASE("catalogue: spot checks of signatures and defaults") {
  struct Row {
    std::string_view owner;
    std::string_view name;
    MethodKind kind;
    Signature signature;
    std::string_view target_or_default;  // target for Chain and Handler, default for Property
  };
  constexpr auto P = MethodKind::Property;
  constexpr auto C = MethodKind::Chain;
  constexpr auto H = MethodKind::Handler;
  const Row rows[] = {
      // Creation signatures.
      {"stream", "from", C, args(), "from"},
      {"batch", "query", C, args(String), "query"},
      {"batch", "queryFlux", C, args(String), "queryFlux"},
      {kCommon, "window", C, args(), "window"},
      {kCommon, "derivative", C, args(String), "derivative"},
      {kCommon, "percentile", C, args(String, Float), "percentile"},
      {kCommon, "top", C, variadic(String, Int, String), "top"},
      {kCommon, "bottom", C, variadic(String, Int, String), "bottom"},
      {kCommon, "holtWinters", C, args(String, Int, Int, Duration), "holtWinters"},
      {kCommon, "holtWintersWithFit", C, args(String, Int, Int, Duration), "holtWintersWithFit"},
      {kCommon, "elapsed", C, args(String, Duration), "elapsed"},
      {kCommon, "movingAverage", C, args(String, Int), "movingAverage"},
      {kCommon, "sample", C, args(IntOrDuration), "sample"},
      {kCommon, "shift", C, args(Duration), "shift"},
      {kCommon, "eval", C, variadic(Lambda), "eval"},
      {kCommon, "where", C, args(Lambda), "where"},
      {kCommon, "combine", C, variadic(Lambda), "combine"},
      {kCommon, "join", C, variadic(Node), "join"},
      {kCommon, "union", C, variadic(Node), "union"},
      {kCommon, "changeDetect", C, variadic(String), "changeDetect"},
      {kCommon, "groupBy", C, variadic(StringOrStar), "groupBy"},
      {kCommon, "httpOut", C, args(String), "httpOut"},
      {kCommon, "httpPost", C, variadic(String), "httpPost"},
      {kCommon, "stateDuration", C, args(Lambda), "stateDuration"},
      {kCommon, "stateCount", C, args(Lambda), "stateCount"},
      {kCommon, "influxDBOut", C, args(), "influxDBOut"},
      {kCommon, "rollup", C, variadic(String, String), "rollup"},
      {kUniversal, "stats", C, args(Duration), "stats"},
      {kUniversal, "deadman", C, variadic(Lambda, Float, Duration), "alert"},
      {kUniversal, "quiet", P, args(), ""},
      // Properties and their defaults.
      {"window", "period", P, args(Duration), "0s"},
      {"window", "every", P, args(Duration), "0s"},
      {"window", "align", P, args(), ""},
      {"window", "periodCount", P, args(Int), "0"},
      {"derivative", "unit", P, args(Duration), "1s"},
      {"derivative", "nonNegative", P, args(), ""},
      {kCommon, "counterRate", C, variadic(String, String), "counterRate"},
      {"counterRate", "width", P, variadic(Int), ""},
      {"counterRate", "ceilingScale", P, args(Float), "1.0"},
      {"counterRate", "lateness", P, args(Duration), "0s"},
      {"window", "lateness", P, args(Duration), "0s"},
      {"window", "stampStart", P, args(), ""},
      {"rollup", "as", P, variadic(String, String), ""},
      {"rollup", "unit", P, args(Duration), "1s"},
      {"rollup", "timeWeighted", P, args(), ""},
      {"rollup", "counts", P, args(), ""},
      {"influxDBOut", "buffer", P, args(Int), "1000"},
      {"influxDBOut", "flushInterval", P, args(Duration), "10s"},
      {"influxDBOut", "tag", P, args(String, String), ""},
      {"influxDBOut", "retentionPolicy", P, args(String), "''"},
      {"log", "level", P, args(String), "'INFO'"},
      {"combine", "max", P, args(Int), "1000000"},
      {"join", "delimiter", P, args(String), "'.'"},
      {"join", "fill", P, args(Any), ""},
      {"join", "as", P, variadic(String), ""},
      {"flatten", "delimiter", P, args(String), "'.'"},
      {"flatten", "dropOriginalFieldName", P, variadic(Bool), ""},
      {"stateDuration", "as", P, args(String), "'state_duration'"},
      {"stateDuration", "unit", P, args(Duration), "1s"},
      {"stateCount", "as", P, args(String), "'state_count'"},
      {"mean", "as", P, args(String), "'mean'"},
      {"holtWintersWithFit", "as", P, args(String), "'holtWinters'"},
      {"top", "usePointTimes", P, args(), ""},
      {"eval", "keep", P, variadic(String), ""},
      {"groupBy", "exclude", P, variadic(String), ""},
      {"default", "field", P, args(String, Any), ""},
      {"default", "tag", P, args(String, String), ""},
      {"delete", "field", P, args(String), ""},
      {"sideload", "field", P, args(String, Any), ""},
      {"sideload", "order", P, variadic(String), ""},
      {"barrier", "delete", P, args(Bool), "FALSE"},
      {"barrier", "delete", C, args(), "delete"},
      {"from", "where", P, args(Lambda), ""},
      {"from", "where", C, args(Lambda), "where"},
      {"from", "groupBy", P, variadic(StringOrStar), ""},
      {"from", "groupBy", C, variadic(StringOrStar), "groupBy"},
      {"from", "from", C, args(), "from"},
      {"query", "groupBy", P, variadic(Dimension), ""},
      {"query", "groupBy", C, variadic(StringOrStar), "groupBy"},
      {"query", "fill", P, args(Any), ""},
      {"queryFlux", "orgID", P, args(String), "''"},
      {"httpPost", "header", P, args(String, String), ""},
      {"k8sAutoscale", "kind", P, args(String), "'deployments'"},
      {"k8sAutoscale", "min", P, args(Int), "1"},
      {"k8sAutoscale", "replicas", P, args(Lambda), ""},
      // Alert and its handlers.
      {"alert", "id", P, args(String), "'{{ .Name }}:{{ .Group }}'"},
      {"alert", "message", P, args(String), "'{{ .ID }} is {{ .Level }}'"},
      {"alert", "details", P, args(String), "'{{ json . }}'"},
      {"alert", "history", P, args(Int), "21"},
      {"alert", "crit", P, args(Lambda), ""},
      {"alert", "flapping", P, args(Float, Float), ""},
      {"alert", "stateChangesOnly", P, variadic(Duration), ""},
      {"alert", "inhibit", P, variadic(String, String), ""},
      {"alert", "log", H, args(String), "alert.log"},
      {"alert", "log", C, args(), "log"},
      {"alert", "post", H, variadic(String), "alert.post"},
      {"alert", "email", H, variadic(String), "alert.email"},
      {"alert", "exec", H, variadic(String, String), "alert.exec"},
      {"alert", "tcp", H, args(String), "alert.tcp"},
      {"alert", "mqtt", H, args(String), "alert.mqtt"},
      {"alert", "snmpTrap", H, args(String), "alert.snmpTrap"},
      {"alert", "slack", H, args(), "alert.slack"},
      {"alert.email", "to", P, variadic(String), ""},
      {"alert.post", "header", P, args(String, String), ""},
      {"alert.log", "mode", P, args(Int), "0600"},
      {"alert.pagerDuty2", "link", P, variadic(String, String), ""},
      {"alert.snmpTrap", "data", P, args(String, String, String), ""},
      {"alert.alerta", "services", P, variadic(String), ""},
      {"alert.alerta", "timeout", P, args(Duration), "24h"},
      {"alert.pushover", "uRL", P, args(String), "''"},
      {"alert.slack", "iconEmoji", P, args(String), "''"},
      {"alert.zenoss", "summary", P, args(String), "'{{ .Message }}'"},
  };
  for (const Row& row : rows) {
    INFO(row.owner << " " << row.name);
    const Method* m = find_method(row.owner, row.name, row.kind);
    REQUIRE(m != nullptr);
    CHECK(same_signature(m->signature, row.signature));
    if (row.kind == P) {
      CHECK(m->default_value == row.target_or_default);
    } else {
      CHECK(m->target == row.target_or_default);
    }
  }
}

TEST_CASE("catalogue: sources have only their own chain methods") {
  const std::pair<std::string_view, std::set<std::string_view>> rows[] = {
      {"stream", {"from"}},
      {"batch", {"query", "queryFlux"}},
  };
  for (const auto& [name, expected] : rows) {
    INFO(name);
    std::set<std::string_view> chains;
    for (const Method& m : methods_of(name)) {
      if (m.kind == MethodKind::Chain) chains.insert(m.name);
    }
    CHECK(chains == expected);
  }
}

TEST_CASE("catalogue: every alert handler has a method and a type") {
  const std::string_view handlers[] = {
      "post",       "tcp",      "email",      "exec",      "log",     "victorOps", "pagerDuty",
      "pagerDuty2", "pushover", "sensu",      "slack",     "discord", "bigPanda",  "telegram",
      "hipChat",    "alerta",   "opsGenie",   "opsGenie2", "talk",    "mqtt",      "snmpTrap",
      "kafka",      "teams",    "serviceNow", "zenoss",
  };
  for (std::string_view name : handlers) {
    INFO(name);
    const Method* m = find_method("alert", name, MethodKind::Handler);
    REQUIRE(m != nullptr);
    CHECK(m->target == "alert." + std::string(name));
  }
  int handler_methods = 0;
  for (const Method& m : methods_of("alert")) handler_methods += m.kind == MethodKind::Handler;
  CHECK(handler_methods == static_cast<int>(std::size(handlers)));
}

TEST_CASE("catalogue: chain and handler targets exist") {
  for_each_method([](std::string_view owner, const Method& m) {
    INFO(owner << " " << m.name);
    if (m.kind == MethodKind::Property) {
      CHECK(m.target.empty());
      return;
    }
    const ObjectType* target = find_object_type(m.target);
    REQUIRE(target != nullptr);
    CHECK(target->is_node == (m.kind == MethodKind::Chain));
    if (m.kind == MethodKind::Handler) CHECK(target->fallback == "alert");
  });
}

TEST_CASE("catalogue: a type's own chain method agrees with the common one") {
  for (const ObjectType* type : all_object_types()) {
    for (const Method& m : type->methods) {
      if (m.kind != MethodKind::Chain) continue;
      const Method* common = find_method(kCommon, m.name, MethodKind::Chain);
      if (common == nullptr) continue;
      INFO(type->name << " " << m.name);
      CHECK(m.target == common->target);
      CHECK(same_signature(m.signature, common->signature));
    }
  }
}

TEST_CASE("catalogue: names are unique") {
  std::set<std::string_view> type_names;
  for (const ObjectType* type : all_object_types()) {
    INFO(type->name);
    CHECK(type_names.insert(type->name).second);
    CHECK(find_object_type(type->name) == type);
    std::set<std::tuple<std::string_view, MethodKind>> methods;
    for (const Method& m : type->methods) {
      INFO(m.name);
      CHECK(methods.insert({m.name, m.kind}).second);
    }
  }
  for (auto list : {common_chain_methods(), universal_methods()}) {
    std::set<std::string_view> names;
    for (const Method& m : list) CHECK(names.insert(m.name).second);
  }
  CHECK(find_object_type("nope") == nullptr);
  CHECK(find_object_type("Window") == nullptr);
}

TEST_CASE("catalogue: handler types fall back to alert") {
  for (const ObjectType* type : all_object_types()) {
    if (type->is_node) {
      CHECK(type->fallback.empty());
      CHECK_FALSE(type->desc.empty());
      continue;
    }
    INFO(type->name);
    CHECK(type->name.starts_with("alert."));
    CHECK(type->fallback == "alert");
    CHECK_FALSE(type->chainable);
  }
}

TEST_CASE("catalogue: every entry has a one-line doc") {
  auto one_line = [](std::string_view doc) {
    return !doc.empty() && doc.find('\n') == std::string_view::npos && !doc.ends_with('.');
  };
  for_each_method([&](std::string_view owner, const Method& m) {
    INFO(owner << " " << m.name);
    CHECK(one_line(m.doc));
  });
  for (const ObjectType* type : all_object_types()) {
    INFO(type->name);
    CHECK(one_line(type->doc));
    CHECK((type->go_type.starts_with("*pipeline.") || type->go_type.starts_with("*farad.")));
  }
}

// A default is a TICKscript literal of the property's single argument type.
TEST_CASE("catalogue: defaults are literals of the property's type") {
  auto all_of = [](std::string_view text, std::string_view chars) {
    return !text.empty() && text.find_first_not_of(chars) == std::string_view::npos;
  };
  for_each_method([&](std::string_view owner, const Method& m) {
    if (m.default_value.empty()) return;
    INFO(owner << " " << m.name << " = " << m.default_value);
    REQUIRE(m.kind == MethodKind::Property);
    REQUIRE(m.signature.count == 1);
    REQUIRE_FALSE(m.signature.has_variadic);
    std::string_view v = m.default_value;
    switch (m.signature.params[0]) {
      case Int:
        CHECK(all_of(v, "0123456789"));
        break;
      case Duration: {
        std::string_view unit = v.substr(v.find_first_not_of("0123456789"));
        CHECK(all_of(v.substr(0, v.size() - unit.size()), "0123456789"));
        CHECK((unit == "s" || unit == "m" || unit == "h" || unit == "ms"));
        break;
      }
      case Float:
        CHECK((all_of(v, "0123456789.") && v.find('.') != std::string_view::npos));
        break;
      case Bool:
        CHECK((v == "TRUE" || v == "FALSE"));
        break;
      case String:
        CHECK((v.size() >= 2 && v.front() == '\'' && v.back() == '\''));
        break;
      default:
        FAIL("no default expected for this argument type");
    }
  });
}
