#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

TEST_CASE("from selects, filters, quantises and groups points", "[nodes]") {
  struct Case {
    const char* from;  // what follows `stream|from()`
    const char* expected;
  };
  const char* const input =
      "cpu,host=a value=1 1\n"
      "mem,host=b value=2 2\n"
      "cpu,host=b value=3 3\n"
      "cpu,host=a other=4 4\n";
  const Case cases[] = {
      {".measurement('cpu')", "cpu,host=a value=1 1\ncpu,host=b value=3 3\ncpu,host=a other=4 4\n"},
      {".database('db').retentionPolicy('rp').measurement('mem')", "mem,host=b value=2 2\n"},
      {".database('other')", ""},
      {".where(lambda: \"host\" == 'b')", "mem,host=b value=2 2\ncpu,host=b value=3 3\n"},
      // several wheres are ANDed
      {".where(lambda: \"host\" == 'b').where(lambda: \"value\" > 2.0)", "cpu,host=b value=3 3\n"},
      // the where sees the original time, before truncate
      {".where(lambda: unixNano(\"time\") % 2000000000 == 1000000000).truncate(2s)",
       "cpu,host=a value=1 0\ncpu,host=b value=3 2\n"},
      {".round(2s).measurement('cpu')",
       "cpu,host=a value=1 2\ncpu,host=b value=3 4\ncpu,host=a other=4 4\n"},
      {".groupBy('host').measurement('mem')", "mem,host=b value=2 2 [host=b]\n"},
      {".groupBy(*).groupByMeasurement().measurement('mem')",
       "mem,host=b value=2 2 [mem|host=b]\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.from);
    CHECK(record(std::string("stream|from()") + c.from + "|influxDBOut()", input).output ==
          c.expected);
  }
}

TEST_CASE("from drops the points its where cannot evaluate", "[nodes]") {
  const auto run = record("stream|from().where(lambda: \"value\" > 1.0)|influxDBOut()",
                          "cpu value=2 1\ncpu other=1 2\n");
  CHECK(run.output == "cpu value=2 1\n");
  CHECK(run.node("from").stats.errors == 1);
  CHECK(run.log.find("E from1: failed to evaluate WHERE expression: ") != std::string::npos);
}

TEST_CASE("from keeps one state for stateful where functions and restores it", "[nodes]") {
  const std::string script = "stream|from().where(lambda: count() % 2 == 0)|influxDBOut()";
  const std::string input = "cpu,host=a v=1 1\ncpu,host=b v=2 2\ncpu,host=a v=3 3\ncpu v=4 4\n";
  const std::string expected = "cpu,host=b v=2 2\ncpu v=4 4\n";
  CHECK(record(script, input).output == expected);
  for (size_t n = 1; n <= 3; ++n) {
    CAPTURE(n);
    CHECK(record(script, input, false, n).output == expected);
  }
}
