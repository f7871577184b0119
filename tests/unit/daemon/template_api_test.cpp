// /kapacitor/v1/templates and tasks made from templates, through the routes without sockets.
#include <catch2/catch.hpp>

#include "api_fixtures.hpp"

namespace {

using farad::test::api_call;
using farad::test::api_json;
using farad::test::api_write;
using farad::test::eventually;
using farad::test::TempDir;
using nlohmann::json;

const char* kTemplate =
    "dbrp \"telegraf\".\"autogen\"\n"
    "// which measurement\n"
    "var measurement string\n"
    "var limit = 10s\n"
    "stream|from().measurement(measurement)|httpOut('last')\n";

json last_series(farad::daemon::Daemon& d, const std::string& task) {
  return api_json(d, "GET", "/kapacitor/v1/tasks/" + task + "/last")["series"];
}

}  // namespace

TEST_CASE("template API: define, show declared vars, tasks from it, update reloads them") {
  TempDir dir("templates");
  {
    farad::daemon::Daemon d(farad::test::api_config(dir));
    const json defined = api_json(d, "POST", "/kapacitor/v1/templates",
                                  {{"id", "by_measurement"}, {"script", kTemplate}});
    CHECK(defined["link"]["href"] == "/kapacitor/v1/templates/by_measurement");
    CHECK(defined["type"] == "stream");
    CHECK(defined["error"] == "");
    CHECK(defined["vars"] == json::parse(R"({
        "measurement": {"type": "string", "value": null, "description": "which measurement"},
        "limit": {"type": "duration", "value": 10000000000, "description": ""}})"));
    CHECK(defined["dot"].get<std::string>().find("digraph by_measurement") != std::string::npos);
    CHECK(api_call(d, "POST", "/kapacitor/v1/templates",
                   {{"id", "by_measurement"}, {"script", kTemplate}})
              .status == 400);
    CHECK(
        api_call(d, "POST", "/kapacitor/v1/templates", {{"id", "bad"}, {"script", "stream|frm()"}})
            .status == 400);
    CHECK(api_call(d, "POST", "/kapacitor/v1/templates", {{"id", "empty"}}).status == 400);

    // A task from the template: its script and type are the template's, compiled with its vars.
    const json vars = {{"measurement", {{"type", "string"}, {"value", "cpu"}}}};
    const json task = api_json(
        d, "POST", "/kapacitor/v1/tasks",
        {{"id", "cpu"}, {"template-id", "by_measurement"}, {"vars", vars}, {"status", "enabled"}});
    CHECK(task["template-id"] == "by_measurement");
    CHECK(task["executing"] == true);
    CHECK(task["dbrps"] == json::parse(R"([{"db":"telegraf","rp":"autogen"}])"));
    CHECK(api_call(d, "POST", "/kapacitor/v1/tasks",
                   {{"id", "novars"}, {"template-id", "by_measurement"}})
              .status == 400);  // missing value for var "measurement"
    CHECK(api_call(d, "POST", "/kapacitor/v1/tasks",
                   {{"id", "x"}, {"template-id", "nope"}, {"vars", vars}})
              .status == 400);
    api_write(d, "telegraf", "cpu value=1 1\nmem value=2 2\n");
    REQUIRE(eventually([&] { return !last_series(d, "cpu").is_null(); }));
    CHECK(last_series(d, "cpu")[0]["values"][0][1] == 1);

    // A script that breaks its task is refused and changes nothing.
    std::string breaking = kTemplate;
    breaking.insert(breaking.find("stream|"), "var extra string\n");  // the task has no value
    const auto refused =
        api_call(d, "PATCH", "/kapacitor/v1/templates/by_measurement", {{"script", breaking}});
    CHECK(refused.status == 400);
    CHECK(json::parse(refused.body)["error"].get<std::string>().starts_with("task cpu: "));

    // An update reloads the task with the new script: fresh state, the new endpoint.
    std::string updated = kTemplate;
    updated.replace(updated.find("'last'"), 6, "'latest'");
    const json patched =
        api_json(d, "PATCH", "/kapacitor/v1/templates/by_measurement", {{"script", updated}});
    CHECK(patched["modified"] != defined["modified"]);
    const json reloaded = api_json(d, "GET", "/kapacitor/v1/tasks/cpu?script-format=raw");
    CHECK(reloaded["script"] == updated);
    CHECK(reloaded["executing"] == true);
    CHECK(api_call(d, "GET", "/kapacitor/v1/tasks/cpu/last").status == 404);
    CHECK(api_json(d, "GET", "/kapacitor/v1/tasks/cpu/latest")["series"].is_null());

    const json listed = api_json(d, "GET", "/kapacitor/v1/templates");
    REQUIRE(listed["templates"].size() == 1);
    CHECK(listed["templates"][0]["id"] == "by_measurement");
  }
  // Templates survive a restart, and so does the link of their tasks.
  farad::daemon::Daemon d(farad::test::api_config(dir));
  const json shown = api_json(d, "GET", "/kapacitor/v1/templates/by_measurement?script-format=raw");
  CHECK(shown["script"].get<std::string>().find("'latest'") != std::string::npos);
  CHECK(api_json(d, "GET", "/kapacitor/v1/tasks/cpu")["template-id"] == "by_measurement");
  // A task's PATCH of vars keeps the template's script.
  const json patched =
      api_json(d, "PATCH", "/kapacitor/v1/tasks/cpu",
               {{"vars", {{"measurement", {{"type", "string"}, {"value", "mem"}}}}}});
  CHECK(patched["template-id"] == "by_measurement");
  api_write(d, "telegraf", "cpu value=3 3\nmem value=4 4\n");
  REQUIRE(eventually([&] {
    const json series = api_json(d, "GET", "/kapacitor/v1/tasks/cpu/latest")["series"];
    return !series.is_null() && series[0]["name"] == "mem";
  }));
  CHECK(api_call(d, "DELETE", "/kapacitor/v1/templates/by_measurement").status == 204);
  CHECK(api_call(d, "GET", "/kapacitor/v1/templates/by_measurement").status == 404);
  CHECK(api_call(d, "DELETE", "/kapacitor/v1/templates/by_measurement").status == 404);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "templates" / "by_measurement.json"));
  CHECK(api_json(d, "GET", "/kapacitor/v1/tasks/cpu")["executing"] == true);  // left as it was
}
