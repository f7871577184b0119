#include <catch2/catch.hpp>

#include <algorithm>

#include "nodes/window_fusion.hpp"
#include "run_script.hpp"

using farad::test::check_restore;
using farad::test::report_of;
using farad::test::run_script;

namespace {

// Windows feeding aggregates run fused or buffered: both must give the same.
std::string run_both(const std::string& script, const std::string& input, bool flush = false) {
  farad::nodes::set_fusion_enabled(false);
  const std::string buffered = run_script(script, input, flush).output;
  farad::nodes::set_fusion_enabled(true);
  const std::string fused = run_script(script, input, flush).output;
  CHECK(fused == buffered);
  return buffered;
}

// Ten points in [0, 10) and one at 10 that closes the window.
const std::string kCpu =
    "cpu,host=a,type=idle value=5,another=1 0\n"
    "cpu,host=a,type=idle value=1,another=2 1\n"
    "cpu,host=a,type=idle value=4,another=3 2\n"
    "cpu,host=a,type=idle value=4,another=4 3\n"
    "cpu,host=a,type=idle value=9,another=5 4\n"
    "cpu,host=a,type=idle value=2,another=6 5\n"
    "cpu,host=a,type=idle value=6,another=7 6\n"
    "cpu,host=a,type=idle value=4,another=8 7\n"
    "cpu,host=a,type=idle value=1,another=9 8\n"
    "cpu,host=a,type=idle value=3,another=10 9\n"
    "cpu,host=a,type=idle value=0,another=0 10\n";

std::string windowed(const std::string& call) {
  return "stream|from().groupBy('host')|window().period(10s).every(10s)|" + call + "|influxDBOut()";
}

std::string plain(const std::string& call) {
  return "stream|from()|window().period(10s).every(10s)|" + call + "|influxDBOut()";
}

// The same data as integers.
std::string as_integers(std::string text) {
  for (size_t at = text.find("value="); at != std::string::npos; at = text.find("value=", at)) {
    at = text.find(',', at);
    text.insert(at, "i");
  }
  return text;
}

}  // namespace

TEST_CASE("InfluxQL aggregates over a window: value, type, tags and time", "[nodes]") {
  struct Case {
    const char* call;
    const char* expected;
  };
  const Case cases[] = {
      {"count('value')", "cpu,host=a count=10i 10\n"},
      {"sum('value')", "cpu,host=a sum=39 10\n"},
      {"mean('value')", "cpu,host=a mean=3.9 10\n"},
      {"median('value')", "cpu,host=a median=4 10\n"},
      {"mode('value')", "cpu,host=a mode=4 10\n"},
      {"spread('value')", "cpu,host=a spread=8 10\n"},
      {"stddev('value')", "cpu,host=a stddev=2.4244128727957577 10\n"},
      // Selectors keep the selected point's tags and other fields.
      {"first('value')", "cpu,host=a,type=idle another=1,first=5 10\n"},
      {"last('value')", "cpu,host=a,type=idle another=10,last=3 10\n"},
      {"min('value')", "cpu,host=a,type=idle another=2,min=1 10\n"},
      {"max('value')", "cpu,host=a,type=idle another=5,max=9 10\n"},
      {"percentile('value', 90.0)", "cpu,host=a,type=idle another=7,percentile=6 10\n"},
      {"max('value').as('value')", "cpu,host=a,type=idle another=5,value=9 10\n"},
      {"count('value').as('n')", "cpu,host=a n=10i 10\n"},
      // Point times: the selected point's; none for mean; sum's is the Unix epoch (InfluxDB's
      // sum starts from a point at time 0 and keeps its time).
      {"first('value').usePointTimes()", "cpu,host=a,type=idle another=1,first=5 0\n"},
      {"max('value').usePointTimes()", "cpu,host=a,type=idle another=5,max=9 4\n"},
      {"mean('value').usePointTimes()", "cpu,host=a mean=3.9 10\n"},
      {"sum('value').usePointTimes()", "cpu,host=a sum=39 0\n"},
  };
  for (const auto& c : cases) {
    INFO(c.call);
    CHECK(run_both(windowed(c.call), kCpu) == c.expected);
  }
}

