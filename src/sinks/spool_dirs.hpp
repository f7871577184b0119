#pragma once
// Where each sink keeps a node's spool: es() under its cluster's spool directory, influxDBOut
// under the connections' one, both as <...>/<task>/<node>/. In one place, so that deleting a
// task can remove every spool it had (its unsent data would otherwise be sent by a new task of
// the same name).

#include <filesystem>
#include <string_view>
#include <vector>

#include "runtime/connections.hpp"

namespace farad::sinks {

/// The spool of es() node `node` of task `task` on `cluster`.
std::filesystem::path es_spool_dir(const runtime::ElasticsearchConnection& cluster,
                                   std::string_view task, std::string_view node);
/// The spool of influxDBOut node `node` of task `task`; empty when `connections` has none.
std::filesystem::path influxdb_spool_dir(const runtime::Connections& connections,
                                         std::string_view task, std::string_view node);

/// The directories that hold the spools of every node of task `task` (existing or not).
std::vector<std::filesystem::path> task_spool_dirs(const runtime::Connections& connections,
                                                   std::string_view task);

/// Removes the spools (and es() dead letters) of every node of task `task`, which must not be
/// running. Returns the directories it could not remove, with why.
std::vector<std::string> remove_task_spools(const runtime::Connections& connections,
                                            std::string_view task);

/// Moves the spools of task `from` to task `to` (a task renamed): what it had not sent yet is
/// sent under its new name, as after a reload under the same one. A stale directory of `to` is
/// replaced. Returns the directories it could not move, with why.
std::vector<std::string> move_task_spools(const runtime::Connections& connections,
                                          std::string_view from, std::string_view to);

}  // namespace farad::sinks
