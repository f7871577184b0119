// TICKscript statements, chains, lambdas and syntax errors, as Kapacitor's parser
// (tick/ast/parser.go) reads them. Each row: script -> dump (see ast_dump.hpp) or "LINE:COL error".

#include <catch2/catch.hpp>

#include "ast_dump.hpp"

using farad::lang::FuncType;
using farad::lang::NodeKind;
using farad::lang::Source;
using farad::lang::test::dump;
using farad::lang::test::parse_dump;

namespace {

struct Row {
  const char* script;
  const char* expected;
};

void check_rows(std::initializer_list<Row> rows) {
  for (const auto& row : rows) {
    CAPTURE(row.script);
    CHECK(parse_dump(row.script) == row.expected);
  }
}

farad::lang::Program parse(const char* text) {
  return farad::lang::parse_program(Source("test.tick", text));
}

}  // namespace

TEST_CASE("statements") {
  check_rows({
      {"", ""},
      {"var x = 5\nvar y = x * 2", "var x = 5; var y = (* x 2)"},
      {"var x = 1 var y = 2", "var x = 1; var y = 2"},
      {"var x int", "var x int"},
      {"var f lambda", "var f lambda"},
      {"var\u00a0x\u2003=\u00851\u2028var y = 2", "var x = 1; var y = 2"},
      {"var x float\nvar y = x", "var x float; var y = x"},
      {"dbrp \"telegraf\".\"autogen\"", "dbrp \"telegraf\".\"autogen\""},
      {"dbrp \"a\" . \"b\"", "dbrp \"a\".\"b\""},
      {"var x = ['str', 'asdf', 'another', s, *]", "var x = ['str', 'asdf', 'another', s, *]"},
      {"var x = [a, b,]", "var x = [a, b]"},
      {"var x = []", "var x = []"},
      {"var x = TRUE", "var x = TRUE"},
      {"var x = !FALSE", "var x = (! FALSE)"},
      {"'just a string'", "'just a string'"},
      {"avg()|parallel(4)x.groupby('cpu')", "(avg() |parallel(4)); (x .groupby('cpu'))"},
      {"stream.5", "stream; 0.5f"},
  });
}

TEST_CASE("chains") {
  check_rows({
      {"var x = a|b()", "var x = (a |b())"},
      {"var x = a.f()", "var x = (a .f())"},
      {"var x = a.f(/.*/)", "var x = (a .f(/.*/))"},
      {"var x = a.f(y/4.0)", "var x = (a .f((/ y 4f)))"},
      {"stream|from().measurement('cpu')|window().period(10s).every(5s)",
       "(((((stream |from()) .measurement('cpu')) |window()) .period(10s)) .every(5s))"},
      {"stream\n  |from()\n    .measurement('cpu')", "((stream |from()) .measurement('cpu'))"},
      {"stream.x", "(stream .x)"},
      {"stream@udf().opt(1)", "((stream @udf()) .opt(1))"},
      {"stream@udf", "(stream @udf)"},
      {"stream | from ( )", "(stream |from())"},
      {"time(10s)", "time(10s)"},
      {"f(a|b())", "f((a |b()))"},
      {"f(x) + 1", "(+ f(x) 1)"},
      {"f()|g()", "(f() |g())"},
      {"f(a, b,)", "f(a, b)"},
      {"f(lambda: \"x\" > 1, [a], 'b')", "f(lambda:(> \"x\" 1), [a], 'b')"},
      {"var b = stream.window()var period int", "var b = (stream .window()); var period int"},
      {"var x = a.b -1", "var x = (a .b); (- 1)"},
  });
}

