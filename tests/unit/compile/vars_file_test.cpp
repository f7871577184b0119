#include "compile/vars_file.hpp"

#include <catch2/catch.hpp>

using farad::compile::parse_vars_json;
using farad::compile::to_tick;
using farad::compile::ValueType;

TEST_CASE("vars in Kapacitor's JSON shape") {
  const auto vars = parse_vars_json(R"({
    "period": {"type": "duration", "value": "5m"},
    "ns": {"type": "duration", "value": 1000000000},
    "limit": {"type": "int", "value": 3},
    "ratio": {"type": "float", "value": 0.5},
    "host": {"type": "string", "value": "r1"},
    "on": {"type": "bool", "value": true},
    "pattern": {"type": "regex", "value": "^eth"},
    "crit": {"type": "lambda", "value": "\"value\" > 10"},
    "tags": {"type": "list", "value": [{"type": "string", "value": "host"}, {"type": "star"}]},
    "all": {"type": "star"}
  })");
  CHECK(to_tick(vars.at("period")) == "5m");
  CHECK(to_tick(vars.at("ns")) == "1s");
  CHECK(to_tick(vars.at("limit")) == "3");
  CHECK(to_tick(vars.at("ratio")) == "0.5");
  CHECK(to_tick(vars.at("host")) == "'r1'");
  CHECK(to_tick(vars.at("on")) == "TRUE");
  CHECK(to_tick(vars.at("pattern")) == "/^eth/");
  CHECK(vars.at("crit").type == ValueType::Lambda);
  CHECK(to_tick(vars.at("crit")) == "lambda: \"value\" > 10");
  CHECK(to_tick(vars.at("tags")) == "['host', *]");
  CHECK(vars.at("all").type == ValueType::Star);
}

TEST_CASE("the vars wrapper object is accepted") {
  const auto vars = parse_vars_json(R"({"vars": {"x": {"type": "int", "value": 1}}})");
  CHECK(to_tick(vars.at("x")) == "1");
}

TEST_CASE("bad vars name the var and the problem") {
  auto error_of = [](const char* json) {
    try {
      parse_vars_json(json);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of(R"({"x": {"type": "int", "value": 1.5}})") ==
        "var \"x\": type int needs an integer, got 1.5");
  CHECK(error_of(R"({"x": {"type": "duration", "value": "5"}})") ==
        "var \"x\": invalid duration \"5\"");
  CHECK(error_of(R"({"x": {"type": "complex", "value": 1}})") ==
        "var \"x\": invalid var type \"complex\"");
  CHECK(error_of(R"({"x": {"type": "lambda", "value": "\"a\" >"}})")
            .rfind("var \"x\": invalid lambda:", 0) == 0);
  CHECK(error_of("[1]") == "vars must be a JSON object");
  CHECK(error_of("{").rfind("invalid JSON", 0) == 0);
}
