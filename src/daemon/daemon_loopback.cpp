// kapacitorLoopback's way into the daemon's own ingest: the write-ahead log, then the queue.
#include <spdlog/logger.h>

#include "daemon/connections_config.hpp"
#include "daemon/daemon.hpp"
#include "service/logging.hpp"

namespace farad::daemon {

std::shared_ptr<const runtime::Connections> Daemon::connections_with_loopback() {
  auto connections = std::make_shared<runtime::Connections>(*make_connections(config_, data_dir_));
  connections->loopback = [this](const std::string& db, const std::string& rp, std::string body) {
    loopback_write(db, rp, std::move(body));
  };
  return connections;
}

void Daemon::loopback_write(const std::string& db, const std::string& rp, std::string body) {
  if (recovering_ || body.empty()) return;
  QueuedBody queued;
  queued.header.db = db;
  queued.header.rp = rp;
  queued.header.precision = io::Precision::Nanosecond;
  queued.header.arrival_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
  // The loopback writes what the task made, unsigned fields included.
  queued.header.encoding = store::BodyEncoding::LineProtocolUnsigned;
  std::lock_guard append_lock(append_mutex_);
  try {
    wal_->append(queued.header, body);
    queued.next = wal_->end_position();
  } catch (const std::exception& e) {
    service::logger()->error("kapacitorLoopback: wal: {}", e.what());
    return;
  }
  queued.body = std::move(body);
  {
    std::lock_guard lock(queue_mutex_);
    queue_.push_back(std::move(queued));
  }
  queue_changed_.notify_all();
}

}  // namespace farad::daemon
