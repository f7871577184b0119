#include "nodes/union.hpp"

#include "nodes/go_time.hpp"
#include "nodes/message_codec.hpp"

namespace farad::nodes {

UnionNode::UnionNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context), buffers_(spec.parents.size()), low_marks_(spec.parents.size(), kNoTime) {
  if (const auto* v = spec.property("rename")) rename_ = v->text;
}

model::GroupKey UnionNode::renamed_group(model::GroupKey group, const model::Tags& tags) {
  const model::Dimensions& dims = context_.interner.dimensions(group);
  if (!dims.by_name) return group;
  const model::Dimensions copy = dims;
  return context_.interner.intern(rename_, tags, copy);
}

void UnionNode::on_point(runtime::PointMessage&& message, int port) {
  if (!rename_.empty()) {
    message.point.name = rename_;
    message.group = renamed_group(message.group, message.point.tags);
  }
  enqueue(runtime::Message(std::move(message)), port);
}

void UnionNode::on_batch(model::Batch&& batch, int port) {
  if (!rename_.empty()) {
    batch.name = rename_;
    batch.group = renamed_group(batch.group, batch.tags);
  }
  enqueue(runtime::Message(std::move(batch)), port);
}

void UnionNode::on_barrier(const runtime::BarrierMessage& barrier, int port) {
  enqueue(runtime::Message(barrier), port);
}

void UnionNode::enqueue(runtime::Message&& message, int port) {
  buffers_[static_cast<size_t>(port)].push_back(std::move(message));
  emit_ready(false);
}

void UnionNode::emit_ready(bool drain) {
  bool emitted = true;
  while (emitted) {
    emitted = false;
    int64_t mark = kNoTime;
    size_t valid = 0;
    for (size_t i = 0; i < buffers_.size(); ++i) {
      int64_t source_mark = low_marks_[i];
      if (!buffers_[i].empty()) {
        const int64_t t = message_time(buffers_[i].front());
        if (mark == kNoTime || t < mark) mark = t;
        source_mark = t;
      }
      low_marks_[i] = source_mark;
      if (source_mark != kNoTime) {
        ++valid;
        // Draining ignores the parents that have nothing buffered.
        if (!drain && (mark == kNoTime || source_mark < mark)) mark = source_mark;
      }
    }
    // Until every parent has sent something, nothing is known to be in order.
    if (!drain && valid != buffers_.size()) return;

    for (auto& buffer : buffers_) {
      while (!buffer.empty() && message_time(buffer.front()) <= mark) {
        runtime::Message message = std::move(buffer.front());
        buffer.pop_front();
        emit(std::move(message));
        emitted = true;
      }
    }
  }
}

void UnionNode::finish(bool /*flush*/) {
  // Kapacitor's Finish when the task stops: everything buffered goes, in the same order.
  emit_ready(true);
}

void UnionNode::save(runtime::StateWriter& out) const {
  for (size_t i = 0; i < buffers_.size(); ++i) {
    out.i64(low_marks_[i]);
    out.u64(buffers_[i].size());
    for (const auto& message : buffers_[i]) {
      save_message(out, message, [&](model::GroupKey key) { save_group(out, key); });
    }
  }
}

void UnionNode::restore(runtime::StateReader& in) {
  for (size_t i = 0; i < buffers_.size(); ++i) {
    low_marks_[i] = in.i64();
    buffers_[i].clear();
    for (uint64_t n = in.u64(); n > 0; --n) {
      buffers_[i].push_back(restore_message(in, [&] { return restore_group(in); }));
    }
  }
}

}  // namespace farad::nodes
