#include "nodes/query.hpp"

namespace farad::nodes {

QueryNode::QueryNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context), by_measurement_(spec.has("groupByMeasurement")) {
  // Kapacitor registers both counters when the node starts querying.
  count("batches_queried", 0);
  count("points_queried", 0);
}

void QueryNode::count_queried(size_t points) {
  count("batches_queried");
  count("points_queried", points);
}

void QueryNode::save(runtime::StateWriter& out) const {
  out.boolean(last_stop_.has_value());
  if (last_stop_) out.i64(*last_stop_);
}

void QueryNode::restore(runtime::StateReader& in) {
  last_stop_.reset();
  if (in.done()) return;  // a checkpoint written before the node kept any state
  if (in.boolean()) last_stop_ = in.i64();
}

void QueryNode::on_batch(model::Batch&& batch, int /*port*/) {
  model::Dimensions dims;
  dims.by_name = by_measurement_ || context_.interner.dimensions(batch.group).by_name;
  dims.tag_names.reserve(batch.tags.size());
  // Tags are sorted by key: the sorted dimensions Kapacitor builds (models.SortedKeys).
  for (const auto& tag : batch.tags) dims.tag_names.push_back(tag.first);
  batch.group = context_.interner.intern(batch.name, batch.tags, dims);
  emit_batch(std::move(batch));
}

}  // namespace farad::nodes
