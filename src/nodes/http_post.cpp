#include "nodes/http_post.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "nodes/http_out.hpp"
#include "nodes/http_out_json.hpp"
#include "sinks/go_template.hpp"
#include "sinks/http_post_row.hpp"
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
    if (!endpoint->row_template.empty()) {
      row_template_ = std::make_unique<sinks::GoTemplate>(endpoint->row_template,
                                                          sinks::kapacitor_json_functions());
    }
  }
  try {
    auto url = std::make_unique<sinks::GoTemplate>(target.url, sinks::kapacitor_json_functions());
    if (url->has_actions()) url_template_ = std::move(url);
  } catch (const sinks::GoTemplateError& e) {
    throw std::runtime_error(
        fmt::format("error in url templating: failed to parse template: {}", e.what()));
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
  auto fail = [&](const std::string& error) {
    if (context_.log) context_.log(spec_.name, "E", "failed to POST data: " + error);
    return int64_t{0};
  };
  sinks::GoValue data;
  if (row_template_ || url_template_) data = sinks::http_post_row_data(row);
  std::string body;
  std::string_view content_type;
  if (row_template_) {
    try {
      body = row_template_->execute(data);
    } catch (const sinks::GoTemplateError& e) {
      return fail(std::string("failed to execute template: ") + e.what());
    }
  } else {
    HttpPostBody json = render_http_post_body(row);
    if (!json.error.empty()) return fail("failed to marshal row data json: " + json.error);
    body = std::move(json.json);
    content_type = "application/json";
  }
  std::string url;
  if (url_template_) {
    try {
      url = url_template_->execute(data);
    } catch (const sinks::GoTemplateError& e) {
      // Kapacitor wraps every failure to build the request in this text.
      return fail(std::string("failed to marshal row data json: failed to execute url template: ") +
                  e.what());
    }
    // Go's client refuses an empty URL; the sender would take it for the target's.
    if (url.empty()) return fail("Post \"\": unsupported protocol scheme \"\"");
  }
  const sinks::HttpPostResult result = sender_->post(body, content_type, url);
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
