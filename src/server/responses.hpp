#pragma once
// Responses in the shapes InfluxDB and Kapacitor clients expect.

#include <string>
#include <string_view>

#include "server/http_types.hpp"

namespace farad::server {

/// 204 without a body.
Response no_content();
/// `body` (already JSON) with Content-Type application/json.
Response json_response(unsigned status, std::string body);
/// InfluxDB 1.x and Kapacitor: `{"error":"<message>"}`, message also in X-Influxdb-Error.
Response v1_error(unsigned status, std::string_view message);
/// InfluxDB 2.x: `{"code":"<code>","message":"<message>"}` ("invalid", "unavailable", ...).
Response v2_error(unsigned status, std::string_view code, std::string_view message);

}  // namespace farad::server
