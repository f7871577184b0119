#include "service/logging.hpp"

#include <mutex>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace farad::service {

namespace {

spdlog::level::level_enum spdlog_level(LogLevel level) {
  switch (level) {
    case LogLevel::Trace:
      return spdlog::level::trace;
    case LogLevel::Debug:
      return spdlog::level::debug;
    case LogLevel::Info:
      return spdlog::level::info;
    case LogLevel::Warn:
      return spdlog::level::warn;
    case LogLevel::Error:
      return spdlog::level::err;
    case LogLevel::Off:
      break;
  }
  return spdlog::level::off;
}

std::mutex installed_mutex;
bool installed = false;  // guarded by installed_mutex

void install(const LoggingConfig& config) {
  spdlog::sink_ptr sink;
  if (config.file.empty()) {
    sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  } else {
    try {
      sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(config.file);
    } catch (const spdlog::spdlog_ex& e) {
      throw std::runtime_error("cannot open log file " + config.file + ": " + e.what());
    }
  }
  auto made = std::make_shared<spdlog::logger>("farad", std::move(sink));
  made->set_pattern(std::string(kLogPattern), spdlog::pattern_time_type::utc);
  made->set_level(spdlog_level(config.level));
  made->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(std::move(made));
  installed = true;
}

}  // namespace

void setup_logging(const LoggingConfig& config) {
  const std::lock_guard lock(installed_mutex);
  install(config);
}

std::shared_ptr<spdlog::logger> logger() {
  {
    const std::lock_guard lock(installed_mutex);
    // spdlog's own default writes to standard output, which is for a command's results.
    if (!installed) install(LoggingConfig{});
  }
  return spdlog::default_logger();
}

}  // namespace farad::service
