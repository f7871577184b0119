#include "runtime/reorder_buffer.hpp"

#include <algorithm>
#include <limits>

namespace farad::runtime {

namespace {

// std::push_heap/pop_heap build a max-heap; ordering by "later" puts the oldest on top.
struct Later {
  template <typename H>
  bool operator()(const H& a, const H& b) const {
    return a.time != b.time ? a.time > b.time : a.sequence > b.sequence;
  }
};

enum Kind : uint64_t { kPoint = 0, kBarrier = 1, kDelete = 2 };

}  // namespace

int64_t ReorderBuffer::watermark() const {
  if (!seen_point_) return std::numeric_limits<int64_t>::min();
  int64_t w = 0;
  if (__builtin_sub_overflow(newest_, lateness_, &w)) return std::numeric_limits<int64_t>::min();
  return w;
}

bool ReorderBuffer::accept_point_time(int64_t time) {
  if (time < watermark()) return false;
  if (!seen_point_ || time > newest_) newest_ = time;
  seen_point_ = true;
  return true;
}

bool ReorderBuffer::offer(PointMessage&& point) {
  const int64_t time = point.point.time;
  if (!accept_point_time(time)) return false;
  hold(time, Message(std::move(point)));
  return true;
}

bool ReorderBuffer::offer(const model::CompactPoint& point) {
  if (!accept_point_time(point.time)) return false;
  if (compact_run_.empty() || compact_run_[compact_run_.size() - 1].point.time <= point.time) {
    // In order: the point joins the compact run (its sequence is the newest, so an equal time
    // keeps arrival order).
    compact_run_.push_back({point, next_sequence_++});
    return true;
  }
  uint32_t slot = 0;
  if (free_compact_slots_.empty()) {
    slot = static_cast<uint32_t>(compact_slots_.size());
    compact_slots_.push_back(point);
  } else {
    slot = free_compact_slots_.back();
    free_compact_slots_.pop_back();
    compact_slots_[slot] = point;
  }
  hold_entry(Entry{point.time, next_sequence_++, slot | kCompactSlot});
  return true;
}

void ReorderBuffer::offer(const BarrierMessage& barrier) {
  hold(barrier.time, Message(barrier));
}

void ReorderBuffer::offer(const DeleteGroupMessage& deletion) {
  hold(seen_point_ ? newest_ : std::numeric_limits<int64_t>::min(), Message(deletion));
}

void ReorderBuffer::hold(int64_t time, Message&& message) {
  hold(time, next_sequence_++, std::move(message));
}

void ReorderBuffer::hold(int64_t time, uint64_t sequence, Message&& message) {
  uint32_t slot = 0;
  if (free_slots_.empty()) {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.push_back(std::move(message));
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot] = std::move(message);
  }
  hold_entry(Entry{time, sequence, slot});
}

void ReorderBuffer::hold_entry(const Entry& entry) {
  if (run_head_ == run_.size() || !Later{}(run_.back(), entry)) {
    run_.push_back(entry);
  } else {
    heap_.push_back(entry);
    std::push_heap(heap_.begin(), heap_.end(), Later{});
  }
}

const ReorderBuffer::Entry* ReorderBuffer::oldest() const {
  const Entry* oldest = run_head_ < run_.size() ? &run_[run_head_] : nullptr;
  if (!heap_.empty() && (!oldest || Later{}(*oldest, heap_.front()))) oldest = &heap_.front();
  if (!compact_run_.empty()) {
    const HeldCompact& front = compact_run_.front();
    compact_head_ = Entry{front.point.time, front.sequence, kCompactRun};
    if (!oldest || Later{}(*oldest, compact_head_)) oldest = &compact_head_;
  }
  return oldest;
}

bool ReorderBuffer::ready() const {
  const Entry* entry = oldest();
  return entry && entry->time < watermark();
}

uint32_t ReorderBuffer::take_oldest() {
  const Entry* entry = oldest();
  const uint32_t slot = entry->slot;
  if (entry == &compact_head_) return slot;  // pop_compact takes it off compact_run_
  if (!heap_.empty() && entry == &heap_.front()) {
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    heap_.pop_back();
  } else {
    ++run_head_;
  }
  return slot;
}

Message ReorderBuffer::pop() {
  const uint32_t slot = take_oldest();
  Message message = std::move(slots_[slot]);
  free_slots_.push_back(slot);
  after_take();
  return message;
}

