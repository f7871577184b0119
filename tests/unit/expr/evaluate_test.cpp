// Evaluation against Kapacitor: operators, missing values, predicates, scope resolution.

#include "expr/evaluate.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "expr_test_support.hpp"

namespace {

using farad::expr::evaluate;
using farad::expr::evaluate_predicate;
using farad::expr::ExpressionState;
using farad::expr::Value;
using farad::expr::testing::Case;
using farad::expr::testing::compile_text;
using farad::expr::testing::run;
using farad::expr::testing::TestScope;

void check_table(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    INFO(c->expression);
    CHECK(run(c->expression) == c->expected);
  }
}

}  // namespace

TEST_CASE("binary operators follow Kapacitor's type table", "[expr]") {
  // No implicit int/float conversion but in comparisons; int division truncates and wraps;
  // Go panics on integer division by zero.
  static const Case cases[] = {
      {R"~(7 + 2)~", R"~(int64 9)~"},
      {R"~(7 - 9)~", R"~(int64 -2)~"},
      {R"~(7 * 3)~", R"~(int64 21)~"},
      {R"~(7 / 2)~", R"~(int64 3)~"},
      {R"~(-7 / 2)~", R"~(int64 -3)~"},
      {R"~(7 % 3)~", R"~(int64 1)~"},
      {R"~(-7 % 3)~", R"~(int64 -1)~"},
      {R"~(9223372036854775807 + 1)~", R"~(int64 -9223372036854775808)~"},
      {R"~("i" / 0)~", R"~(error: runtime error: integer divide by zero)~"},
      {R"~("i" % 0)~", R"~(error: runtime error: integer divide by zero)~"},
      {R"~(2.5 + 1.5)~", R"~(float64 4)~"},
      {R"~(1.0 / 0.0)~", R"~(float64 +Inf)~"},
      {R"~(-1.0 / 0.0)~", R"~(float64 -Inf)~"},
      {R"~(0.0 / 0.0 == 0.0 / 0.0)~", R"~(bool false)~"},
      {R"~(1 + 1.5)~",
       R"~(compile error: mismatched type to binary operator. got int + float. see bool(), int(), float(), string(), duration())~"},
      {R"~(1.5 * 2)~",
       R"~(compile error: mismatched type to binary operator. got float * int. see bool(), int(), float(), string(), duration())~"},
      {R"~(2 % 1.5)~",
       R"~(compile error: mismatched type to binary operator. got int % float. see bool(), int(), float(), string(), duration())~"},
      {R"~(1.5 % 2.0)~", R"~(compile error: invalid math operator % for type float)~"},
      {R"~("i" > 6.5)~", R"~(bool true)~"},
      {R"~("f" == 2.5)~", R"~(bool true)~"},
      {R"~("f" < 3)~", R"~(bool true)~"},
      {R"~("i" == 7.0)~", R"~(bool true)~"},
      {R"~('abc' + 'def')~", R"~(string abcdef)~"},
      {R"~('abc' < 'abd')~", R"~(bool true)~"},
      {R"~('B' < 'a')~", R"~(bool true)~"},
      {R"~('é' > 'z')~", R"~(bool true)~"},
      {R"~("s" == 'hello')~", R"~(bool true)~"},
      {R"~("s" - 'h')~", R"~(error: invalid math operator - for type string)~"},
      {R"~("s" =~ /^h.l+o$/)~", R"~(bool true)~"},
      {R"~("s" !~ /world/)~", R"~(bool true)~"},
      {R"~("s" =~ /(?i)HELLO/)~", R"~(bool true)~"},
      {R"~("d" + 30s)~", R"~(time.Duration 2m0s)~"},
      {R"~("d" - 2m)~", R"~(time.Duration -30s)~"},
      {R"~("d" * 2)~", R"~(time.Duration 3m0s)~"},
      {R"~(2 * "d")~", R"~(time.Duration 3m0s)~"},
      {R"~("d" * 1.5)~", R"~(time.Duration 2m15s)~"},
      {R"~(0.5 * "d")~", R"~(time.Duration 45s)~"},
      {R"~("d" / 4)~", R"~(time.Duration 22.5s)~"},
      {R"~("d" / 0.5)~", R"~(time.Duration 3m0s)~"},
      {R"~("d" / 30s)~", R"~(int64 3)~"},
      {R"~("d" / 0)~", R"~(error: runtime error: integer divide by zero)~"},
      {R"~("d" % 7s)~", R"~(error: invalid math operator % for type duration)~"},
      {R"~("d" > 1m)~", R"~(bool true)~"},
      {R"~("d" + 1)~",
       R"~(error: mismatched type to binary operator. got duration + int. see bool(), int(), float(), string(), duration())~"},
      {R"~("d" == 90)~",
       R"~(error: mismatched type to binary operator. got duration == int. see bool(), int(), float(), string(), duration())~"},
      {R"~(TRUE AND FALSE)~", R"~(bool false)~"},
      {R"~(TRUE OR "x" > 0)~", R"~(bool true)~"},
      {R"~(FALSE AND "x" > 0)~", R"~(bool false)~"},
      {R"~("b" == TRUE)~", R"~(bool true)~"},
      {R"~("b" != FALSE)~", R"~(bool true)~"},
      {R"~(TRUE < FALSE)~", R"~(compile error: invalid comparison operator < for type boolean)~"},
      {R"~("b" AND 'yes')~",
       R"~(error: mismatched type to binary operator. got boolean AND string. see bool(), int(), float(), string(), duration())~"},
      {R"~('yes' OR TRUE)~", R"~(compile error: invalid logical operator OR for type string)~"},
      {R"~("b" + 1)~", R"~(error: invalid math operator + for type boolean)~"},
      {R"~("time" > 5)~", R"~(error: invalid comparison operator > for type time)~"},
      {R"~("time" == "time")~", R"~(error: invalid comparison operator == for type time)~"},
      {R"~("x" > 5)~", R"~(error: left reference value "x" is missing value)~"},
      {R"~(5 > "x")~", R"~(error: right reference value "x" is missing value)~"},
      {R"~("x" + 1)~", R"~(error: invalid math operator + for type missing)~"},
      {R"~("x" AND TRUE)~", R"~(error: left reference value "x" is missing value)~"},
      {R"~(-"x" > 5)~",
       R"~(error: expected leftEvaluator to be *EvalReferenceNode got *stateful.EvalUnaryNode)~"},
      {R"~("x" == "y")~", R"~(error: left reference value "x" is missing value)~"},
      {R"~((1 + 2) * 3)~", R"~(int64 9)~"},
      {R"~(2 + 3 * 4)~", R"~(int64 14)~"},
      {R"~("i" * "f")~",
       R"~(error: mismatched type to binary operator. got int * float. see bool(), int(), float(), string(), duration())~"},
      {R"~("f" * "i")~",
       R"~(error: mismatched type to binary operator. got float * int. see bool(), int(), float(), string(), duration())~"},
      {R"~(1.0 AND TRUE)~", R"~(compile error: invalid logical operator AND for type float)~"},
      {R"~("s" * 2)~", R"~(error: invalid math operator * for type string)~"},
  };
  check_table(std::begin(cases), std::end(cases));
}

