// /debug/vars: ids, counts, ingress per db/rp/measurement and node statistics.
#include <catch2/catch.hpp>

#include "api_fixtures.hpp"
#include "daemon/debug_vars.hpp"
#include "daemon/ingress_stats.hpp"

namespace {

using farad::test::api_call;
using farad::test::api_json;
using farad::test::api_write;
using farad::test::eventually;
using farad::test::ingress_points;
using farad::test::TempDir;
using nlohmann::json;

// The statistics named `name` whose tags hold every pair of `tags`.
std::vector<json> statistics(const json& page, const std::string& name, const json& tags) {
  std::vector<json> found;
  for (const auto& [key, stat] : page["kapacitor"].items()) {
    if (stat["name"] != name) continue;
    bool all = true;
    for (const auto& [tag, value] : tags.items())
      all = all && stat["tags"].value(tag, json()) == value;
    if (all) found.push_back(stat);
  }
  return found;
}

}  // namespace

TEST_CASE("ingress statistics count each db/rp/measurement") {
  farad::daemon::IngressStats stats;
  auto& telegraf = stats.counters("telegraf", "autogen");
  for (const char* m : {"cpu", "cpu", "mem", "cpu"}) telegraf.count(m);
  stats.counters("other", "rp").count("cpu");
  CHECK(&stats.counters("telegraf", "autogen") == &telegraf);
  const auto rows = stats.snapshot();
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].database == "other");
  CHECK(rows[1].measurement == "cpu");
  CHECK(rows[1].points_received == 3);
  CHECK(rows[2].measurement == "mem");
  CHECK(rows[2].points_received == 1);
}

TEST_CASE("debug vars: Kapacitor's page with ingress and node statistics") {
  TempDir dir("debug-vars");
  std::string server_id;
  {
    farad::daemon::Daemon d(farad::test::api_config(dir));
    api_json(
        d, "POST", "/kapacitor/v1/tasks",
        {{"id", "t"},
         {"script", "dbrp \"telegraf\".\"autogen\"\nstream|from().measurement('cpu')|httpOut('x')"},
         {"status", "enabled"}});
    api_json(
        d, "POST", "/kapacitor/v1/tasks",
        {{"id", "off"}, {"script", "dbrp \"telegraf\".\"autogen\"\nstream|from()|httpOut('x')"}});
    api_write(d, "telegraf", "cpu value=1 1\ncpu value=2 2\nmem value=3 3\n");
    api_write(d, "nobody", "disk value=1 1\n");  // no task reads it: still received
    REQUIRE(eventually([&] { return ingress_points(d, "nobody", "disk") == 1; }));
    const auto response = api_call(d, "GET", "/kapacitor/v1/debug/vars");
    CHECK(response.status == 200);
    CHECK(response.body.starts_with("{\n\"cluster_id\": \""));
    const json page = json::parse(response.body);
    CHECK(page["num_tasks"] == 2);
    CHECK(page["num_enabled_tasks"] == 1);
    CHECK(page["product"] == "kapacitor");
    CHECK(page["host"] == "localhost");
    server_id = page["server_id"].get<std::string>();
    CHECK(server_id.size() == 36);
    CHECK(page["cluster_id"] != page["server_id"]);

    auto cpu = statistics(page, "ingress",
                          {{"database", "telegraf"},
                           {"retention_policy", "autogen"},
                           {"measurement", "cpu"},
                           {"task_master", "main"}});
    REQUIRE(cpu.size() == 1);
    CHECK(cpu[0]["values"] == json::parse(R"({"points_received": 2})"));
    CHECK(cpu[0]["tags"]["server_id"] == server_id);
    CHECK(statistics(page, "ingress", {{"measurement", "mem"}})[0]["values"]["points_received"] ==
          1);
    CHECK(statistics(page, "ingress", {{"database", "nobody"}}).size() == 1);

    auto from = statistics(
        page, "nodes", {{"task", "t"}, {"node", "from1"}, {"kind", "from"}, {"type", "stream"}});
    REQUIRE(from.size() == 1);
    CHECK(from[0]["values"]["errors"] == 0);
    // Timed on a sample of the points (the first one among them): a Go duration, not zero.
    const std::string exec_time = from[0]["values"]["avg_exec_time_ns"].get<std::string>();
    CHECK(exec_time != "0s");
    CHECK((exec_time.ends_with("ns") || exec_time.ends_with("µs") || exec_time.ends_with("ms")));
    CHECK(statistics(page, "nodes", {{"task", "off"}}).empty());  // not executing

    CHECK(api_call(d, "GET", "/debug/vars").status == 200);
    CHECK(api_call(d, "POST", "/debug/vars").status == 405);
  }
  // The ids are kept; the counters start again.
  farad::daemon::Daemon d(farad::test::api_config(dir));
  const json page = json::parse(api_call(d, "GET", "/kapacitor/v1/debug/vars").body);
  CHECK(page["server_id"] == server_id);
  CHECK(statistics(page, "ingress", json::object()).empty());
}
