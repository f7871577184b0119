#pragma once
// The daemon's log, through spdlog, as [logging] configures it. Code that logs includes
// <spdlog/logger.h> and writes `service::logger()->info("...")`.

#include <memory>
#include <string_view>

#include "service/config.hpp"

namespace spdlog {
class logger;
}

namespace farad::service {

/// Every line: the time in UTC as ISO 8601 with milliseconds, the level, the message:
/// `2024-05-01T12:00:00.123Z [warning] wal: segment 12 sealed`.
inline constexpr std::string_view kLogPattern = "%Y-%m-%dT%H:%M:%S.%eZ [%l] %v";

/// Logs to [logging] file (appended to; it and its directories are created if missing) or, when
/// it is empty, to standard error, from [logging] level up, and makes that logger spdlog's
/// default. Every line is flushed as it is written, so that a crash loses none. Throws
/// std::runtime_error naming the file if it cannot be opened.
void setup_logging(const LoggingConfig& config);

/// The daemon's logger: the one setup_logging() made or, until it runs, one that writes info
/// and above to standard error. Safe to call from any thread.
std::shared_ptr<spdlog::logger> logger();

}  // namespace farad::service