TEST_CASE("unary operators, missing values and predicates", "[expr]") {
  // `P:` evaluates as where() does. Kapacitor's `-` of a bool negates it, and its type errors
  // come from the evaluator that meets the value first (TypeGuard, reference, ...).
  static const Case cases[] = {
      {R"~(-5)~", R"~(int64 -5)~"},
      {R"~(-"i")~", R"~(int64 -7)~"},
      {R"~(-"f")~", R"~(float64 -2.5)~"},
      {R"~(-"d")~", R"~(time.Duration -1m30s)~"},
      {R"~(-(-"i"))~", R"~(int64 7)~"},
      {R"~(-9223372036854775807 - 1)~", R"~(int64 -9223372036854775808)~"},
      {R"~(-"b")~", R"~(bool false)~"},
      {R"~(-TRUE)~", R"~(bool false)~"},
      {R"~(!"b")~", R"~(bool false)~"},
      {R"~(!FALSE)~", R"~(bool true)~"},
      {R"~(!"i")~",
       R"~(error: TypeGuard: expression returned unexpected type int, expected boolean)~"},
      {R"~(!5)~",
       R"~(error: TypeGuard: expression returned unexpected type int, expected boolean)~"},
      {R"~(!"x")~", R"~(error: reference "x" is missing value)~"},
      {R"~(-"x")~", R"~(error: reference "x" is missing value)~"},
      {R"~(-"s")~",
       R"~(error: TypeGuard: expression returned unexpected type invalid type, expected string)~"},
      {R"~(-'abc')~",
       R"~(error: TypeGuard: expression returned unexpected type string, expected string)~"},
      {R"~(!("i" > 5))~", R"~(bool false)~"},
      {R"~(!isPresent("x"))~", R"~(bool true)~"},
      {R"~("x")~", R"~(error: missing value: "x")~"},
      {R"~("s")~", R"~(string hello)~"},
      {R"~("time")~", R"~(error: expression returned unexpected type time)~"},
      {R"~("b")~", R"~(bool true)~"},
      {R"~(P:"b")~", R"~(bool true)~"},
      {R"~(P:"i")~",
       R"~(error: TypeGuard: expression returned unexpected type int, expected boolean)~"},
      {R"~(P:"x")~", R"~(error: reference "x" is missing value)~"},
      {R"~(P:"s")~",
       R"~(error: TypeGuard: expression returned unexpected type string, expected boolean)~"},
      {R"~(P:"i" + 1)~", R"~(error: expression returned unexpected type int64)~"},
      {R"~(P:"s" + 'x')~", R"~(error: expression returned unexpected type <nil>)~"},
      {R"~(P:abs("f"))~",
       R"~(error: TypeGuard: expression returned unexpected type float, expected boolean)~"},
      {R"~(P:-"f")~",
       R"~(error: TypeGuard: expression returned unexpected type float, expected boolean)~"},
      {R"~(P:!"i")~",
       R"~(error: TypeGuard: expression returned unexpected type int, expected boolean)~"},
      {R"~(P:5)~",
       R"~(error: TypeGuard: expression returned unexpected type int, expected boolean)~"},
      {R"~(P:2.5)~",
       R"~(error: TypeGuard: expression returned unexpected type float, expected boolean)~"},
      {R"~(P:isPresent("x") AND "x" > 0)~", R"~(bool false)~"},
      {R"~(P:!isPresent("x") OR "x" > 0)~", R"~(bool true)~"},
      {R"~(P:"i" > 5 AND "s" =~ /^he/)~", R"~(bool true)~"},
      {R"~(P:"f" > 2 OR 1 / 0 > 0)~", R"~(bool true)~"},
      {R"~(P:"f" < 2 AND 1 / 0 > 0)~", R"~(bool false)~"},
  };
  check_table(std::begin(cases), std::end(cases));
}

