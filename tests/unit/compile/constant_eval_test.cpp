#include "compile/constant_eval.hpp"

#include <catch2/catch.hpp>

using farad::compile::evaluate_binary;
using farad::compile::evaluate_unary;
using farad::compile::to_tick;
using farad::compile::Value;

namespace {

std::string binary(const Value& l, const std::string& op, const Value& r) {
  std::string error;
  const Value v = evaluate_binary(op, l, r, error);
  return error.empty() ? to_tick(v) : "error: " + error;
}

const Value i2 = Value::make_int(2);
const Value i7 = Value::make_int(7);
const Value f15 = Value::make_float(1.5);
const Value m5 = Value::make_duration(5LL * 60 * 1000000000);
const Value s10 = Value::make_duration(10LL * 1000000000);

}  // namespace

TEST_CASE("script-level arithmetic follows the lambda type rules") {
  CHECK(binary(i7, "+", i2) == "9");
  CHECK(binary(i7, "/", i2) == "3");
  CHECK(binary(i7, "%", i2) == "1");
  CHECK(binary(f15, "*", Value::make_float(2.0)) == "3.0");
  CHECK(binary(m5, "*", i2) == "10m");
  CHECK(binary(i2, "*", m5) == "10m");
  CHECK(binary(m5, "/", i2) == "150s");
  CHECK(binary(m5, "+", s10) == "310s");
  CHECK(binary(m5, "/", s10) == "30");
  CHECK(binary(m5, ">", s10) == "TRUE");
  CHECK(binary(i7, "<", f15) == "FALSE");
  CHECK(binary(Value::make_string("a"), "+", Value::make_string("b")) == "'ab'");
  CHECK(binary(Value::make_string("cpu1"), "=~", Value::make_regex("^cpu")) == "TRUE");
  CHECK(binary(Value::make_bool(true), "AND", Value::make_bool(false)) == "FALSE");
}

TEST_CASE("no implicit conversion between int and float") {
  CHECK(binary(i7, "*", f15) ==
        "error: mismatched type to binary operator. got int * float. see bool(), int(), "
        "float(), string(), duration()");
  CHECK(binary(i7, "/", Value::make_int(0)) == "error: integer division by zero");
  CHECK(binary(Value::make_string("a"), "-", Value::make_string("b")).rfind("error:", 0) == 0);
}

TEST_CASE("unary operators") {
  std::string error;
  CHECK(to_tick(evaluate_unary("-", m5, error)) == "-5m");
  CHECK(to_tick(evaluate_unary("!", Value::make_bool(true), error)) == "FALSE");
  CHECK(error.empty());
  evaluate_unary("!", i2, error);
  CHECK(error == "invalid argument to '!': int");
}