TEST_CASE("lambdas and operator precedence") {
  check_rows({
      {"var x = lambda: \"value\" < 10", "var x = lambda:(< \"value\" 10)"},
      {"lambda:x > 1", "lambda:(> x 1)"},
      {"lambda: 1 + 2 - 3 * 4 / 5", "lambda:(- (+ 1 2) (/ (* 3 4) 5))"},
      {"lambda: a - b - c", "lambda:(- (- a b) c)"},
      {"lambda: a OR b AND c", "lambda:(OR a (AND b c))"},
      {"lambda: a AND b OR c", "lambda:(OR (AND a b) c)"},
      {"lambda: a == b AND c != d", "lambda:(AND (== a b) (!= c d))"},
      {"lambda: a < b == c > d", "lambda:(== (< a b) (> c d))"},
      {"lambda: a <= b != c >= d", "lambda:(!= (<= a b) (>= c d))"},
      {"lambda: a + b < c * d", "lambda:(< (+ a b) (* c d))"},
      {"lambda: a % b * c", "lambda:(* (% a b) c)"},
      {"lambda: -a * b", "lambda:(* (- a) b)"},
      {"lambda: !a AND b", "lambda:(AND (! a) b)"},
      {"lambda: - - a", "lambda:(- (- a))"},
      {"lambda: (a + b) * c", "lambda:(* p(+ a b) c)"},
      {"lambda: ((a))", "lambda:pa"},
      {"lambda: -(a)", "lambda:(- pa)"},
      {"lambda: \"a\" =~ /x/ OR \"b\" !~ /y/", "lambda:(OR (=~ \"a\" /x/) (!~ \"b\" /y/))"},
      {"lambda: sigma(\"x\") > 2", "lambda:(> sigma(\"x\") 2)"},
      {"lambda: f(a, b + 1,)", "lambda:f(a, (+ b 1))"},
      {"lambda: if(a, 'x', 'y')", "lambda:if(a, 'x', 'y')"},
      {"f('first ' + string(5m) + 'third')", "f((+ (+ 'first ' string(5m)) 'third'))"},
      {"var x = int(sqrt(16.0)) + 4", "var x = (+ int(sqrt(16f)) 4)"},
  });
}

TEST_CASE("multi-line binary expressions") {
  check_rows({
      {"lambda: a AND b", "lambda:(AND a b)"},
      {"lambda: a AND\n b", "lambda:(ANDml a b)"},
      // As in Kapacitor: a newline anywhere between the left and right operand counts.
      {"lambda: a\n AND b", "lambda:(ANDml a b)"},
      {"lambda: (a +\n b) * c", "lambda:(*ml p(+ml a b) c)"},
      {"lambda: (a + b) *\n c", "lambda:(*ml p(+ a b) c)"},
  });
}

TEST_CASE("comments attach to the node that follows them") {
  check_rows({
      {"// set perfect threshold\nvar t = 42\n// only select data above threshold\n"
       "stream.where(lambda: \"value\" > t)",
       "{ set perfect threshold}var t = 42; "
       "({ only select data above threshold}stream .where(lambda:(> \"value\" t)))"},
      {"stream\n  // read cpu\n  |from()\n    // every 10s\n    .every(10s)",
       "{ every 10s}({ read cpu}(stream |from()) .every(10s))"},
      {"stream\n  |from() // trailing on the same line\n  .every(10s)",
       "{ trailing on the same line}((stream |from()) .every(10s))"},
      {"stream|\n  // name\n  from()", "(stream { name}|from())"},
      {"lambda: a\n// c\nAND b", "lambda:{ c}(ANDml a b)"},
      {"var x = lambda: a\n// c\nAND b", "var x = lambda:{ c}(ANDml a b)"},
      {"f(\n// c\na)", "f({ c}a)"},
      {"f(a\n// c\n)", "{ c}f(a)"},
      {"var // c\n x = 1", "{ c}var x = 1"},
      {"lambda: x *\n// c\n(a + b)", "lambda:(*ml x { c}p(+ a b))"},
      {"dbrp // c\n \"a\".\"b\"", "{ c}dbrp \"a\".\"b\""},
  });
}

