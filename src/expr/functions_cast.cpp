// The conversion functions bool(), int(), float(), string() and duration(), with Go's
// conversions: int(3.9) truncates, string(1.5) is strconv's shortest form, bool('T') is true.

#include <fmt/format.h>

#include "expr/functions_internal.hpp"
#include "expr/go_convert.hpp"
#include "expr/go_format.hpp"

namespace farad::expr::functions {
namespace {

using enum ValueType;

bool to_bool(std::span<const Value> a, CallContext& c, Value& out) {
  const Value& v = a[0];
  switch (v.type()) {
    case Bool:
      out = v;
      return true;
    case String: {
      bool b = false;
      if (!go::parse_bool(v.as_string(), b, c.error)) return false;
      out = Value::make_bool(b);
      return true;
    }
    case Int:
      if (v.as_int() == 0 || v.as_int() == 1) {
        out = Value::make_bool(v.as_int() == 1);
        return true;
      }
      return fail(c, fmt::format("cannot convert {} to boolean", v.as_int()));
    case Float:
      if (v.as_float() == 0 || v.as_float() == 1) {
        out = Value::make_bool(v.as_float() == 1);
        return true;
      }
      return fail(c, fmt::format("cannot convert {} to boolean", go::format_float_v(v.as_float())));
    default:
      return fail(c, fmt::format("cannot convert {} to boolean", go_type(v)));
  }
}

bool to_int(std::span<const Value> a, CallContext& c, Value& out) {
  const Value& v = a[0];
  switch (v.type()) {
    case Int:
      out = v;
      return true;
    case Float:
      out = Value::make_int(go::float_to_int64(v.as_float()));
      return true;
    case String: {
      int64_t i = 0;
      if (!go::parse_int(v.as_string(), i, c.error)) return false;
      out = Value::make_int(i);
      return true;
    }
    case Bool:
      out = Value::make_int(v.as_bool() ? 1 : 0);
      return true;
    // Reachable only where Kapacitor skips the signature check (`!int(...)`).
    case Duration:
      out = Value::make_int(v.as_int());
      return true;
    default:
      return fail(c, fmt::format("cannot convert {} to integer", go_type(v)));
  }
}

bool to_float(std::span<const Value> a, CallContext& c, Value& out) {
  const Value& v = a[0];
  switch (v.type()) {
    case Int:
      out = Value::make_float(static_cast<double>(v.as_int()));
      return true;
    case Float:
      out = v;
      return true;
    case String: {
      double f = 0;
      if (!go::parse_float(v.as_string(), f, c.error)) return false;
      out = Value::make_float(f);
      return true;
    }
    case Bool:
      out = Value::make_float(v.as_bool() ? 1 : 0);
      return true;
    default:
      return fail(c, fmt::format("cannot convert {} to float", go_type(v)));
  }
}

bool to_string(std::span<const Value> a, CallContext& c, Value& out) {
  const Value& v = a[0];
  switch (v.type()) {
    case Int:
      out = Value::make_string(std::to_string(v.as_int()));
      return true;
    case Float:
      out = Value::make_string(go::format_float_f(v.as_float()));
      return true;
    case Bool:
      out = Value::make_string(v.as_bool() ? "true" : "false");
      return true;
    case Duration:
      out = Value::make_string(go::format_influxql_duration(v.as_int()));
      return true;
    case String:
      out = Value::make_string(std::string(v.as_string()));
      return true;
    default:
      return fail(c, fmt::format("cannot convert {} to string", go_type(v)));
  }
}

bool to_duration(std::span<const Value> a, CallContext& c, Value& out) {
  const Value& v = a[0];
  // int and float values are counted in the unit given as the second argument.
  auto unit = [&](int64_t& ns) {
    if (a.size() != 2) {
      return fail(c, "duration expects unit argument for int and float values");
    }
    if (a[1].type() != Duration) {
      return fail(c, fmt::format("invalid duration unit type: {}", go_type(a[1])));
    }
    ns = a[1].as_int();
    return true;
  };
  int64_t ns = 0;
  switch (v.type()) {
    case Duration:
      out = v;
      return true;
    case Int:
      // Go assigns the product before looking at the unit's error; the value is then unused.
      if (!unit(ns)) return false;
      out = Value::make_duration(go::wrap_mul(v.as_int(), ns));
      return true;
    case Float:
      if (!unit(ns)) return false;
      out = Value::make_duration(go::float_to_int64(v.as_float() * static_cast<double>(ns)));
      return true;
    case String: {
      int64_t parsed = 0;
      if (!go::parse_influxql_duration(v.as_string(), parsed)) {
        return fail(c, fmt::format("invalid duration string {}", go::quote(v.as_string())));
      }
      out = Value::make_duration(parsed);
      return true;
    }
    default:
      return fail(c, fmt::format("cannot convert {} to duration", go_type(v)));
  }
}

}  // namespace

void add_cast_functions(std::vector<Function>& out) {
  out.push_back({"bool",
                 {signature({Bool}, Bool), signature({String}, Bool), signature({Int}, Bool),
                  signature({Float}, Bool)},
                 to_bool});
  out.push_back({"int",
                 {signature({Bool}, Int), signature({String}, Int), signature({Int}, Int),
                  signature({Float}, Int)},
                 to_int});
  out.push_back({"float",
                 {signature({Bool}, Float), signature({String}, Float), signature({Int}, Float),
                  signature({Float}, Float)},
                 to_float});
  out.push_back({"string",
                 {signature({Bool}, String), signature({String}, String), signature({Int}, String),
                  signature({Float}, String), signature({Duration}, String)},
                 to_string});
  // duration(string, unit) parses the string and ignores the unit, as Kapacitor does.
  out.push_back({"duration",
                 {signature({Duration}, Duration), signature({Int, Duration}, Duration),
                  signature({Float, Duration}, Duration), signature({String, Duration}, Duration)},
                 to_duration});
}

}  // namespace farad::expr::functions
