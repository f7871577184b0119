#include <algorithm>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../io/recording_fixtures.hpp"
#include "../store/store_fixtures.hpp"
#include "daemon/checkpoint.hpp"
#include "daemon/daemon.hpp"
#include "daemon/task_record.hpp"
#include "daemon/task_routes.hpp"
#include "store/segment_scanner.hpp"
#include "store/wal_reader.hpp"

namespace {

using farad::test::TempDir;
namespace daemon = farad::daemon;
namespace server = farad::server;

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

farad::service::Config test_config(const TempDir& dir) {
  farad::service::Config config;
  config.storage.data_dir = dir.path().string();
  config.checkpoint.interval = std::chrono::hours(1);  // only at shutdown and when enabled
  return config;
}

server::IngestStatus write_body(daemon::Daemon& d, std::string db, std::string rp,
                                const std::string& body) {
  server::IngestWrite write;
  write.header.db = std::move(db);
  write.header.rp = std::move(rp);
  write.header.precision = farad::io::Precision::Second;
  write.header.arrival_ns = 5'000'000'000;
  write.body = body;
  return d.write(std::move(write)).status;
}

server::Response call(daemon::Daemon& d, const std::string& method, const std::string& target,
                      std::string body = {}) {
  auto response = daemon::handle_task_request(server::make_request(method, target, body), d);
  REQUIRE(response);
  return *response;
}

const char* kScript =
    "dbrp \"telegraf\".\"autogen\"\nstream|from().measurement('cpu')"
    "|fileOut('out/cpu.lp')\n";

std::string define_body(const char* script) {
  return nlohmann::json{
      {"id", "cpu"}, {"type", "stream"}, {"script", script}, {"status", "enabled"}}
      .dump();
}

}  // namespace

TEST_CASE("task records and checkpoints survive their file forms") {
  daemon::TaskRecord record;
  record.id = "rollup";
  record.dbrps = {{"telegraf", "autogen"}};
  record.script = "stream|from()\n";
  record.vars_json = R"({"x":{"type":"int","value":3}})";
  record.enabled = true;
  record.created_ns = 7;
  const auto back = daemon::task_record_from_json(daemon::to_json(record));
  CHECK(back.id == "rollup");
  CHECK(back.dbrps == record.dbrps);
  CHECK(back.script == record.script);
  CHECK(nlohmann::json::parse(back.vars_json) == nlohmann::json::parse(record.vars_json));
  CHECK(back.enabled);
  CHECK(back.created_ns == 7);
  CHECK_THROWS(daemon::task_record_from_json("{\"id\": 1}"));

  CHECK(daemon::valid_task_id("cpu_rollup-2.v1"));
  CHECK_FALSE(daemon::valid_task_id("../x"));
  CHECK_FALSE(daemon::valid_task_id(""));

  TempDir dir("checkpoint");
  const auto path = dir.path() / "t.ckpt";
  CHECK_FALSE(daemon::read_checkpoint(path));
  daemon::write_checkpoint(path, {{3, 4096}, std::string("state\0bytes", 11)});
  const auto checkpoint = daemon::read_checkpoint(path);
  REQUIRE(checkpoint);
  CHECK(checkpoint->position == farad::store::WalPosition{3, 4096});
  CHECK(checkpoint->state == std::string("state\0bytes", 11));
}

