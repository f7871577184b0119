#include <catch2/catch.hpp>

#include <algorithm>

#include "run_script.hpp"
#include "runtime/node_report_json.hpp"

using farad::test::count_lines;
using farad::test::report_of;
using farad::test::run_script;

namespace {

// Saved after every point and continued in a new task, a run must give the same output.
void check_restore(const std::string& script, const std::string& input, bool flush = false) {
  REQUIRE(!run_script(script, input, flush).output.empty());
  farad::test::check_restore(script, input, flush);
}

// A 32-bit and a 64-bit counter under a ceiling of 1000/s, with a 5 minute heartbeat.
const std::string kScript =
    "stream|from().groupBy('host')"
    "|counterRate('in', 'out').as('in_bps', 'out_bps').width(32, 64).ceiling(1000.0)"
    ".heartbeat(5m)|influxDBOut()";

const std::string kInput =
    "if,host=a in=4294967000i,out=100i 0\n"
    "if,host=a in=200i,out=160i 60\n"    // in wraps: 2^32 - 4294967000 + 200 = 496
    "if,host=a in=260i 120\n"            // out absent: its next interval spans this point
    "if,host=a in=320i,out=100i 180\n"   // out drops: 2^64 - 60 in 120 s is no wrap: restart
    "if,host=a in=300i,out=200i 180\n"   // equal time: ignored
    "if,host=a in=1i,out=300i 170\n"     // older than the group's last point: dropped
    "if,host=a in=\"x\",out=400i 240\n"  // in is an error, out still counts
    "if,host=a other=1 250\n"            // no counter: an error
    "if,host=a in=380i,out=460i 900\n"   // in: 720 s, out: 660 s since their samples: gaps
    "if,host=a in=4294967000i,out=520i 960\n"
    "if,host=b in=10i 960\n"
    "if,host=a in=100i,out=580i 970\n";  // in wraps: 296 + 100 = 396 in 10 s

}  // namespace

TEST_CASE("counterRate: wraps, restarts, gaps, late and equal points", "[nodes]") {
  const auto run = run_script(kScript, kInput);
  // 496/60; 60/60 | 60/60 | 60/60; 100/120 | 300/60 | 4294966620/60; 60/60 | 396/10; 60/10
  CHECK(run.output ==
        "if,host=a in=200i,in_bps=8.266666666666667,out=160i,out_bps=1 60\n"
        "if,host=a in=260i,in_bps=1 120\n"
        "if,host=a in=320i,in_bps=1,out=100i,out_bps=0.8333333333333334 180\n"
        "if,host=a in=\"x\",out=400i,out_bps=5 240\n"
        "if,host=a in=4294967000i,in_bps=71582777,out=520i,out_bps=1 960\n"
        "if,host=a in=100i,in_bps=39.6,out=580i,out_bps=6 970\n");
  const auto& stats = report_of(run, "counter_rate").stats;
  CHECK(stats.counter("wraps") == 2);
  CHECK(stats.counter("restarts") == 1);
  CHECK(stats.counter("gaps") == 2);
  CHECK(stats.counter("dropped_late") == 1);
  CHECK(stats.counter("equal_time") == 1);
  CHECK(stats.errors == 2);
  CHECK(report_of(run, "counter_rate").working_cardinality == 2);
  check_restore(kScript, kInput);
}

TEST_CASE("counterRate: uptime tells reboots from wraps", "[nodes]") {
  const std::string script =
      "stream|from().groupBy('host')|counterRate('in').width(32).uptime('up')|influxDBOut()";
  const std::string input =
      "m,host=a in=1000i,up=100i 0\n"
      "m,host=a in=7000i,up=6100i 60\n"  // 60 s of uptime in 60 s: 6000/60
      "m,host=a in=500i,up=1600i 120\n"  // uptime 16 s: reboot, delta 500
      "m,host=a in=900i,up=2600i 180\n"  // +10 s in 60 s: another reboot, delta 900
      "m,host=a in=300i,up=8600i 240\n"  // no reboot: wrap 2^32 - 900 + 300 = 4294966696
      "m,host=t in=100i,up=4294964296i 0\n"
      "m,host=t in=160i,up=3000i 60\n"  // TimeTicks wrap: (3000 - 4294964296) mod 2^32 = 6000
      "m,host=t in=220i 120\n";         // no uptime in this point: no reboot test
  const auto run = run_script(script, input);
  CHECK(run.output ==
        "m,host=a in=100,up=6100i 60\n"
        "m,host=a in=8.333333333333334,up=1600i 120\n"
        "m,host=a in=15,up=2600i 180\n"
        "m,host=a in=71582778.26666667,up=8600i 240\n"
        "m,host=t in=1,up=3000i 60\n"
        "m,host=t in=1 120\n");
  const auto& stats = report_of(run, "counter_rate").stats;
  CHECK(stats.counter("restarts") == 2);
  CHECK(stats.counter("wraps") == 1);
  check_restore(script, input);
}

