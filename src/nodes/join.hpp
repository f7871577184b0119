#pragma once
// join: joins the data of several parents by group and time. Kapacitor's join.go:
//
// * Each message's time is rounded to `.tolerance()`; per group, a *set* per rounded time
//   collects at most one message per parent (a second message of a parent for the same time
//   opens another set).
// * Each parent's latest time is its *head*. The oldest set is emitted when it is complete;
//   once every head has moved past it, it is emitted even if incomplete, filled per `.fill()`
//   (`none` drops it). Sets leave in time order; the rest are emitted when the task stops.
// * Output: name = `.streamName()` or the first present parent's name; tags = the group tags;
//   fields prefixed `as + delimiter`; time = the rounded time. Batches pair up their points.
// * `.on(tags)`: a parent grouped by fewer tags (a *match* message) joins every more specific
//   group sharing the `on` tags. Match messages are buffered per `on` group and paired with
//   specific messages of the same time; the per-parent *low marks* (latest times) decide
//   when a specific message can no longer be matched and goes on alone.

#include <deque>
#include <map>
#include <string>
#include <vector>

#include "nodes/join_set.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class JoinNode : public runtime::Node {
 public:
  JoinNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void finish(bool flush) override;
  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return groups_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void on_delete_group(const runtime::DeleteGroupMessage& message, int port) override;

 private:
  // Kapacitor's joinGroup: the open sets of one output group.
  struct Group {
    std::map<int64_t, std::deque<JoinSet>> sets;
    std::vector<int64_t> heads;  // latest rounded time per parent
    int64_t oldest = kNoTime;
  };
  // A buffered message of the `.on()` matching and the parent it came from.
  struct Pending {
    size_t parent = 0;
    runtime::Message message;
  };
  using PendingQueue = std::deque<Pending>;

  void receive_data(runtime::Message&& message, size_t parent);
  void match(runtime::Message&& message, size_t parent);
  void send_matched(Pending&& specific, const Pending& matched);
  void collect(runtime::Message&& message, size_t parent);

  Group& group(model::GroupKey key);
  void collect_in(Group& group, size_t parent, runtime::Message&& message);
  void emit_sets(Group& group, bool only_ready);
  bool only_ready_sets(const Group& group) const;
  void emit_set(JoinSet& set);

  int64_t round(int64_t time) const;
  model::GroupKey group_of(const runtime::Message& message) const;

  void save_pending(runtime::StateWriter& out,
                    const runtime::GroupTable<PendingQueue>& table) const;
  void restore_pending(runtime::StateReader& in, runtime::GroupTable<PendingQueue>& table);

  JoinOptions options_;
  std::string stream_name_;
  std::vector<std::string> on_;
  bool delete_all_ = false;
  size_t parents_ = 0;

  runtime::GroupTable<Group> groups_;
  // `.on()` matching, keyed by the group of the `on` tags.
  runtime::GroupTable<std::vector<int64_t>> low_marks_;  // per parent
  runtime::GroupTable<PendingQueue> matches_;
  runtime::GroupTable<PendingQueue> specifics_;
  std::vector<bool> reported_;
  bool all_reported_ = false;
};

}  // namespace farad::nodes
