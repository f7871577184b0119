#include "nodes/sample.hpp"

#include <algorithm>
#include <stdexcept>

#include "nodes/time_quantise.hpp"

namespace farad::nodes {

SampleNode::SampleNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  if (!spec.args.empty()) {
    const compile::Value& rate = spec.args.front();
    if (rate.type == compile::ValueType::Duration) duration_ = rate.integer;
    if (rate.type == compile::ValueType::Int) n_ = rate.integer;
  }
  if (duration_ == 0 && n_ == 0) {
    throw std::runtime_error("invalid sample rate: must be positive integer or duration");
  }
}

bool SampleNode::keep(int64_t& count, int64_t time) const {
  const int64_t seen = count++;
  if (duration_ != 0) return go_truncate(time, duration_) == time;
  return seen % n_ == 0;
}

void SampleNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  if (keep(counts_[message.group], message.point.time)) emit_point(std::move(message));
}

void SampleNode::on_batch(model::Batch&& batch, int /*port*/) {
  int64_t& count = counts_[batch.group];
  count = 0;
  std::erase_if(batch.points, [&](const model::BatchPoint& p) { return !keep(count, p.time); });
  emit_batch(std::move(batch));
}

void SampleNode::save(runtime::StateWriter& out) const {
  out.u64(counts_.size());
  counts_.for_each([&](model::GroupKey group, int64_t count) {
    save_group(out, group);
    out.i64(count);
  });
}

void SampleNode::restore(runtime::StateReader& in) {
  counts_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    const model::GroupKey group = restore_group(in);
    counts_[group] = in.i64();
  }
}

}  // namespace farad::nodes
