#include "nodes/query.hpp"

namespace farad::nodes {

QueryNode::QueryNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context), by_measurement_(spec.has("groupByMeasurement")) {}

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
