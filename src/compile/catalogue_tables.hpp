#pragma once
// Internal to the catalogue: short constructors that keep the catalogue_*.cpp tables one entry per
// line, and the per-file lists of object types that catalogue.cpp gathers.
//
// Default values are spelled as TICKscript literals: a reflection-set field always shows the value
// Kapacitor's constructor leaves in it, zero values included (`0s`, `0`, `FALSE`, `''`), because
// that is what the node runs with when the script never sets it. Property methods, lambdas and
// interface{} fields have no default ("").

#include <span>
#include <string_view>

#include "compile/catalogue.hpp"

namespace farad::compile::catalogue_tables {

/// `.name(args)`: sets a property and returns the same object.
constexpr Method property(std::string_view name, Signature signature,
                          std::string_view default_value, std::string_view doc) {
  return Method{name, MethodKind::Property, signature, {}, default_value, doc};
}

/// `.name()` without arguments: turns a flag on.
constexpr Method flag(std::string_view name, std::string_view doc) {
  return Method{name, MethodKind::Property, args(), {}, {}, doc};
}

/// `|name(args)`: creates a child node of type `target`.
constexpr Method chain(std::string_view name, Signature signature, std::string_view target,
                       std::string_view doc) {
  return Method{name, MethodKind::Chain, signature, target, {}, doc};
}

/// `.name(args)` on an alert: adds a handler of type `target` and returns it.
constexpr Method handler(std::string_view name, Signature signature, std::string_view target,
                         std::string_view doc) {
  return Method{name, MethodKind::Handler, signature, target, {}, doc};
}

// One list per table file, in catalogue order.
std::span<const ObjectType> source_types();     // catalogue_sources.cpp
std::span<const ObjectType> influxql_types();   // catalogue_influxql.cpp
std::span<const ObjectType> transform_types();  // catalogue_nodes.cpp
std::span<const ObjectType> output_types();     // catalogue_outputs.cpp
std::span<const ObjectType> alert_types();      // catalogue_alert.cpp
std::span<const ObjectType> handler_types();    // catalogue_alert_handlers.cpp

}  // namespace farad::compile::catalogue_tables
