#include "expr/expression_state.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "expr_test_support.hpp"

using farad::expr::evaluate;
using farad::expr::ExpressionState;
using farad::expr::testing::compile_text;
using farad::expr::testing::TestScope;

TEST_CASE("expression state survives a checkpoint", "[expr]") {
  const auto expression =
      compile_text(R"(sigma("f") + spread(float(count())) + float(rand(1000)))");
  const TestScope scope;
  ExpressionState state;
  for (int i = 0; i < 5; ++i) evaluate(expression, scope, state);

  std::string saved;
  state.save(saved);
  ExpressionState restored;
  restored.restore(saved);
  CHECK(restored == state);
  // Both continue identically.
  CHECK(evaluate(expression, scope, restored).value == evaluate(expression, scope, state).value);
  CHECK(restored == state);
}

TEST_CASE("a fresh state saves and restores as fresh", "[expr]") {
  ExpressionState fresh;
  std::string saved;
  fresh.save(saved);
  ExpressionState other;
  other.count() = 9;
  other.restore(saved);
  CHECK(other == fresh);
  CHECK(other.spread().min == std::numeric_limits<double>::infinity());
}

TEST_CASE("restore rejects what save did not write", "[expr]") {
  ExpressionState state;
  CHECK_THROWS_AS(state.restore(""), std::invalid_argument);
  CHECK_THROWS_AS(state.restore(std::string(65, '\x07')), std::invalid_argument);
  std::string saved;
  state.save(saved);
  CHECK_THROWS_AS(state.restore(saved + "x"), std::invalid_argument);
}
