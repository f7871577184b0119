#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

namespace {

const std::string kBatchQuery =
    "batch|query('SELECT mean(\"value\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)";

// Two source groups (cpu=0, cpu=1) of time 10, then one of time 20.
const std::string kBatches =
    "batch cpu,cpu=0 10\n"
    "cpu,cpu=0,host=a mean=1 8\n"
    "cpu,cpu=0,host=b mean=2 6\n"
    "cpu,cpu=0,host=a mean=3 4\n"
    "batch cpu,cpu=1 10\n"
    "cpu,cpu=1,host=a mean=4 5\n"
    "batch cpu,cpu=0 20\n"
    "cpu,cpu=0,host=a mean=5 12\n";

}  // namespace

TEST_CASE("groupBy regroups stream points and keeps their tags", "[nodes]") {
  struct Case {
    const char* chain;  // what follows `stream|from()`
    const char* expected;
  };
  const char* const input = "cpu,cpu=0,host=a v=1 1\nmem,dc=x,host=b v=2 2\n";
  const Case cases[] = {
      {"|groupBy('host')", "cpu,cpu=0,host=a v=1 1 [host=a]\nmem,dc=x,host=b v=2 2 [host=b]\n"},
      {"|groupBy('host', 'cpu')",
       "cpu,cpu=0,host=a v=1 1 [cpu=0,host=a]\nmem,dc=x,host=b v=2 2 [cpu=,host=b]\n"},
      {"|groupBy(*)",
       "cpu,cpu=0,host=a v=1 1 [cpu=0,host=a]\nmem,dc=x,host=b v=2 2 [dc=x,host=b]\n"},
      {"|groupBy(*).exclude('cpu', 'dc')",
       "cpu,cpu=0,host=a v=1 1 [host=a]\nmem,dc=x,host=b v=2 2 [host=b]\n"},
      {"|groupBy('host').byMeasurement()",
       "cpu,cpu=0,host=a v=1 1 [cpu|host=a]\nmem,dc=x,host=b v=2 2 [mem|host=b]\n"},
      // byMeasurement is ORed with a grouping by measurement made earlier
      {".groupByMeasurement()|groupBy('host')",
       "cpu,cpu=0,host=a v=1 1 [cpu|host=a]\nmem,dc=x,host=b v=2 2 [mem|host=b]\n"},
      {".groupBy('host')|groupBy()", "cpu,cpu=0,host=a v=1 1\nmem,dc=x,host=b v=2 2\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.chain);
    CHECK(record(std::string("stream|from()") + c.chain + "|influxDBOut()", input).output ==
          c.expected);
  }
}

TEST_CASE("groupBy buffers regrouped batches until a batch of another time", "[nodes]") {
  const std::string script = kBatchQuery + "|groupBy('host')|influxDBOut()";
  // Batches of the same time merge; points are sorted by time; the last time stays buffered.
  const std::string regrouped =
      "batch cpu,host=a 10 [host=a]\n"
      "  cpu,cpu=0,host=a mean=3 4\n"
      "  cpu,cpu=1,host=a mean=4 5\n"
      "  cpu,cpu=0,host=a mean=1 8\n"
      "batch cpu,host=b 10 [host=b]\n"
      "  cpu,cpu=0,host=b mean=2 6\n";
  const auto run = record(script, kBatches);
  CHECK(run.output == regrouped);
  CHECK(run.node("groupby").working_cardinality == 1);
  const std::string flushed = regrouped +
                              "batch cpu,host=a 20 [host=a]\n"
                              "  cpu,cpu=0,host=a mean=5 12\n";
  CHECK(record(script, kBatches, true).output == flushed);
  for (size_t n = 1; n <= 3; ++n) {
    CAPTURE(n);
    CHECK(record(script, kBatches, true, n).output == flushed);
  }
}

TEST_CASE("groupBy merges batches into one group and by measurement", "[nodes]") {
  CHECK(record(kBatchQuery + "|groupBy()|influxDBOut()", kBatches).output ==
        "batch cpu 10\n"
        "  cpu,cpu=0,host=a mean=3 4\n"
        "  cpu,cpu=1,host=a mean=4 5\n"
        "  cpu,cpu=0,host=b mean=2 6\n"
        "  cpu,cpu=0,host=a mean=1 8\n");
  CHECK(record(kBatchQuery + "|groupBy(*).exclude('host').byMeasurement()|influxDBOut()", kBatches)
            .output ==
        "batch cpu,cpu=0 10 [cpu|cpu=0]\n"
        "  cpu,cpu=0,host=a mean=3 4\n"
        "  cpu,cpu=0,host=b mean=2 6\n"
        "  cpu,cpu=0,host=a mean=1 8\n"
        "batch cpu,cpu=1 10 [cpu|cpu=1]\n"
        "  cpu,cpu=1,host=a mean=4 5\n");
}
