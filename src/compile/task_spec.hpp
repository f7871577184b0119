#pragma once
// The compiler's output: an immutable DAG of typed node specs, the task's dbrps and vars.
// The runtime instantiates one node object per NodeSpec; specs never change after compile.

#include <memory>
#include <string>
#include <vector>

#include "compile/catalogue.hpp"
#include "compile/value.hpp"
#include "lang/source.hpp"

namespace farad::compile {

enum class TaskType : uint8_t { Stream, Batch };

/// One `.name(args)` applied to a node or handler, in script order.
struct PropertySetting {
  std::string name;
  std::vector<Value> args;
  lang::Span span;
};

/// An alert handler (`.email('a@b')`, `.slack()`) with its own properties.
struct HandlerSpec {
  std::string type;  ///< catalogue name, e.g. "alert.email"
  std::vector<Value> args;
  std::vector<PropertySetting> properties;
  lang::Span span;
};

struct NodeSpec {
  int id = 0;        ///< Kapacitor's node id (creation order)
  std::string name;  ///< desc + id: `stream0`, `from1`, `mean3`
  std::string type;  ///< catalogue name: `from`, `window`, `mean`, `udf`
  std::string udf;   ///< for `@name()` nodes: the UDF name
  const ObjectType* object_type = nullptr;
  std::vector<Value> args;  ///< arguments of the creating call
  std::vector<PropertySetting> properties;
  std::vector<HandlerSpec> handlers;
  std::vector<int> parents;   ///< indexes into TaskSpec::nodes
  std::vector<int> children;  ///< indexes into TaskSpec::nodes, in link order
  int observed = -1;          ///< stats nodes: the node whose counters they report
  EdgeType wants = EdgeType::None;
  EdgeType provides = EdgeType::None;
  lang::Span span;  ///< the creating call

  /// The last value set for a single-argument property, or nullptr.
  const Value* property(std::string_view property_name) const;
  /// The last string set for a property, or "" when it was never set.
  std::string text(std::string_view property_name) const;
  /// Whether a property was applied at least once (`.align()`).
  bool has(std::string_view property_name) const;
  /// Every setting of a property, in order (`.where()` applied twice).
  std::vector<const PropertySetting*> all(std::string_view property_name) const;
};

struct Dbrp {
  std::string database;
  std::string retention_policy;
  bool operator==(const Dbrp&) const = default;
};

/// A var of the script, as Kapacitor reports it (name, type, value, description).
struct VarSpec {
  std::string name;
  ValueType type = ValueType::Invalid;
  Value value;
  std::string description;
  bool declared_only = false;  ///< `var x type` with no value in the script
};

struct TaskSpec {
  std::string name;  ///< task id (the script's file name without extension for offline use)
  TaskType type = TaskType::Stream;
  std::vector<Dbrp> dbrps;
  std::vector<NodeSpec> nodes;  ///< in id order
  std::vector<VarSpec> vars;    ///< in declaration order
  std::vector<int> sources;     ///< root nodes (the stream/batch node, then stats nodes)

  /// Node indexes in Kapacitor's walk order (topological, sources in order).
  std::vector<int> walk_order() const;
};

const char* edge_name(EdgeType edge);
const char* task_type_name(TaskType type);

}  // namespace farad::compile
