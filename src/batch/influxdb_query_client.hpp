#pragma once
// Runs InfluxQL queries on an InfluxDB 1.x server over its /query HTTP API, as Kapacitor's
// influxdb client does (POST /query?q=...&db=, basic auth), with `epoch=ns` so times come back
// as exact integers. Urls are tried in order until one answers. The server is the
// `[[influxdb]]` section `.cluster()` names (runtime::Connections::influxdb_cluster).

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/connections.hpp"

namespace farad::net {
class HttpClient;
}

namespace farad::batch {

/// Transport failures and non-200 answers, with InfluxDB's `"error"` text when it sent one.
struct QueryFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Not thread-safe (one HTTP connection): one per scheduler thread.
class InfluxQueryClient {
 public:
  explicit InfluxQueryClient(runtime::InfluxDBConnection server);
  ~InfluxQueryClient();
  InfluxQueryClient(const InfluxQueryClient&) = delete;
  InfluxQueryClient& operator=(const InfluxQueryClient&) = delete;

  /// The JSON body of a 200 answer. Throws QueryFailed.
  std::string query(const std::string& influxql);

 private:
  runtime::InfluxDBConnection server_;
  std::unique_ptr<net::HttpClient> http_;
};

}  // namespace farad::batch
