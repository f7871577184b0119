#include "expr/go_math.hpp"

#include <bit>
#include <cmath>
#include <limits>

namespace farad::expr::go {
namespace {

constexpr uint64_t kSignMask = uint64_t{1} << 63;
constexpr uint64_t kPositiveInfinity = 0x7FF0000000000000;
constexpr uint64_t kNegativeInfinity = 0xFFF0000000000000;
constexpr int kShift = 52;
constexpr uint64_t kExponentMask = 0x7FF;
constexpr int kBias = 1023;
constexpr double kInf = std::numeric_limits<double>::infinity();

uint64_t bits(double x) {
  return std::bit_cast<uint64_t>(x);
}
double from_bits(uint64_t b) {
  return std::bit_cast<double>(b);
}

// x86 CVTSD2SL: round to nearest even; out of range and NaN give INT32_MIN.
int32_t cvtsd2sl(double x) {
  const double rounded = std::nearbyint(x);
  if (std::isnan(rounded) || rounded >= 2147483648.0 || rounded < -2147483648.0) return INT32_MIN;
  return static_cast<int32_t>(rounded);
}

bool cpu_has_fma() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
  }();
  return has;
}

// Go's normalize: a subnormal scaled into the normal range, and the exponent correction.
double normalize(double x, int64_t& exp) {
  constexpr double kSmallestNormal = 2.2250738585072014e-308;
  if (std::fabs(x) < kSmallestNormal) {
    exp = -52;
    return x * static_cast<double>(uint64_t{1} << 52);
  }
  exp = 0;
  return x;
}

bool is_odd_int(double x) {
  double integer = 0;
  const double fraction = modf(x, integer);
  return fraction == 0 && (static_cast<int64_t>(integer) & 1) == 1;
}

}  // namespace

double exp(double x) {
  // Shibata's method as in Go's exp_amd64.s: 2^k * e^r with e^(r/16) by Taylor series, then
  // squared four times.
  constexpr double kLog2e = 1.4426950408889634073599246810018920;
  constexpr double kLn2Upper = 0.69314718055966295651160180568695068359375;
  constexpr double kLn2Lower = 0.28235290563031577122588448175013436025525412068e-12;
  constexpr double kOverflow = 7.09782712893384e+02;
  constexpr double c[] = {2.4801587301587301587e-5,
                          1.9841269841269841270e-4,
                          1.3888888888888888889e-3,
                          8.3333333333333333333e-3,
                          4.1666666666666666667e-2,
                          1.6666666666666666667e-1,
                          0.5,
                          1.0};
  const uint64_t b = bits(x);
  if ((b & ~kSignMask) >= kPositiveInfinity) return b == kNegativeInfinity ? 0 : x;
  if (x > kOverflow) return kInf;
  int32_t k = cvtsd2sl(kLog2e * x);
  const double kf = k;
  double r = 0;
  if (cpu_has_fma()) {
    r = std::fma(-kf, kLn2Upper, x);
    r = std::fma(-kf, kLn2Lower, r);
    r *= 0.0625;
    double p = c[0];
    for (int i = 1; i < 8; ++i) p = std::fma(p, r, c[i]);
    r *= p;
    for (int i = 0; i < 3; ++i) r *= r + 2.0;
    r = std::fma(r, r + 2.0, 1.0);
  } else {
    r = x - kf * kLn2Upper;
    r = r - kf * kLn2Lower;
    r *= 0.0625;
    double p = c[0];
    for (int i = 1; i < 8; ++i) p = p * r + c[i];
    r *= p;
    for (int i = 0; i < 4; ++i) r *= 2.0 + r;
    r += 1.0;
  }
  // r * 2^k, through a subnormal scale when 2^k itself is not a normal number.
  int32_t biased = static_cast<int32_t>(static_cast<uint32_t>(k) + 0x3FF);
  if (biased <= 0) {
    if (biased < -52) return 0;
    biased += 0x3FE;
    r *= from_bits(static_cast<uint64_t>(biased) << kShift);
    biased = 1;
  } else if (biased >= 0x7FF) {
    return kInf;
  }
  return r * from_bits(static_cast<uint64_t>(biased) << kShift);
}

