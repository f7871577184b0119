#include "sinks/spool_dirs.hpp"

#include <fmt/format.h>

#include <string>

namespace farad::sinks {

namespace {

/// A task or node name as one path component: never empty, ".", ".." or with a separator,
/// so that removing a task's directory can never reach above it.
bool is_plain_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos;
}

std::filesystem::path es_task_dir(const runtime::ElasticsearchConnection& cluster,
                                  std::string_view task) {
  return cluster.spool_dir / std::string(task);
}

std::filesystem::path influxdb_task_dir(const runtime::Connections& connections,
                                        std::string_view task) {
  return connections.spool_dir / "influxdb" / std::string(task);
}

}  // namespace

std::filesystem::path es_spool_dir(const runtime::ElasticsearchConnection& cluster,
                                   std::string_view task, std::string_view node) {
  return es_task_dir(cluster, task) / std::string(node);
}

std::filesystem::path influxdb_spool_dir(const runtime::Connections& connections,
                                         std::string_view task, std::string_view node) {
  if (connections.spool_dir.empty()) return {};
  return influxdb_task_dir(connections, task) / std::string(node);
}

std::vector<std::filesystem::path> task_spool_dirs(const runtime::Connections& connections,
                                                   std::string_view task) {
  std::vector<std::filesystem::path> dirs;
  if (!is_plain_name(task)) return dirs;
  for (const runtime::ElasticsearchConnection& cluster : connections.elasticsearch) {
    if (!cluster.spool_dir.empty()) dirs.push_back(es_task_dir(cluster, task));
  }
  if (!connections.spool_dir.empty()) {
    dirs.push_back(influxdb_task_dir(connections, task));
  }
  return dirs;
}

std::vector<std::string> remove_task_spools(const runtime::Connections& connections,
                                            std::string_view task) {
  std::vector<std::string> failures;
  for (const std::filesystem::path& dir : task_spool_dirs(connections, task)) {
    std::error_code error;
    std::filesystem::remove_all(dir, error);
    if (error) failures.push_back(fmt::format("{}: {}", dir.string(), error.message()));
  }
  return failures;
}

std::vector<std::string> move_task_spools(const runtime::Connections& connections,
                                          std::string_view from, std::string_view to) {
  std::vector<std::string> failures;
  const auto sources = task_spool_dirs(connections, from);
  const auto targets = task_spool_dirs(connections, to);
  if (sources.size() != targets.size()) return failures;  // a name that is not a plain one
  for (std::size_t i = 0; i < sources.size(); ++i) {
    std::error_code error;
    if (!std::filesystem::exists(sources[i], error)) continue;
    std::filesystem::remove_all(targets[i], error);
    if (!error) std::filesystem::rename(sources[i], targets[i], error);
    if (error) failures.push_back(fmt::format("{}: {}", sources[i].string(), error.message()));
  }
  return failures;
}

}  // namespace farad::sinks
