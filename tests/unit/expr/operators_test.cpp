#include "expr/operators.hpp"

#include <catch2/catch.hpp>

using namespace farad::expr;
using enum ValueType;
using Op = BinaryOperator;

TEST_CASE("the operator table", "[expr]") {
  CHECK(binary_result_type(Op::Plus, Int, Int) == Int);
  CHECK(binary_result_type(Op::Plus, Int, Float) == Invalid);
  CHECK(binary_result_type(Op::Less, Int, Float) == Bool);
  CHECK(binary_result_type(Op::Divide, Duration, Duration) == Int);
  CHECK(binary_result_type(Op::Multiply, Float, Duration) == Duration);
  CHECK(binary_result_type(Op::Divide, Int, Duration) == Invalid);
  CHECK(binary_result_type(Op::Modulo, Duration, Duration) == Invalid);
  CHECK(binary_result_type(Op::RegexMatch, String, ValueType::Regex) == Bool);
  CHECK(binary_result_type(Op::Equal, Time, Time) == Invalid);
  BinaryOperator op{};
  CHECK((parse_operator("AND", op) && op == Op::And));
  CHECK((parse_operator("!~", op) && op == Op::RegexNotMatch));
  CHECK_FALSE(parse_operator("and", op));
}

TEST_CASE("type errors name the operator kind and the types", "[expr]") {
  CHECK(binary_type_error(Op::Modulo, Float, Float) == "invalid math operator % for type float");
  CHECK(binary_type_error(Op::Less, Bool, Bool) ==
        "invalid comparison operator < for type boolean");
  CHECK(binary_type_error(Op::Or, String, Bool) == "invalid logical operator OR for type string");
  CHECK(binary_type_error(Op::Plus, Invalid, Int) == "invalid math operator + for type int");
  CHECK(binary_type_error(Op::Multiply, Int, Float) ==
        "mismatched type to binary operator. got int * float. see bool(), int(), float(), "
        "string(), duration()");
}

TEST_CASE("arithmetic follows Go", "[expr]") {
  Value out;
  BinaryFailure failure;
  CHECK(apply_binary(Op::Divide, Value::make_int(INT64_MIN), Value::make_int(-1), out, failure));
  CHECK(out == Value::make_int(INT64_MIN));
  CHECK(apply_binary(Op::Modulo, Value::make_int(INT64_MIN), Value::make_int(-1), out, failure));
  CHECK(out == Value::make_int(0));
  CHECK_FALSE(apply_binary(Op::Modulo, Value::make_int(1), Value::make_int(0), out, failure));
  CHECK(failure.message == "runtime error: integer divide by zero");
  CHECK(apply_binary(Op::Multiply, Value::make_duration(INT64_MAX), Value::make_float(2), out,
                     failure));
  CHECK(out == Value::make_duration(INT64_MIN));
  CHECK(apply_binary(Op::Less, Value::make_int(9007199254740993),
                     Value::make_float(9007199254740992.0), out, failure));
  CHECK(out == Value::make_bool(false));  // the int converts to float64 first
}
