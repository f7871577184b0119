#include <catch2/catch.hpp>

#include <algorithm>

#include "message_recorder.hpp"

using farad::test::record;

namespace {

std::string stream_join(const std::string& properties) {
  return "var errors = stream|from().measurement('errors').groupBy('service')\n"
         "var views = stream|from().measurement('views').groupBy('service')\n"
         "errors|join(views).as('errors', 'views')" +
         properties + "|influxDBOut()\n";
}

// Every restore point gives the same output as an uninterrupted run.
void check_restores(const std::string& script, const std::string& input,
                    const std::string& expected) {
  const size_t lines = static_cast<size_t>(std::count(input.begin(), input.end(), '\n'));
  for (size_t n = 1; n <= lines; ++n) {
    CAPTURE(n);
    CHECK(record(script, input, false, n).output == expected);
  }
}

// A batch task with two queries, fed batches by query index.
struct BatchJoin {
  std::string output;
  explicit BatchJoin(const std::string& properties)
      : spec_(farad::test::compile_script(
            "var a = batch|query('SELECT v FROM \"db\".\"rp\".\"a\"').period(10s).every(10s)"
            ".groupBy('host')\n"
            "var b = batch|query('SELECT v FROM \"db\".\"rp\".\"b\"').period(10s).every(10s)"
            ".groupBy('host')\n"
            "a|join(b).as('a', 'b')" +
            properties + "|influxDBOut()\n")) {
    task_ = make_task();
  }
  // Points are `value@seconds` of field v. Query 0 is a's query, 1 is b's (script order).
  void push(size_t query, const std::string& name, int64_t seconds,
            std::vector<std::pair<double, int64_t>> points) {
    farad::model::Batch batch;
    batch.name = name;
    batch.tags = {{"host", "x"}};
    batch.time = seconds * 1'000'000'000;
    for (const auto& [value, at] : points) {
      batch.points.push_back({{{"v", value}}, {{"host", "x"}}, at * 1'000'000'000});
    }
    queries_.at(query)->receive(farad::runtime::Message(std::move(batch)), 0);
  }
  void finish() { task_->finish(false); }
  // Saves the task and goes on in a new one restored from the state.
  void restart() {
    const std::string state = task_->save_state();
    task_ = make_task();
    task_->restore_state(state);
  }

 private:
  std::unique_ptr<farad::runtime::Task> make_task() {
    queries_.clear();
    farad::runtime::NodeFactory factory =
        [this](const farad::compile::NodeSpec& node,
               farad::runtime::TaskContext& context) -> std::unique_ptr<farad::runtime::Node> {
      if (node.type == "influxDBOut") {
        return std::make_unique<farad::test::RecordingNode>(node, context, output);
      }
      auto created = farad::nodes::node_factory()(node, context);
      if (node.type == "query") queries_.push_back(created.get());
      return created;
    };
    return std::make_unique<farad::runtime::Task>(spec_, factory);
  }

  std::shared_ptr<const farad::compile::TaskSpec> spec_;
  std::vector<farad::runtime::Node*> queries_;  // in node id order
  std::unique_ptr<farad::runtime::Task> task_;
};

}  // namespace

TEST_CASE("join pairs the points of each group by time", "[nodes]") {
  const std::string script = stream_join(".streamName('error_view')");
  const std::string input =
      "errors,service=a,dc=x value=1 1\n"
      "views,service=a,dc=x value=10 1\n"
      "errors,service=b value=2 1\n"
      "views,service=b value=20 1\n"
      "views,service=a value=30 2\n"
      "errors,service=a value=3 2\n";
  // Output tags are the group tags only; the name is streamName.
  const std::string expected =
      "error_view,service=a errors.value=1,views.value=10 1 [service=a]\n"
      "error_view,service=b errors.value=2,views.value=20 1 [service=b]\n"
      "error_view,service=a errors.value=3,views.value=30 2 [service=a]\n";
  const auto run = record(script, input);
  CHECK(run.output == expected);
  CHECK(run.node("join").working_cardinality == 2);
  check_restores(script, input, expected);
}

TEST_CASE("join names its output after the first present parent", "[nodes]") {
  const std::string input =
      "views,service=a value=10 1\n"
      "errors,service=a value=1 1\n"
      "views,service=a value=20 2\n"  // errors missing at 2: filled
      "errors,service=a value=3 3\n"
      "views,service=a value=30 3\n";
  CHECK(record(stream_join(".fill(0.0)"), input).output ==
        "errors,service=a errors.value=1,views.value=10 1 [service=a]\n"
        "views,service=a errors.value=0,views.value=20 2 [service=a]\n"
        "errors,service=a errors.value=3,views.value=30 3 [service=a]\n");
}

TEST_CASE("join fills or drops incomplete sets once every parent has passed them", "[nodes]") {
  const std::string input =
      "errors,service=a value=1 1\n"
      "views,service=a value=10 1\n"
      "errors,service=a value=2 2\n"  // views never sends time 2
      "errors,service=a value=3 3\n"
      "views,service=a value=30 3\n";
  struct Case {
    const char* properties;
    const char* expected;
  };
  const Case cases[] = {
      // none (the default) is an inner join
      {"",
       "errors,service=a errors.value=1,views.value=10 1 [service=a]\n"
       "errors,service=a errors.value=3,views.value=30 3 [service=a]\n"},
      // null: the missing parent's fields are left out (farad has no null field value)
      {".fill('null')",
       "errors,service=a errors.value=1,views.value=10 1 [service=a]\n"
       "errors,service=a errors.value=2 2 [service=a]\n"
       "errors,service=a errors.value=3,views.value=30 3 [service=a]\n"},
      // a number fills the first present parent's field names, with the number's type
      {".fill(0)",
       "errors,service=a errors.value=1,views.value=10 1 [service=a]\n"
       "errors,service=a errors.value=2,views.value=0i 2 [service=a]\n"
       "errors,service=a errors.value=3,views.value=30 3 [service=a]\n"},
      {".fill(-1.5)",
       "errors,service=a errors.value=1,views.value=10 1 [service=a]\n"
       "errors,service=a errors.value=2,views.value=-1.5 2 [service=a]\n"
       "errors,service=a errors.value=3,views.value=30 3 [service=a]\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.properties);
    CHECK(record(stream_join(c.properties), input).output == c.expected);
    check_restores(stream_join(c.properties), input, c.expected);
  }
}

TEST_CASE("join rounds times to the tolerance", "[nodes]") {
  const std::string script = stream_join(".tolerance(2s).delimiter('_')");
  const std::string input =
      "errors,service=a value=1 1\n"  // rounds up to 2 (Go rounds halves up)
      "views,service=a value=10 2\n"
      "errors,service=a value=2 4\n"
      "views,service=a value=20 5\n"  // 6
      "errors,service=a value=3 6\n"
      "errors,service=a value=4 7\n"  // 8; the set at 4 was dropped when both passed it
      "views,service=a value=40 8\n";
  const std::string expected =
      "errors,service=a errors_value=1,views_value=10 2 [service=a]\n"
      "errors,service=a errors_value=3,views_value=20 6 [service=a]\n"
      "errors,service=a errors_value=4,views_value=40 8 [service=a]\n";
  CHECK(record(script, input).output == expected);
  check_restores(script, input, expected);
}

TEST_CASE("join holds a second message of one parent for the same time in a new set", "[nodes]") {
  const std::string input =
      "errors,service=a value=1 1\n"
      "errors,service=a value=2 1\n"
      "views,service=a value=10 1\n"
      "views,service=a value=20 1\n";
  CHECK(record(stream_join(""), input).output ==
        "errors,service=a errors.value=1,views.value=10 1 [service=a]\n"
        "errors,service=a errors.value=2,views.value=20 1 [service=a]\n");
}

TEST_CASE("join emits its open sets when the task stops", "[nodes]") {
  const std::string input =
      "errors,service=a value=1 1\n"
      "errors,service=a value=2 2\n"
      "errors,service=b value=3 1\n";
  CHECK(record(stream_join(".fill('null')"), input).output ==
        "errors,service=a errors.value=1 1 [service=a]\n"
        "errors,service=a errors.value=2 2 [service=a]\n"
        "errors,service=b errors.value=3 1 [service=b]\n");
  CHECK(record(stream_join(""), input).output.empty());
}

TEST_CASE("join on a subset of the group tags pairs one message with many groups", "[nodes]") {
  const std::string script =
      "var cpu = stream|from().measurement('cpu').groupBy('host', 'dc')\n"
      "var total = stream|from().measurement('total').groupBy('dc')\n"
      "cpu|join(total).as('cpu', 'total').on('dc')|influxDBOut()\n";
  const std::string input =
      "cpu,host=a,dc=x value=1 1\n"
      "cpu,host=b,dc=x value=2 1\n"
      "total,dc=x value=10 1\n"
      "cpu,host=a,dc=x value=3 2\n"
      "total,dc=x value=20 2\n"
      "cpu,host=b,dc=x value=4 2\n"
      "cpu,host=a,dc=y value=5 2\n"
      "total,dc=x value=30 3\n";
  // Each cpu host joins the total of its dc at the same time; host=a in dc=y never gets a
  // total and waits.
  const std::string expected =
      "cpu,dc=x,host=a cpu.value=1,total.value=10 1 [dc=x,host=a]\n"
      "cpu,dc=x,host=b cpu.value=2,total.value=10 1 [dc=x,host=b]\n"
      "cpu,dc=x,host=a cpu.value=3,total.value=20 2 [dc=x,host=a]\n"
      "cpu,dc=x,host=b cpu.value=4,total.value=20 2 [dc=x,host=b]\n";
  CHECK(record(script, input).output == expected);
  check_restores(script, input, expected);
}

TEST_CASE("join sends a specific message alone once it can no longer be matched", "[nodes]") {
  const std::string script =
      "var cpu = stream|from().measurement('cpu').groupBy('host', 'dc')\n"
      "var total = stream|from().measurement('total').groupBy('dc')\n"
      "cpu|join(total).as('cpu', 'total').on('dc').fill(0.0)|influxDBOut()\n";
  const std::string input =
      "total,dc=x value=10 1\n"
      "cpu,host=a,dc=x value=1 1\n"
      "cpu,host=a,dc=x value=2 2\n"  // no total at 2
      "total,dc=x value=30 3\n"
      "cpu,host=a,dc=x value=3 3\n";
  const std::string expected =
      "cpu,dc=x,host=a cpu.value=1,total.value=10 1 [dc=x,host=a]\n"
      "cpu,dc=x,host=a cpu.value=2,total.value=0 2 [dc=x,host=a]\n"
      "cpu,dc=x,host=a cpu.value=3,total.value=30 3 [dc=x,host=a]\n";
  CHECK(record(script, input).output == expected);
  check_restores(script, input, expected);
}

TEST_CASE("join pairs the points of batches of the same time", "[nodes]") {
  auto feed = [](BatchJoin& join) {
    join.push(0, "a", 10, {{1, 2}, {2, 4}, {3, 6}});
    join.push(1, "b", 10, {{10, 2}, {30, 6}, {40, 8}});
    join.finish();
  };
  BatchJoin inner("");
  feed(inner);
  CHECK(inner.output ==
        "batch a,host=x 10 [host=x]\n"
        "  a,host=x a.v=1,b.v=10 2\n"
        "  a,host=x a.v=3,b.v=30 6\n");
  BatchJoin restarted("");
  restarted.push(0, "a", 10, {{1, 2}, {2, 4}, {3, 6}});
  restarted.restart();
  restarted.push(1, "b", 10, {{10, 2}, {30, 6}, {40, 8}});
  restarted.finish();
  CHECK(restarted.output == inner.output);
  BatchJoin outer(".fill(0)");
  feed(outer);
  CHECK(outer.output ==
        "batch a,host=x 10 [host=x]\n"
        "  a,host=x a.v=1,b.v=10 2\n"
        "  a,host=x a.v=2,b.v=0i 4\n"
        "  a,host=x a.v=3,b.v=30 6\n"
        "  a,host=x a.v=0i,b.v=40 8\n");
  // Batch times and point times are rounded; a set with one batch only gives an empty batch.
  BatchJoin tolerant(".tolerance(2s).streamName('ab')");
  tolerant.push(0, "a", 10, {{1, 1}, {2, 5}});
  tolerant.push(1, "b", 9, {{10, 2}, {20, 6}});
  tolerant.push(0, "a", 20, {{3, 20}});
  tolerant.finish();
  CHECK(tolerant.output ==
        "batch ab,host=x 10 [host=x]\n"
        "  ab,host=x a.v=1,b.v=10 2\n"
        "  ab,host=x a.v=2,b.v=20 6\n"
        "batch ab,host=x 20 [host=x]\n");
}
