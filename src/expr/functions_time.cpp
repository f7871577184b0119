// Time functions. They read the time in UTC (see time_utc.hpp); now() is whatever the scope
// says (the point time unless the runtime overrides Scope::now).

#include <fmt/format.h>

#include "expr/functions_internal.hpp"
#include "expr/scope.hpp"
#include "expr/time_utc.hpp"

namespace farad::expr::functions {
namespace {

using enum ValueType;

template <int64_t (*F)(int64_t)>
bool time_field(std::span<const Value> a, CallContext& c, Value& out) {
  if (a[0].type() != Time) {
    return fail(c, fmt::format("cannot convert {} to time.Time", go_type(a[0])));
  }
  out = Value::make_int(F(a[0].as_int()));
  return true;
}

int64_t unix_nano(int64_t t) {
  return t;
}
int64_t minute(int64_t t) {
  return civil_time(t).minute;
}
int64_t hour(int64_t t) {
  return civil_time(t).hour;
}
int64_t weekday(int64_t t) {
  return civil_time(t).weekday;
}
int64_t day(int64_t t) {
  return civil_time(t).day;
}
int64_t month(int64_t t) {
  return civil_time(t).month;
}
int64_t year(int64_t t) {
  return civil_time(t).year;
}

bool now(std::span<const Value>, CallContext& c, Value& out) {
  out = Value::make_time(c.scope.now());
  return true;
}

}  // namespace

void add_time_functions(std::vector<Function>& out) {
  const std::vector<Signature> of_time = {signature({Time}, Int)};
  out.push_back({"unixNano", of_time, time_field<unix_nano>});
  out.push_back({"minute", of_time, time_field<minute>});
  out.push_back({"hour", of_time, time_field<hour>});
  out.push_back({"weekday", of_time, time_field<weekday>});
  out.push_back({"day", of_time, time_field<day>});
  out.push_back({"month", of_time, time_field<month>});
  out.push_back({"year", of_time, time_field<year>});
  out.push_back({"now", {signature({}, Time)}, now});
}

}  // namespace farad::expr::functions
