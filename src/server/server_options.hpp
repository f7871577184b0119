#pragma once
// What the HTTP server needs to know, filled from the [http] section of the configuration.

#include <cstdint>
#include <functional>
#include <string>

namespace farad::service {
struct HttpConfig;
}

namespace farad::server {

struct ServerOptions {
  std::string bind_address = "127.0.0.1:9092";
  /// Largest request body, and largest body once gzip is undone; 0 means no limit.
  uint64_t max_body_size = 25'000'000;
  /// Seconds a client is told to wait (Retry-After) when the write queue is full.
  int64_t retry_after_seconds = 1;
  /// Threads running the sockets and the routes (a route may wait for a WAL fsync).
  unsigned io_threads = 2;
  /// Added to the io threads' nice value. Positive: when the machine is busy, the daemon's task
  /// worker (the one thread every point goes through) runs before the threads accepting more
  /// writes, so under overload the server processes what it has taken and answers 503 sooner,
  /// rather than accepting faster than it can process.
  int io_thread_nice = 5;
  /// The value of X-Influxdb-Version and X-Kapacitor-Version.
  std::string version;
  /// Wall clock in ns since the epoch: arrival time of a write and the time of lines without
  /// a timestamp. Tests replace it.
  std::function<int64_t()> now_ns;
};

/// Options from the configuration; write-queue-size belongs to the IngestSink, not here.
ServerOptions server_options(const service::HttpConfig& http);

}  // namespace farad::server
