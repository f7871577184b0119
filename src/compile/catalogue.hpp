#pragma once
// The catalogue of everything a TICKscript can name: every Kapacitor node type and alert handler,
// their edge types, chain methods and properties with exact argument types and defaults.
// It is plain data (tables in catalogue_*.cpp); the binder interprets it.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace farad::compile {

enum class EdgeType : uint8_t { None, Stream, Batch };

/// What a node provides, relative to what its parent provides.
enum class Provides : uint8_t { None, Stream, Batch, SameAsParent };

/// The exact type an argument must have. Kapacitor assigns by reflection with exact Go types:
/// an int literal is not accepted where a float or a duration is expected.
enum class ArgType : uint8_t {
  Bool,
  Int,
  Float,
  String,
  Duration,
  Lambda,
  Regex,
  Star,
  Node,           ///< another pipeline node (join/union parents)
  IntOrDuration,  ///< sample(rate): a count or a duration
  StringOrStar,   ///< dimensions: tag names or `*`
  Dimension,      ///< query groupBy: `time(d)`, tag names or `*`
  Any,            ///< interface{}: bool, int, float, string (default().field, etc.)
};

/// Positional parameters, then optionally any number of `variadic` ones.
struct Signature {
  static constexpr int kMaxParams = 4;
  ArgType params[kMaxParams] = {};
  uint8_t count = 0;
  bool has_variadic = false;
  ArgType variadic = ArgType::Any;
};

/// A signature of exactly these parameters: `args(ArgType::String, ArgType::Float)`.
template <typename... T>
constexpr Signature args(T... types) {
  static_assert(sizeof...(T) <= Signature::kMaxParams);
  Signature s;
  ((s.params[s.count++] = types), ...);
  return s;
}

/// These parameters followed by any number of `variadic`: `variadic(ArgType::String)`.
template <typename... T>
constexpr Signature variadic(ArgType rest, T... types) {
  Signature s = args(types...);
  s.has_variadic = true;
  s.variadic = rest;
  return s;
}

enum class MethodKind : uint8_t {
  Property,  ///< `.name(args)`: sets a property, returns the same object
  Chain,     ///< `|name(args)`: creates a child node of type `target`
  Handler,   ///< `.name(args)`: alert handler; returns a handler object of type `target`
};

struct Method {
  std::string_view name;
  MethodKind kind = MethodKind::Property;
  Signature signature;
  std::string_view target;         ///< Chain: node type created; Handler: handler type
  std::string_view default_value;  ///< as documented ("1s", "'INFO'", "" for none)
  std::string_view doc;            ///< one line
};

/// A node type (`window`, `alert`, ...) or an alert handler type (`alert.email`, ...).
struct ObjectType {
  std::string_view name;  ///< catalogue key; for nodes the TICKscript name (`httpOut`)
  std::string_view desc;  ///< Kapacitor's node id prefix (`http_out` -> `http_out4`)
  std::string_view doc;   ///< one line
  bool is_node = true;
  EdgeType wants = EdgeType::Stream;  ///< ignored when wants_any
  bool wants_any = true;              ///< accepts both stream and batch parents
  Provides provides = Provides::SameAsParent;
  bool chainable =
      true;  ///< has the chain methods common to every chainnode (common_chain_methods)
  std::span<const Method> methods;  ///< properties, handlers and type-specific chain methods
  std::string_view fallback = {};   ///< handler types: object whose methods are also reachable
  /// Kapacitor's Go type as its error messages print it (`*pipeline.WindowNode`).
  std::string_view go_type = {};
};

/// Chain methods every chainable node has (`|window()`, `|mean('f')`, `|alert()`, ...).
std::span<const Method> common_chain_methods();
/// Methods every node has, chainable or not (`.quiet()`, `|stats(d)`, `|deadman(...)`).
std::span<const Method> universal_methods();

/// Looks up an object type by its catalogue name; nullptr if unknown.
const ObjectType* find_object_type(std::string_view name);
/// All object types (nodes and handlers), in catalogue order.
std::span<const ObjectType* const> all_object_types();

}  // namespace farad::compile