TEST_CASE("daemon: each task gets the bodies of its dbrp once across restarts") {
  TempDir dir("daemon");
  const auto output = dir.path() / "out" / "cpu.lp";
  {
    daemon::Daemon d(test_config(dir));
    const auto bad = call(d, "POST", "/kapacitor/v1/tasks",
                          define_body("dbrp \"telegraf\".\"autogen\"\nstream|frm()"));
    CHECK(bad.status == 400);
    CHECK(nlohmann::json::parse(bad.body)["error"].get<std::string>().find("frm") !=
          std::string::npos);

    const auto defined = call(d, "POST", "/kapacitor/v1/tasks", define_body(kScript));
    REQUIRE(defined.status == 200);
    const auto task = nlohmann::json::parse(defined.body);
    CHECK(task["executing"] == true);
    CHECK(task["status"] == "enabled");
    CHECK(task["link"]["href"] == "/kapacitor/v1/tasks/cpu");
    CHECK(task["dbrps"] == nlohmann::json::parse(R"([{"db":"telegraf","rp":"autogen"}])"));
    CHECK(call(d, "POST", "/kapacitor/v1/tasks", define_body(kScript)).status == 400);

    CHECK(write_body(d, "telegraf", "", "cpu,host=a value=1 1\nmem,host=a value=9 1\n") ==
          server::IngestStatus::Accepted);
    CHECK(write_body(d, "other", "", "cpu,host=b value=2 2\n") == server::IngestStatus::Accepted);
    CHECK(write_body(d, "telegraf", "autogen", "cpu,host=c value=3 3\n") ==
          server::IngestStatus::Accepted);
    d.stop();
    CHECK(write_body(d, "telegraf", "", "cpu,host=d value=4 4\n") ==
          server::IngestStatus::QueueFull);
  }
  CHECK(file_text(output) == "cpu,host=a value=1 1000000000\ncpu,host=c value=3 3000000000\n");
  {
    daemon::Daemon d(test_config(dir));
    const auto listed = nlohmann::json::parse(call(d, "GET", "/kapacitor/v1/tasks").body);
    REQUIRE(listed["tasks"].size() == 1);
    CHECK(listed["tasks"][0]["id"] == "cpu");
    CHECK(listed["tasks"][0]["executing"] == true);
    CHECK(listed["tasks"][0]["stats"]["node-stats"].contains("from1"));
    CHECK(write_body(d, "telegraf", "autogen", "cpu,host=e value=5 5\n") ==
          server::IngestStatus::Accepted);
  }
  CHECK(file_text(output) ==
        "cpu,host=a value=1 1000000000\ncpu,host=c value=3 3000000000\n"
        "cpu,host=e value=5 5000000000\n");
  {
    daemon::Daemon d(test_config(dir));
    const auto disabled = call(d, "PATCH", "/kapacitor/v1/tasks/cpu", R"({"status":"disabled"})");
    CHECK(nlohmann::json::parse(disabled.body)["executing"] == false);
    CHECK(write_body(d, "telegraf", "autogen", "cpu,host=f value=6 6\n") ==
          server::IngestStatus::Accepted);
    CHECK(call(d, "DELETE", "/kapacitor/v1/tasks/cpu").status == 204);
    CHECK(call(d, "GET", "/kapacitor/v1/tasks/cpu").status == 404);
    CHECK(call(d, "PUT", "/kapacitor/v1/tasks/cpu").status == 405);
    CHECK_FALSE(daemon::handle_task_request(server::make_request("GET", "/write"), d));
  }
  CHECK(file_text(output).find("host=f") == std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "tasks" / "cpu.json"));
}

namespace {

// Holds the worker on a first body, then writes until the queue refuses one: `queued` bodies
// must be taken, the next refused, and every body taken (none refused) processed and logged.
void check_full_queue(farad::service::Config config, const TempDir& dir, int queued) {
  std::mutex mutex;
  std::condition_variable changed;
  bool entered = false;
  bool released = false;
  auto hold = [&] {
    std::unique_lock lock(mutex);
    entered = true;
    changed.notify_all();
    changed.wait(lock, [&] { return released; });
  };
  const auto output = dir.path() / "out" / "cpu.lp";
  std::string expected = "cpu,host=h0 value=0 0\n";
  {
    daemon::Daemon d(config, hold);
    REQUIRE(call(d, "POST", "/kapacitor/v1/tasks", define_body(kScript)).status == 200);
    CHECK(write_body(d, "telegraf", "", "cpu,host=h0 value=0 0\n") ==
          server::IngestStatus::Accepted);
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return entered; });
    }
    for (int i = 1; i <= queued; ++i) {
      const auto n = std::to_string(i);
      CHECK(write_body(d, "telegraf", "", "cpu,host=h" + n + " value=" + n + " " + n + "\n") ==
            server::IngestStatus::Accepted);
      expected += "cpu,host=h" + n + " value=" + n + " " + n + "000000000\n";
    }
    CHECK(write_body(d, "telegraf", "", "cpu,host=refused value=9 9\n") ==
          server::IngestStatus::QueueFull);
    {
      std::lock_guard lock(mutex);
      released = true;
    }
    changed.notify_all();
  }
  CHECK(file_text(output) == expected);
  // The refused body is not in the log either.
  farad::store::WalReader reader(dir.path() / "wal");
  farad::store::WalEntry entry;
  int records = 0;
  while (reader.next(entry)) {
    ++records;
    CHECK(entry.record.body.find("refused") == std::string::npos);
  }
  CHECK(records == queued + 1);
}

}  // namespace

