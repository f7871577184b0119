#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "nodes/http_out.hpp"
#include "nodes/http_out_json.hpp"
#include "run_script.hpp"

using farad::nodes::render_http_out;

namespace {

constexpr int64_t kSecond = 1'000'000'000;
// 1971-01-01T00:00:00Z, the clock zero of Kapacitor's integration tests.
constexpr int64_t kZero = 31'536'000 * kSecond;

// Runs a stream script over line protocol (second timestamps counted from kZero) and returns
// what GET on `endpoint` would answer after each point.
struct HttpOutRun {
  explicit HttpOutRun(const std::string& script)
      : spec(farad::test::compile_script(script)),
        task(std::make_unique<farad::runtime::Task>(spec, farad::nodes::node_factory())) {}

  void push(const std::string& lines) {
    farad::io::parse_lines(lines, farad::io::Precision::Second, 0,
                           [&](const farad::io::LineView& view) {
                             auto point = farad::io::to_point(view, "db", "rp");
                             point.time += kZero;
                             task->push_point(std::move(point));
                           });
  }
  void restart() {
    const std::string state = task->save_state();
    task = std::make_unique<farad::runtime::Task>(spec, farad::nodes::node_factory());
    task->restore_state(state);
  }
  std::string get(const std::string& endpoint) {
    return render_http_out(task->context().http_out, endpoint);
  }

  std::shared_ptr<const farad::compile::TaskSpec> spec;
  std::unique_ptr<farad::runtime::Task> task;
};

const char* const kBatchScript =
    "batch|query('SELECT v FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s).groupBy('host')"
    "|httpOut('out')";

}  // namespace

TEST_CASE("httpOut serves the last point of each group", "[nodes]") {
  HttpOutRun run("stream|from().groupBy('host')|httpOut('out')");
  // Before any data Kapacitor's series is a nil slice.
  CHECK(run.get("out") == R"({"series":null})");
  run.push(
      "cpu,host=b,dc=x value=1,s=\"a<b\" 0\n"
      "cpu,host=a value=2i,ok=true 1\n"
      "cpu,host=b,dc=y value=0.5 2\n");
  // Groups in order of arrival; the point's full tags; columns time + sorted field names.
  const std::string expected =
      R"({"series":[)"
      R"({"name":"cpu","tags":{"dc":"y","host":"b"},"columns":["time","value"],)"
      R"("values":[["1971-01-01T00:00:02Z",0.5]]},)"
      R"({"name":"cpu","tags":{"host":"a"},"columns":["time","ok","value"],)"
      R"("values":[["1971-01-01T00:00:01Z",true,2]]}]})";
  CHECK(run.get("out") == expected);
  run.restart();
  CHECK(run.get("out") == expected);
  run.push("cpu,host=a value=3 3\n");
  CHECK(run.get("out") ==
        R"({"series":[)"
        R"({"name":"cpu","tags":{"dc":"y","host":"b"},"columns":["time","value"],)"
        R"("values":[["1971-01-01T00:00:02Z",0.5]]},)"
        R"({"name":"cpu","tags":{"host":"a"},"columns":["time","value"],)"
        R"("values":[["1971-01-01T00:00:03Z",3]]}]})");
  CHECK_THROWS_AS(run.get("other"), std::out_of_range);
}

TEST_CASE("httpOut passes data on to its children", "[nodes]") {
  HttpOutRun run("stream|from()|httpOut('first')|httpOut('second')");
  run.push("cpu value=1 0\n");
  CHECK(run.get("first") == run.get("second"));
  CHECK(run.get("second") == R"({"series":[{"name":"cpu","columns":["time","value"],)"
                             R"("values":[["1971-01-01T00:00:00Z",1]]}]})");
}

TEST_CASE("httpOut shows a batch with the first point's columns", "[nodes]") {
  const auto spec = farad::test::compile_script(kBatchScript);
  farad::runtime::Task task(spec, farad::nodes::node_factory());
  farad::model::Batch batch;
  batch.name = "cpu";
  batch.tags = {{"host", "a"}};
  batch.time = kZero + 10 * kSecond;
  // Columns: the first point's fields and its tags that are not batch tags, sorted. Later
  // points show null for a column they lack; their other fields are not shown.
  batch.points.push_back({{{"v", 1.0}, {"w", int64_t{2}}}, {{"cpu", "0"}, {"host", "a"}}, kZero});
  batch.points.push_back({{{"v", 1.5e21}, {"x", 9.0}}, {{"host", "a"}}, kZero + 5});
  task.push_batch(0, batch);
  const std::string expected =
      R"({"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","cpu","v","w"],)"
      R"("values":[["1971-01-01T00:00:00Z","0",1,2],)"
      R"(["1971-01-01T00:00:00.000000005Z",null,1.5e+21,null]]}]})";
  CHECK(render_http_out(task.context().http_out, "out") == expected);
  // An empty batch has neither columns nor values.
  batch.points.clear();
  task.push_batch(0, batch);
  CHECK(render_http_out(task.context().http_out, "out") ==
        R"({"series":[{"name":"cpu","tags":{"host":"a"}}]})");
}

TEST_CASE("httpOut series rows match Kapacitor's ToRow", "[nodes]") {
  using farad::nodes::batch_series;
  using farad::nodes::point_series;
  farad::model::Point point{"m", "db", "rp", {{"t", "1"}}, {{"a", 1.0}, {"b", std::string("x")}},
                            7};
  const auto series = point_series(point);
  CHECK(series.columns == std::vector<std::string>{"time", "a", "b"});
  REQUIRE(series.rows.size() == 1);
  CHECK(series.rows[0].time == 7);
  // A name both a field and a tag of the first batch point gives two columns reading the field.
  farad::model::Batch batch;
  batch.name = "m";
  batch.points.push_back({{{"x", 1.0}}, {{"x", "tag"}}, 3});
  const auto duplicated = batch_series(batch);
  CHECK(duplicated.columns == std::vector<std::string>{"time", "x", "x"});
  CHECK(duplicated.rows[0].values ==
        std::vector<std::optional<farad::model::FieldValue>>{1.0, 1.0});
}

TEST_CASE("httpOut answers 500 for a value Go's encoding/json cannot encode", "[nodes]") {
  // NaN cannot be encoded: Kapacitor answers 500 with its error body.
  farad::runtime::HttpOutEndpoint endpoint;
  endpoint.allocated = true;
  farad::runtime::HttpOutSeries series;
  series.columns = {"time", "v"};
  series.rows.push_back({0, {std::numeric_limits<double>::quiet_NaN()}});
  endpoint.series.emplace_back(series);
  endpoint.series.emplace_back(std::nullopt);
  const auto response = farad::nodes::render_http_out_response(endpoint);
  CHECK(response.status == 500);
  CHECK(response.body ==
        "{\n    \"error\": \"json: unsupported value: NaN\",\n"
        "    \"message\": \"json: unsupported value: NaN\"\n}");
  endpoint.series.front()->rows.front().values.front() = int64_t{-3};
  CHECK(farad::nodes::render_http_out_response(endpoint).body ==
        R"({"series":[{"columns":["time","v"],"values":[["1970-01-01T00:00:00Z",-3]]},null]})");
}
