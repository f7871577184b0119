// Math functions against Kapacitor.

#include <catch2/catch.hpp>

#include "expr_test_support.hpp"

using farad::expr::testing::Case;
using farad::expr::testing::run;

TEST_CASE("math functions give Go's results", "[expr]") {
  // Values from Kapacitor; the go_math ports are bit-exact, the C library agrees on these.
  static const Case cases[] = {
      {R"~(abs(-2.5))~", R"~(float64 2.5)~"},
      {R"~(abs("f"))~", R"~(float64 2.5)~"},
      {R"~(abs("i"))~",
       R"~(error: Cannot call function "abs" with args ("i": int), available signatures are [(float)].)~"},
      {R"~(abs("x"))~",
       R"~(error: Cannot call function "abs" argument "x" is missing, values in scope are [])~"},
      {R"~(abs(-5))~",
       R"~(compile error: Cannot call function "abs" with args (-5: int), available signatures are [(float)].)~"},
      {R"~(sqrt(2.0))~", R"~(float64 1.4142135623730951)~"},
      {R"~(sqrt(-1.0))~", R"~(float64 NaN)~"},
      {R"~(floor(-2.5))~", R"~(float64 -3)~"},
      {R"~(ceil(-2.5))~", R"~(float64 -2)~"},
      {R"~(trunc(-2.5))~", R"~(float64 -2)~"},
      {R"~(exp(1.0))~", R"~(float64 2.718281828459045)~"},
      {R"~(exp(710.0))~", R"~(float64 +Inf)~"},
      {R"~(exp(-745.5))~", R"~(float64 0)~"},
      {R"~(log(10.0))~", R"~(float64 2.302585092994046)~"},
      {R"~(log(0.0))~", R"~(float64 -Inf)~"},
      {R"~(log(-1.0))~", R"~(float64 NaN)~"},
      {R"~(log(float('1e-310')))~", R"~(float64 -709.0850815488945)~"},
      {R"~(log10(1000.0))~", R"~(float64 3)~"},
      {R"~(log10(0.597452))~", R"~(float64 -0.22369698071038624)~"},
      {R"~(log2(8.0))~", R"~(float64 3)~"},
      {R"~(log2(10.0))~", R"~(float64 3.321928094887362)~"},
      {R"~(exp2(0.5))~", R"~(float64 1.414213562373095)~"},
      {R"~(pow(2.0, 10.0))~", R"~(float64 1024)~"},
      {R"~(pow(1000000000000000.0, 10.0))~", R"~(float64 1.0000000000000003e+150)~"},
      {R"~(pow(0.1, 7.0))~", R"~(float64 1.0000000000000007e-07)~"},
      {R"~(pow(2.5, 0.5))~", R"~(float64 1.5811388300841898)~"},
      {R"~(pow(-8.0, 1.0 / 3.0))~", R"~(float64 NaN)~"},
      {R"~(pow(0.0, -1.0))~", R"~(float64 +Inf)~"},
      {R"~(hypot(3.0, 4.0))~", R"~(float64 5)~"},
      {R"~(hypot(27.650362, 0.693534))~", R"~(float64 27.65905833791527)~"},
      {R"~(max(1.0, 2.0))~", R"~(float64 2)~"},
      {R"~(max(0.0 / 0.0, 1.0))~", R"~(float64 NaN)~"},
      {R"~(min(-0.0, 0.0))~", R"~(float64 -0)~"},
      {R"~(max(-0.0, 0.0))~", R"~(float64 0)~"},
      {R"~(mod(7.5, 2.0))~", R"~(float64 1.5)~"},
      {R"~(mod(-7.5, 2.0))~", R"~(float64 -1.5)~"},
      {R"~(mod(1.0, 0.0))~", R"~(float64 NaN)~"},
      {R"~(pow10(2))~", R"~(float64 100)~"},
      {R"~(pow10(-3))~", R"~(float64 0.001)~"},
      {R"~(pow10(309))~", R"~(float64 +Inf)~"},
      {R"~(pow10(-324))~", R"~(float64 0)~"},
      {R"~(pow10(300))~", R"~(float64 1e+300)~"},
      {R"~(atan2(1.0, 1.0))~", R"~(float64 0.7853981633974483)~"},
      {R"~(logb(1024.0))~", R"~(float64 10)~"},
      {R"~(logb(0.0))~", R"~(float64 -Inf)~"},
      {R"~(jn(0, 1.0))~", R"~(float64 0.7651976865579666)~"},
      {R"~(yn(1, 2.0))~", R"~(float64 -0.10703243154093756)~"},
      {R"~(gamma(5.0))~", R"~(float64 24)~"},
      {R"~(cbrt(27.0))~", R"~(float64 3)~"},
      {R"~(cos(0.0))~", R"~(float64 1)~"},
      {R"~(sin(0.0))~", R"~(float64 0)~"},
      {R"~(tan(0.0))~", R"~(float64 0)~"},
      {R"~(erf(0.0))~", R"~(float64 0)~"},
      {R"~(j1(1.0))~", R"~(float64 0.4400505857449335)~"},
      {R"~(acos(1.0))~", R"~(float64 0)~"},
      {R"~(atan(1.0))~", R"~(float64 0.7853981633974483)~"},
      {R"~(sinh(1.0))~", R"~(float64 1.1752011936438014)~"},
      {R"~(tanh(0.0))~", R"~(float64 0)~"},
      {R"~(pow("f", 2.0))~", R"~(float64 6.25)~"},
      {R"~(pow(2.0))~",
       R"~(compile error: Cannot call function "pow" with args (2: float), available signatures are [(float,float)].)~"},
      {R"~(max("f", "i"))~",
       R"~(error: Cannot call function "max" with args ("f": float,"i": int), available signatures are [(float,float)].)~"},
      {R"~(jn(1.5, 2.0))~",
       R"~(compile error: Cannot call function "jn" with args (1.5: float,2: float), available signatures are [(int,float)].)~"},
  };
  for (const Case& c : cases) {
    INFO(c.expression);
    CHECK(run(c.expression) == c.expected);
  }
}