double log(double x) {
  // FreeBSD's e_log.c as in Go's log_amd64.s, which splits x into mantissa and exponent from
  // the raw bits (so subnormals come out wrong, as in Go).
  constexpr double kHalfSqrt2 = 7.07106781186547524401e-01;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double L1 = 6.666666666666735130e-01;
  constexpr double L2 = 3.999999999940941908e-01;
  constexpr double L3 = 2.857142874366239149e-01;
  constexpr double L4 = 2.222219843214978396e-01;
  constexpr double L5 = 1.818357216161805012e-01;
  constexpr double L6 = 1.531383769920937332e-01;
  constexpr double L7 = 1.479819860511658591e-01;
  const uint64_t b = bits(x);
  if ((b & ~kSignMask) == 0) return -kInf;
  if (static_cast<int64_t>(b) < 0) return std::numeric_limits<double>::quiet_NaN();
  if (b >= kPositiveInfinity) return x;
  double f1 = from_bits((b & 0x000FFFFFFFFFFFFF) | 0x3FE0000000000000);
  double k = static_cast<double>(static_cast<int32_t>((b >> kShift) & kExponentMask) - 0x3FE);
  if (!(kHalfSqrt2 < f1)) {
    k -= 1;
    f1 *= 2;
  }
  const double f = f1 - 1;
  const double s = f / (2 + f);
  const double s2 = s * s;
  const double s4 = s2 * s2;
  const double t1 = s2 * (((L7 * s4 + L5) * s4 + L3) * s4 + L1);
  const double t2 = s4 * ((L6 * s4 + L4) * s4 + L2);
  const double R = t1 + t2;
  const double hfsq = 0.5 * f * f;
  return k * kLn2Hi - ((hfsq - (s * (R + hfsq) + kLn2Lo * k)) - f);
}

double log10(double x) {
  constexpr double kInverseLn10 = 0.43429448190325182765112891891660508229439700580366656611445378;
  return log(x) * kInverseLn10;
}

double log2(double x) {
  constexpr double kInverseLn2 = 1.44269504088896340735992468100189213742664595415298593413544940;
  int64_t exp = 0;
  const double frac = frexp(x, exp);
  // Exact for powers of two.
  if (frac == 0.5) return static_cast<double>(exp - 1);
  return log(frac) * kInverseLn2 + static_cast<double>(exp);
}

double exp2(double x) {
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double P1 = 1.66666666666666657415e-01;
  constexpr double P2 = -2.77777777770155933842e-03;
  constexpr double P3 = 6.61375632143793436117e-05;
  constexpr double P4 = -1.65339022054652515390e-06;
  constexpr double P5 = 4.13813679705723846039e-08;
  if (std::isnan(x) || x == kInf) return x;
  if (x == -kInf) return 0;
  if (x > 1.0239999999999999e+03) return kInf;
  if (x < -1.0740e+03) return 0;
  int64_t k = 0;
  if (x > 0) k = static_cast<int64_t>(x + 0.5);
  if (x < 0) k = static_cast<int64_t>(x - 0.5);
  const double t = x - static_cast<double>(k);
  const double hi = t * kLn2Hi;
  const double lo = -t * kLn2Lo;
  // Go's expmulti.
  const double r = hi - lo;
  const double tt = r * r;
  const double c = r - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return ldexp(y, k);
}

double pow(double x, double y) {
  if (y == 0 || x == 1) return 1;
  if (y == 1) return x;
  if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) {
    if (y < 0) return is_odd_int(y) ? std::copysign(kInf, x) : kInf;
    if (y > 0) return is_odd_int(y) ? x : 0;
  }
  if (std::isinf(y)) {
    if (x == -1) return 1;
    if ((std::fabs(x) < 1) == (y > 0)) return 0;
    return kInf;
  }
  if (std::isinf(x)) {
    if (x < 0) return pow(1 / x, -y);  // Pow(-0, -y)
    if (y < 0) return 0;
    if (y > 0) return kInf;
  }
  if (y == 0.5) return std::sqrt(x);
  if (y == -0.5) return 1 / std::sqrt(x);

  double yi = 0;
  double yf = modf(std::fabs(y), yi);
  if (yf != 0 && x < 0) return std::numeric_limits<double>::quiet_NaN();
  if (yi >= 9223372036854775808.0) {
    // A huge even integer exponent: overflow or underflow for every x but -1.
    if (x == -1) return 1;
    if ((std::fabs(x) < 1) == (y > 0)) return 0;
    return kInf;
  }
  // ans = a1 * 2^ae; x^yf through exp and log, x^yi by repeated squaring of x's mantissa.
  double a1 = 1.0;
  int64_t ae = 0;
  if (yf != 0) {
    if (yf > 0.5) {
      yf--;
      yi++;
    }
    a1 = exp(yf * log(x));
  }
  int64_t xe = 0;
  double x1 = frexp(x, xe);
  for (auto i = static_cast<int64_t>(yi); i != 0; i >>= 1) {
    if (xe < -(1 << 12) || (1 << 12) < xe) {
      // The final ldexp will overflow or underflow anyway.
      ae += xe;
      break;
    }
    if ((i & 1) == 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < .5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}

double hypot(double p, double q) {
  const uint64_t pb = bits(p) & ~kSignMask;
  const uint64_t qb = bits(q) & ~kSignMask;
  if (pb >= kPositiveInfinity || qb >= kPositiveInfinity) {
    if (pb == kPositiveInfinity || qb == kPositiveInfinity) return kInf;
    return std::numeric_limits<double>::quiet_NaN();
  }
  if ((pb | qb) == 0) return 0;
  const double a = from_bits(pb);
  const double b = from_bits(qb);
  const double big = a > b ? a : b;
  double ratio = (a > b ? b : a) / big;
  ratio *= ratio;
  return big * std::sqrt(ratio + 1.0);
}

double cbrt(double x) {
  // FreeBSD's s_cbrt.c as in Go's cbrt.go: a 5-bit estimate from the exponent bits, a
  // rational step to 23 bits, then one Newton step.
  constexpr uint64_t B1 = 715094163;
  constexpr uint64_t B2 = 696219795;
  constexpr double C = 5.42857142857142815906e-01;
  constexpr double D = -7.05306122448979611050e-01;
  constexpr double E = 1.41428571428571436819e+00;
  constexpr double F = 1.60714285714285720630e+00;
  constexpr double G = 3.57142857142857150787e-01;
  constexpr double kSmallestNormal = 2.22507385850720138309e-308;
  if (x == 0 || std::isnan(x) || std::isinf(x)) return x;
  const bool negative = x < 0;
  if (negative) x = -x;
  double t = from_bits(bits(x) / 3 + (B1 << 32));
  if (x < kSmallestNormal) {
    t = static_cast<double>(uint64_t{1} << 54);
    t *= x;
    t = from_bits(bits(t) / 3 + (B2 << 32));
  }
  double r = t * t / x;
  double s = C + r * t;
  t *= G + F / (s + E + D / s);
  t = from_bits((bits(t) & (uint64_t{0xFFFFFFFFC} << 28)) + (uint64_t{1} << 30));
  s = t * t;
  r = x / s;
  const double w = t + t;
  r = (r - t) / (w + r);
  t = t + t * r;
  return negative ? -t : t;
}

double max(double x, double y) {
  if (x == kInf || y == kInf) return kInf;
  if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0 && x == y) return std::signbit(x) ? y : x;
  return x > y ? x : y;
}

