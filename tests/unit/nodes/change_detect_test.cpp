#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

TEST_CASE("changeDetect passes a point when a field changes in its group", "[nodes]") {
  const std::string script = "stream|from().groupBy('host')|changeDetect('value')|influxDBOut()";
  const std::string input =
      "cpu,host=a value=1 1\n"
      "cpu,host=a value=1 2\n"
      "cpu,host=b value=1 3\n"  // a group appearing late: its first point passes
      "cpu,host=a value=2 4\n"
      "cpu,host=a other=7 5\n"   // missing field: logged, no change
      "cpu,host=a value=2i 6\n"  // another type is a change
      "cpu,host=b value=1 7\n"
      "cpu,host=a value=1 8\n";
  const std::string expected =
      "cpu,host=a value=1 1 [host=a]\n"
      "cpu,host=b value=1 3 [host=b]\n"
      "cpu,host=a value=2 4 [host=a]\n"
      "cpu,host=a value=2i 6 [host=a]\n"
      "cpu,host=a value=1 8 [host=a]\n";
  const auto run = record(script, input);
  CHECK(run.output == expected);
  CHECK(run.node("changeDetect").stats.errors == 1);
  CHECK(run.log.find("expected field value not found") != std::string::npos);
  for (size_t n = 1; n <= 7; ++n) {
    CAPTURE(n);
    CHECK(record(script, input, false, n).output == expected);
  }
}

TEST_CASE("changeDetect watches several fields", "[nodes]") {
  CHECK(record("stream|from()|changeDetect('a', 'b')|influxDBOut()",
               "m a=1,b=\"x\",c=1 1\nm a=1,b=\"x\",c=2 2\nm a=1,b=\"y\" 3\nm a=2,b=\"y\" 4\n"
               "m b=\"y\" 5\n")
            .output == "m a=1,b=\"x\",c=1 1\nm a=1,b=\"y\" 3\nm a=2,b=\"y\" 4\n");
}

TEST_CASE("changeDetect starts afresh with every batch", "[nodes]") {
  CHECK(record("batch|query('SELECT mean(\"v\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
               "|changeDetect('mean')|influxDBOut()",
               "batch cpu 10\ncpu mean=1 1\ncpu mean=1 2\ncpu mean=2 3\n"
               "batch cpu 20\ncpu mean=2 11\ncpu mean=2 12\n")
            .output ==
        "batch cpu 10\n"
        "  cpu mean=1 1\n"
        "  cpu mean=2 3\n"
        "batch cpu 20\n"
        "  cpu mean=2 11\n");
}
