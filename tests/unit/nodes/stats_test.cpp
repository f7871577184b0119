#include <catch2/catch.hpp>

#include "run_script.hpp"

using farad::test::run_script;

TEST_CASE("stats reports emitted counts per group at interval boundaries of data time", "[nodes]") {
  const char* script =
      "var data = stream|from().groupBy('host')\n"
      "data|stats(10s)|influxDBOut()";
  const char* input =
      "cpu,host=a v=1 0\n"
      "cpu,host=b v=1 5\n"
      "cpu,host=a v=1 12\n"
      "cpu,host=a v=1 25\n";
  // Boundaries at 10 s and 20 s are crossed by the points at 12 s and 25 s; the counts are
  // those before the crossing point enters the task.
  const char* expected =
      "stats,host=a emitted=1i 10\n"
      "stats,host=b emitted=1i 10\n"
      "stats,host=a emitted=2i 20\n"
      "stats,host=b emitted=1i 20\n";
  CHECK(run_script(script, input).output == expected);
  CHECK(run_script(script, input, false, 2).output == expected);
}

TEST_CASE("aligned stats tick on multiples of the interval", "[nodes]") {
  const auto run = run_script("stream|from()|stats(10s).align()|influxDBOut()",
                              "cpu v=1 3\ncpu v=1 9\ncpu v=1 31\n");
  CHECK(run.output == "stats emitted=2i 10\nstats emitted=2i 20\nstats emitted=2i 30\n");
}
