#include <catch2/catch.hpp>

#include "run_script.hpp"

TEST_CASE("kapacitorLoopback writes points back renamed and tagged", "[nodes]") {
  const std::string script =
      "stream|from().measurement('cpu')|kapacitorLoopback().database('db2')"
      ".retentionPolicy('rp2').measurement('cpu2').tag('k', 'v')";
  CHECK(farad::test::run_script(script, "cpu,host=a value=1 1\n").output ==
        "cpu2,host=a,k=v value=1 1\n");
}

TEST_CASE("kapacitorLoopback keeps the batch name for batch points", "[nodes]") {
  const auto spec = farad::test::compile_script(
      "batch|query('SELECT v FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|kapacitorLoopback().database('db2').retentionPolicy('rp2').measurement('other')"
      ".tag('k', 'v')");
  farad::test::CapturingSink sink;
  farad::runtime::Task task(spec, farad::nodes::node_factory(), &sink);
  farad::model::Batch batch;
  batch.name = "cpu";
  batch.time = 10'000'000'000;
  batch.points.push_back({{{"v", 1.0}}, {{"host", "a"}}, 5'000'000'000});
  task.push_batch(0, batch);
  CHECK(sink.lines == "cpu,host=a,k=v v=1 5\n");
}
