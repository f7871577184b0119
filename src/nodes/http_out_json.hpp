#pragma once
// The JSON text of an httpOut endpoint, byte for byte as Kapacitor's handler writes it with
// Go's encoding/json: `{"series":[{"name","tags","columns","values"}]}` with empty members left
// out, times in RFC 3339 with nanoseconds, floats in Go's shortest form, strings HTML-escaped.

#include <string>
#include <string_view>

#include "runtime/task_context.hpp"

namespace farad::nodes {

/// Kapacitor's answer to GET /kapacitor/v1/tasks/<task>/<endpoint>.
struct HttpOutResponse {
  int status = 200;
  std::string body;
};

/// The response for `endpoint`. A NaN or infinite value cannot be encoded: Go's json.Marshal
/// fails and Kapacitor answers 500 with its indented `{"error","message"}` body.
HttpOutResponse render_http_out_response(const runtime::HttpOutEndpoint& endpoint);

/// httpPost's body: `{"series":[row]}` and a newline, as Go's json.Encoder writes
/// models.Result; nullopt with the error text when a value cannot be encoded (NaN, ±Inf).
struct HttpPostBody {
  std::string json;
  std::string error;
};
HttpPostBody render_http_post_body(const runtime::HttpOutSeries& series);

/// Appends a field value as Go's encoding/json writes it (fileOut's JSON, es() documents,
/// httpOut). A float must be finite: Go cannot encode NaN or ±Inf.
void append_json_field_value(std::string& out, const model::FieldValue& value);

/// The body served for `endpoint`; throws std::out_of_range when no httpOut node has it.
std::string render_http_out(const runtime::HttpOutEndpoints& endpoints, std::string_view endpoint);

}  // namespace farad::nodes
