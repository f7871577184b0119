#pragma once
// One `[[influxdb]]` server as Kapacitor's client talks to it: each request goes to the next of
// its URLs in turn, with basic auth, the configured timeout and TLS options, write bodies
// gzip-compressed unless `compression = "none"`. Not thread-safe:
// one client per sending thread.

#include <string>
#include <string_view>

#include "net/http_client.hpp"
#include "runtime/connections.hpp"

namespace farad::sinks {

/// The answer to one request: the HTTP status (0 when none arrived) and, when it failed, what
/// to log (InfluxDB's `{"error": ...}` text, or Kapacitor's "invalid response: code N").
struct InfluxDBAnswer {
  long status = 0;
  std::string error;
  bool ok() const { return error.empty(); }
};

class InfluxDBClient {
 public:
  explicit InfluxDBClient(runtime::InfluxDBConnection connection);

  /// POST /write?<query> with `body` (line protocol), gzip-compressed when the connection says
  /// so (Kapacitor's `compression`); 204 and 200 are success.
  InfluxDBAnswer write(const std::string& query, const std::string& body);
  /// POST /query?q=<statement>&db=; success is a 200 whose results carry no error.
  InfluxDBAnswer query(const std::string& statement);

  const runtime::InfluxDBConnection& connection() const { return connection_; }

 private:
  InfluxDBAnswer perform(const std::string& path_and_query, std::string body, bool is_query,
                         std::string_view content_encoding);
  const std::string& next_url();

  runtime::InfluxDBConnection connection_;
  net::HttpClient http_;
  size_t next_ = 0;
};

}  // namespace farad::sinks
