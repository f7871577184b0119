// isPresent(), if() and humanBytes().

#include <cmath>

#include <fmt/format.h>

#include "expr/functions_internal.hpp"
#include "expr/go_convert.hpp"
#include "expr/go_math.hpp"

namespace farad::expr::functions {
namespace {

using enum ValueType;

bool is_present(std::span<const Value> a, CallContext&, Value& out) {
  out = Value::make_bool(!a[0].is_missing());
  return true;
}

// Both branches are evaluated before the call: if() is an ordinary function in Kapacitor.
bool if_function(std::span<const Value> a, CallContext& c, Value& out) {
  if (a[0].type() != Bool) {
    return fail(c,
                fmt::format("first argument to if must be a condition with type of bool - got {}",
                            go_type(a[0])));
  }
  if (go_type_name(a[1].type()) != go_type_name(a[2].type())) {
    return fail(c, fmt::format("Different return types are not supported - second argument is {} "
                               "and third argument is {}",
                               go_type(a[1]), go_type(a[2])));
  }
  out = a[0].as_bool() ? a[1] : a[2];
  return true;
}

// go-humanize's Bytes: SI units, one decimal below 10.
std::string human_bytes(uint64_t s) {
  static constexpr const char* sizes[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
  if (s < 10) return fmt::format("{} B", s);
  const double e = std::floor(go::log(static_cast<double>(s)) / go::log(1000));
  const char* suffix = sizes[go::float_to_int64(e)];
  const double value = std::floor(static_cast<double>(s) / go::pow(1000, e) * 10 + 0.5) / 10;
  if (value < 10) return fmt::format("{:.1f} {}", value, suffix);
  return fmt::format("{:.0f} {}", value, suffix);
}

bool human_bytes_function(std::span<const Value> a, CallContext& c, Value& out) {
  switch (a[0].type()) {
    case Float:
      out = Value::make_string(human_bytes(go::float_to_uint64(a[0].as_float())));
      return true;
    case Int:
      out = Value::make_string(human_bytes(static_cast<uint64_t>(a[0].as_int())));
      return true;
    default:
      return fail(c, fmt::format("cannot convert {} to humanBytes", go_type(a[0])));
  }
}

}  // namespace

void add_misc_functions(std::vector<Function>& out) {
  // isPresent accepts exactly these types: a duration, time or regex argument is an error.
  out.push_back({"isPresent",
                 {signature({Missing}, Bool), signature({Bool}, Bool), signature({String}, Bool),
                  signature({Int}, Bool), signature({Float}, Bool)},
                 is_present});
  out.push_back(
      {"humanBytes", {signature({Float}, String), signature({Int}, String)}, human_bytes_function});
  std::vector<Signature> branches;
  for (ValueType t : {Float, Int, String, Bool, Regex, Time, Duration}) {
    branches.push_back(signature({Bool, t, t}, t));
  }
  out.push_back({"if", branches, if_function});
}

}  // namespace farad::expr::functions
