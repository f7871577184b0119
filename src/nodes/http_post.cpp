#include "nodes/http_post.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "nodes/http_out.hpp"
#include "nodes/http_out_json.hpp"
#include "sinks/http_post_sender.hpp"

namespace farad::nodes {

HttpPostNode::HttpPostNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  if (const auto* v = spec.property("codeField")) code_field_ = v->text;
  if (context_.connections) connect(*context_.connections);
}

HttpPostNode::~HttpPostNode() = default;

void HttpPostNode::connect(const runtime::Connections& connections) {
  sinks::HttpPostTarget target;
  if (!spec_.args.empty()) {
    target.url = spec_.args.front().text;
  } else {
    const std::string name = spec_.text("endpoint");
    const runtime::HttpPostEndpointConfig* endpoint = connections.httppost_endpoint(name);
    if (endpoint == nullptr)
      throw std::runtime_error(fmt::format("endpoint '{}' does not exist", name));
    target.url = endpoint->url;
    target.endpoint_headers = endpoint->headers;
    target.username = endpoint->username;
    target.password = endpoint->password;
  }
  for (const auto* header : spec_.all("header")) {
    if (header->args.size() == 2) {
      target.node_headers.emplace_back(header->args[0].text, header->args[1].text);
    }
  }
  if (const auto* v = spec_.property("timeout")) {
    target.timeout =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(v->integer));
  }
  target.capture_response = spec_.has("captureResponse");
  sender_ = std::make_unique<sinks::HttpPostSender>(std::move(target),
                                                    sinks::HttpPostSender::default_retry());
}

int64_t HttpPostNode::post(const runtime::HttpOutSeries& row) {
  const HttpPostBody body = render_http_post_body(row);
  if (!body.error.empty()) {
    if (context_.log) {
      context_.log(spec_.name, "E",
                   "failed to POST data: failed to marshal row data json: " + body.error);
    }
    return 0;
  }
  const sinks::HttpPostResult result = sender_->post(body.json, "application/json");
  if (result.attempts > 1) count("retries", static_cast<uint64_t>(result.attempts - 1));
  if (!result.error.empty() && context_.log) {
    context_.log(spec_.name, "E",
                 result.status == 0 ? "failed to POST data: " + result.error
                                    : fmt::format("POST returned non 2xx status code: {} (code {})",
                                                  result.error, result.status));
  }
  return result.status;
}

void HttpPostNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  int64_t status = kCapturedStatus;
  if (sender_) {
    status = post(point_series(message.point));
  } else if (context_.outputs) {
    context_.outputs->write(spec_, message.point);
  }
  if (!code_field_.empty()) model::set_field(message.point.fields, code_field_, status);
  emit_point(std::move(message));
}

void HttpPostNode::on_batch(model::Batch&& batch, int /*port*/) {
  int64_t status = kCapturedStatus;
  if (sender_) {
    status = post(batch_series(batch));
  } else if (context_.outputs) {
    for (const auto& point : batch.points) {
      context_.outputs->write(
          spec_, model::Point{batch.name, {}, {}, point.tags, point.fields, point.time});
    }
  }
  if (!code_field_.empty()) {
    for (auto& point : batch.points) model::set_field(point.fields, code_field_, status);
  }
  emit_batch(std::move(batch));
}

}  // namespace farad::nodes
