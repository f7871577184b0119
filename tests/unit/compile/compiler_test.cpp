#include "compile/compiler.hpp"

#include <catch2/catch.hpp>

#include "compile/dot.hpp"

using namespace farad::compile;

namespace {

CompileResult compile_text(const std::string& text, CompileOptions options = {}) {
  options.task_name = "t";
  return compile_source(farad::lang::Source("t.tick", text), options);
}

/// The DOT of a valid script, or its diagnostics.
std::string dot_of(const std::string& text, CompileOptions options = {}) {
  const auto result = compile_text(text, options);
  if (!result.ok()) return farad::lang::render_all(result.diagnostics);
  return to_dot(*result.task);
}

/// `LINE:COL message` of every diagnostic, one per line.
std::string errors_of(const std::string& text, CompileOptions options = {}) {
  const auto result = compile_text(text, options);
  std::string out;
  for (const auto& d : result.diagnostics) {
    out += std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + " " +
           d.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("node names and edges follow Kapacitor") {
  struct Row {
    const char* script;
    const char* dot;
  };
  const Row rows[] = {
      {"stream|from()|window().period(1m)|mean('v')|httpOut('x')",
       "digraph t {\nstream0 -> from1;\nfrom1 -> window2;\nwindow2 -> mean3;\nmean3 -> "
       "http_out4;\n}"},
      {"batch|query('SELECT mean(v) FROM cpu').period(1m).every(1m)|influxDBOut()",
       "digraph t {\nbatch0 -> query1;\nquery1 -> influxdb_out2;\n}"},
      // A join takes one id per parent and keeps the last.
      {"var a = stream|from()\nvar b = stream|from()\na|join(b).as('a','b')|log()",
       "digraph t {\nstream0 -> from1;\nstream0 -> from2;\nfrom2 -> join4;\nfrom1 -> "
       "join4;\njoin4 -> log5;\n}"},
      // A union links the other parents first, then the receiver.
      {"var a = stream|from()\nvar b = stream|from()\na|union(b)|log()",
       "digraph t {\nstream0 -> from1;\nstream0 -> from2;\nfrom2 -> union4;\nfrom1 -> "
       "union4;\nunion4 -> log5;\n}"},
      // stats is a new source; a leaf gets a no-op child.
      {"stream|from()|stats(10s)|log()",
       "digraph t {\nstream0 -> from1;\nfrom1 -> noop3;\nstats2 -> log4;\n}"},
      {"stream|from()|deadman(100.0, 10s)",
       "digraph t {\nstream0 -> from1;\nfrom1 -> noop3;\nstats2 -> derivative4;\nderivative4 -> "
       "alert5;\n}"},
      {"stream|from()|alert().pushover().URL('x').uRLTitle('y')",
       "digraph t {\nstream0 -> from1;\nfrom1 -> alert2;\n}"},
      {"stream|from()@myUDF().size(10)|log()",
       "digraph t {\nstream0 -> from1;\nfrom1 -> udf2;\nudf2 -> log3;\n}"},
  };
  for (const auto& row : rows) {
    INFO(row.script);
    CHECK(dot_of(row.script) == row.dot);
  }
}

TEST_CASE("compile errors are all reported with positions") {
  struct Row {
    const char* script;
    const char* errors;
  };
  const Row rows[] = {
      {"stream|from()|window().period(10)",
       "1:31 argument 1 of 'period' must be duration, got int\n"},
      {"stream|from()|percentile('v', 95)",
       "1:31 argument 2 of 'percentile' must be float, got int\n"},
      {"stream|from().measurement(\"cpu\")",
       "1:27 cannot assign reference \"cpu\" to type string, did you use double quotes instead "
       "of single quotes?\n"},
      {"stream|from()|window()|period(10s)",
       "1:24 no chaining method \"period\" on window, but property does exist\n"},
      {"stream|from().window()",
       "1:15 no property method \"window\" on from, but chaining method does exist\n"},
      {"stream|from()|windw()", "1:15 no chaining method \"windw\" on from\n"},
      {"var x = 1\nvar x = 2", "2:5 attempted to redefine x, vars are immutable\n"},
      {"stream|from()|window().period(1m)|window().period(1m)",
       "1:35 'window' needs a stream edge but window2 provides batch\n"},
      {"stream|from()|trickle()", "1:15 'trickle' needs a batch edge but from1 provides stream\n"},
      {"stream|from()|eval(lambda: 1, lambda: 2).as('a')",
       "1:15 eval2: must specify same number of expressions and .as() names: got 1 as names, "
       "and 2 expressions.\n"},
      {"stream|from().groupBy('a', *)",
       "1:8 from1: cannot group by both '*' and named dimensions.\n"},
      {"stream|from()|barrier()", "1:15 barrier2: idle must be greater than zero\n"},
      {"var x duration\nstream|from()", "1:5 missing value for var \"x\"\n"},
      {"var x foo", "1:7 invalid var type \"foo\"\n"},
      {"stream|from()\nbatch|query('q')",
       "2:1 invalid task type: the script uses both stream and batch\n"},
      {"batch|query('SELECT a FROM b; DROP DATABASE c')",
       "1:7 query1: query must be a single select statement, got 2 statements\n"},
      {"batch|query('DROP DATABASE c')",
       "1:7 query1: query is not a select statement \"DROP DATABASE c\"\n"},
      {"stream|from()|groupBy('a').exclude('b')", "1:15 groupby2: exclude requires '*'\n"},
      {"stream|from()|alert().post('http://x').header('Authenticate', 'x')",
       "1:15 alert2: invalid post: cannot set 'authenticate' header\n"},
      // Kapacitor matches names by upper-casing the first letter only.
      {"stream|from()|alert().pushover().url('x')",
       "1:34 no method or property \"url\" on alert.pushover\n"},
      {"stream|from()|percentile('v', 95)|log().levl('x')",
       "1:31 argument 2 of 'percentile' must be float, got int\n1:41 no method or property "
       "\"levl\" on log\n"},
      {"stream|from()|where(\"host\" == 'a')",
       "1:21 argument 1 of 'where' must be lambda, got reference\n"},
      // Every compile error is reported, not only the first.
      {"stream|from().period(1m)\nstream|from()|mean(1)",
       "1:15 no method or property \"period\" on from\n2:20 argument 1 of 'mean' must be "
       "string, got int\n"},
  };
  for (const auto& row : rows) {
    INFO(row.script);
    CHECK(errors_of(row.script) == row.errors);
  }
}

TEST_CASE("vars: supplied values override defaults and fill typed declarations") {
  CompileOptions options;
  options.vars["period"] = Value::make_duration(60LL * 1000000000);
  options.vars["field"] = Value::make_string("usage");
  const auto result = compile_text(
      "// window length\nvar period = 10s\nvar field string\nstream|from()|window().period(period)"
      "|mean(field)",
      options);
  REQUIRE(result.ok());
  const TaskSpec& task = *result.task;
  REQUIRE(task.vars.size() == 2);
  CHECK(task.vars[0].name == "period");
  CHECK(task.vars[0].description == "window length");
  CHECK(to_tick(task.vars[0].value) == "1m");
  CHECK(to_tick(*task.nodes[2].property("period")) == "1m");
  CHECK(to_tick(task.nodes[3].args[0]) == "'usage'");

  options.vars["period"] = Value::make_int(5);
  CHECK(errors_of("var period = 10s", options) ==
        "1:5 invalid type supplied for period, got int exp duration\n");
}

TEST_CASE("lambdas capture vars by value") {
  const auto result = compile_text(
      "var limit = 10.5\nvar host = 'r1'\nstream|from().where(lambda: \"value\" > limit AND "
      "\"host\" == host)");
  REQUIRE(result.ok());
  CHECK(to_tick(*result.task->nodes[1].property("where")) ==
        "lambda: \"value\" > 10.5 AND \"host\" == 'r1'");
}

TEST_CASE("alert handlers keep their own properties") {
  const auto result = compile_text(
      "stream|from()|alert().crit(lambda: TRUE).email('a@b.c').to('d@e.f').slack()"
      ".channel('#ops').id('x')");
  REQUIRE(result.ok());
  const NodeSpec& alert = result.task->nodes[2];
  REQUIRE(alert.handlers.size() == 2);
  CHECK(alert.handlers[0].type == "alert.email");
  CHECK(alert.handlers[0].properties.at(0).name == "to");
  CHECK(alert.handlers[1].type == "alert.slack");
  CHECK(alert.handlers[1].properties.at(0).name == "channel");
  CHECK(alert.has("id"));
}

TEST_CASE("dbrp rules") {
  CompileOptions options;
  options.dbrps.push_back({"telegraf", "autogen"});
  CHECK(errors_of("dbrp \"a\".\"b\"\nstream|from()", options) ==
        "1:1 cannot specify dbrp in both implicitly and explicitly\n");
  CompileOptions required;
  required.require_dbrp = true;
  CHECK(errors_of("stream|from()", required) == "1:1 must specify dbrp\n");
  const auto result = compile_text("dbrp \"telegraf\".\"autogen\"\nstream|from()");
  REQUIRE(result.ok());
  CHECK(result.task->dbrps == std::vector<Dbrp>{{"telegraf", "autogen"}});
}

TEST_CASE("task type is inferred from the chains") {
  CHECK(compile_text("batch|query('SELECT v FROM m').every(1m)").task->type == TaskType::Batch);
  CHECK(compile_text("var s = stream\ns|from()").task->type == TaskType::Stream);
  CompileOptions batch;
  batch.type = TaskType::Batch;
  CHECK(errors_of("var x = 1", batch) == "1:1 task does nothing\n");
  batch.template_mode = true;
  const auto result = compile_text("var x = 1", batch);
  REQUIRE(result.ok());
  CHECK(result.task->type == TaskType::Batch);
}
