#pragma once
// Randomness and the little math the generators need, written so that the same seed gives the
// same bytes with any compiler and standard library: std::uniform_*_distribution and the libm
// transcendentals are allowed to differ between implementations, IEEE + - * / are not.

#include <cstdint>

namespace farad::datagen {

/// splitmix64's output function (Steele, Lea and Flood, 2014): a bijective 64-bit mixer whose
/// output passes BigCrush for consecutive inputs.
constexpr uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// A counter-based random stream: draw(a, b, c) hashes the stream's key with the indices. There
/// is no state to advance, so a draw never depends on how many other draws were made before it;
/// e.g. turning on missed polls cannot change the traffic of the polls that remain.
class RandomStream {
 public:
  /// `seed` is the user's seed, `stream` a distinct constant per purpose.
  constexpr RandomStream(uint64_t seed, uint64_t stream)
      : key_(mix64(mix64(seed) ^ (stream * 0x9e3779b97f4a7c15ULL))) {}

  /// 64 random bits for the index triple.
  constexpr uint64_t bits(uint64_t a, uint64_t b = 0, uint64_t c = 0) const {
    uint64_t h = mix64(key_ ^ (a + 0x9e3779b97f4a7c15ULL));
    h = mix64(h ^ (b + 0xd1b54a32d192ed03ULL));
    return mix64(h ^ (c + 0x8cb92ba72f3d8dd7ULL));
  }

  /// Uniform in [0, 1): the top 53 bits scaled, so every value is exact.
  constexpr double uniform(uint64_t a, uint64_t b = 0, uint64_t c = 0) const {
    return static_cast<double>(bits(a, b, c) >> 11) * 0x1.0p-53;
  }

 private:
  uint64_t key_;
};

/// cos(x) for |x| <= pi by its Taylor series (Horner, fixed order); error below 1e-9, which is
/// plenty for a traffic shape and, unlike std::cos, the same on every platform.
constexpr double det_cos(double x) {
  const double x2 = x * x;
  double sum = 1.0;
  // Terms up to x^24/24!; evaluated from the smallest so rounding is the same everywhere.
  for (int k = 12; k >= 1; --k) {
    sum = 1.0 - x2 / static_cast<double>((2 * k - 1) * (2 * k)) * sum;
  }
  return sum;
}

/// e^x for 0 <= x < 3 by its Taylor series (Horner, 30 terms): deterministic, like det_cos.
constexpr double det_exp(double x) {
  double sum = 1.0;
  for (int k = 30; k >= 1; --k) sum = 1.0 + x / static_cast<double>(k) * sum;
  return sum;
}

}  // namespace farad::datagen
