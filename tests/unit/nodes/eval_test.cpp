#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

namespace {

std::string eval_script(const std::string& chain) {
  return "stream|from()|eval(" + chain + "|influxDBOut()";
}

}  // namespace

TEST_CASE("eval computes values of every type", "[nodes]") {
  struct Case {
    const char* chain;  // eval arguments and properties, after `eval(`
    const char* input;
    const char* expected;
    uint64_t errors = 0;  // points dropped
  };
  const Case cases[] = {
      // only the results are kept, each with its type; a duration becomes integer nanoseconds
      {"lambda: \"str\" + 'suffix', lambda: !\"bool\", lambda: \"int\" + 14, "
       "lambda: \"float\" * 2.0, lambda: 5m).as('str', 'bool', 'int', 'float', 'dur')",
       "types,t=x str=\"bob\",bool=false,int=5i,float=42 1\n",
       "types,t=x bool=true,dur=300000000000i,float=84,int=19i,str=\"bobsuffix\" 1\n"},
      // tags and "time" are readable; results are fields
      {"lambda: \"host\" + '!', lambda: unixNano(\"time\")).as('h', 'ns')",
       "cpu,host=a value=1 2\n", "cpu,host=a h=\"a!\",ns=2000000000i 2\n"},
      // a later lambda reads an earlier result by its name
      {"lambda: \"value\" * 2.0, lambda: \"double\" + 1.0).as('double', 'plus')", "cpu value=3 1\n",
       "cpu double=6,plus=7 1\n"},
      // ... but the point's own field wins over an earlier result of the same name (Kapacitor)
      {"lambda: \"a\" + 1.0, lambda: \"a\").as('a', 'b').keep()", "m a=1 1\n", "m a=1,b=1 1\n"},
      // keep(): every old field plus the results
      {"lambda: \"value0\" + \"value1\", lambda: \"value0\" - \"value1\").as('pos', 'neg').keep()",
       "m value0=0,value1=1 1\n", "m neg=-1,pos=1,value0=0,value1=1 1\n"},
      // keep(names): exactly those, results or old fields
      {"lambda: \"value0\" + \"value1\", lambda: \"value0\" - \"value1\").as('pos', 'neg')"
       ".keep('value0', 'pos', 'neg', 'other')",
       "m value0=0,value1=1,other=5 1\n", "m neg=-1,other=5,pos=1,value0=0 1\n"},
      // an intermediate result left out of keep(names) is hidden
      {"lambda: \"value0\" + \"value1\", lambda: \"pos\" - \"value1\").as('pos', 'zero')"
       ".keep('value0', 'zero')",
       "m value0=0,value1=1 1\n", "m value0=0,zero=0 1\n"},
      // a referenced tag can be kept as a field
      {"lambda: \"host\" + '', lambda: 1).as('x', 'one').keep('host', 'one')",
       "cpu,host=a value=1 1\n", "cpu,host=a host=\"a\",one=1i 1\n"},
      // tags(): string results become tags, not fields
      {"lambda: string(\"value\"), lambda: \"value\" * 10.0).as('v', 'ten').tags('v')",
       "m,t=x value=1 1\n", "m,t=x,v=1 ten=10 1\n"},
      // with keep() a tag result is kept as a field as well
      {"lambda: string(\"value\")).as('v').tags('v').keep()", "m value=1,another=2 1\n",
       "m,v=1 another=2,v=\"1\",value=1 1\n"},
      {"lambda: string(\"value\")).as('v').tags('v').keep('value')", "m value=1,another=2 1\n",
       "m,v=1 value=1 1\n"},
      // a missing field drops the point; isPresent guards it
      {"lambda: \"or_not_to_be\").as('q')", "m other=1 1\nm or_not_to_be=42 2\n", "m q=42 2\n", 1},
      {"lambda: isPresent(\"x\")).as('present')", "m x=1 1\nm y=1 2\n",
       "m present=true 1\nm present=false 2\n"},
      // if() and a conversion
      {"lambda: if(\"v\" > 2, 'big', 'small'), lambda: int(\"v\")).as('size', 'i')", "m v=3.7 1\n",
       "m i=3i,size=\"big\" 1\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.chain, c.input);
    const auto run = record(eval_script(c.chain), c.input);
    CHECK(run.output == c.expected);
    CHECK(run.node("eval").stats.errors == c.errors);
    CHECK(run.log.empty() == (c.errors == 0));
  }
}

TEST_CASE("eval drops the points it cannot evaluate", "[nodes]") {
  struct Case {
    const char* chain;
    const char* input;
    const char* error;  // the logged message
  };
  const Case cases[] = {
      {"lambda: \"value\" * 2.0).as('x')", "m value=2i 1\n",
       "error evaluating expression: mismatched type to binary operator. got int * float. see "
       "bool(), int(), float(), string(), duration()"},
      {"lambda: 10 / \"n\").as('n')", "m n=0i 1\n", "error evaluating expression: "},
      {"lambda: \"missing\" + 1.0).as('x')", "m value=1 1\n", "error evaluating expression: "},
      {"lambda: \"value\" * 2.0).as('v').tags('v')", "m value=1 1\n",
       "error evaluating expression: result of a tag expression must be of type string, got "
       "float64"},
      {"lambda: \"value\").as('v').keep('nope')", "m value=1 1\n",
       "error evaluating expression: cannot keep field \"nope\", field does not exist"},
      {"lambda: \"host\").as('v')", "m,host=a host=1 1\n",
       "error evaluating expression: cannot have field and tags with same name \"host\""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.chain, c.input);
    const auto run = record(eval_script(c.chain), c.input);
    CHECK(run.output.empty());
    CHECK(run.node("eval").stats.errors == 1);
    CHECK(run.log.find(std::string("E eval2: ") + c.error) != std::string::npos);
    // .quiet() drops the same points without a log line
    const auto quiet = record(eval_script(std::string(c.chain) + ".quiet()"), c.input);
    CHECK(quiet.output.empty());
    CHECK(quiet.node("eval").stats.errors == 1);
    CHECK(quiet.log.empty());
  }
}

TEST_CASE("eval keeps stateful functions per group and restores them", "[nodes]") {
  const std::string script =
      "stream|from().groupBy('group')|eval(lambda: count(), lambda: sigma(\"v\"))"
      ".as('count', 'sigma')|influxDBOut()";
  const std::string input =
      "m,group=A v=1 1\n"
      "m,group=A v=3 2\n"
      "m,group=B v=10 3\n"  // a group appearing late starts afresh
      "m,group=A v=5 4\n"
      "m,group=B v=20 5\n";
  const std::string expected =
      "m,group=A count=1i,sigma=0 1 [group=A]\n"
      "m,group=A count=2i,sigma=0.7071067811865475 2 [group=A]\n"
      "m,group=B count=1i,sigma=0 3 [group=B]\n"
      "m,group=A count=3i,sigma=1 4 [group=A]\n"
      "m,group=B count=2i,sigma=0.7071067811865475 5 [group=B]\n";
  CHECK(record(script, input).output == expected);
  for (size_t n = 1; n <= 4; ++n) {
    CAPTURE(n);
    CHECK(record(script, input, false, n).output == expected);
  }
  CHECK(record(script, input).node("eval").working_cardinality == 2);
}

TEST_CASE("eval tags that are dimensions regroup stream points", "[nodes]") {
  const auto run = record(
      "stream|from().groupBy('host')|eval(lambda: 'z').as('host').tags('host').keep()"
      "|influxDBOut()",
      "cpu,host=a value=1 1\n");
  CHECK(run.output == "cpu,host=z host=\"z\",value=1 1 [host=z]\n");
}

TEST_CASE("eval evaluates each point of a batch", "[nodes]") {
  const auto run = record(
      "batch|query('SELECT mean(\"value\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|eval(lambda: \"mean\" * 2.0, lambda: count()).as('double', 'n')|influxDBOut()",
      "batch cpu,host=a 10\n"
      "cpu,host=a mean=1 2\n"
      "cpu,host=a other=1 4\n"
      "cpu,host=a mean=3 6\n"
      "batch cpu,host=a 20\n"
      "cpu,host=a mean=5 12\n");
  // count() goes on across batches of a group; the point lacking "mean" is dropped
  CHECK(run.output ==
        "batch cpu,host=a 10 [host=a]\n"
        "  cpu,host=a double=2,n=1i 2\n"
        "  cpu,host=a double=6,n=2i 6\n"
        "batch cpu,host=a 20 [host=a]\n"
        "  cpu,host=a double=10,n=3i 12\n");
  CHECK(run.node("eval").stats.errors == 1);
}
