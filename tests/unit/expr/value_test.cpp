#include "expr/value.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "expr/regex.hpp"

using farad::expr::Value;
using farad::expr::ValueType;

TEST_CASE("values carry Kapacitor's types and names", "[expr]") {
  CHECK(Value().type() == ValueType::Missing);
  CHECK(farad::expr::type_name(ValueType::Bool) == std::string("boolean"));
  CHECK(farad::expr::type_name(ValueType::Invalid) == std::string("invalid type"));
  CHECK(farad::expr::go_type_name(ValueType::Duration) == std::string("time.Duration"));
  CHECK(Value::make_int(3) == Value::make_int(3));
  CHECK_FALSE(Value::make_int(3) == Value::make_float(3));
  CHECK_FALSE(Value::make_float(0.0 / 0.0) == Value::make_float(0.0 / 0.0));
  CHECK(Value::make_duration(5) == Value::make_duration(5));
  CHECK_FALSE(Value::make_duration(5) == Value::make_time(5));
}

TEST_CASE("borrowed strings become owned on request", "[expr]") {
  std::string text = "borrowed";
  Value v = Value::make_borrowed_string(text);
  CHECK(v.is_borrowed());
  CHECK(v == Value::make_string("borrowed"));
  v.own();
  text = "changed!";
  CHECK_FALSE(v.is_borrowed());
  CHECK(v.as_string() == "borrowed");
}

TEST_CASE("values display with their Go type", "[expr]") {
  std::string error;
  CHECK(to_display(Value::make_float(2.5)) == "float64 2.5");
  CHECK(to_display(Value::make_int(-7)) == "int64 -7");
  CHECK(to_display(Value::make_string("x")) == "string x");
  CHECK(to_display(Value::make_bool(true)) == "bool true");
  CHECK(to_display(Value::make_duration(90'000'000'000)) == "time.Duration 1m30s");
  CHECK(to_display(Value::make_time(0)) == "time.Time 1970-01-01 00:00:00 +0000 UTC");
  CHECK(to_display(Value::make_regex(farad::expr::Regex::compile("a+", error))) ==
        "*regexp.Regexp a+");
  CHECK(to_display(Value::make_missing()) == "*ast.Missing &{}");
}