TEST_CASE("daemon: a full queue refuses a body before logging it") {
  TempDir dir("daemon-full");
  auto config = test_config(dir);
  config.http.write_queue_size = 2;
  check_full_queue(config, dir, 2);
}

TEST_CASE("daemon: a queue over its memory limit refuses a body; an empty one takes any") {
  TempDir dir("daemon-full-memory");
  auto config = test_config(dir);
  config.http.write_queue_memory.bytes = 1;  // one body in the queue is over it
  check_full_queue(config, dir, 1);
}

TEST_CASE("daemon: a body accepted by /api/v2/write keeps its unsigned fields, live and replayed") {
  TempDir dir("daemon-unsigned");
  const auto output = dir.path() / "out" / "cpu.lp";
  const auto write_v2 = [](daemon::Daemon& d, const std::string& body) {
    server::IngestWrite write;
    write.header.db = "telegraf";
    write.header.precision = farad::io::Precision::Second;
    write.header.encoding = farad::store::BodyEncoding::LineProtocolUnsigned;
    write.body = body;
    return d.write(std::move(write)).status;
  };
  {
    daemon::Daemon d(test_config(dir));
    REQUIRE(call(d, "POST", "/kapacitor/v1/tasks", define_body(kScript)).status == 200);
    CHECK(write_v2(d, "cpu,host=a value=18446744073709551615u 1\n") ==
          server::IngestStatus::Accepted);
    // The same text through /write's rules is a parse error: the point is not delivered.
    CHECK(write_body(d, "telegraf", "", "cpu,host=b value=7u 2\n") ==
          server::IngestStatus::Accepted);
  }
  CHECK(file_text(output) == "cpu,host=a value=18446744073709551615u 1000000000\n");
  // Replayed from the log (no checkpoint left): the same point again, still unsigned.
  std::filesystem::remove(output);
  std::filesystem::remove_all(dir.path() / "checkpoints");
  { daemon::Daemon d(test_config(dir)); }
  CHECK(file_text(output) == "cpu,host=a value=18446744073709551615u 1000000000\n");
}

TEST_CASE("daemon: a gzip body is logged compressed and replays to the same points") {
  TempDir dir("daemon-gzip");
  const auto output = dir.path() / "out" / "cpu.lp";
  std::string text;
  for (int i = 1; i <= 300; ++i) {
    text += "cpu,host=h" + std::to_string(i % 7) + " value=" + std::to_string(i) + " " +
            std::to_string(i) + "\n";
  }
  text += "mem,host=a value=1 1\nbad line\n";
  // Two members, as `cat a.gz b.gz` gives.
  const std::string compressed =
      farad::test::gzip_bytes(text.substr(0, 1000)) + farad::test::gzip_bytes(text.substr(1000));
  {
    daemon::Daemon d(test_config(dir));
    REQUIRE(call(d, "POST", "/kapacitor/v1/tasks", define_body(kScript)).status == 200);
    server::IngestWrite write;
    write.header.db = "telegraf";
    write.header.precision = farad::io::Precision::Second;
    write.body = text;
    write.gzip_body = compressed;
    REQUIRE(d.write(std::move(write)).status == server::IngestStatus::Accepted);
    CHECK(write_body(d, "telegraf", "", "cpu,host=plain value=0 301\n") ==
          server::IngestStatus::Accepted);
  }
  const std::string live = file_text(output);
  CHECK(std::count(live.begin(), live.end(), '\n') == 301);

  // The log holds the bytes as received, marked gzip; its readers get the text.
  farad::store::SegmentScanner scanner(dir.path() / "wal", 1);
  REQUIRE(scanner.next() == farad::store::FrameStatus::Record);
  CHECK(scanner.record().compression == farad::store::BodyCompression::Gzip);
  CHECK(scanner.record().body == compressed);
  REQUIRE(scanner.next() == farad::store::FrameStatus::Record);
  CHECK(scanner.record().compression == farad::store::BodyCompression::None);
  const auto read = farad::test::read_all(dir.path() / "wal");
  REQUIRE(read.entries.size() == 2);
  CHECK(read.entries[0].record.body == text);

  // Replayed from the log (no checkpoint left): the same points, in the same order.
  std::filesystem::remove(output);
  std::filesystem::remove_all(dir.path() / "checkpoints");
  { daemon::Daemon d(test_config(dir)); }
  CHECK(file_text(output) == live);
}
