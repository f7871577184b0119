// PATCH /kapacitor/v1/tasks/<id> and httpOut endpoints, through the routes without sockets.
#include <catch2/catch.hpp>

#include "api_fixtures.hpp"

namespace {

using farad::test::api_call;
using farad::test::api_json;
using farad::test::api_write;
using farad::test::eventually;
using farad::test::ingress_points;
using farad::test::TempDir;
using nlohmann::json;

const char* kScript = "var m = 'cpu'\nstream|from().measurement(m)|httpOut('last')\n";

json http_out(farad::daemon::Daemon& d, const std::string& task) {
  return api_json(d, "GET", "/kapacitor/v1/tasks/" + task + "/last");
}

// The one value of the only series of an httpOut answer, or null.
json last_value(farad::daemon::Daemon& d, const std::string& task) {
  const json answer = http_out(d, task);
  if (answer["series"].is_null() || answer["series"].empty()) return nullptr;
  return answer["series"][0]["values"][0][1];
}

}  // namespace

TEST_CASE("task API: PATCH recompiles, reloads with a fresh state and keeps a bad script out") {
  TempDir dir("patch");
  const auto checkpoints = dir.path() / "checkpoints";
  {
    farad::daemon::Daemon d(farad::test::api_config(dir));
    const json defined = api_json(d, "POST", "/kapacitor/v1/tasks",
                                  {{"id", "t"},
                                   {"dbrps", {{{"db", "telegraf"}, {"rp", "autogen"}}}},
                                   {"script", kScript},
                                   {"status", "enabled"}});
    CHECK(defined["template-id"] == "");
    CHECK(defined["last-enabled"] != "0001-01-01T00:00:00Z");
    api_write(d, "telegraf", "cpu value=1 1\n");
    REQUIRE(eventually([&] { return last_value(d, "t") == json(1); }));

    const auto bad = api_call(d, "PATCH", "/kapacitor/v1/tasks/t",
                              {{"script", "stream|from().measurement(m)|httpOut('last')|frm()"}});
    CHECK(bad.status == 400);
    CHECK(json::parse(bad.body)["error"].get<std::string>().find("frm") != std::string::npos);
    json shown = api_json(d, "GET", "/kapacitor/v1/tasks/t?script-format=raw");
    CHECK(shown["script"] == kScript);
    CHECK(shown["executing"] == true);
    CHECK(last_value(d, "t") == json(1));  // not restarted

    // New vars: the task restarts from a fresh state and a new checkpoint.
    const json patched = api_json(d, "PATCH", "/kapacitor/v1/tasks/t",
                                  {{"vars", {{"m", {{"type", "string"}, {"value", "mem"}}}}}});
    CHECK(patched["vars"] ==
          json::parse(R"({"m":{"type":"string","value":"mem","description":""}})"));
    CHECK(patched["executing"] == true);
    CHECK(http_out(d, "t") == json::parse(R"({"series":null})"));
    CHECK(std::filesystem::exists(checkpoints / "t.ckpt"));
    api_write(d, "telegraf", "cpu value=2 2\nmem value=3 3\n");
    REQUIRE(eventually([&] { return last_value(d, "t") == json(3); }));
    CHECK(http_out(d, "t")["series"][0]["name"] == "mem");

    CHECK(api_call(d, "PATCH", "/kapacitor/v1/tasks/t",
                   {{"vars", {{"m", {{"type", "int"}, {"value", 1}}}}}})
              .status == 400);
    CHECK(api_call(d, "PATCH", "/kapacitor/v1/tasks/nope", {{"status", "enabled"}}).status == 404);
    CHECK(api_call(d, "GET", "/kapacitor/v1/tasks/t/nope").status == 404);

    // Status and script together: stopped, checkpoint gone, the new script stored.
    const char* other = "var m = 'cpu'\nstream|from().measurement(m)|httpOut('other')\n";
    shown =
        api_json(d, "PATCH", "/kapacitor/v1/tasks/t", {{"status", "disabled"}, {"script", other}});
    CHECK(shown["executing"] == false);
    CHECK(shown["status"] == "disabled");
    CHECK_FALSE(std::filesystem::exists(checkpoints / "t.ckpt"));
    CHECK(api_json(d, "GET", "/kapacitor/v1/tasks/t?script-format=raw")["script"] == other);
    CHECK(api_call(d, "GET", "/kapacitor/v1/tasks/t/other").status == 404);  // not executing

    // Back to the first script, enabled under a new id with other dbrps.
    shown = api_json(d, "PATCH", "/kapacitor/v1/tasks/t",
                     {{"id", "t2"},
                      {"status", "enabled"},
                      {"script", kScript},
                      {"dbrps", {{{"db", "other"}, {"rp", "autogen"}}}}});
    CHECK(shown["id"] == "t2");
    CHECK(shown["dbrps"] == json::parse(R"([{"db":"other","rp":"autogen"}])"));
    CHECK(api_call(d, "GET", "/kapacitor/v1/tasks/t").status == 404);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "tasks" / "t.json"));
    CHECK(std::filesystem::exists(checkpoints / "t2.ckpt"));
    api_write(d, "other", "mem value=4 4\n");
    REQUIRE(eventually([&] { return last_value(d, "t2") == json(4); }));

    // A script with its own dbrp replaces the explicit ones.
    shown = api_json(d, "PATCH", "/kapacitor/v1/tasks/t2",
                     {{"script", std::string("dbrp \"db3\".\"autogen\"\n") + kScript}});
    CHECK(shown["dbrps"] == json::parse(R"([{"db":"db3","rp":"autogen"}])"));
  }
  // The patched definition survives a restart.
  farad::daemon::Daemon d(farad::test::api_config(dir));
  const json shown = api_json(d, "GET", "/kapacitor/v1/tasks/t2");
  CHECK(shown["executing"] == true);
  CHECK(shown["vars"]["m"]["value"] == "mem");
  CHECK(shown["dbrps"] == json::parse(R"([{"db":"db3","rp":"autogen"}])"));
  api_write(d, "db3", "mem value=5 5\n");
  REQUIRE(eventually([&] { return last_value(d, "t2") == json(5); }));
}

