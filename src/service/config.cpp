#include "service/config.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

namespace farad::service {

namespace {

/// Sorts in file order, settings given by flags (no line) first.
const std::vector<lang::Diagnostic>& sort_by_line(std::vector<lang::Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    return std::pair(a.position.line, a.position.column) <
           std::pair(b.position.line, b.position.column);
  });
  return diagnostics;
}

}  // namespace

// The base is initialised first: `problems` is sorted before it is moved into `diagnostics`.
ConfigError::ConfigError(std::vector<lang::Diagnostic> problems)
    : std::runtime_error(lang::render_all(sort_by_line(problems))),
      diagnostics(std::move(problems)) {}

Config load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot open config file " + path + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_config_text(text.str(), path);
}

void apply_overrides(Config& config, const ConfigOverrides& overrides) {
  if (overrides.bind_address) {
    config.http.bind_address = *overrides.bind_address;
    config.origins.flags["http.bind-address"] = "--bind";
  }
  if (overrides.data_dir) {
    config.storage.data_dir = *overrides.data_dir;
    config.origins.flags["storage.data-dir"] = "--data-dir";
  }
}

}  // namespace farad::service
