#pragma once
// Runs lambda expressions for the expr tests. Expected values in the tables were produced by
// Kapacitor's own tick/stateful package over the same scope, so a row that fails is a
// difference from Kapacitor, not a matter of taste.
//
// The scope: fields "f" = 2.5, "i" = 7, "b" = TRUE, "d" = 90s; tag "s" = 'hello'; the point
// time is 2023-11-14T22:13:20.123456789Z; every other name is missing.

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "expr/compiled_expression.hpp"
#include "expr/evaluate.hpp"
#include "expr/go_format.hpp"
#include "lang/diagnostic.hpp"
#include "lang/parser.hpp"

namespace farad::expr::testing {

inline constexpr int64_t kPointTime = 1700000000123456789;

class TestScope : public Scope {
 public:
  explicit TestScope(int64_t time = kPointTime) : time_(time) {}

  Value field(std::string_view name) const override {
    if (name == "f") return Value::make_float(2.5);
    if (name == "i") return Value::make_int(7);
    if (name == "b") return Value::make_bool(true);
    if (name == "d") return Value::make_duration(90'000'000'000);
    if (name == "both") return Value::make_int(1);
    return Value::make_missing();
  }

  std::optional<std::string_view> tag(std::string_view name) const override {
    if (name == "s") return std::string_view("hello");
    if (name == "both") return std::string_view("tag");
    return std::nullopt;
  }

  int64_t time() const override { return time_; }

 private:
  int64_t time_;
};

/// Parses and compiles a lambda expression; throws what the parser or compiler throws.
inline CompiledExpression compile_text(std::string_view text) {
  const lang::NodePtr lambda = lang::parse_lambda_text(lang::Source("test", std::string(text)));
  return compile_expression(*lambda);
}

/// `float64 5`, `int64 -3`, `bool true`, `string hello`, `time.Duration 1m30s`,
/// `error: <message>` or `compile error: <message>`, as the Kapacitor reference runs print them.
inline std::string describe(const Evaluation& result) {
  if (!result.ok()) return "error: " + result.error;
  return to_display(result.value);
}

/// Evaluates `text` once. A leading `@<ns>:` sets the point time; a leading `P:` evaluates it
/// as a predicate (where, alert levels).
inline std::string run(std::string_view text, int64_t time = kPointTime) {
  if (text.substr(0, 1) == "@") {
    const size_t colon = text.find(':');
    time = std::stoll(std::string(text.substr(1, colon - 1)));
    text.remove_prefix(colon + 1);
  }
  const bool predicate = text.substr(0, 2) == "P:";
  if (predicate) text.remove_prefix(2);
  std::optional<CompiledExpression> compiled;
  try {
    compiled = compile_text(text);
  } catch (const CompileError& error) {
    return std::string("compile error: ") + error.what();
  }
  TestScope scope(time);
  ExpressionState state;
  return describe(predicate ? evaluate_predicate(*compiled, scope, state)
                            : evaluate(*compiled, scope, state));
}

/// One row of a table: an expression and what Kapacitor gives for it.
struct Case {
  const char* expression;
  const char* expected;
};

}  // namespace farad::expr::testing

namespace Catch {
template <>
struct StringMaker<farad::expr::Value> {
  static std::string convert(const farad::expr::Value& value) {
    return farad::expr::to_display(value);
  }
};
}  // namespace Catch