TEST_CASE("task API: the shown script is formatted unless raw is asked for") {
  TempDir dir("format");
  farad::daemon::Daemon d(farad::test::api_config(dir));
  api_json(
      d, "POST", "/kapacitor/v1/tasks",
      {{"id", "f"}, {"dbrps", {{{"db", "telegraf"}, {"rp", "autogen"}}}}, {"script", kScript}});
  const json formatted = api_json(d, "GET", "/kapacitor/v1/tasks/f");
  CHECK(formatted["script"] != kScript);
  CHECK(formatted["script"].get<std::string>().find("    |from()\n") != std::string::npos);
  CHECK(api_call(d, "GET", "/kapacitor/v1/tasks/f?script-format=x").status == 400);
  const json listed = api_json(d, "GET", "/kapacitor/v1/tasks?pattern=g*");
  CHECK(listed["tasks"].empty());
  const json fields = api_json(d, "GET", "/kapacitor/v1/tasks?pattern=f*&fields=status");
  CHECK(fields["tasks"] == json::parse(
                               R"([{"id":"f","link":{"rel":"self","href":"/kapacitor/v1/tasks/f"},
                                    "status":"disabled"}])"));
}

TEST_CASE("task API: a reloaded task that takes compact points gets its series afresh") {
  // A rollup reads only `v`: the worker feeds the task compact points through a feed holding
  // the task's series ids. A reload builds a new task with an empty series table, so the feed
  // must start over, or later lines would name series the new task does not have.
  TempDir dir("compact-reload");
  farad::daemon::Daemon d(farad::test::api_config(dir));
  const std::string script =
      "var period = 10s\n"
      "stream|from().measurement('if').groupBy('host')"
      "|window().period(period).every(period)|rollup('v')|httpOut('last')\n";
  api_json(d, "POST", "/kapacitor/v1/tasks",
           {{"id", "r"},
            {"dbrps", {{{"db", "telegraf"}, {"rp", "autogen"}}}},
            {"script", script},
            {"status", "enabled"}});
  api_write(d, "telegraf", "if,host=a v=1 1\nif,host=b v=2 2\nif,host=a v=3 11\n");
  REQUIRE(eventually([&] { return last_value(d, "r") == json(1.0); }));
  const json patched = api_json(d, "PATCH", "/kapacitor/v1/tasks/r",
                                {{"vars", {{"period", {{"type", "duration"}, {"value", "20s"}}}}}});
  REQUIRE(patched["executing"] == true);
  // Series b first now: with a stale feed it would carry the id a had in the old task.
  api_write(d, "telegraf", "if,host=b v=5 21\nif,host=a v=7 22\nif,host=b v=9 41\n");
  REQUIRE(eventually([&] { return !http_out(d, "r")["series"].is_null(); }));
  const json series = http_out(d, "r")["series"];
  REQUIRE(series.size() == 1);
  CHECK(series[0]["tags"] == json::parse(R"({"host":"b"})"));
  CHECK(series[0]["values"][0][1] == json(5.0));
}
