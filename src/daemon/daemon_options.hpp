#pragma once
// The log's options from the [wal] section of the configuration.

#include "service/config.hpp"
#include "store/wal_options.hpp"
#include "store/wal_retention.hpp"

namespace farad::daemon {

store::WalOptions wal_options(const service::WalConfig& wal);
store::WalRetention wal_retention(const service::WalConfig& wal);

}  // namespace farad::daemon
