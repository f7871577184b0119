// JoinNode's checkpoint: the open sets of every group, the `.on()` buffers and low marks, and
// which parents have reported.

#include "nodes/join.hpp"
#include "nodes/message_codec.hpp"

namespace farad::nodes {

void JoinNode::save(runtime::StateWriter& out) const {
  auto save_key = [&](model::GroupKey key) { save_group(out, key); };
  for (bool reported : reported_) out.boolean(reported);
  out.boolean(all_reported_);

  out.u64(groups_.size());
  groups_.for_each([&](model::GroupKey key, const Group& g) {
    save_group(out, key);
    for (int64_t head : g.heads) out.i64(head);
    out.i64(g.oldest);
    out.u64(g.sets.size());
    for (const auto& [time, queue] : g.sets) {
      out.i64(time);
      out.u64(queue.size());
      for (const JoinSet& set : queue) {
        out.i64(set.time);
        out.string(set.name);
        for (const auto& value : set.values) {
          out.boolean(value.has_value());
          if (value) save_message(out, *value, save_key);
        }
      }
    }
  });

  out.u64(low_marks_.size());
  low_marks_.for_each([&](model::GroupKey key, const std::vector<int64_t>& marks) {
    save_group(out, key);
    for (int64_t mark : marks) out.i64(mark);
  });
  save_pending(out, matches_);
  save_pending(out, specifics_);
}

void JoinNode::restore(runtime::StateReader& in) {
  auto restore_key = [&] { return restore_group(in); };
  for (size_t i = 0; i < parents_; ++i) reported_[i] = in.boolean();
  all_reported_ = in.boolean();

  groups_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    Group& g = group(restore_group(in));
    for (int64_t& head : g.heads) head = in.i64();
    g.oldest = in.i64();
    for (uint64_t times = in.u64(); times > 0; --times) {
      auto& queue = g.sets[in.i64()];
      for (uint64_t count = in.u64(); count > 0; --count) {
        const int64_t time = in.i64();
        JoinSet& set = queue.emplace_back(time, in.string(), parents_);
        for (size_t parent = 0; parent < parents_; ++parent) {
          if (in.boolean()) set.set(parent, restore_message(in, restore_key));
        }
      }
    }
  }

  low_marks_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    auto& marks = low_marks_[restore_group(in)];
    marks.resize(parents_);
    for (int64_t& mark : marks) mark = in.i64();
  }
  restore_pending(in, matches_);
  restore_pending(in, specifics_);
}

void JoinNode::save_pending(runtime::StateWriter& out,
                            const runtime::GroupTable<PendingQueue>& table) const {
  out.u64(table.size());
  table.for_each([&](model::GroupKey key, const PendingQueue& queue) {
    save_group(out, key);
    out.u64(queue.size());
    for (const Pending& pending : queue) {
      out.u64(pending.parent);
      save_message(out, pending.message, [&](model::GroupKey k) { save_group(out, k); });
    }
  });
}

void JoinNode::restore_pending(runtime::StateReader& in, runtime::GroupTable<PendingQueue>& table) {
  table.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    PendingQueue& queue = table[restore_group(in)];
    for (uint64_t count = in.u64(); count > 0; --count) {
      Pending pending;
      pending.parent = in.u64();
      pending.message = restore_message(in, [&] { return restore_group(in); });
      queue.push_back(std::move(pending));
    }
  }
}

}  // namespace farad::nodes