model::CompactPoint ReorderBuffer::pop_compact() {
  const uint32_t slot = take_oldest();
  model::CompactPoint point;
  if (slot == kCompactRun) {
    point = compact_run_.front().point;
    compact_run_.pop_front();
  } else {
    point = compact_slots_[slot & ~kCompactSlot];
    free_compact_slots_.push_back(slot & ~kCompactSlot);
  }
  after_take();
  return point;
}

void ReorderBuffer::after_take() {
  if (run_head_ == run_.size()) {  // the run is used up: reuse its storage from the start
    run_.clear();
    run_head_ = 0;
  } else if (run_head_ >= 4096 && run_head_ * 2 >= run_.size()) {
    // In-order data keeps the run from ever emptying: drop the released half now and then, so
    // its size stays that of what is held (amortised O(1) per message).
    run_.erase(run_.begin(), run_.begin() + static_cast<std::ptrdiff_t>(run_head_));
    run_head_ = 0;
  }
  if (empty()) {  // nothing held: slots restart from 0 (capacity kept)
    slots_.clear();
    free_slots_.clear();
    compact_slots_.clear();
    free_compact_slots_.clear();
    compact_run_.clear();
  }
}

void ReorderBuffer::save(StateWriter& out, const GroupWriter& write_group,
                         const Materialiser& materialise) const {
  out.boolean(seen_point_);
  out.i64(newest_);
  out.u64(next_sequence_);
  // Every held entry, oldest first: restoring holds them again in that order, which puts them
  // all in the run.
  // A compact point out of compact_run_ may be held in run_ as well as in the heap.
  std::vector<std::pair<Entry, const model::CompactPoint*>> entries;
  auto add = [&](const Entry& entry) {
    const bool compact = (entry.slot & kCompactSlot) != 0;
    entries.emplace_back(entry, compact ? &compact_slots_[entry.slot & ~kCompactSlot] : nullptr);
  };
  for (std::size_t i = run_head_; i < run_.size(); ++i) add(run_[i]);
  for (const Entry& entry : heap_) add(entry);
  for (std::size_t i = 0; i < compact_run_.size(); ++i) {
    const HeldCompact& held = compact_run_[i];
    entries.emplace_back(Entry{held.point.time, held.sequence, kCompactRun}, &held.point);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return Later{}(b.first, a.first); });
  out.u64(entries.size());
  for (const auto& [entry, compact] : entries) {
    out.i64(entry.time);
    out.u64(entry.sequence);
    if (compact != nullptr) {
      const model::CompactPoint& point = *compact;
      out.u64(kPoint);
      write_group(out, point.group);
      out.point(materialise(point));
      continue;
    }
    const Message& message = slots_[entry.slot];
    if (const auto* point = std::get_if<PointMessage>(&message)) {
      out.u64(kPoint);
      write_group(out, point->group);
      out.point(point->point);
    } else if (const auto* barrier = std::get_if<BarrierMessage>(&message)) {
      out.u64(kBarrier);
      write_group(out, barrier->group);
      out.i64(barrier->time);
    } else {
      out.u64(kDelete);
      write_group(out, std::get<DeleteGroupMessage>(message).group);
    }
  }
}

void ReorderBuffer::restore(StateReader& in, const GroupReader& read_group) {
  heap_.clear();
  run_.clear();
  run_head_ = 0;
  slots_.clear();
  free_slots_.clear();
  compact_slots_.clear();
  free_compact_slots_.clear();
  compact_run_.clear();
  seen_point_ = in.boolean();
  newest_ = in.i64();
  next_sequence_ = in.u64();
  const uint64_t count = in.u64();
  run_.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    const int64_t time = in.i64();
    const uint64_t sequence = in.u64();
    const uint64_t kind = in.u64();
    const model::GroupKey group = read_group(in);
    if (kind == kPoint) {
      model::Point point = in.point();
      hold(time, sequence, Message(PointMessage{std::move(point), group}));
    } else if (kind == kBarrier) {
      const int64_t barrier_time = in.i64();
      hold(time, sequence, Message(BarrierMessage{group, barrier_time}));
    } else if (kind == kDelete) {
      hold(time, sequence, Message(DeleteGroupMessage{group}));
    } else {
      throw StateError("reorder buffer: unknown message kind in the saved state");
    }
  }
  if (!heap_.empty()) {
    throw StateError("reorder buffer: the saved messages are not in time order");
  }
}

}  // namespace farad::runtime
