#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

TEST_CASE("barrier idle emits a barrier when a group's data resumes after a gap", "[nodes]") {
  const std::string script = "stream|from().groupBy('host')|barrier().idle(5s)|influxDBOut()";
  const std::string input =
      "cpu,host=a v=1 1\n"
      "cpu,host=b v=2 2\n"
      "cpu,host=a v=3 3\n"
      "cpu,host=a v=8 8\n"  // exactly idle after the previous point: no barrier
      "cpu,host=a v=14 14\n"
      "cpu,host=a v=15 15\n"
      "cpu,host=b v=20 20\n";
  const std::string expected =
      "cpu,host=a v=1 1 [host=a]\n"
      "cpu,host=b v=2 2 [host=b]\n"
      "cpu,host=a v=3 3 [host=a]\n"
      "cpu,host=a v=8 8 [host=a]\n"
      "barrier 13 [host=a]\n"
      "cpu,host=a v=14 14 [host=a]\n"
      "cpu,host=a v=15 15 [host=a]\n"
      "barrier 7 [host=b]\n"  // the idle timer fires again every 5 s of silence
      "barrier 12 [host=b]\n"
      "barrier 17 [host=b]\n"
      "cpu,host=b v=20 20 [host=b]\n";
  CHECK(record(script, input).output == expected);
  for (size_t n = 1; n <= 6; ++n) {
    CAPTURE(n);
    CHECK(record(script, input, false, n).output == expected);
  }
  // nothing is emitted when the input ends, flushed or not
  CHECK(record(script, input, true).output == expected);
}

TEST_CASE("barrier delete forgets the group after its barrier", "[nodes]") {
  const auto run = record(
      "stream|from().groupBy('host')|barrier().idle(5s).delete(TRUE)"
      "|influxDBOut()",
      "cpu,host=a v=1 1\ncpu,host=a v=10 10\ncpu,host=a v=20 20\n");
  CHECK(run.output ==
        "cpu,host=a v=1 1 [host=a]\n"
        "barrier 6 [host=a]\n"
        "delete [host=a]\n"
        "cpu,host=a v=10 10 [host=a]\n"
        "barrier 15 [host=a]\n"
        "delete [host=a]\n"
        "cpu,host=a v=20 20 [host=a]\n");
  CHECK(run.node("barrier").working_cardinality == 1);
}

TEST_CASE("barrier drops data older than its last barrier", "[nodes]") {
  CHECK(record("stream|from()|barrier().idle(5s)|influxDBOut()",
               "cpu v=1 1\ncpu v=10 10\ncpu v=4 4\ncpu v=6 6\ncpu v=7 7\n")
            .output == "cpu v=1 1\nbarrier 6\ncpu v=10 10\ncpu v=6 6\ncpu v=7 7\n");
}

TEST_CASE("barrier period emits a barrier at each multiple of the period crossed", "[nodes]") {
  const std::string script = "stream|from().groupBy('host')|barrier().period(10s)|influxDBOut()";
  const std::string input =
      "cpu,host=a v=1 1\n"
      "cpu,host=b v=3 3\n"
      "cpu,host=a v=5 5\n"
      "cpu,host=b v=9 9\n"
      "cpu,host=a v=12 12\n"
      "cpu,host=a v=35 35\n"  // several periods crossed: one barrier per tick
      "cpu,host=a v=36 36\n"
      "cpu,host=b v=40 40\n";
  const std::string expected =
      "cpu,host=a v=1 1 [host=a]\n"
      "cpu,host=b v=3 3 [host=b]\n"
      "cpu,host=a v=5 5 [host=a]\n"
      "cpu,host=b v=9 9 [host=b]\n"
      "barrier 10 [host=a]\n"
      "cpu,host=a v=12 12 [host=a]\n"
      "barrier 20 [host=a]\n"
      "barrier 30 [host=a]\n"
      "cpu,host=a v=35 35 [host=a]\n"
      "cpu,host=a v=36 36 [host=a]\n"
      "barrier 10 [host=b]\n"
      "barrier 20 [host=b]\n"
      "barrier 30 [host=b]\n"
      "barrier 40 [host=b]\n"
      "cpu,host=b v=40 40 [host=b]\n";
  CHECK(record(script, input).output == expected);
  for (size_t n = 1; n <= 7; ++n) {
    CAPTURE(n);
    CHECK(record(script, input, false, n).output == expected);
  }
}

TEST_CASE("a barrier flushes the batches groupBy holds", "[nodes]") {
  const auto run = record(
      "batch|query('SELECT mean(\"v\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|barrier().idle(5s)|groupBy('host')|influxDBOut()",
      "batch cpu 10\ncpu,host=a mean=1 8\n"
      "batch cpu 20\ncpu,host=a mean=2 18\n");
  // The second batch arrives 12s after the first one's point: the barrier at 13 flushes the
  // batch of time 10 before the batch of time 20 is buffered; the idle timer fires again at 18.
  CHECK(run.output ==
        "batch cpu,host=a 10 [host=a]\n"
        "  cpu,host=a mean=1 8\n"
        "barrier 13\n"
        "barrier 18\n");
}
