#include "nodes/rollup_accumulator.hpp"

#include <variant>

namespace farad::nodes {

void RollupAccumulator::add_value(const model::FieldValue& value) {
  if (count_ == 0) type_ = model::type_of(value);
  // Integer sums wrap like Go's; unsigned arithmetic gives that without undefined behaviour.
  if (const auto* f = std::get_if<double>(&value)) {
    float_sum_ += *f;
  } else if (const auto* i = std::get_if<int64_t>(&value)) {
    int_sum_ = static_cast<int64_t>(static_cast<uint64_t>(int_sum_) + static_cast<uint64_t>(*i));
  } else if (const auto* u = std::get_if<uint64_t>(&value)) {
    uint_sum_ += *u;
  }
  ++count_;
}

void RollupAccumulator::add_interval(uint64_t delta, uint64_t elapsed) {
  delta_sum_ += delta;
  elapsed_sum_ += elapsed;
  ++count_;
}

void RollupAccumulator::add_events(uint64_t wraps, uint64_t restarts) {
  wraps_ += wraps;
  restarts_ += restarts;
}

double RollupAccumulator::mean() const {
  const auto count = static_cast<double>(count_);
  switch (type_) {
    case model::FieldType::Int:
      return static_cast<double>(int_sum_) / count;
    case model::FieldType::Uint:
      return static_cast<double>(uint_sum_) / count;
    default:
      return float_sum_ / count;
  }
}

double RollupAccumulator::time_weighted_mean(int64_t unit) const {
  return static_cast<double>(delta_sum_) /
         (static_cast<double>(elapsed_sum_) / static_cast<double>(unit));
}

void RollupAccumulator::save(runtime::StateWriter& out) const {
  out.u64(static_cast<uint64_t>(type_));
  out.f64(float_sum_);
  out.i64(int_sum_);
  out.u64(uint_sum_);
  out.u64(count_);
  out.u64(delta_sum_);
  out.u64(elapsed_sum_);
  out.u64(wraps_);
  out.u64(restarts_);
}

void RollupAccumulator::restore(runtime::StateReader& in) {
  const uint64_t type = in.u64();
  if (type > static_cast<uint64_t>(model::FieldType::Uint)) {
    throw runtime::StateError("rollup state holds a non-numeric value type");
  }
  type_ = static_cast<model::FieldType>(type);
  float_sum_ = in.f64();
  int_sum_ = in.i64();
  uint_sum_ = in.u64();
  count_ = in.u64();
  delta_sum_ = in.u64();
  elapsed_sum_ = in.u64();
  wraps_ = in.u64();
  restarts_ = in.u64();
}

}  // namespace farad::nodes
