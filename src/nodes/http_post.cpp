#include "nodes/http_post.hpp"

namespace farad::nodes {

HttpPostNode::HttpPostNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  if (const auto* v = spec.property("codeField")) code_field_ = v->text;
}

void HttpPostNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  if (context_.outputs) context_.outputs->write(spec_, message.point);
  if (!code_field_.empty()) model::set_field(message.point.fields, code_field_, kCapturedStatus);
  emit_point(std::move(message));
}

void HttpPostNode::on_batch(model::Batch&& batch, int /*port*/) {
  for (auto& point : batch.points) {
    if (context_.outputs) {
      context_.outputs->write(
          spec_, model::Point{batch.name, {}, {}, point.tags, point.fields, point.time});
    }
    if (!code_field_.empty()) model::set_field(point.fields, code_field_, kCapturedStatus);
  }
  emit_batch(std::move(batch));
}

}  // namespace farad::nodes
