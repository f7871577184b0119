// Compiling lambdas: Kapacitor's compile-time type errors, farad's early call checks, regex
// errors, and what a compiled expression records.

#include "expr/compiled_expression.hpp"

#include <catch2/catch.hpp>

#include "expr_test_support.hpp"

namespace {

using farad::expr::CompileError;
using farad::expr::ValueType;
using farad::expr::testing::Case;
using farad::expr::testing::compile_text;
using farad::expr::testing::run;

}  // namespace

TEST_CASE("compile errors", "[expr]") {
  // Operand types known without data are checked when compiling, as Kapacitor does, with its
  // "Failed to handle ..." prefixes. Calls that can never succeed and bad regexes carry no
  // prefix: Kapacitor reports those at evaluation and at parse time.
  static const Case cases[] = {
      {R"~(1 + 1.5)~",
       R"~(compile error: mismatched type to binary operator. got int + float. see bool(), int(), float(), string(), duration())~"},
      {R"~("f" > 1 AND (1 + 1.5 > 2))~",
       R"~(compile error: Failed to handle right node: Failed to handle left node: mismatched type to binary operator. got int + float. see bool(), int(), float(), string(), duration())~"},
      {R"~(("i" + 1) * (2.5 % 1.0))~",
       R"~(compile error: Failed to handle right node: invalid math operator % for type float)~"},
      {R"~(abs(1 + 1.5))~",
       R"~(compile error: Failed to handle 1 argument: mismatched type to binary operator. got int + float. see bool(), int(), float(), string(), duration())~"},
      {R"~(-(1 + 2.5))~",
       R"~(compile error: Failed to handle node: mismatched type to binary operator. got int + float. see bool(), int(), float(), string(), duration())~"},
      {R"~(TRUE < FALSE)~", R"~(compile error: invalid comparison operator < for type boolean)~"},
      {R"~(10s % 3s)~", R"~(compile error: invalid math operator % for type duration)~"},
      {R"~('a' - 'b')~", R"~(compile error: invalid math operator - for type string)~"},
      {R"~(foo(1))~", R"~(compile error: undefined function: "foo")~"},
      {R"~(abs(foo("x")))~", R"~(compile error: undefined function: "foo")~"},
      {R"~(abs(1))~",
       R"~(compile error: Cannot call function "abs" with args (1: int), available signatures are [(float)].)~"},
      {R"~(abs(1, 2))~",
       R"~(compile error: Cannot call function "abs" with args (1: int,2: int), available signatures are [(float)].)~"},
      {R"~(abs("x", 2))~",
       R"~(compile error: Cannot call function "abs" with 2 arguments, available signatures are [(float)].)~"},
      {R"~(count(1))~",
       R"~(compile error: Cannot call function "count" with args (1: int), available signatures are [()].)~"},
      {R"~(rand(1, 2))~",
       R"~(compile error: Cannot call function "rand" with args (1: int,2: int), available signatures are [(), (int)].)~"},
      {R"~(strReplace('a', 'b', 'c'))~",
       R"~(compile error: Cannot call function "strReplace" with args (a: string,b: string,c: string), available signatures are [(string,string,string,int)].)~"},
      {R"~(if(TRUE, 1))~",
       R"~(compile error: Cannot call function "if" with args (true: boolean,1: int), available signatures are [(boolean,float,float), (boolean,int,int), (boolean,string,string), (boolean,boolean,boolean), (boolean,regex,regex), (boolean,time,time), (boolean,duration,duration)].)~"},
      {R"~(if(TRUE, 1, 2.0))~",
       R"~(compile error: Cannot call function "if" with args (true: boolean,1: int,2: float), available signatures are [(boolean,float,float), (boolean,int,int), (boolean,string,string), (boolean,boolean,boolean), (boolean,regex,regex), (boolean,time,time), (boolean,duration,duration)].)~"},
      {R"~(isPresent(5m))~",
       R"~(compile error: Cannot call function "isPresent" with args (5m0s: duration), available signatures are [(missing), (boolean), (string), (int), (float)].)~"},
      {R"~("s" =~ /(/)~", R"~(compile error: error parsing regexp: missing closing ): `(`)~"},
      {R"~("s" =~ /a**/)~",
       R"~(compile error: error parsing regexp: invalid nested repetition operator: `**`)~"},
      {R"~("s" =~ /[z-a]/)~",
       R"~(compile error: error parsing regexp: invalid character class range: `z-a`)~"},
      {R"~("s" =~ /\8/)~",
       R"~(compile error: error parsing regexp: invalid escape sequence: `\8`)~"},
      {R"~("s" =~ /(?P<n>a)(?P<n>b)/)~", R"~(bool false)~"},
      {R"~("s" =~ /x{1001}/)~",
       R"~(compile error: error parsing regexp: invalid repeat count: `{1001}`)~"},
      {R"~("s" =~ /(?<n>a)/)~",
       R"~(compile error: error parsing regexp: invalid or unsupported Perl syntax: `(?<`)~"},
  };
  for (const Case& c : cases) {
    INFO(c.expression);
    CHECK(run(c.expression) == c.expected);
  }
}

TEST_CASE("compile errors point at the node at fault", "[expr]") {
  try {
    compile_text(R"("f" > 1 AND foo(2))");
    FAIL("expected a compile error");
  } catch (const CompileError& error) {
    CHECK(error.offset() == 12);
  }
}

TEST_CASE("identifiers and stars are not expressions", "[expr]") {
  farad::lang::Node identifier;
  identifier.kind = farad::lang::NodeKind::Identifier;
  identifier.text = "x";
  CHECK_THROWS_WITH(farad::expr::compile_expression(identifier),
                    "Given node type is not valid evaluation node: *ast.IdentifierNode");
  farad::lang::Node star;
  star.kind = farad::lang::NodeKind::Star;
  CHECK_THROWS_WITH(farad::expr::compile_expression(star),
                    "Given node type is not valid evaluation node: *ast.StarNode");
}

TEST_CASE("a compiled expression lists its references and knows whether it is stateful", "[expr]") {
  const auto e = compile_text(R"("b" AND "i" > 5 OR "b" AND hour("time") == 3)");
  CHECK(e.references() == std::vector<std::string>{"b", "i", "time"});
  CHECK_FALSE(e.is_stateful());
  CHECK(e.root().constant_type == ValueType::Bool);
  CHECK(compile_text("sigma(\"f\") > 3.0").is_stateful());
  CHECK(compile_text("count()").is_stateful());
}

TEST_CASE("expressions print as Kapacitor prints them in messages", "[expr]") {
  CHECK(compile_text(R"(("f" + 1.0) * 2.5 > -"i")").text() == R"("f" + 1 * 2.5 > -"i")");
  CHECK(compile_text(R"(strContains("s", 'a\'b'))").text() == R"(strContains("s", a'b))");
  CHECK(compile_text(R"("s" =~ /a\/b/)").text() == R"("s" =~ a\/b)");
  CHECK(compile_text("1000000.0 + 1.5").text() == "1e+06 + 1.5");
  CHECK(compile_text("90s + 1500ms").text() == "1m30s + 1.5s");
  CHECK(compile_text("TRUE AND !FALSE").text() == "true AND !false");
}