TEST_CASE("InfluxQL aggregates of integers keep or change the type as InfluxDB does", "[nodes]") {
  struct Case {
    const char* call;
    const char* expected;
  };
  const Case cases[] = {
      {"count('value')", "cpu,host=a count=10i 10\n"},
      {"sum('value')", "cpu,host=a sum=39i 10\n"},
      {"mean('value')", "cpu,host=a mean=3.9 10\n"},
      {"median('value')", "cpu,host=a median=4 10\n"},
      {"mode('value')", "cpu,host=a mode=4i 10\n"},
      {"spread('value')", "cpu,host=a spread=8i 10\n"},
      {"stddev('value')", "cpu,host=a stddev=2.4244128727957577 10\n"},
      {"first('value')", "cpu,host=a,type=idle another=1,first=5i 10\n"},
      {"min('value')", "cpu,host=a,type=idle another=2,min=1i 10\n"},
      {"max('value')", "cpu,host=a,type=idle another=5,max=9i 10\n"},
      {"percentile('value', 90.0)", "cpu,host=a,type=idle another=7,percentile=6i 10\n"},
  };
  const std::string input = as_integers(kCpu);
  for (const auto& c : cases) {
    INFO(c.call);
    CHECK(run_both(windowed(c.call), input) == c.expected);
  }
}

TEST_CASE("distinct, top and bottom emit batches", "[nodes]") {
  CHECK(run_script(windowed("distinct('value')"), kCpu).output ==
        "cpu,host=a distinct=5 10\ncpu,host=a distinct=1 10\ncpu,host=a distinct=4 10\n"
        "cpu,host=a distinct=9 10\ncpu,host=a distinct=2 10\ncpu,host=a distinct=6 10\n"
        "cpu,host=a distinct=3 10\n");
  CHECK(run_script(windowed("distinct('value').usePointTimes()"), kCpu).output ==
        "cpu,host=a distinct=5 0\ncpu,host=a distinct=1 1\ncpu,host=a distinct=4 2\n"
        "cpu,host=a distinct=9 4\ncpu,host=a distinct=2 5\ncpu,host=a distinct=6 6\n"
        "cpu,host=a distinct=3 9\n");
  // top/bottom points keep all their tags; the extra field names change nothing in the output.
  CHECK(run_script(windowed("top(3, 'value', 'another')"), kCpu).output ==
        "cpu,host=a,type=idle top=9 10\ncpu,host=a,type=idle top=6 10\n"
        "cpu,host=a,type=idle top=5 10\n");
  // Equal values: the earlier point first.
  CHECK(run_script(windowed("bottom(3, 'value').usePointTimes()"), kCpu).output ==
        "cpu,host=a,type=idle bottom=1 1\ncpu,host=a,type=idle bottom=1 8\n"
        "cpu,host=a,type=idle bottom=2 5\n");
}

TEST_CASE("holtWinters forecasts as InfluxDB does", "[nodes]") {
  std::string input;
  std::string first_six;
  for (int i = 0; i <= 12; ++i) {
    input += "m value=" + std::to_string(10 + i % 4 * 3 + i) + " " + std::to_string(i) + "\n";
    if (i == 6) first_six = input;
  }
  CHECK(run_script("stream|from()|window().period(12s).every(12s)"
                   "|holtWinters('value', 3, 4, 1s)|influxDBOut()",
                   input)
            .output ==
        "m holtWinters=27.781326811026357 12\nm holtWinters=22.40298078221426 13\n"
        "m holtWinters=34.92807702132126 14\n");
  CHECK(run_script("stream|from()|window().period(6s).every(6s)"
                   "|holtWintersWithFit('value', 2, 0, 1s)|influxDBOut()",
                   first_six)
            .output ==
        "m holtWinters=10 0\nm holtWinters=13.760885913988133 1\n"
        "m holtWinters=18.609356147997428 2\nm holtWinters=18.207682731995025 3\n"
        "m holtWinters=17.79914627069762 4\nm holtWinters=17.62094667904818 5\n"
        "m holtWinters=17.553600943945472 6\nm holtWinters=17.5292087233917 7\n");
}

TEST_CASE("missing fields are errors and the points are skipped", "[nodes]") {
  const std::string input = "m other=1 0\nm value=2 1\nm other=3 2\nm value=4 3\nm value=0 10\n";
  const std::string script =
      "stream|from()|window().period(10s).every(10s)|count('value')"
      "|influxDBOut()";
  CHECK(run_both(script, input) == "m count=2i 10\n");
  CHECK(report_of(run_script(script, input), "count").stats.errors == 2);
  CHECK(run_both(plain("mean('value')"), input) == "m mean=3 10\n");
}

