#include "daemon/server_identity.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "server/router.hpp"
#include "store/atomic_file.hpp"

namespace farad::daemon {

ServerIdentity load_server_identity(const std::filesystem::path& dir) {
  const auto path = dir / "ids.json";
  ServerIdentity identity;
  if (std::filesystem::exists(path)) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    try {
      const auto json = nlohmann::json::parse(text.str());
      identity.cluster_id = json.at("cluster_id").get<std::string>();
      identity.server_id = json.at("server_id").get<std::string>();
      return identity;
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(path.string() + ": " + e.what());
    }
  }
  identity.cluster_id = server::new_request_id();
  identity.server_id = server::new_request_id();
  const nlohmann::json json = {{"cluster_id", identity.cluster_id},
                               {"server_id", identity.server_id}};
  store::atomic_write_file(path, json.dump(2) + "\n");
  return identity;
}

}  // namespace farad::daemon
