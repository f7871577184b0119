// farad serve: the daemon. Loads the configuration, recovers the tasks from their checkpoints
// and the write-ahead log, then serves the HTTP API until SIGTERM or SIGINT, when it stops
// accepting, processes what is queued, checkpoints every task and exits 0.
#include <malloc.h>
#include <pthread.h>
#include <spdlog/logger.h>

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "daemon/daemon.hpp"
#include "daemon/recording_routes.hpp"
#include "daemon/replay_routes.hpp"
#include "daemon/replay_service.hpp"
#include "daemon/task_routes.hpp"
#include "server/listener.hpp"
#include "server/router.hpp"
#include "service/config.hpp"
#include "service/logging.hpp"

namespace farad::cli {
namespace {

// The routes of the server plus the task API, with the headers the router gives every answer.
server::Handler daemon_handler(const server::Router& router, daemon::Daemon& daemon,
                               daemon::ReplayService& replays) {
  return [&router, &daemon, &replays](server::Request&& request) {
    auto tasks = daemon::handle_task_request(request, daemon);
    if (!tasks) tasks = daemon::handle_recording_request(request, replays);
    if (!tasks) tasks = daemon::handle_replay_request(request, replays);
    if (!tasks) return router.handle(std::move(request));
    tasks->set_header("X-Kapacitor-Version", router.options().version);
    tasks->set_header("X-Influxdb-Version", router.options().version);
    auto given = request.header("Request-Id");
    const std::string id = given ? std::string(*given) : server::new_request_id();
    tasks->set_header("X-Request-Id", id);
    tasks->set_header("Request-Id", id);
    return *tasks;
  };
}

// Every /write body gets its parsed lines (a megabyte or so for 5000 lines) in fresh memory. By
// default glibc serves such blocks with mmap and gives them back on free, or trims them off the
// heap, so every body paid page faults and zeroing for all of it (a fifth of the ingest CPU).
// Keeping freed memory up to twice the write queue's size (the lines of the bodies queued and
// of those being parsed) in the heap makes the next bodies reuse it: 2.3 -> 1.6 CPU s for
// scripts/bench/ingest.
void keep_freed_memory(const service::Config& config) {
#ifdef __GLIBC__
  // An unbounded queue (0) keeps what the default bound would.
  const uint64_t queue = config.http.write_queue_memory.bytes;
  const auto keep =
      static_cast<int>(std::min<uint64_t>(2 * (queue == 0 ? 32ull << 20 : queue), 1ull << 30));
  mallopt(M_MMAP_THRESHOLD, 16 << 20);
  mallopt(M_TRIM_THRESHOLD, keep);
#else
  (void)config;
#endif
}

}  // namespace

int run_serve(const Args& argv) {
  const Arguments args(argv, {"config", "bind", "data-dir"}, {});
  if (!args.positional().empty()) {
    throw UsageError("serve takes no arguments, got '" + args.positional().front() + "'");
  }
  service::Config config;
  try {
    const auto path = args.value("config");
    config = path ? service::load_config(*path) : service::Config{};
    service::apply_overrides(config, {args.value("bind"), args.value("data-dir")});
    service::validate(config);
  } catch (const service::ConfigError& e) {
    std::cerr << e.what();
    return 1;
  }
  service::setup_logging(config.logging);
  auto log = service::logger();
  keep_freed_memory(config);

  // The signals are taken by sigwait below: blocked here, before any thread starts, so that
  // every thread inherits the mask and none is interrupted.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  daemon::Daemon daemon(config);
  log->info("data directory {}", daemon.data_dir().string());
  const server::Router router(server::server_options(config.http), daemon);
  daemon::ReplayService replays(daemon);
  server::Server server(daemon_handler(router, daemon, replays), router.options());
  server.start(config.http.bind_address);
  const std::string host = config.http.bind_address.substr(0, config.http.bind_address.rfind(':'));
  log->info("listening on {}:{}", host, server.port());

  int received = 0;
  sigwait(&signals, &received);
  log->info("received {}, shutting down", received == SIGTERM ? "SIGTERM" : "SIGINT");
  // Writes still in flight are answered 503 (retried by clients); then the queue is drained
  // and every task checkpointed.
  daemon.stop();
  replays.stop();
  server.stop();
  log->info("stopped");
  return 0;
}

}  // namespace farad::cli
