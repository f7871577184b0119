#include "server/responses.hpp"

#include <nlohmann/json.hpp>

namespace farad::server {

Response no_content() {
  Response response;
  response.status = 204;
  return response;
}

Response json_response(unsigned status, std::string body) {
  Response response;
  response.status = status;
  response.set_header("Content-Type", "application/json");
  response.body = std::move(body);
  response.body += '\n';  // as Go's json.Encoder ends every value
  return response;
}

Response v1_error(unsigned status, std::string_view message) {
  // Invalid UTF-8 in a quoted bad line must not make the error itself fail to encode.
  const nlohmann::json body = {{"error", std::string(message)}};
  Response response =
      json_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  // InfluxDB repeats the message in this header; clients that do not read bodies log it.
  std::string first_line(message.substr(0, message.find('\n')));
  for (char& c : first_line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';  // not allowed in a header
  }
  response.set_header("X-Influxdb-Error", std::move(first_line));
  return response;
}

Response v2_error(unsigned status, std::string_view code, std::string_view message) {
  const nlohmann::json body = {{"code", std::string(code)}, {"message", std::string(message)}};
  return json_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace farad::server
