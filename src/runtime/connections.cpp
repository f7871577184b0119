#include "runtime/connections.hpp"

#include <stdexcept>

namespace farad::runtime {

const InfluxDBConnection& Connections::influxdb_cluster(std::string_view name) const {
  if (influxdb.empty()) {
    throw std::runtime_error("no InfluxDB cluster configured cannot use the InfluxDBOutNode");
  }
  const InfluxDBConnection* chosen = nullptr;
  if (name.empty()) {
    if (influxdb.size() == 1) return influxdb.front();
    for (const auto& server : influxdb) {
      if (server.is_default) chosen = &server;
    }
    if (chosen == nullptr) throw std::runtime_error("no default cluster found");
    return *chosen;
  }
  for (const auto& server : influxdb) {
    if (server.name == name) return server;
  }
  throw std::runtime_error("failed to get InfluxDB client: no such InfluxDB config " +
                           std::string(name));
}

const HttpPostEndpointConfig* Connections::httppost_endpoint(std::string_view name) const {
  for (const auto& endpoint : httppost) {
    if (endpoint.name == name) return &endpoint;
  }
  return nullptr;
}

}  // namespace farad::runtime
