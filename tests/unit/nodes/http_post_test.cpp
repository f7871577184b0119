#include <catch2/catch.hpp>

#include "message_recorder.hpp"
#include "run_script.hpp"

TEST_CASE("httpPost captures what it would post and passes it on", "[nodes]") {
  const std::string input = "cpu,host=a value=1 1\ncpu,host=b value=2 2\n";
  CHECK(farad::test::run_script("stream|from()|httpPost('http://example.com')", input).output ==
        input);
  // codeField records the status of a successful post on the data passed on.
  CHECK(farad::test::record("stream|from()|httpPost('http://example.com').codeField('code')"
                            "|influxDBOut()",
                            input)
            .output ==
        "cpu,host=a code=200i,value=1 1\n"
        "cpu,host=b code=200i,value=2 2\n");
}

TEST_CASE("httpPost captures a batch as its points", "[nodes]") {
  const auto spec = farad::test::compile_script(
      "batch|query('SELECT v FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|httpPost('http://example.com')");
  farad::test::CapturingSink sink;
  farad::runtime::Task task(spec, farad::nodes::node_factory(), &sink);
  farad::model::Batch batch;
  batch.name = "cpu";
  batch.tags = {{"host", "a"}};
  batch.time = 10'000'000'000;
  batch.points.push_back({{{"v", 1.0}}, {{"cpu", "0"}, {"host", "a"}}, 5'000'000'000});
  task.push_batch(0, batch);
  CHECK(sink.lines == "cpu,cpu=0,host=a v=1 5\n");
}
