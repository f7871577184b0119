// sigma(), count(), spread() and rand(): their running state lives in the ExpressionState of
// the expression and group being evaluated.

#include <cmath>

#include "expr/expression_state.hpp"
#include "expr/functions_internal.hpp"

namespace farad::expr::functions {
namespace {

using enum ValueType;

// The number of standard deviations x is from the running mean (Welford's algorithm).
bool sigma(std::span<const Value> a, CallContext& c, Value& out) {
  if (a[0].type() != Float) return fail(c, "value is not a float");
  const double x = a[0].as_float();
  ExpressionState::Sigma& s = c.state.sigma();
  s.n++;
  const double delta = x - s.mean;
  s.mean = s.mean + delta / s.n;
  s.m2 = s.m2 + delta * (x - s.mean);
  s.variance = s.m2 / (s.n - 1);
  if (s.n < 2 || s.variance == 0) {
    out = Value::make_float(0);
  } else {
    out = Value::make_float(std::fabs(x - s.mean) / std::sqrt(s.variance));
  }
  return true;
}

bool count(std::span<const Value>, CallContext& c, Value& out) {
  out = Value::make_int(++c.state.count());
  return true;
}

bool spread(std::span<const Value> a, CallContext& c, Value& out) {
  if (a[0].type() != Float) return fail(c, "value is not a float");
  const double x = a[0].as_float();
  ExpressionState::Spread& s = c.state.spread();
  if (x < s.min) s.min = x;
  if (x > s.max) s.max = x;
  out = Value::make_float(s.max - s.min);
  return true;
}

// A non-negative random int64; rand(n) is below n (a negative n counts as a huge unsigned one,
// as in Kapacitor; rand(0) is 0).
bool rand(std::span<const Value> a, CallContext& c, Value& out) {
  constexpr uint64_t kLow63 = (uint64_t{1} << 63) - 1;
  if (a.empty()) {
    out = Value::make_int(static_cast<int64_t>(c.state.next_random() & kLow63));
    return true;
  }
  if (a[0].type() != Int) return fail(c, "value is not an int");
  const auto bound = static_cast<uint64_t>(a[0].as_int());
  out = Value::make_int(static_cast<int64_t>(c.state.next_random_below(bound) & kLow63));
  return true;
}

}  // namespace

void add_stateful_functions(std::vector<Function>& out) {
  out.push_back({"sigma", {signature({Float}, Float)}, sigma});
  out.push_back({"count", {signature({}, Int)}, count});
  out.push_back({"spread", {signature({Float}, Float)}, spread});
  out.push_back({"rand", {signature({}, Int), signature({Int}, Int)}, rand});
}

}  // namespace farad::expr::functions
