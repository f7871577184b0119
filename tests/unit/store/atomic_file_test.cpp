#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "store/atomic_file.hpp"
#include "store/store_error.hpp"
#include "store_fixtures.hpp"

using farad::test::TempDir;

namespace {

std::string contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("atomic file: creates, replaces, leaves no temporary", "[store]") {
  TempDir dir("atomic");
  const auto path = dir.path() / "checkpoint.bin";
  farad::store::atomic_write_file(path, std::string("first\0", 6));
  CHECK(contents(path) == std::string("first\0", 6));
  farad::store::atomic_write_file(path, "second, longer");
  CHECK(contents(path) == "second, longer");
  farad::store::atomic_write_file(path, "");
  CHECK(contents(path).empty());
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("atomic file: a failure leaves the old file and no temporary", "[store]") {
  TempDir dir("atomic-fail");
  const auto path = dir.path() / "task.json";
  farad::store::atomic_write_file(path, "old");
  // Renaming a file over a non-empty directory fails.
  const auto blocked = dir.path() / "blocked";
  std::filesystem::create_directories(blocked / "inside");
  CHECK_THROWS_AS(farad::store::atomic_write_file(blocked, "new"), farad::store::StoreError);
  CHECK(contents(path) == "old");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 2);
  CHECK_THROWS_AS(farad::store::atomic_write_file(dir.path() / "absent" / "x", "new"),
                  farad::store::StoreError);
}
