#pragma once
// The ids Kapacitor reports in /debug/vars and in every statistic's tags: a cluster id and a
// server id, random UUIDs made on the first start and kept in <data dir>/ids.json.

#include <filesystem>
#include <string>

namespace farad::daemon {

struct ServerIdentity {
  std::string cluster_id;
  std::string server_id;
  std::string host = "localhost";  ///< Kapacitor's default `hostname`
};

/// Reads <dir>/ids.json, or creates it. Throws std::runtime_error when it is malformed.
ServerIdentity load_server_identity(const std::filesystem::path& dir);

}  // namespace farad::daemon
