// Math functions. Those Go computes differently from the C library in ways users see often
// come from go_math (exp, log, log10, log2, exp2, pow, hypot, cbrt, max, min, pow10); the others
// use the C library, which agrees with Go to within a few units in the last place.

#include <cmath>

#include <fmt/format.h>

#include "expr/functions_internal.hpp"
#include "expr/go_math.hpp"

namespace farad::expr::functions {
namespace {

using enum ValueType;
using Unary = double (*)(double);
using Binary = double (*)(double, double);

template <Unary F>
bool math1(std::span<const Value> a, CallContext& c, Value& out) {
  if (a[0].type() != Float) {
    return fail(c, fmt::format("cannot pass {} to {}, must be float64", go_type(a[0]), c.name));
  }
  out = Value::make_float(F(a[0].as_float()));
  return true;
}

template <Binary F>
bool math2(std::span<const Value> a, CallContext& c, Value& out) {
  for (size_t i = 0; i < 2; ++i) {
    if (a[i].type() != Float) {
      return fail(c, fmt::format("cannot pass {} to {}, must be float64", go_type(a[i]), c.name));
    }
  }
  out = Value::make_float(F(a[0].as_float(), a[1].as_float()));
  return true;
}

bool pow10(std::span<const Value> a, CallContext& c, Value& out) {
  if (a[0].type() != Int) {
    return fail(c, fmt::format("cannot pass {} to {}, must be int64", go_type(a[0]), c.name));
  }
  out = Value::make_float(go::pow10(a[0].as_int()));
  return true;
}

// Go's Jn/Yn take a Go int (64 bits); the C library's take a C int.
template <double (*F)(int, double)>
bool bessel_n(std::span<const Value> a, CallContext& c, Value& out) {
  if (a[0].type() != Int) {
    return fail(
        c, fmt::format("cannot pass {} to {} as first arg, must be int64", go_type(a[0]), c.name));
  }
  if (a[1].type() != Float) {
    return fail(c, fmt::format("cannot pass {} to {} as second arg, must be float64", go_type(a[1]),
                               c.name));
  }
  out = Value::make_float(F(static_cast<int>(a[0].as_int()), a[1].as_float()));
  return true;
}

double f_abs(double x) {
  return std::fabs(x);
}
double f_acos(double x) {
  return std::acos(x);
}
double f_acosh(double x) {
  return std::acosh(x);
}
double f_asin(double x) {
  return std::asin(x);
}
double f_asinh(double x) {
  return std::asinh(x);
}
double f_atan(double x) {
  return std::atan(x);
}
double f_atanh(double x) {
  return std::atanh(x);
}
double f_ceil(double x) {
  return std::ceil(x);
}
double f_cos(double x) {
  return std::cos(x);
}
double f_cosh(double x) {
  return std::cosh(x);
}
double f_erf(double x) {
  return std::erf(x);
}
double f_erfc(double x) {
  return std::erfc(x);
}
double f_expm1(double x) {
  return std::expm1(x);
}
double f_floor(double x) {
  return std::floor(x);
}
double f_gamma(double x) {
  return std::tgamma(x);
}
double f_j0(double x) {
  return ::j0(x);
}
double f_j1(double x) {
  return ::j1(x);
}
double f_log1p(double x) {
  return std::log1p(x);
}
double f_logb(double x) {
  return std::logb(x);
}
double f_sin(double x) {
  return std::sin(x);
}
double f_sinh(double x) {
  return std::sinh(x);
}
double f_sqrt(double x) {
  return std::sqrt(x);
}
double f_tan(double x) {
  return std::tan(x);
}
double f_tanh(double x) {
  return std::tanh(x);
}
double f_trunc(double x) {
  return std::trunc(x);
}
double f_y0(double x) {
  return ::y0(x);
}
double f_y1(double x) {
  return ::y1(x);
}
double f_atan2(double y, double x) {
  return std::atan2(y, x);
}
double f_mod(double x, double y) {
  return std::fmod(x, y);
}
double f_jn(int n, double x) {
  return ::jn(n, x);
}
double f_yn(int n, double x) {
  return ::yn(n, x);
}

}  // namespace

void add_math_functions(std::vector<Function>& out) {
  const std::vector<Signature> one = {signature({Float}, Float)};
  const std::vector<Signature> two = {signature({Float, Float}, Float)};
  out.push_back({"abs", one, math1<f_abs>});
  out.push_back({"acos", one, math1<f_acos>});
  out.push_back({"acosh", one, math1<f_acosh>});
  out.push_back({"asin", one, math1<f_asin>});
  out.push_back({"asinh", one, math1<f_asinh>});
  out.push_back({"atan", one, math1<f_atan>});
  out.push_back({"atan2", two, math2<f_atan2>});
  out.push_back({"atanh", one, math1<f_atanh>});
  out.push_back({"cbrt", one, math1<go::cbrt>});
  out.push_back({"ceil", one, math1<f_ceil>});
  out.push_back({"cos", one, math1<f_cos>});
  out.push_back({"cosh", one, math1<f_cosh>});
  out.push_back({"erf", one, math1<f_erf>});
  out.push_back({"erfc", one, math1<f_erfc>});
  out.push_back({"exp", one, math1<go::exp>});
  out.push_back({"exp2", one, math1<go::exp2>});
  out.push_back({"expm1", one, math1<f_expm1>});
  out.push_back({"floor", one, math1<f_floor>});
  out.push_back({"gamma", one, math1<f_gamma>});
  out.push_back({"hypot", two, math2<go::hypot>});
  out.push_back({"j0", one, math1<f_j0>});
  out.push_back({"j1", one, math1<f_j1>});
  out.push_back({"jn", {signature({Int, Float}, Float)}, bessel_n<f_jn>});
  out.push_back({"log", one, math1<go::log>});
  out.push_back({"log10", one, math1<go::log10>});
  out.push_back({"log1p", one, math1<f_log1p>});
  out.push_back({"log2", one, math1<go::log2>});
  out.push_back({"logb", one, math1<f_logb>});
  out.push_back({"max", two, math2<go::max>});
  out.push_back({"min", two, math2<go::min>});
  out.push_back({"mod", two, math2<f_mod>});
  out.push_back({"pow", two, math2<go::pow>});
  out.push_back({"pow10", {signature({Int}, Float)}, pow10});
  out.push_back({"sin", one, math1<f_sin>});
  out.push_back({"sinh", one, math1<f_sinh>});
  out.push_back({"sqrt", one, math1<f_sqrt>});
  out.push_back({"tan", one, math1<f_tan>});
  out.push_back({"tanh", one, math1<f_tanh>});
  out.push_back({"trunc", one, math1<f_trunc>});
  out.push_back({"y0", one, math1<f_y0>});
  out.push_back({"y1", one, math1<f_y1>});
  out.push_back({"yn", {signature({Int, Float}, Float)}, bessel_n<f_yn>});
}

}  // namespace farad::expr::functions