TEST_CASE("the reducer type comes from each batch's first point", "[nodes]") {
  const std::string input =
      "m value=1 0\nm value=2i 1\nm value=3 2\n"
      "m value=4i 10\nm value=6i 11\nm value=1.5 12\nm value=0 20\n";
  CHECK(run_both(plain("mean('value')"), input) == "m mean=2 10\nm mean=5 20\n");
  const auto run = run_script(plain("sum('value')"), input);
  CHECK(run.output == "m sum=4 10\nm sum=10i 20\n");
  CHECK(report_of(run, "sum").stats.errors == 2);
  // A function that does not apply to the type is an error; count applies to every type.
  const std::string strings =
      "m s=\"b\",b=true 0\nm s=\"a\",b=false 1\nm s=\"c\",b=true 2\n"
      "m s=\"a\",b=false 10\n";
  CHECK(run_both(plain("mean('s')"), strings).empty());
  CHECK(run_both(plain("count('s')"), strings) == "m count=3i 10\n");
  CHECK(run_both(plain("first('s')"), strings) == "m b=true,first=\"b\" 10\n");
  CHECK(run_both(plain("last('b')"), strings) == "m last=true,s=\"c\" 10\n");
  CHECK(run_script(plain("distinct('s')"), strings).output ==
        "m distinct=\"b\" 10\nm distinct=\"a\" 10\nm distinct=\"c\" 10\n");
}

TEST_CASE("stream input aggregates the points of one timestamp", "[nodes]") {
  const std::string script = "stream|from().groupBy('host')|sum('value')|influxDBOut()";
  const std::string input =
      "m,host=a value=1 1\nm,host=a value=2 1\nm,host=b value=5 1\n"
      "m,host=a value=3 2\nm,host=b value=7 3\nm,host=a value=4 3\n";
  // The last timestamp of each group waits for a later point (or a flush).
  CHECK(run_script(script, input).output ==
        "m,host=a sum=3 1\nm,host=b sum=5 1\nm,host=a sum=3 2\n");
  CHECK(run_script(script, input, true).output ==
        "m,host=a sum=3 1\nm,host=b sum=5 1\nm,host=a sum=3 2\n"
        "m,host=a sum=4 3\nm,host=b sum=7 3\n");
  check_restore(script, input);
  check_restore("stream|from()|top(2, 'value')|influxDBOut()", kCpu);
}

TEST_CASE("stream transformations emit a point per point with the group's tags", "[nodes]") {
  const std::string input =
      "m,host=a,x=1 value=5 0\nm,host=a value=1 1\nm,host=a value=4 2\n"
      "m,host=a value=4 3\nm,host=a value=9 4\n";
  auto run = [&](const std::string& call) {
    const std::string script = "stream|from().groupBy('host')|" + call + "|influxDBOut()";
    check_restore(script, input);
    return run_script(script, input).output;
  };
  CHECK(run("difference('value')") ==
        "m,host=a difference=-4 1\nm,host=a difference=3 2\nm,host=a difference=0 3\n"
        "m,host=a difference=5 4\n");
  CHECK(run("elapsed('value', 1s)") ==
        "m,host=a elapsed=1i 1\nm,host=a elapsed=1i 2\nm,host=a elapsed=1i 3\n"
        "m,host=a elapsed=1i 4\n");
  CHECK(run("movingAverage('value', 3).as('avg')") ==
        "m,host=a avg=3.3333333333333335 2\nm,host=a avg=3 3\nm,host=a avg=5.666666666666667 4\n");
  CHECK(run("cumulativeSum('value')") ==
        "m,host=a cumulativeSum=5 0\nm,host=a cumulativeSum=6 1\nm,host=a cumulativeSum=10 2\n"
        "m,host=a cumulativeSum=14 3\nm,host=a cumulativeSum=23 4\n");
}

TEST_CASE("transformations on batches restart with every batch", "[nodes]") {
  const std::string input =
      "m value=1 0\nm value=4 1\nm value=9 2\nm value=16 3\n"
      "m value=25 4\nm value=36i 5\nm value=0 6\n";
  // Windows [0,3) and [3,6); the int point does not fit the float reducer of its batch.
  CHECK(run_script("stream|from()|window().period(3s).every(3s)|difference('value')"
                   "|influxDBOut()",
                   input)
            .output == "m difference=3 1\nm difference=5 2\nm difference=9 4\n");
}

TEST_CASE("a transformation repeats its result for a point missing the field", "[nodes]") {
  // Kapacitor emits after a failed aggregate; difference marks its result read, elapsed does not.
  const std::string input = "m value=1 1\nm value=3 2\nm other=1 3\nm value=4 4\n";
  CHECK(run_script("stream|from()|difference('value')|influxDBOut()", input).output ==
        "m difference=2 2\nm difference=1 4\n");
  CHECK(run_script("stream|from()|elapsed('value', 1s)|influxDBOut()", input).output ==
        "m elapsed=1i 2\nm elapsed=1i 2\nm elapsed=2i 4\n");
}
