#include "daemon/connections_config.hpp"

#include "service/httppost_templates.hpp"

namespace farad::daemon {

namespace {

std::chrono::milliseconds millis(service::Duration duration) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(duration);
}

}  // namespace

std::vector<runtime::ElasticsearchConnection> elasticsearch_connections(
    const service::Config& config, const std::filesystem::path& data_dir) {
  std::vector<runtime::ElasticsearchConnection> clusters;
  for (const service::ElasticsearchConfig& es : config.elasticsearch) {
    runtime::ElasticsearchConnection cluster;
    cluster.name = es.name;
    cluster.urls = es.urls;
    cluster.username = es.username;
    cluster.password = es.password;
    cluster.api_key = es.api_key;
    cluster.ca_file = es.ca_file;
    cluster.connect_timeout = millis(es.connect_timeout);
    cluster.request_timeout = millis(es.request_timeout);
    cluster.retry_initial = millis(es.retry_initial);
    cluster.retry_max = millis(es.retry_max);
    cluster.spool_dir = es.spool_dir.empty() ? data_dir / "spool" / "elasticsearch" / es.name
                                             : std::filesystem::absolute(es.spool_dir);
    cluster.spool_limit = es.spool_limit.bytes;
    clusters.push_back(std::move(cluster));
  }
  return clusters;
}

std::vector<runtime::InfluxDBConnection> influxdb_connections(const service::Config& config) {
  std::vector<runtime::InfluxDBConnection> servers;
  for (const service::InfluxdbConfig& influxdb : config.influxdb) {
    if (!influxdb.enabled) continue;
    runtime::InfluxDBConnection server;
    server.name = influxdb.name;
    server.is_default = influxdb.is_default;
    server.urls = influxdb.urls;
    server.username = influxdb.username;
    server.password = influxdb.password;
    server.timeout = millis(influxdb.timeout);
    server.ssl_ca = influxdb.ssl_ca;
    server.insecure_skip_verify = influxdb.insecure_skip_verify;
    server.spool_limit = influxdb.spool_limit.bytes;
    server.gzip_writes = influxdb.compression == "gzip";
    servers.push_back(std::move(server));
  }
  return servers;
}

std::vector<runtime::HttpPostEndpointConfig> httppost_endpoints(const service::Config& config) {
  std::vector<runtime::HttpPostEndpointConfig> endpoints;
  for (const service::HttppostConfig& post : config.httppost) {
    runtime::HttpPostEndpointConfig endpoint;
    endpoint.name = post.endpoint;
    endpoint.url = post.url;
    endpoint.headers.assign(post.headers.begin(), post.headers.end());
    if (const auto it = post.basic_auth.find("username"); it != post.basic_auth.end()) {
      endpoint.username = it->second;
    }
    if (const auto it = post.basic_auth.find("password"); it != post.basic_auth.end()) {
      endpoint.password = it->second;
    }
    endpoint.row_template = service::httppost_row_template_text(post);
    endpoints.push_back(std::move(endpoint));
  }
  return endpoints;
}

std::shared_ptr<const runtime::Connections> make_connections(
    const service::Config& config, const std::filesystem::path& data_dir) {
  auto connections = std::make_shared<runtime::Connections>();
  connections->elasticsearch = elasticsearch_connections(config, data_dir);
  connections->influxdb = influxdb_connections(config);
  connections->httppost = httppost_endpoints(config);
  connections->spool_dir = data_dir / "spool";
  return connections;
}

}  // namespace farad::daemon
