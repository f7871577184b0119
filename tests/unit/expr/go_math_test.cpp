// Go's math results, bit for bit (values from Go 1.19 on amd64).

#include "expr/go_math.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>

namespace go = farad::expr::go;

namespace {

double from_bits(uint64_t bits) {
  return std::bit_cast<double>(bits);
}

bool same(double got, uint64_t expected) {
  const double want = from_bits(expected);
  if (std::isnan(want)) return std::isnan(got);
  return std::bit_cast<uint64_t>(got) == expected;
}

struct Row {
  double (*function)(double);
  const char* name;
  uint64_t input;
  uint64_t expected;
};

}  // namespace

TEST_CASE("go math functions of one argument", "[expr]") {
  // exp's FMA and SSE paths agree on these inputs, so the table holds on any x86-64 CPU.
  static const Row rows[] = {
      {go::exp, "exp", 0x3ff0000000000000, 0x4005bf0a8b145769},
      {go::exp, "exp", 0x4024000000000000, 0x40d5829dcf950560},
      {go::exp, "exp", 0xc085e00000000000, 0x00d14f2b0fb9307f},
      {go::exp, "exp", 0xc121c5b53012707f, 0x0},
      {go::exp, "exp", 0x411d043c0c5b92e7, 0x7ff0000000000000},
      {go::exp, "exp", 0x1, 0x3ff0000000000000},
      {go::log, "log", 0x3ff0000000000000, 0x0},
      {go::log, "log", 0x3ee4f8b588e368f1, 0xc027069e2aa2aa5b},
      {go::log, "log", 0x1, 0xc08628b76e3a7b61},  // Go's subnormal quirk
      {go::log, "log", 0xc121c5b53012707f, 0x7ff8000000000001},
      {go::log, "log", 0x411d043c0c5b92e7, 0x402a24d38fa8c876},
      {go::log10, "log10", 0x3ee4f8b588e368f1, 0xc014000000000000},
      {go::log10, "log10", 0x411d043c0c5b92e7, 0x4016b550ae22e1c0},
      {go::log2, "log2", 0x1, 0xc090c80000000000},
      {go::log2, "log2", 0x411d043c0c5b92e7, 0x4032dbda8e74c5d5},
      {go::exp2, "exp2", 0x3ee4f8b588e368f1, 0x3ff0000744a8c42d},
      {go::exp2, "exp2", 0x3ff0000000000000, 0x4000000000000000},
      {go::cbrt, "cbrt", 0x403b000000000000, 0x4008000000000000},  // cbrt(27) == 3
      {go::cbrt, "cbrt", 0x1, 0x2990000000000000},
      {go::cbrt, "cbrt", 0xc121c5b53012707f, 0xc054e08cc2303af2},
  };
  for (const Row& row : rows) {
    INFO(row.name << "(" << from_bits(row.input) << ")");
    CHECK(same(row.function(from_bits(row.input)), row.expected));
  }
}

TEST_CASE("go pow, hypot, max, min and pow10", "[expr]") {
  CHECK(same(go::pow(from_bits(0x408f400000000000), from_bits(0xc026000000000000)),
             0x3914c4e977ba1f5c));
  // Repeated squaring: not the correctly rounded 1e150.
  CHECK(go::pow(1e15, 10) == 1.0000000000000003e+150);
  CHECK(go::pow(0.1, 7) == 1.0000000000000007e-07);
  CHECK(std::isnan(go::pow(-8, 1.0 / 3)));
  CHECK(go::pow(0.0, -1) == HUGE_VAL);
  CHECK(go::pow(-0.0, -3) == -HUGE_VAL);
  CHECK(go::pow(2, 0.5) == std::sqrt(2.0));
  CHECK(same(go::hypot(from_bits(0x40e0322f0ae0850b), from_bits(0xc1232cd8eb7e937c)),
             0x412333aeb51a750d));
  CHECK(go::hypot(3, 4) == 5);
  CHECK(go::hypot(NAN, HUGE_VAL) == HUGE_VAL);
  CHECK(std::isnan(go::max(NAN, 1)));
  CHECK(go::max(NAN, HUGE_VAL) == HUGE_VAL);
  CHECK(std::signbit(go::min(-0.0, 0.0)));
  CHECK_FALSE(std::signbit(go::max(-0.0, 0.0)));
  CHECK(same(go::pow10(23), 0x44b52d02c7e14af6));
  CHECK(same(go::pow10(300), 0x7e37e43c8800759c));
  CHECK(go::pow10(309) == HUGE_VAL);
  CHECK(go::pow10(-324) == 0);
}

TEST_CASE("go frexp, modf and ldexp", "[expr]") {
  int64_t exp = 0;
  CHECK(go::frexp(8, exp) == 0.5);
  CHECK(exp == 4);
  CHECK(go::frexp(5e-324, exp) == 0.5);
  CHECK(exp == -1073);
  double integer = 0;
  CHECK(go::modf(-3.25, integer) == -0.25);
  CHECK(integer == -3);
  CHECK(go::ldexp(0.5, -1073) == 5e-324);
  CHECK(go::ldexp(1, 1024) == HUGE_VAL);
}
