#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

TEST_CASE("default fills absent fields and absent or empty tags", "[nodes]") {
  struct Case {
    const char* chain;  // what follows `stream|from()`
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"|default().field('value', 1.0).field('n', 2).field('s', 'x').field('b', TRUE)"
       ".tag('host', 'serverA')",
       "cpu,host=b other=1 1\ncpu value=5,n=7i 2\n",
       "cpu,host=b b=true,n=2i,other=1,s=\"x\",value=1 1\n"
       "cpu,host=serverA b=true,n=7i,s=\"x\",value=5 2\n"},
      // the last value set for a name wins
      {"|default().field('value', 1.0).field('value', 2.0)", "cpu other=1 1\n",
       "cpu other=1,value=2 1\n"},
      // an empty tag is defaulted
      {"|eval(lambda: '').as('host').tags('host').keep()|default().tag('host', 'x')", "cpu v=1 1\n",
       "cpu,host=x host=\"\",v=1 1\n"},
      // a defaulted dimension changes the group
      {".groupBy('host')|default().tag('host', 'serverA')", "cpu v=1 1\ncpu,host=b v=2 2\n",
       "cpu,host=serverA v=1 1 [host=serverA]\ncpu,host=b v=2 2 [host=b]\n"},
      // defaults apply before a later filter
      {"|default().tag('host', 'serverA')|where(lambda: \"host\" == 'serverA')",
       "cpu v=1 1\ncpu,host=b v=2 2\ncpu,host=serverA v=3 3\n",
       "cpu,host=serverA v=1 1\ncpu,host=serverA v=3 3\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.chain);
    CHECK(record(std::string("stream|from()") + c.chain + "|influxDBOut()", c.input).output ==
          c.expected);
  }
}

TEST_CASE("default sets batch header tags, which become dimensions", "[nodes]") {
  const auto run = record(
      "batch|query('SELECT mean(\"v\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|default().field('mean', 90.0).tag('dc', 'sfc')|influxDBOut()",
      "batch cpu,cpu=total 10\n"
      "cpu,cpu=total other=1 2\n"
      "cpu,cpu=total,dc=lon mean=86 4\n");
  CHECK(run.output ==
        "batch cpu,cpu=total,dc=sfc 10 [cpu=total,dc=sfc]\n"
        "  cpu,cpu=total,dc=sfc mean=90,other=1 2\n"
        "  cpu,cpu=total,dc=lon mean=86 4\n");
}
