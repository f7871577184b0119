#pragma once
// Compile-time values: what a var holds and what a property or chain method receives.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lang/ast.hpp"

namespace farad::compile {

enum class ValueType : uint8_t {
  Invalid,  ///< the result of an expression that already produced a diagnostic
  Bool,
  Int,
  Float,
  String,
  Duration,
  Regex,
  Lambda,
  Star,
  List,
  Node,           ///< a pipeline node (index into the task's nodes)
  Handler,        ///< an alert handler of a node
  TimeDimension,  ///< `time(d[, offset])`, for query groupBy
  Reference,      ///< a `"field"` reference outside a lambda (only ever an error)
};

/// A value of one of the types above. Plain and copyable; lambdas share their immutable AST.
struct Value {
  ValueType type = ValueType::Invalid;
  bool boolean = false;
  int64_t integer = 0;  ///< Int; Duration in nanoseconds; TimeDimension length
  int64_t offset = 0;   ///< TimeDimension offset
  double number = 0;
  std::string text;                          ///< String; Regex pattern; Reference name
  std::shared_ptr<const lang::Node> lambda;  ///< Lambda: the expression, vars inlined
  std::vector<Value> items;                  ///< List
  int node = -1;                             ///< Node/Handler: index of the node
  int handler = -1;                          ///< Handler: index into the node's handlers

  static Value make_bool(bool b);
  static Value make_int(int64_t i);
  static Value make_float(double f);
  static Value make_string(std::string s);
  static Value make_duration(int64_t ns);
  static Value make_regex(std::string pattern);
  static Value make_star();
};

/// Kapacitor's name of a value type (`int`, `float`, `duration`, `lambda`, ...).
const char* type_name(ValueType type);

/// A value as TICKscript text (`10s`, `'a'`, `1.5`, `lambda: "x" > 1`, `[a, 'b']`).
std::string to_tick(const Value& value);

/// Formats nanoseconds as InfluxQL does (`10s`, `1m30s` is not produced: the largest exact unit).
std::string format_duration(int64_t ns);

bool operator==(const Value& a, const Value& b);

}  // namespace farad::compile
