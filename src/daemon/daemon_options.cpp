#include "daemon/daemon_options.hpp"

namespace farad::daemon {

store::WalOptions wal_options(const service::WalConfig& wal) {
  store::WalOptions options;
  switch (wal.fsync) {
    case service::FsyncMode::Always:
      options.fsync = store::FsyncPolicy::Always;
      break;
    case service::FsyncMode::Interval:
      options.fsync = store::FsyncPolicy::Interval;
      break;
    case service::FsyncMode::Never:
      options.fsync = store::FsyncPolicy::Never;
      break;
  }
  options.fsync_interval = wal.fsync_interval;
  options.segment_bytes = wal.segment_size.bytes;
  return options;
}

store::WalRetention wal_retention(const service::WalConfig& wal) {
  store::WalRetention retention;
  retention.max_age_ns = wal.retention_age.count() > 0
                             ? std::optional<int64_t>(wal.retention_age.count())
                             : std::nullopt;
  retention.max_total_bytes = wal.retention_size.bytes > 0
                                  ? std::optional<uint64_t>(wal.retention_size.bytes)
                                  : std::nullopt;
  return retention;
}

}  // namespace farad::daemon