TEST_CASE("syntax errors point at the offending token") {
  check_rows({
      // The cases of Kapacitor's TestParseErrors.
      {"a\n\n\nvar b = ", "4:9 unexpected end of input, expected an expression after '='"},
      {"a\n\n\nvar b = stream.window()var period)\n\nvar x = 1",
       "4:34 unexpected ')', expected '=' or a type name after the variable name"},
      {"a\n\n\nvar b = stream.window(\nb.period(10s)",
       "5:14 unexpected end of input, expected ',' or ')' to close the argument list"},
      // Statements.
      {")", "1:1 unexpected ')', expected a statement"},
      {"a = b", "1:3 unexpected '=', expected a statement"},
      {"var", "1:4 unexpected end of input, expected a variable name after 'var'"},
      {"var x 5", "1:7 unexpected number '5', expected '=' or a type name after the variable name"},
      {"var x // c\n = 1",
       "2:2 unexpected '=', expected '=' or a type name after the variable name"},
      {"var x == 1", "1:7 unexpected '==', expected '=' or a type name after the variable name"},
      {"dbrp 'db'.'rp'",
       "1:6 unexpected string 'db', expected a double-quoted database name after 'dbrp'"},
      {"dbrp \"db\" \"rp\"",
       "1:11 unexpected reference \"rp\", expected '.' between the database and the retention "
       "policy"},
      {"dbrp \"db\".5",
       "1:10 unexpected number '.5', expected '.' between the database and the "
       "retention policy"},
      {"dbrp \"db\".rp",
       "1:11 unexpected identifier 'rp', expected a double-quoted retention "
       "policy name"},
      // Chains and calls.
      {"stream|", "1:8 unexpected end of input, expected a node name after '|'"},
      {"stream|from", "1:12 unexpected end of input, expected '(' after the node name"},
      {"stream|from\n  .measurement('cpu')",
       "2:3 unexpected '.', expected '(' after the node name"},
      {"stream.", "1:8 unexpected end of input, expected a property name after '.'"},
      {"stream.TRUE", "1:8 unexpected 'TRUE', expected a property name after '.'"},
      {"stream@(", "1:8 unexpected '(', expected a function name after '@'"},
      {"f(,)", "1:3 unexpected ',', expected an argument or ')'"},
      {"f(a,,)", "1:5 unexpected ',', expected an argument or ')'"},
      {"f(a b)", "1:5 unexpected identifier 'b', expected ',' or ')' to close the argument list"},
      {"f(a 'b", "1:5 unterminated string"},
      {"f().x + 1", "1:7 unexpected '+', expected a statement"},
      {"var x = [1]",
       "1:10 unexpected number '1', expected an identifier, a string or '*' in the "
       "list"},
      {"var x = [a b]", "1:12 unexpected identifier 'b', expected ',' or ']' to close the list"},
      {"var x = [a,,]", "1:12 unexpected ',', expected an identifier, a string or '*' in the list"},
      // Expressions.
      {"var x = 1 +", "1:12 unexpected end of input, expected an expression after the operator"},
      {"var x = -",
       "1:10 unexpected end of input, expected an expression after the unary operator"},
      {"var x = (1 + 2", "1:15 unexpected end of input, expected ')' to close the parenthesis"},
      {"var x = ()", "1:10 unexpected ')', expected an expression after '('"},
      {"var x = (a|b())", "1:11 unexpected '|', expected ')' to close the parenthesis"},
      {"var x = lambda:", "1:16 unexpected end of input, expected an expression after 'lambda:'"},
      {"var x = lambda: [a]", "1:17 unexpected '[', expected an expression after 'lambda:'"},
      {"var x = 1 + lambda: 2",
       "1:13 unexpected 'lambda:', expected an expression after the "
       "operator"},
      {"lambda: f(a|b())", "1:12 unexpected '|', expected ',' or ')' to close the argument list"},
      {"lambda: f([a])", "1:11 unexpected '[', expected an argument or ')'"},
      {"lambda: \"a\" === 1", "1:15 unexpected '=', expected an expression after the operator"},
      // In operator state '!=' is one token, which cannot start a statement or an operand.
      {"dbrp \"d\".\"r\" != 1", "1:14 unexpected '!=', expected a statement"},
      {"lambda: a AND != b", "1:15 unexpected '!=', expected an expression after the operator"},
  });
}

