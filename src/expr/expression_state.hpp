#pragma once
// The per-group state of one expression: the running values of its stateful functions.
// Kapacitor gives each group its own copy of an expression with fresh state (`CopyReset`), and
// within one expression all calls of a stateful function share one instance: `count() +
// count()` counts twice per point. Checkpoints save and restore this state.

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "expr/value.hpp"

namespace farad::expr {

/// The state of sigma(), count(), spread() and rand() for one expression in one group.
/// Copying gives an independent state; a default-constructed one is fresh.
class ExpressionState {
 public:
  /// sigma(): Welford's running mean and variance.
  struct Sigma {
    double mean = 0;
    double variance = 0;
    double m2 = 0;
    double n = 0;
    bool operator==(const Sigma&) const = default;
  };
  /// spread(): running minimum and maximum.
  struct Spread {
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    bool operator==(const Spread&) const = default;
  };

  /// Fresh state; rand() starts from `kDefaultSeed`.
  ExpressionState() = default;

  /// Kapacitor seeds rand() from the clock; farad is deterministic: every fresh state draws the
  /// same sequence unless the runtime seeds it (e.g. from the group key).
  static constexpr uint64_t kDefaultSeed = 0x6661726164;

  /// Back to the fresh state (the random seed is kept).
  void reset();
  /// Restarts rand()'s sequence from `seed`.
  void seed_random(uint64_t seed);

  /// Appends a binary encoding of the state to `out`.
  void save(std::string& out) const;
  /// Replaces the state with one written by save(); throws std::invalid_argument when `data`
  /// is not such an encoding.
  void restore(std::string_view data);

  /// Equal function states (the evaluation workspace is not compared).
  bool operator==(const ExpressionState& other) const;

  Sigma& sigma() { return sigma_; }
  int64_t& count() { return count_; }
  Spread& spread() { return spread_; }
  /// The next 64 random bits.
  uint64_t next_random();
  /// A uniform random number in [0, n); 0 when n is 0.
  uint64_t next_random_below(uint64_t n);

  /// Workspace of one evaluation (the referenced fields and tags); not part of the state.
  std::vector<Value>& workspace() { return workspace_; }

 private:
  Sigma sigma_;
  int64_t count_ = 0;
  Spread spread_;
  uint64_t seed_ = kDefaultSeed;
  uint64_t random_ = kDefaultSeed;
  std::vector<Value> workspace_;
};

}  // namespace farad::expr
