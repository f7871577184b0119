#pragma once
// A reorder buffer for late data: a node with `.lateness(L)` holds what it receives and passes
// it on in time order, once data time has moved far enough past it.
//
// The watermark W is (the newest point time the node has seen) - L, over all groups. A point
// older than W as it was before the point arrived is late: refused (the node drops and counts
// it). Anything else is held; after each arrival every held message older than the new W is
// released, in (time, arrival) order, so points come out in time order per group and across
// groups. Messages arriving in order are appended to a run (O(1)); the others go to one binary
// heap over all groups (O(log n) per message, whatever the number of groups).
//
// Barriers are held at their own time, so a window is never closed before the points it must
// still receive; they never move the watermark and are never late. A group deletion is held at
// the newest time seen when it arrives: it is released after every point received before it.
// Compact points (model/compact_point.hpp) are held in a store of their own, in the same order.

#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

#include "model/compact_point.hpp"
#include "runtime/message.hpp"
#include "runtime/ring_queue.hpp"
#include "runtime/state_codec.hpp"

namespace farad::runtime {

class ReorderBuffer {
 public:
  /// `lateness` in nanoseconds, > 0.
  explicit ReorderBuffer(int64_t lateness) : lateness_(lateness) {}

  /// Holds a point; false (nothing held) when it is late.
  bool offer(PointMessage&& point);
  /// Holds a compact point; false (nothing held) when it is late.
  bool offer(const model::CompactPoint& point);
  /// Holds a barrier at its time.
  void offer(const BarrierMessage& barrier);
  /// Holds a group deletion at the newest time seen.
  void offer(const DeleteGroupMessage& deletion);

  /// Whether the oldest held message is older than the watermark (release it with pop()).
  bool ready() const;
  /// Whether the oldest held message is a compact point (take it with pop_compact()).
  bool oldest_is_compact() const { return (oldest()->slot & kCompactSlot) != 0; }
  /// Removes and returns the oldest held message, which is not a compact point.
  Message pop();
  /// Removes and returns the oldest held message, a compact point.
  model::CompactPoint pop_compact();

  /// Releases, oldest first, every held message older than the watermark (all of them with
  /// `everything`): compact points to on_compact(CompactPoint&), the others to
  /// on_message(Message&&).
  template <typename OnMessage, typename OnCompact>
  void release(bool everything, OnMessage&& on_message, OnCompact&& on_compact) {
    while (everything ? !empty() : ready()) {
      if (oldest_is_compact()) {
        model::CompactPoint point = pop_compact();
        on_compact(point);
      } else {
        on_message(pop());
      }
    }
  }

  bool empty() const { return heap_.empty() && run_head_ == run_.size() && compact_run_.empty(); }
  size_t size() const { return heap_.size() + run_.size() - run_head_ + compact_run_.size(); }

  /// Writes/reads a group key; the node's save_group/restore_group.
  using GroupWriter = std::function<void(StateWriter&, model::GroupKey)>;
  using GroupReader = std::function<model::GroupKey(StateReader&)>;
  /// The Point of a held compact point: held compact points are saved as points.
  using Materialiser = std::function<model::Point(const model::CompactPoint&)>;
  void save(StateWriter& out, const GroupWriter& write_group,
            const Materialiser& materialise = nullptr) const;
  void restore(StateReader& in, const GroupReader& read_group);

 private:
  // The heap orders small entries; the messages stay in their slots, so heap operations never
  // move a point (moving messages made the heap the costliest part of a late-tolerant task).
  struct Entry {
    int64_t time;
    uint64_t sequence;  // arrival order: ties in time keep it
    uint32_t slot;      // index into slots_, or (with kCompactSlot) into compact_slots_
  };
  static constexpr uint32_t kCompactSlot = 0x80000000u;
  // The slot of the compact point at the front of compact_run_.
  static constexpr uint32_t kCompactRun = 0xFFFFFFFFu;
  // A compact point that arrived in order, with its arrival sequence.
  struct HeldCompact {
    model::CompactPoint point;
    uint64_t sequence;
  };

  void hold(int64_t time, Message&& message);
  void hold(int64_t time, uint64_t sequence, Message&& message);
  void hold_entry(const Entry& entry);
  // Whether a point at `time` is late; if not, `time` counts as seen.
  bool accept_point_time(int64_t time);
  // Removes the oldest entry; returns its slot.
  uint32_t take_oldest();
  void after_take();
  int64_t watermark() const;

  int64_t lateness_;
  bool seen_point_ = false;
  int64_t newest_ = 0;  // newest point time seen (valid when seen_point_)
  uint64_t next_sequence_ = 0;
  /// The entry to release next: the older of the heap's top and the run's head.
  const Entry* oldest() const;

  // Most data arrives in order: an entry no older than the run's last one is appended to the run
  // (O(1)); only entries that arrive out of order go to the heap (O(log n)).
  std::vector<Entry> run_;  // in (time, sequence) order from run_head_
  size_t run_head_ = 0;
  std::vector<Entry> heap_;  // a min-heap on (time, sequence)
  // Held messages, by Entry::slot. A deque grows by fixed chunks: no copy of every held message
  // and no doubled capacity when a lateness of thousands of points fills it (peak memory).
  std::deque<Message> slots_;
  std::vector<uint32_t> free_slots_;  // slots whose message has been released
  // Compact points that arrived in order (no older than the last one here), in a run of their
  // own: no Entry each, and read back in the order they were written.
  RingQueue<HeldCompact> compact_run_;
  mutable Entry compact_head_{};  // the Entry oldest() gives for compact_run_'s front
  // Compact points held through the heap, by Entry::slot without kCompactSlot.
  std::deque<model::CompactPoint> compact_slots_;
  std::vector<uint32_t> free_compact_slots_;
};

}  // namespace farad::runtime
