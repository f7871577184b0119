#include "expr/expression_state.hpp"

#include <bit>
#include <stdexcept>

namespace farad::expr {
namespace {

// __extension__ keeps -Wpedantic quiet about the GCC/Clang 128-bit integer.
__extension__ typedef unsigned __int128 Uint128;

constexpr uint8_t kFormatVersion = 1;
constexpr size_t kEncodedSize = 1 + 8 * 8;

void put_u64(std::string& out, uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

uint64_t get_u64(std::string_view data, size_t at) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) {
    value |= static_cast<uint64_t>(static_cast<unsigned char>(data[at + i])) << (8 * i);
  }
  return value;
}

}  // namespace

void ExpressionState::reset() {
  sigma_ = Sigma{};
  count_ = 0;
  spread_ = Spread{};
  random_ = seed_;
}

void ExpressionState::seed_random(uint64_t seed) {
  seed_ = seed;
  random_ = seed;
}

void ExpressionState::save(std::string& out) const {
  out.push_back(static_cast<char>(kFormatVersion));
  put_u64(out, static_cast<uint64_t>(count_));
  put_u64(out, std::bit_cast<uint64_t>(sigma_.mean));
  put_u64(out, std::bit_cast<uint64_t>(sigma_.variance));
  put_u64(out, std::bit_cast<uint64_t>(sigma_.m2));
  put_u64(out, std::bit_cast<uint64_t>(sigma_.n));
  put_u64(out, std::bit_cast<uint64_t>(spread_.min));
  put_u64(out, std::bit_cast<uint64_t>(spread_.max));
  put_u64(out, random_);
}

void ExpressionState::restore(std::string_view data) {
  if (data.size() != kEncodedSize || static_cast<uint8_t>(data[0]) != kFormatVersion) {
    throw std::invalid_argument("expression state: unknown encoding");
  }
  count_ = static_cast<int64_t>(get_u64(data, 1));
  sigma_.mean = std::bit_cast<double>(get_u64(data, 9));
  sigma_.variance = std::bit_cast<double>(get_u64(data, 17));
  sigma_.m2 = std::bit_cast<double>(get_u64(data, 25));
  sigma_.n = std::bit_cast<double>(get_u64(data, 33));
  spread_.min = std::bit_cast<double>(get_u64(data, 41));
  spread_.max = std::bit_cast<double>(get_u64(data, 49));
  random_ = get_u64(data, 57);
}

bool ExpressionState::operator==(const ExpressionState& other) const {
  // Bitwise for the doubles, so that a restored NaN equals the saved one.
  auto same = [](double a, double b) {
    return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b);
  };
  return count_ == other.count_ && same(sigma_.mean, other.sigma_.mean) &&
         same(sigma_.variance, other.sigma_.variance) && same(sigma_.m2, other.sigma_.m2) &&
         same(sigma_.n, other.sigma_.n) && same(spread_.min, other.spread_.min) &&
         same(spread_.max, other.spread_.max) && random_ == other.random_;
}

uint64_t ExpressionState::next_random() {
  // SplitMix64: one 64-bit word of state, so checkpoints stay small.
  random_ += 0x9E3779B97F4A7C15;
  uint64_t z = random_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
  return z ^ (z >> 31);
}

uint64_t ExpressionState::next_random_below(uint64_t n) {
  if (n == 0) return 0;
  // Lemire's multiply-and-reject: unbiased without a division in the common case.
  Uint128 product = static_cast<Uint128>(next_random()) * n;
  auto low = static_cast<uint64_t>(product);
  if (low < n) {
    const uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      product = static_cast<Uint128>(next_random()) * n;
      low = static_cast<uint64_t>(product);
    }
  }
  return static_cast<uint64_t>(product >> 64);
}

}  // namespace farad::expr