TEST_CASE("counterRate: lateness puts points back in order and drops the later ones", "[nodes]") {
  const std::string script =
      "stream|from().groupBy('host')|counterRate('c').as('r').lateness(30s)|influxDBOut()";
  const std::string input =
      "m,host=a c=0i 0\n"
      "m,host=b c=0i 5\n"
      "m,host=a c=20i 20\n"
      "m,host=a c=10i 10\n"   // within 30 s of the newest (20): put before a@20
      "m,host=b c=50i 55\n"   // watermark 25: a@0, b@5, a@10, a@20 leave
      "m,host=a c=5i 8\n"     // 8 < 25: late, dropped
      "m,host=a c=60i 60\n"   // watermark 30
      "m,host=b c=40i 40\n";  // held, released before b@55 at the end
  const auto run = run_script(script, input);
  // a: 10/10, 10/10, then 40/40; b: 40/35, 10/15
  CHECK(run.output ==
        "m,host=a c=10i,r=1 10\n"
        "m,host=a c=20i,r=1 20\n"
        "m,host=b c=40i,r=1.1428571428571428 40\n"
        "m,host=b c=50i,r=0.6666666666666666 55\n"
        "m,host=a c=60i,r=1 60\n");
  const auto& stats = report_of(run, "counter_rate").stats;
  CHECK(stats.counter("dropped_late") == 1);
  CHECK(stats.counter("equal_time") == 0);
  check_restore(script, input);
}

TEST_CASE("counterRate: without lateness an out-of-order point is dropped", "[nodes]") {
  const auto run = run_script("stream|from()|counterRate('c')|influxDBOut()",
                              "m c=0i 0\nm c=20i 20\nm c=10i 10\nm c=30i 30\n");
  CHECK(run.output == "m c=1 20\nm c=1 30\n");
  CHECK(report_of(run, "counter_rate").stats.counter("dropped_late") == 1);
}

TEST_CASE("counterRate: on batches the samples carry over from batch to batch", "[nodes]") {
  const std::string script =
      "stream|from()|window().period(30s).every(30s)|counterRate('c')|influxDBOut()";
  const std::string input =
      "m c=0i 0\nm c=10i 10\nm c=30i 20\nm c=60i 30\nm c=100i 40\nm c=100i 50\n"
      "m c=130i 60\nm c=131i 70\n";
  // [0,30): 10/10, 20/10; [30,60): 30/10 from the previous batch's last point, 40/10, 0/10
  CHECK(run_script(script, input).output == "m c=1 10\nm c=2 20\nm c=3 30\nm c=4 40\nm c=0 50\n");
  check_restore(script, input);
}

TEST_CASE("counterRate: details", "[nodes]") {
  const std::string script =
      "stream|from()|counterRate('c', 'd').as('r', 's').width(32).details()|influxDBOut()";
  const std::string input =
      "m c=4294967000i,d=5i 0\n"
      "m c=200i,d=9i 60\n"  // c wraps (496), d rises by 4
      "m c=260i 90\n";      // only c: 60 in 30 s; elapsed is c's
  CHECK(run_script(script, input).output ==
        "m c=200i,d=9i,elapsed=60000000000i,r=8.266666666666667,r_delta=496u,r_restart=0i,"
        "r_wrap=1i,s=0.06666666666666667,s_delta=4u,s_restart=0i,s_wrap=0i 60\n"
        "m c=260i,elapsed=30000000000i,r=2,r_delta=60u,r_restart=0i,r_wrap=0i 90\n");
}

TEST_CASE("counterRate: ceiling from a field, scaled", "[nodes]") {
  const std::string script =
      "stream|from()|counterRate('c').ceilingField('speed').ceilingScale(10.0)|influxDBOut()";
  // c drops by 100 in 10 s each time: a 64-bit wrap is never plausible (restart) while the
  // field gives a ceiling; without it (absent or 0) every drop wraps.
  const std::string input =
      "m c=1000i,speed=100i 0\n"
      "m c=900i,speed=100i 10\n"  // ceiling 1000: restart, 900/10
      "m c=800i 20\n"             // no ceiling: wrap, 18446744073709551516/10 (as a double)
      "m c=700i,speed=0i 30\n";   // speed 0 is unknown: wrap
  CHECK(run_script(script, input).output ==
        "m c=90,speed=100i 10\n"
        "m c=1844674407370955300 20\n"
        "m c=1844674407370955300,speed=0i 30\n");
}

TEST_CASE("counterRate: --stats JSON lines", "[nodes]") {
  const auto run = run_script(kScript, kInput);
  const std::string json = farad::runtime::node_reports_json(run.report);
  CHECK(json ==
        "{\"name\":\"stream0\",\"processed\":12,\"emitted\":12,\"errors\":0,"
        "\"working_cardinality\":0}\n"
        "{\"name\":\"from1\",\"processed\":12,\"emitted\":12,\"errors\":0,"
        "\"working_cardinality\":0}\n"
        "{\"name\":\"counter_rate2\",\"processed\":12,\"emitted\":6,\"errors\":2,"
        "\"working_cardinality\":2,\"wraps\":2,\"restarts\":1,\"gaps\":2,\"dropped_late\":1,"
        "\"equal_time\":1}\n"
        "{\"name\":\"influxdb_out3\",\"processed\":6,\"emitted\":0,\"errors\":0,"
        "\"working_cardinality\":0}\n");
}
