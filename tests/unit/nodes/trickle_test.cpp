#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

TEST_CASE("trickle turns each batch point into a stream point of the batch's group", "[nodes]") {
  const auto run = record(
      "batch|query('SELECT mean(\"v\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      ".groupBy('host')|trickle()|influxDBOut()",
      "batch cpu,host=a 10\n"
      "cpu,cpu=0,host=a mean=1 2\n"
      "cpu,cpu=1,host=a mean=2 4\n"
      "batch cpu 20\n"
      "cpu,host=b mean=3 12\n");
  CHECK(run.output ==
        "cpu,cpu=0,host=a mean=1 2 [host=a]\n"
        "cpu,cpu=1,host=a mean=2 4 [host=a]\n"
        "cpu,host=b mean=3 12\n");
}
