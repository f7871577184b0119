#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

TEST_CASE("sample keeps every n-th point of each group", "[nodes]") {
  const std::string script = "stream|from().groupBy('host')|sample(2)|influxDBOut()";
  const std::string input =
      "cpu,host=a v=1 1\n"
      "cpu,host=b v=2 2\n"  // a group appearing late counts from its own first point
      "cpu,host=a v=3 3\n"
      "cpu,host=a v=4 4\n"
      "cpu,host=b v=5 5\n"
      "cpu,host=b v=6 6\n";
  const std::string expected =
      "cpu,host=a v=1 1 [host=a]\n"
      "cpu,host=b v=2 2 [host=b]\n"
      "cpu,host=a v=4 4 [host=a]\n"
      "cpu,host=b v=6 6 [host=b]\n";
  CHECK(record(script, input).output == expected);
  for (size_t n = 1; n <= 5; ++n) {
    CAPTURE(n);
    CHECK(record(script, input, false, n).output == expected);
  }
  CHECK(record(script, input).node("sample").working_cardinality == 2);
}

TEST_CASE("sample by duration keeps points on multiples of it", "[nodes]") {
  CHECK(record("stream|from()|sample(3s)|influxDBOut()",
               "cpu v=1 1\ncpu v=2 2\ncpu v=3 3\ncpu v=4 4\ncpu v=5 5\ncpu v=6 6\ncpu v=7 7\n")
            .output == "cpu v=3 3\ncpu v=6 6\n");
}

TEST_CASE("sample counts batch points from each batch's start", "[nodes]") {
  CHECK(record("batch|query('SELECT mean(\"v\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
               "|sample(2)|influxDBOut()",
               "batch cpu 10\ncpu mean=1 1\ncpu mean=2 2\ncpu mean=3 3\n"
               "batch cpu 20\ncpu mean=4 11\ncpu mean=5 12\n")
            .output ==
        "batch cpu 10\n"
        "  cpu mean=1 1\n"
        "  cpu mean=3 3\n"
        "batch cpu 20\n"
        "  cpu mean=4 11\n");
}
