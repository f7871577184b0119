// sigma(), count(), spread() and rand() over a sequence of points, against Kapacitor.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "expr_test_support.hpp"

namespace {

using farad::expr::evaluate;
using farad::expr::evaluate_predicate;
using farad::expr::ExpressionState;
using farad::expr::to_display;
using farad::expr::testing::compile_text;
using farad::expr::testing::kPointTime;
using farad::expr::testing::TestScope;

// Evaluates `text` on `points` points with one state; point k is at
// kPointTime + k * 1000000007 + k^2 * 12345 ns, as in the Kapacitor reference runs.
std::vector<std::string> sequence(const char* text, int points, bool predicate = false) {
  const auto expression = compile_text(text);
  ExpressionState state;
  std::vector<std::string> out;
  for (int64_t k = 0; k < points; ++k) {
    const TestScope scope(kPointTime + k * 1000000007 + k * k * 12345);
    const auto result = predicate ? evaluate_predicate(expression, scope, state)
                                  : evaluate(expression, scope, state);
    out.push_back(result.ok() ? to_display(result.value) : "error: " + result.error);
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("count() counts per expression, every call advancing the same counter", "[expr]") {
  CHECK(sequence("count()", 5) == Strings{"int64 1", "int64 2", "int64 3", "int64 4", "int64 5"});
  CHECK(sequence("count() + count()", 4) == Strings{"int64 3", "int64 7", "int64 11", "int64 15"});
  // The right side of AND is skipped while the left is false, so its count() lags.
  CHECK(sequence("count() > 2 AND count() > 3", 5, true) ==
        Strings{"bool false", "bool false", "bool true", "bool true", "bool true"});
}

TEST_CASE("sigma() and spread() keep running statistics", "[expr]") {
  CHECK(sequence(R"(sigma(float(unixNano("time") % 1000)))", 6) ==
        Strings{"float64 0", "float64 0.7071067811865475", "float64 0.5184673298495507",
                "float64 1.0148123461978307", "float64 0.3816101788940391",
                "float64 0.06271349126737005"});
  CHECK(sequence(R"(spread(float(unixNano("time") % 1000)))", 6) ==
        Strings{"float64 0", "float64 648", "float64 648", "float64 774", "float64 774",
                "float64 774"});
  CHECK(sequence("sigma(2.5)", 3) == Strings{"float64 0", "float64 0", "float64 0"});
  // Both calls feed one sigma.
  CHECK(sequence(R"(sigma(float(minute("time"))) + sigma(float(hour("time"))))", 3) ==
        Strings{"float64 0.7071067811865476", "float64 1.4433756729740643",
                "float64 1.6431676725154984"});
}

TEST_CASE("each group gets its own state", "[expr]") {
  const auto expression = compile_text("count()");
  const TestScope scope;
  const ExpressionState fresh;
  ExpressionState a = fresh;
  ExpressionState b = fresh;
  evaluate(expression, scope, a);
  evaluate(expression, scope, a);
  CHECK(evaluate(expression, scope, a).value == farad::expr::Value::make_int(3));
  CHECK(evaluate(expression, scope, b).value == farad::expr::Value::make_int(1));
  a.reset();
  CHECK(evaluate(expression, scope, a).value == farad::expr::Value::make_int(1));
}

TEST_CASE("rand() is non-negative, bounded, and deterministic per seed", "[expr]") {
  const auto unbounded = compile_text("rand()");
  const auto bounded = compile_text("rand(10)");
  const TestScope scope;
  ExpressionState first;
  ExpressionState second;
  ExpressionState third;
  for (int i = 0; i < 200; ++i) {
    const auto a = evaluate(unbounded, scope, first).value;
    CHECK(a.as_int() >= 0);
    CHECK(evaluate(unbounded, scope, second).value == a);
    const auto b = evaluate(bounded, scope, third).value.as_int();
    CHECK((b >= 0 && b < 10));
  }
  ExpressionState seeded;
  seeded.seed_random(12345);
  CHECK_FALSE(evaluate(unbounded, scope, seeded).value == evaluate(unbounded, scope, second).value);
  // mwc's Uint64n(0) is 0.
  CHECK(evaluate(compile_text("rand(0)"), scope, seeded).value.as_int() == 0);
  CHECK(evaluate(compile_text("rand(-3)"), scope, seeded).value.as_int() >= 0);
}
