#pragma once
// The external services of the configuration as tasks see them (runtime::Connections): built
// once per process from `farad serve`'s config (or `farad run --config`), shared by every task.

#include <filesystem>
#include <memory>

#include "runtime/connections.hpp"
#include "service/config.hpp"

namespace farad::daemon {

/// Each kind from its own section; `data_dir` is where spools go when a section names none.
std::shared_ptr<const runtime::Connections> make_connections(const service::Config& config,
                                                             const std::filesystem::path& data_dir);

/// The `[[elasticsearch]]` sections as clusters (spool-dir defaulted and made absolute).
std::vector<runtime::ElasticsearchConnection> elasticsearch_connections(
    const service::Config& config, const std::filesystem::path& data_dir);

/// The enabled `[[influxdb]]` sections.
std::vector<runtime::InfluxDBConnection> influxdb_connections(const service::Config& config);

/// The `[[httppost]]` endpoints.
std::vector<runtime::HttpPostEndpointConfig> httppost_endpoints(const service::Config& config);

}  // namespace farad::daemon