double min(double x, double y) {
  if (x == -kInf || y == -kInf) return -kInf;
  if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0 && x == y) return std::signbit(x) ? x : y;
  return x < y ? x : y;
}

double pow10(int64_t n) {
  static constexpr double table[] = {1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07,
                                     1e08, 1e09, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23,
                                     1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31};
  static constexpr double positive32[] = {1e00,  1e32,  1e64,  1e96,  1e128,
                                          1e160, 1e192, 1e224, 1e256, 1e288};
  static constexpr double negative32[] = {1e-00,  1e-32,  1e-64,  1e-96,  1e-128, 1e-160,
                                          1e-192, 1e-224, 1e-256, 1e-288, 1e-320};
  if (0 <= n && n <= 308) return positive32[n / 32] * table[n % 32];
  if (-323 <= n && n <= 0) return negative32[-n / 32] / table[-n % 32];
  return n > 0 ? kInf : 0;
}

double ldexp(double frac, int64_t exp) {
  if (frac == 0 || std::isinf(frac) || std::isnan(frac)) return frac;
  int64_t e = 0;
  frac = normalize(frac, e);
  exp += e;
  uint64_t x = bits(frac);
  exp += static_cast<int64_t>((x >> kShift) & kExponentMask) - kBias;
  if (exp < -1075) return std::copysign(0.0, frac);
  if (exp > 1023) return frac < 0 ? -kInf : kInf;
  double m = 1;
  if (exp < -1022) {
    exp += 53;
    m = 1.0 / static_cast<double>(uint64_t{1} << 53);
  }
  x &= ~(kExponentMask << kShift);
  x |= static_cast<uint64_t>(exp + kBias) << kShift;
  return m * from_bits(x);
}

double frexp(double x, int64_t& exp) {
  exp = 0;
  if (x == 0 || std::isinf(x) || std::isnan(x)) return x;
  x = normalize(x, exp);
  uint64_t b = bits(x);
  exp += static_cast<int64_t>((b >> kShift) & kExponentMask) - kBias + 1;
  b &= ~(kExponentMask << kShift);
  b |= static_cast<uint64_t>(-1 + kBias) << kShift;
  return from_bits(b);
}

double modf(double x, double& integer) {
  if (x < 1) {
    if (x < 0) {
      const double fraction = modf(-x, integer);
      integer = -integer;
      return -fraction;
    }
    if (x == 0) {
      integer = x;
      return x;
    }
    integer = 0;
    return x;
  }
  uint64_t b = bits(x);
  const uint64_t e = ((b >> kShift) & kExponentMask) - kBias;
  // Keep the sign, the exponent and the e integer bits of the mantissa.
  if (e < 64 - 12) b &= ~((uint64_t{1} << (64 - 12 - e)) - 1);
  integer = from_bits(b);
  return x - integer;
}

}  // namespace farad::expr::go
