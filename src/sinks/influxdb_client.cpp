#include "sinks/influxdb_client.hpp"

#include <nlohmann/json.hpp>

#include "net/gzip_compress.hpp"
#include "sinks/influxdb_write.hpp"

namespace farad::sinks {

namespace {

net::TlsOptions tls_options(const runtime::InfluxDBConnection& connection) {
  net::TlsOptions tls;
  tls.verify = !connection.insecure_skip_verify;
  tls.ca_file = connection.ssl_ca;
  return tls;
}

/// The `error` member of InfluxDB's JSON answer (also inside `results` of a query), or empty.
std::string error_of(const std::string& body) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) return {};
  if (const auto it = json.find("error"); it != json.end() && it->is_string()) {
    return it->get<std::string>();
  }
  if (const auto results = json.find("results"); results != json.end() && results->is_array()) {
    for (const auto& result : *results) {
      if (!result.is_object()) continue;
      if (const auto it = result.find("error"); it != result.end() && it->is_string()) {
        return it->get<std::string>();
      }
    }
  }
  return {};
}

}  // namespace

InfluxDBClient::InfluxDBClient(runtime::InfluxDBConnection connection)
    : connection_(std::move(connection)), http_(tls_options(connection_)) {}

const std::string& InfluxDBClient::next_url() {
  const std::string& url = connection_.urls[next_ % connection_.urls.size()];
  ++next_;
  return url;
}

InfluxDBAnswer InfluxDBClient::write(const std::string& query, const std::string& body) {
  if (!connection_.gzip_writes) return perform("/write?" + query, body, false, {});
  return perform("/write?" + query, net::gzip_compress(body), false, "gzip");
}

InfluxDBAnswer InfluxDBClient::query(const std::string& statement) {
  return perform("/query?db=&q=" + net::url_encode(statement), {}, true, {});
}

InfluxDBAnswer InfluxDBClient::perform(const std::string& path_and_query, std::string body,
                                       bool is_query, std::string_view content_encoding) {
  if (connection_.urls.empty()) return {0, "no URL configured"};
  net::HttpRequest request;
  request.method = "POST";
  request.url = url_origin(next_url()) + path_and_query;
  request.body = std::move(body);
  request.headers.emplace_back("Content-Type", "application/octet-stream");
  if (!content_encoding.empty()) {
    request.headers.emplace_back("Content-Encoding", std::string(content_encoding));
  }
  request.headers.emplace_back("User-Agent", "farad");
  request.timeout = connection_.timeout;
  request.username = connection_.username;
  request.password = connection_.password;
  InfluxDBAnswer answer;
  net::HttpResponse response;
  try {
    response = http_.perform(request);
  } catch (const net::HttpError& e) {
    answer.error = e.what();
    return answer;
  }
  answer.status = response.status;
  const bool valid =
      is_query ? response.status == 200 : response.status == 204 || response.status == 200;
  std::string error = error_of(response.body);
  if (!valid && error.empty()) error = "invalid response: code " + std::to_string(response.status);
  if (valid && !is_query) error.clear();
  answer.error = std::move(error);
  return answer;
}

}  // namespace farad::sinks
