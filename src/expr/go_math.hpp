#pragma once
// Go's math functions whose results Kapacitor users see most (exp, log, log10, log2, exp2,
// pow, hypot, cbrt, max, min, pow10), reproduced bit for bit as Go computes them on amd64. Go's
// algorithms differ from the C library's in the last bits (pow(x, 3) multiplies by repeated
// squaring; log of a subnormal is off; exp uses FMA when the CPU has it), and those bits show
// in line-protocol output. The other math functions use the C library (see README).

#include <cstdint>

namespace farad::expr::go {

double exp(double x);    ///< math.Exp (amd64 assembly; FMA variant when the CPU has AVX+FMA)
double log(double x);    ///< math.Log (amd64 assembly)
double log10(double x);  ///< math.Log10
double log2(double x);   ///< math.Log2
double exp2(double x);   ///< math.Exp2
double pow(double x, double y);          ///< math.Pow
double hypot(double p, double q);        ///< math.Hypot (amd64 assembly)
double cbrt(double x);                   ///< math.Cbrt (exact for perfect cubes, unlike glibc's)
double max(double x, double y);          ///< math.Max: NaN wins over numbers, +Inf over NaN
double min(double x, double y);          ///< math.Min
double pow10(int64_t n);                 ///< math.Pow10
double ldexp(double frac, int64_t exp);  ///< math.Ldexp

/// math.Frexp: x = frac * 2^exp with |frac| in [0.5, 1).
double frexp(double x, int64_t& exp);

/// math.Modf: integer and fractional parts with the sign of x.
double modf(double x, double& integer);

}  // namespace farad::expr::go
