#include "batch/influxdb_query_client.hpp"

#include <nlohmann/json.hpp>

#include "net/http_client.hpp"

namespace farad::batch {

InfluxQueryClient::InfluxQueryClient(runtime::InfluxDBConnection server)
    : server_(std::move(server)),
      http_(std::make_unique<net::HttpClient>(
          net::TlsOptions{.verify = !server_.insecure_skip_verify, .ca_file = server_.ssl_ca})) {}

InfluxQueryClient::~InfluxQueryClient() = default;

std::string InfluxQueryClient::query(const std::string& influxql) {
  std::string last_error = "no url configured for InfluxDB " + server_.name;
  for (const std::string& base : server_.urls) {
    net::HttpRequest request;
    request.method = "POST";
    std::string url = base;
    while (!url.empty() && url.back() == '/') url.pop_back();
    request.url = url + "/query?db=&epoch=ns&q=" + net::url_encode(influxql);
    request.username = server_.username;
    request.password = server_.password;
    request.timeout = server_.timeout;
    net::HttpResponse response;
    try {
      response = http_->perform(request);
    } catch (const net::HttpError& e) {
      last_error = e.what();
      continue;  // the next url, if any
    }
    if (response.status == 200) return std::move(response.body);
    const auto answer = nlohmann::json::parse(response.body, nullptr, false);
    if (answer.is_object() && answer.contains("error") && answer["error"].is_string()) {
      throw QueryFailed(answer["error"].get<std::string>());
    }
    throw QueryFailed("invalid response: code " + std::to_string(response.status));
  }
  throw QueryFailed(last_error);
}

}  // namespace farad::batch
