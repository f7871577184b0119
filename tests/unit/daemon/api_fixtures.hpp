#pragma once
// Fixtures for the task, template and debug vars API tests: a daemon in a temporary directory,
// requests through the routes without sockets, and waiting for the worker.

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

#include "../store/store_fixtures.hpp"
#include "daemon/daemon.hpp"
#include "daemon/task_routes.hpp"

namespace farad::test {

inline service::Config api_config(const TempDir& dir) {
  service::Config config;
  config.storage.data_dir = dir.path().string();
  config.checkpoint.interval = std::chrono::hours(1);  // only at shutdown and when enabled
  return config;
}

inline server::Response api_call(daemon::Daemon& d, const std::string& method,
                                 const std::string& target, const nlohmann::json& body = nullptr) {
  auto response = daemon::handle_task_request(
      server::make_request(method, target, body.is_null() ? std::string() : body.dump()), d);
  REQUIRE(response);
  return *response;
}

inline nlohmann::json api_json(daemon::Daemon& d, const std::string& method,
                               const std::string& target, const nlohmann::json& body = nullptr,
                               unsigned status = 200) {
  const auto response = api_call(d, method, target, body);
  INFO(response.body);
  REQUIRE(response.status == status);
  return nlohmann::json::parse(response.body);
}

/// Writes line protocol (seconds) to db.autogen.
inline void api_write(daemon::Daemon& d, const std::string& db, const std::string& body) {
  server::IngestWrite write;
  write.header.db = db;
  write.header.precision = io::Precision::Second;
  write.header.arrival_ns = 5'000'000'000;
  write.body = body;
  REQUIRE(d.write(std::move(write)).status == server::IngestStatus::Accepted);
}

/// Polls until `done` holds (the worker runs the tasks on its own thread); false after 10 s.
inline bool eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return done();
}

/// Points the ingress statistics have counted for db/autogen/measurement.
inline uint64_t ingress_points(const daemon::Daemon& d, const std::string& db,
                               const std::string& measurement) {
  for (const auto& row : d.stats().ingress) {
    if (row.database == db && row.retention_policy == "autogen" && row.measurement == measurement) {
      return row.points_received;
    }
  }
  return 0;
}

}  // namespace farad::test