TEST_CASE("a division by zero is flagged as a Go panic", "[expr]") {
  const auto expression = compile_text(R"("f" < 2 OR 1 / 0 > 0)");
  TestScope scope;
  ExpressionState state;
  const auto result = evaluate_predicate(expression, scope, state);
  CHECK(result.error == "runtime error: integer divide by zero");
  CHECK(result.panicked);
  CHECK(run("strSubstring('hello', 3, 1)") ==
        "error: runtime error: slice bounds out of range [3:1]");
  // A panic unwinds without the "Failed to handle ..." prefixes.
  CHECK(run("strLength(strSubstring('hello', 3, 1))") ==
        "error: runtime error: slice bounds out of range [3:1]");
}

TEST_CASE("a name that is both a field and a tag is an error", "[expr]") {
  // Checked for every reference before evaluating, as Kapacitor fills its scope.
  CHECK(run(R"("both" > 0)") == R"(error: cannot have field and tags with same name "both")");
  CHECK(run(R"(TRUE OR "both" > 0)") ==
        R"(error: cannot have field and tags with same name "both")");
  CHECK(run(R"(P:"i" > 0)") == "bool true");
}

TEST_CASE("\"time\" is the point time whatever the fields say", "[expr]") {
  struct TimeFieldScope : TestScope {
    Value field(std::string_view name) const override {
      if (name == "time") return Value::make_int(42);
      return TestScope::field(name);
    }
  };
  const auto expression = compile_text(R"(unixNano("time"))");
  TimeFieldScope scope;
  ExpressionState state;
  CHECK(evaluate(expression, scope, state).value == Value::make_int(scope.time()));
}

TEST_CASE("results never borrow from the scope", "[expr]") {
  struct BorrowingScope : TestScope {
    std::string host = "server01";
    Value field(std::string_view name) const override {
      if (name == "host") return Value::make_borrowed_string(host);
      return TestScope::field(name);
    }
  };
  const auto expression = compile_text(R"("host")");
  BorrowingScope scope;
  ExpressionState state;
  auto result = evaluate(expression, scope, state);
  scope.host = "changed!";
  CHECK_FALSE(result.value.is_borrowed());
  CHECK(result.value.as_string() == "server01");
}

TEST_CASE("now() comes from the scope", "[expr]") {
  struct WallClockScope : TestScope {
    int64_t now() const override { return 86'400'000'000'000; }
  };
  const auto expression = compile_text("unixNano(now())");
  TestScope data_time;
  WallClockScope wall_clock;
  ExpressionState state;
  CHECK(evaluate(expression, data_time, state).value == Value::make_int(data_time.time()));
  CHECK(evaluate(expression, wall_clock, state).value == Value::make_int(86'400'000'000'000));
  CHECK(run("day(now())") == "int64 14");
}

TEST_CASE("unsupported field types behave as Kapacitor's invalid type", "[expr]") {
  struct UnsignedScope : TestScope {
    Value field(std::string_view name) const override {
      if (name == "u") return Value::make_invalid();
      return TestScope::field(name);
    }
  };
  UnsignedScope scope;
  ExpressionState state;
  CHECK(evaluate_predicate(compile_text(R"("u" > 1)"), scope, state).error ==
        "left value is invalid value type");
  CHECK(evaluate(compile_text(R"(abs("u"))"), scope, state).error ==
        R"(Cannot call function "abs" with args ("u": invalid type), available signatures are )"
        "[(float)].");
  CHECK(evaluate(compile_text(R"("u")"), scope, state).error ==
        "expression returned unexpected type invalid type");
  CHECK(evaluate(compile_text(R"("u" + 1)"), scope, state).error ==
        "invalid math operator + for type int");
}
