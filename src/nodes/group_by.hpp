#pragma once
// groupBy: regroups data by tags (`*`: every tag of each point, less `.exclude(...)`), and by
// measurement with `.byMeasurement()`. Stream points only change group (they keep all their
// tags). Batches are split into one buffered batch per new group; the buffers are emitted when
// a batch (or barrier) with another time arrives, so output lags by one batch and batches of
// the same time from several groups merge. Kapacitor's group_by.go.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/group_key.hpp"
#include "model/group_key_cache.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class GroupByNode : public runtime::Node {
 public:
  GroupByNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  /// With `flush`, emits the batches still buffered (Kapacitor never does).
  void finish(bool flush) override;
  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return buffered_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void forget_group(model::GroupKey group) override;

 private:
  /// The new dimensions of data with `tags` whose group was `by_name`.
  const model::Dimensions& dimensions(const model::Tags& tags, bool by_name);
  /// Kapacitor's emit(t): a new time flushes every buffered batch.
  void flush_on_new_time(int64_t time);
  void flush();

  bool star_ = false;
  bool by_measurement_ = false;
  std::vector<std::string> exclude_;
  model::Dimensions fixed_[2];            // named dimensions without and with the measurement
  model::GroupKeyCache fixed_groups_[2];  // the groups of points under fixed_[0] and fixed_[1]
  model::Dimensions scratch_;             // `*` dimensions of the current point

  std::optional<int64_t> last_time_;
  std::vector<model::Batch> buffered_;                 // one per new group, in order of creation
  std::unordered_map<model::GroupKey, size_t> index_;  // group → position in buffered_
};

}  // namespace farad::nodes
