#pragma once
// GET /kapacitor/v1/debug/vars (and /debug/vars): Kapacitor's expvar page. Top-level ids and
// counts, then "kapacitor": one statistic per key, each {name, tags, values}: "ingress" per
// database, retention policy and measurement (points_received) and "nodes" per node of each
// executing task (avg_exec_time_ns, errors, working_cardinality and the node's own counters).
// Kapacitor keys statistics by random UUIDs; here the keys name what they count.

#include <optional>

#include "daemon/daemon.hpp"
#include "server/http_types.hpp"

namespace farad::daemon {

/// The answer for a debug vars request, or nullopt for any other path.
std::optional<server::Response> handle_debug_vars(const server::Request& request,
                                                  const Daemon& daemon);

/// The page's JSON text, in expvar's layout (one top-level member per line, sorted by name).
std::string debug_vars_text(const DaemonStats& stats);

}  // namespace farad::daemon
