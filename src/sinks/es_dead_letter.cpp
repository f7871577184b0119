// EsSender's dead letters: documents Elasticsearch refused for good, one JSON object per line
// with the reason, so that nothing it rejects disappears without a trace.
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "io/time_format.hpp"
#include "sinks/es_sender.hpp"

namespace farad::sinks {

namespace {

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// The first line of an entry (the action) and the second (the source), without newlines.
std::pair<std::string_view, std::string_view> split_entry(std::string_view entry) {
  const size_t newline = entry.find('\n');
  if (newline == std::string_view::npos) return {entry, {}};
  std::string_view source = entry.substr(newline + 1);
  if (!source.empty() && source.back() == '\n') source.remove_suffix(1);
  return {entry.substr(0, newline), source};
}

}  // namespace

void EsSender::dead_letter(std::string_view entry, long status, std::string_view error,
                           bool error_is_json) {
  ++docs_failed_;
  const auto [action, source] = split_entry(entry);
  std::string line = "{\"time\":\"";
  io::append_rfc3339_nano(line, now_ns());
  line += fmt::format("\",\"status\":{},\"error\":", status);
  if (error_is_json) {
    line += error;
  } else {
    line += nlohmann::json(std::string(error))
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  line +=
      fmt::format(",\"action\":{},\"document\":{}}}\n", action, source.empty() ? "null" : source);
  try {
    if (options_.dead_letter_path.has_parent_path()) {
      std::filesystem::create_directories(options_.dead_letter_path.parent_path());
    }
    std::ofstream out(options_.dead_letter_path, std::ios::binary | std::ios::app);
    out << line;
    if (!out) throw std::runtime_error("cannot write " + options_.dead_letter_path.string());
  } catch (const std::exception& e) {
    log_("E", fmt::format("dead letters: {}", e.what()));
  }
}

}  // namespace farad::sinks