TEST_CASE("nodes carry spans and operator offsets") {
  const auto program = parse("var x = a + b\nstream|from()");
  const auto& declaration = *program.statements.at(0);
  CHECK(declaration.kind == NodeKind::Declaration);
  CHECK(declaration.span.begin == 0);
  CHECK(declaration.span.end == 13);
  CHECK(declaration.op_offset == 4);
  const auto& sum = *declaration.children.at(0);
  CHECK(sum.op_offset == 10);
  CHECK(sum.span.begin == 8);
  CHECK(sum.span.end == 13);
  const auto& chain = *program.statements.at(1);
  CHECK(chain.kind == NodeKind::Chain);
  CHECK(chain.text == "|");
  CHECK(chain.op_offset == 20);
  CHECK(chain.span.begin == 14);
  CHECK(chain.span.end == 27);
  const auto& from = *chain.children.at(1);
  CHECK(from.kind == NodeKind::Function);
  CHECK(from.func_type == FuncType::Chain);
  CHECK(from.span.begin == 21);
  CHECK(from.span.end == 27);

  const auto typed = parse("var t duration");
  CHECK(typed.statements.at(0)->kind == NodeKind::TypeDeclaration);
  CHECK(typed.statements.at(0)->text2 == "duration");
  CHECK(typed.statements.at(0)->span.end == 14);

  const auto parens = parse("lambda: (a + b)");
  CHECK(parens.statements.at(0)->children.at(0)->span.begin == 8);
  CHECK(parens.statements.at(0)->children.at(0)->span.end == 15);
}

TEST_CASE("function calls record whether their arguments span lines") {
  CHECK_FALSE(parse("f(a, b)").statements.at(0)->multi_line);
  CHECK(parse("f(a,\n  b)").statements.at(0)->multi_line);
  CHECK_FALSE(parse("f()").statements.at(0)->multi_line);
}

TEST_CASE("a lambda given as text") {
  const auto lambda = farad::lang::parse_lambda_text(Source("vars", "\"value\" > 10 // why"));
  CHECK(lambda->kind == NodeKind::Lambda);
  CHECK(dump(*lambda) == "{ why}lambda:(> \"value\" 10)");
  const struct {
    const char* text;
    const char* error;
  } errors[] = {
      {"", "1:1 unexpected end of input, expected a lambda expression"},
      {"\"value\" >", "1:10 unexpected end of input, expected an expression after the operator"},
      {"a b", "1:3 unexpected identifier 'b', expected the end of the lambda expression"},
      {"lambda: a", "1:1 unexpected 'lambda:', expected a lambda expression"},
  };
  for (const auto& row : errors) {
    CAPTURE(row.text);
    try {
      farad::lang::parse_lambda_text(Source("vars", row.text));
      FAIL("no error");
    } catch (const farad::lang::DiagnosticError& error) {
      const auto& d = error.diagnostic;
      CHECK(std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + " " +
                d.message ==
            row.error);
    }
  }
}

TEST_CASE("nesting is limited before it can exhaust the stack") {
  const auto nested = [](int depth) {
    return "lambda: " + std::string(depth, '(') + "1" + std::string(depth, ')');
  };
  CHECK(parse_dump(nested(100)) == "lambda:p1");
  CHECK(parse_dump(nested(5000)).ends_with("expression nested too deeply"));
  std::string calls;
  for (int i = 0; i < 100; ++i) calls += "f(";
  calls += std::string(100, ')');
  CHECK(parse_dump(calls).starts_with("f(f(f("));
}
