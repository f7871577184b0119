#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

TEST_CASE("delete removes fields and tags of stream points", "[nodes]") {
  struct Case {
    const char* chain;  // what follows `stream|from()`
    const char* expected;
  };
  const char* const input = "cpu,dc=x,host=h a=1,b=2 1\ncpu,host=g b=3 2\n";
  const Case cases[] = {
      {"|delete().field('a').tag('dc')", "cpu,host=h b=2 1\ncpu,host=g b=3 2\n"},
      // a deleted dimension leaves the group
      {".groupBy('host', 'dc')|delete().tag('dc')",
       "cpu,host=h a=1,b=2 1 [host=h]\ncpu,host=g b=3 2 [host=g]\n"},
      {".groupBy('host')|delete().tag('dc').tag('host')", "cpu a=1,b=2 1\ncpu b=3 2\n"},
      // other dimensions stay
      {".groupBy('host')|delete().field('b')",
       "cpu,dc=x,host=h a=1 1 [host=h]\ncpu,host=g  2 [host=g]\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.chain);
    CHECK(record(std::string("stream|from()") + c.chain + "|influxDBOut()", input).output ==
          c.expected);
  }
}

TEST_CASE("delete removes batch header tags and dimensions", "[nodes]") {
  const auto run = record(
      "batch|query('SELECT mean(\"v\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|delete().field('a').tag('dc')|groupBy(*)|influxDBOut()",
      "batch cpu,dc=x,host=h 10\n"
      "cpu,dc=x,host=h a=1,b=2 2\n"
      "cpu,dc=x,host=h b=3 4\n"
      "batch cpu,dc=y,host=h 20\n"
      "cpu,dc=y,host=h b=4 12\n");
  CHECK(run.output ==
        "batch cpu,host=h 10 [host=h]\n"
        "  cpu,host=h b=2 2\n"
        "  cpu,host=h b=3 4\n");
}
