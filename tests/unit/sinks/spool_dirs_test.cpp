#include "sinks/spool_dirs.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

namespace fs = std::filesystem;
using namespace farad::sinks;

namespace {

farad::runtime::Connections connections_under(const fs::path& root) {
  farad::runtime::Connections connections;
  connections.spool_dir = root / "spool";
  farad::runtime::ElasticsearchConnection cluster;
  cluster.name = "es1";
  cluster.spool_dir = root / "spool" / "elasticsearch" / "es1";
  connections.elasticsearch.push_back(cluster);
  cluster.name = "es2";
  cluster.spool_dir = root / "elsewhere";  // a cluster's own spool-dir
  connections.elasticsearch.push_back(cluster);
  return connections;
}

void touch(const fs::path& file) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << "x\n";
}

}  // namespace

TEST_CASE("spool dirs: each sink's node spool, and the task directories that hold them") {
  const auto connections = connections_under("/data");
  CHECK(es_spool_dir(connections.elasticsearch[1], "t", "es2") == "/data/elsewhere/t/es2");
  CHECK(influxdb_spool_dir(connections, "t", "influxdb_out3") ==
        "/data/spool/influxdb/t/influxdb_out3");
  CHECK(task_spool_dirs(connections, "t") ==
        std::vector<fs::path>{"/data/spool/elasticsearch/es1/t", "/data/elsewhere/t",
                              "/data/spool/influxdb/t"});
  // Never a directory above the task's.
  for (const char* odd : {"", ".", "..", "a/b"}) {
    INFO(odd);
    CHECK(task_spool_dirs(connections, odd).empty());
  }
  farad::runtime::Connections none;
  CHECK(influxdb_spool_dir(none, "t", "n").empty());
  CHECK(task_spool_dirs(none, "t").empty());
}

TEST_CASE("spool dirs: removing a task's spools leaves the other tasks' alone") {
  const fs::path root =
      fs::temp_directory_path() / ("farad-spool-dirs-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const auto connections = connections_under(root);
  touch(es_spool_dir(connections.elasticsearch[0], "gone", "es2") / "00000000000000000000.spool");
  touch(es_spool_dir(connections.elasticsearch[1], "gone", "es4") / "dead-letter.ndjson");
  touch(influxdb_spool_dir(connections, "gone", "influxdb_out3") / "acked");
  touch(influxdb_spool_dir(connections, "kept", "influxdb_out3") / "acked");
  touch(es_spool_dir(connections.elasticsearch[0], "kept", "es2") / "acked");
  CHECK(remove_task_spools(connections, "gone").empty());
  for (const fs::path& dir : task_spool_dirs(connections, "gone")) CHECK_FALSE(fs::exists(dir));
  CHECK(fs::exists(influxdb_spool_dir(connections, "kept", "influxdb_out3") / "acked"));
  CHECK(fs::exists(es_spool_dir(connections.elasticsearch[0], "kept", "es2") / "acked"));
  CHECK(remove_task_spools(connections, "never-ran").empty());  // nothing there: no failure
  fs::remove_all(root);
}

TEST_CASE("spool dirs: a renamed task's spools move to its new name, stale ones replaced") {
  const fs::path root =
      fs::temp_directory_path() / ("farad-spool-move-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const auto connections = connections_under(root);
  touch(es_spool_dir(connections.elasticsearch[0], "old", "es2") / "00000000000000000000.spool");
  touch(es_spool_dir(connections.elasticsearch[1], "old", "es4") / "dead-letter.ndjson");
  touch(influxdb_spool_dir(connections, "old", "influxdb_out3") / "acked");
  touch(es_spool_dir(connections.elasticsearch[0], "new", "stale") / "acked");
  touch(influxdb_spool_dir(connections, "other", "influxdb_out3") / "acked");
  CHECK(move_task_spools(connections, "old", "new").empty());
  for (const fs::path& dir : task_spool_dirs(connections, "old")) CHECK_FALSE(fs::exists(dir));
  CHECK(fs::exists(es_spool_dir(connections.elasticsearch[0], "new", "es2") /
                   "00000000000000000000.spool"));
  CHECK(
      fs::exists(es_spool_dir(connections.elasticsearch[1], "new", "es4") / "dead-letter.ndjson"));
  CHECK(fs::exists(influxdb_spool_dir(connections, "new", "influxdb_out3") / "acked"));
  CHECK_FALSE(fs::exists(es_spool_dir(connections.elasticsearch[0], "new", "stale")));
  CHECK(fs::exists(influxdb_spool_dir(connections, "other", "influxdb_out3") / "acked"));
  // Nothing to move, or a name that is not a plain one: nothing happens, nothing fails.
  CHECK(move_task_spools(connections, "never-ran", "x").empty());
  CHECK(move_task_spools(connections, "new", "..").empty());
  CHECK(fs::exists(influxdb_spool_dir(connections, "new", "influxdb_out3") / "acked"));
  fs::remove_all(root);
}
