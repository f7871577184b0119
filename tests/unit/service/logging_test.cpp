#include "service/logging.hpp"

#include <unistd.h>

#include <spdlog/logger.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace farad::service;
using Catch::Matchers::Contains;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path temp_log(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("farad-logging-test-" + std::to_string(::getpid()) + "-" + name + ".log");
  std::filesystem::remove(path);
  return path;
}

/// Whether a line starts with an ISO 8601 UTC time with milliseconds and a space.
bool starts_with_iso_time(std::string_view line) {
  constexpr std::string_view shape = "0000-00-00T00:00:00.000Z ";  // 0: any digit
  if (line.size() < shape.size()) return false;
  for (size_t i = 0; i < shape.size(); ++i) {
    const bool ok = shape[i] == '0' ? (line[i] >= '0' && line[i] <= '9') : line[i] == shape[i];
    if (!ok) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("logging: the log goes to the configured file, from the configured level up") {
  const auto path = temp_log("level");
  setup_logging({LogLevel::Warn, path.string()});
  logger()->info("not written");
  logger()->warn("disk {} is {}% full", "wal", 91);
  logger()->error("segment {} damaged", 12);
  const std::string text = read_file(path);
  setup_logging({});  // back to standard error before the file goes
  std::filesystem::remove(path);

  CHECK_FALSE(text.find("not written") != std::string::npos);
  std::istringstream lines(text);
  std::vector<std::string> seen;
  for (std::string entry; std::getline(lines, entry);) {
    INFO(entry);
    CHECK(starts_with_iso_time(entry));
    seen.push_back(entry.substr(entry.find(' ') + 1));
  }
  CHECK(seen ==
        std::vector<std::string>{"[warning] disk wal is 91% full", "[error] segment 12 damaged"});
}

TEST_CASE("logging: the log file is appended to") {
  const auto path = temp_log("append");
  { std::ofstream(path) << "earlier line\n"; }
  setup_logging({LogLevel::Info, path.string()});
  logger()->info("started");
  const std::string text = read_file(path);
  setup_logging({});
  std::filesystem::remove(path);
  CHECK(text.starts_with("earlier line\n"));
  CHECK_THAT(text, Contains("[info] started\n"));
}

TEST_CASE("logging: level off logs nothing, and a log file that cannot be opened is named") {
  const auto path = temp_log("off");
  setup_logging({LogLevel::Off, path.string()});
  logger()->error("not written");
  CHECK(read_file(path).empty());
  setup_logging({});
  std::filesystem::remove(path);

  // spdlog creates missing directories, so the log's directory is a plain file instead.
  const auto not_a_directory = temp_log("plain-file");
  { std::ofstream(not_a_directory) << "x"; }
  const std::string bad = (not_a_directory / "farad.log").string();
  CHECK_THROWS_WITH(setup_logging({LogLevel::Info, bad}), Contains("cannot open log file " + bad));
  std::filesystem::remove(not_a_directory);
}

TEST_CASE("logging: there is a logger before setup") {
  CHECK(logger() != nullptr);
}
