// TICKscript tokens as Kapacitor's lexer (tick/ast/lex.go) reads them: literals, identifiers,
// comments, and the context rules for '/' and '*'. Each row: script -> dump or "LINE:COL error".

#include <catch2/catch.hpp>

#include "ast_dump.hpp"

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

const farad::lang::Node& first_value(const farad::lang::Program& program) {
  return *program.statements.at(0)->children.at(0);
}

farad::lang::Program parse(const char* text) {
  return farad::lang::parse_program(farad::lang::Source("test.tick", text));
}

}  // namespace

TEST_CASE("numbers") {
  check_rows({
      {"42", "42"},
      {"42.21", "42.21f"},
      {".421", "0.421f"},
      {"0.421", "0.421f"},
      {"1.", "1f"},
      {"0", "0"},
      {"00", "0"},
      {"010", "8"},
      {"var x = 0644", "var x = 420"},
      {"var x = -0600", "var x = (- 384)"},
      {"9223372036854775807", "9223372036854775807"},
      {"var x = 08", "1:9 illegal octal number \"08\""},
      {"var x = 1.2.3", "1:9 multiple decimals in number"},
      {"var x = 5..", "1:9 multiple decimals in number"},
      {"var x = .5.", "1:9 multiple decimals in number"},
      {"9223372036854775808", "1:1 number out of range"},
      {"var x = 10e5", "1:9 invalid number \"10e5\""},
      {"var x = 0x1F", "1:9 invalid number \"0x1F\""},
      // Numbers are never negative: '-' is always an operator.
      {"var x = 5 -5", "var x = (- 5 5)"},
  });
}

TEST_CASE("durations") {
  check_rows({
      {"1u", "1u"},
      {"1µ", "1µ"},
      {"1ms", "1ms"},
      {"42s", "42s"},
      {"1m", "1m"},
      {"1h", "1h"},
      {"1d", "1d"},
      {"1w", "1w"},
      {"var x = -5h", "var x = (- 5h)"},
      {"var x = 10ns", "1:9 invalid duration unit \"ns\""},
      {"var x = 5min", "1:9 invalid duration unit \"min\""},
      {"var x = 5µs", "1:9 invalid duration unit \"µs\""},
      {"var x = 1.5s", "1:9 invalid duration \"1.5s\""},
      {"var x = 1h30m", "1:9 invalid duration \"1h30m\""},
      {"var x = 100000000w", "1:9 duration out of range \"100000000w\""},
  });
  const struct {
    const char* script;
    int64_t nanoseconds;
  } values[] = {
      {"1u", 1'000},
      {"1µ", 1'000},
      {"3ms", 3'000'000},
      {"42s", 42'000'000'000},
      {"2m", 120'000'000'000},
      {"1h", 3'600'000'000'000},
      {"1d", 86'400'000'000'000},
      {"1w", 604'800'000'000'000},
      {"010s", 10'000'000'000},  // durations are decimal, whatever their leading zeros
  };
  for (const auto& value : values) {
    CAPTURE(value.script);
    const auto program = parse(value.script);
    CHECK(program.statements.at(0)->duration_ns == value.nanoseconds);
  }
}

TEST_CASE("strings") {
  check_rows({
      {"'str'", "'str'"},
      {"''", "''"},
      {"''''''", "''''''"},
      {R"('str\'')", "'str''"},
      {R"('a\b')", R"('a\b')"},
      {R"('a\\'')", R"('a\'')"},
      {"'''s'tr'''", "'''s'tr'''"},
      {R"('''\'asdf''')", R"('''\'asdf''')"},
      {"'two\nlines'", "'two\nlines'"},
      {"'''raw\n'quoted'\n'''", "'''raw\n'quoted'\n'''"},
      // Kapacitor quirk: after two quotes a backslash does not interrupt the closing quotes,
      // and three characters are cut from each end.
      {R"('''a''\'')", "'''a'''''"},
      {"var x = 'abc", "1:9 unterminated string"},
      {R"(var x = 'abc\')", "1:9 unterminated string"},
      {"var x = '''abc''", "1:9 unterminated string"},
      {"var x = '''", "1:9 unterminated string"},
      {"var x = 'a'\nvar y = 'b", "2:9 unterminated string"},
  });
  CHECK(parse("'''a''\\''").statements.at(0)->text == "a''");
  CHECK(parse("'''x'''").statements.at(0)->triple_quoted);
  CHECK_FALSE(parse("'x'").statements.at(0)->triple_quoted);
}

TEST_CASE("references, regexes and booleans") {
  check_rows({
      {R"("")", R"("")"},
      {R"("ref with spaces")", R"("ref with spaces")"},
      {R"("ref\"")", R"("ref"")"},
      {R"("a\b")", R"("a\b")"},
      {R"(var x = "abc)", "1:9 unterminated reference"},
      {"var x = /.*/", "var x = /.*/"},
      {"var x = /^abc$/", "var x = /^abc$/"},
      {R"(var x = /^((.*)[a-z]+\S{0,2})|cat\/\/$/)", "var x = /^((.*)[a-z]+\\S{0,2})|cat//$/"},
      {"var x = /a\nb/", "var x = /a\nb/"},
      {"var x = /abc", "1:9 unterminated regex"},
      {"TRUE", "TRUE"},
      {"FALSE", "FALSE"},
      {"true", "true"},
      {"TRUEISH", "TRUEISH"},
  });
}

TEST_CASE("identifiers and keywords") {
  check_rows({
      {"variable", "variable"},
      {"myVar01", "myVar01"},
      {"x_1", "x_1"},
      {"température", "température"},
      {"δx٣", "δx٣"},
      {"lambda", "lambda"},
      {"varx", "varx"},
      {"and", "and"},
      {"var _x = 1", "1:5 identifiers cannot start with '_'"},
      {"_x", "1:1 identifiers cannot start with '_'"},
      {"var var = 1", "1:5 unexpected 'var', expected a variable name after 'var'"},
      {"var AND = 1", "1:5 unexpected 'AND', expected a variable name after 'var'"},
      {"var x = lambda", "var x = lambda"},
      {"var x = lambda :x", "1:16 unexpected character ':', expected a statement"},
      {"var x = #", "1:9 unexpected character '#', expected an expression after '='"},
      {"var x = 1 ; var y = 2", "1:11 unexpected character ';', expected a statement"},
      {"var x = ¤", "1:9 unexpected character '¤' (U+00A4), expected an expression after '='"},
      {"\xEF\xBB\xBFvar x = 1",
       "1:1 unexpected character '\xEF\xBB\xBF' (U+FEFF), expected a statement"},
      {"var x = \x01", "1:9 unexpected character U+0001, expected an expression after '='"},
      {"var x = \xFF", "1:9 unexpected byte 0xFF (not UTF-8), expected an expression after '='"},
      {"var x = 'caf\xFF'", "var x = 'caf\xFF'"},
  });
}

TEST_CASE("'/' begins a regex in operand position and divides after an operand") {
  check_rows({
      {"var x = a / b / c", "var x = (/ (/ a b) c)"},
      {"var x = a/b", "var x = (/ a b)"},
      {"f(/a/, 1)", "f(/a/, 1)"},
      {"var x = (/a/)", "var x = p/a/"},
      // After '=', '=~' and '!~' a '/' always begins a regex, even '//'.
      {"var r = //", "var r = //"},
      {"var r =\n  /x/", "var r = /x/"},
      {"var r = //x/", "1:13 unexpected end of input, expected an expression after the operator"},
      {"lambda: \"a\" =~ // AND \"b\" !~ //", "lambda:(AND (=~ \"a\" //) (!~ \"b\" //))"},
      // After a regex the lexer is in operand state: '/' starts another regex.
      {"var x = /a/ /b/", "var x = /a/; /b/"},
      {"var x = /a/ / 2", "1:13 unterminated regex"},
      // After an identifier or ')' a lone '/' is division, which cannot start a statement.
      {"var x = a.b / 2", "1:13 unexpected '/', expected a statement"},
      {"var x = f() /a/",
       "1:16 unexpected end of input, expected an expression after the operator"},
  });
}

TEST_CASE("'*' is a star in operand position and multiplies after an operand") {
  check_rows({
      {"var x = 2 * 3", "var x = (* 2 3)"},
      {"var x = *", "var x = *"},
      {"groupBy(*)", "groupBy(*)"},
      {"var x = [a, *]", "var x = [a, *]"},
      {"var x = * - 1", "var x = (- * 1)"},
      // After a star the lexer is in operand state: '*' is another star.
      {"var x = * * 2", "var x = *; *; 2"},
      // AND, OR and lambda: leave the lexer in operator state.
      {"var x = a AND *", "1:15 unexpected '*', expected an expression after the operator"},
      {"var f = lambda: *", "1:17 unexpected '*', expected an expression after 'lambda:'"},
      {"var f = lambda: /a/", "1:17 unexpected '/', expected an expression after 'lambda:'"},
      {"var x = a AND // c\n *", "var x = (ANDml a { c}*)"},
  });
}

TEST_CASE("only '-', AND and OR continue an expression after a regex, a star or a comment") {
  check_rows({
      {"lambda: \"a\" =~ /x/ AND TRUE", "lambda:(AND (=~ \"a\" /x/) TRUE)"},
      {"lambda: \"a\" =~ /x/ == TRUE", "1:20 unexpected '==', expected a statement"},
      {"var x = /x/ + 1", "1:13 unexpected '+', expected a statement"},
      {"var x = a // c\n - 2", "var x = { c}(-ml a 2)"},
      {"var x = a // c\n AND b", "var x = { c}(ANDml a b)"},
      {"var x = a // c\n + 2", "2:2 unexpected '+', expected a statement"},
      {"var x = a // c\n * 2", "var x = a; { c}*; 2"},
      {"var x = a !b", "var x = a; (! b)"},
      {"var x = a !=b", "var x = (!= a b)"},
  });
}

TEST_CASE("comments") {
  check_rows({
      {"// a\n// b\nvar x = 1", "{ a| b}var x = 1"},
      {"// a\n\n// b\nvar x = 1", "{ a|~| b}var x = 1"},
      {"//a\n   //  b  \nvar x = 1", "{a|  b  }var x = 1"},
      {"//\nvar x = 1", "{}var x = 1"},
      {"// a\r\nvar x = 1", "{ a}var x = 1"},
      {"var x = 1 // one\nvar y = 2", "var x = 1; { one}var y = 2"},
      {"var x = 1\n// end", "var x = 1 { end}"},
      {"var x = 1\n// end\n\n// really\n", "var x = 1 { end|~| really}"},
      {"// only", "{ only}"},
      // Kapacitor quirk: a line whose first non-blank character is '/' continues a comment.
      {"var x = a.b // c\n  /x/", "var x = (a .b) { c|/x/}"},
      {"var x = a.b // c\n\n/x/", "var x = (a .b); { c}/x/"},
      {"var x = 'a//b' // c", "var x = 'a//b' { c}"},
  });
}

TEST_CASE("lexical error positions count characters, not bytes") {
  check_rows({
      {"var é = 'abc", "1:9 unterminated string"},
      {"var x = \"µ\"\n  \"é", "2:3 unterminated reference"},
      {"var x = 1\n\tvar y = 1.2.3", "2:10 multiple decimals in number"},
  });
}

TEST_CASE("literal values") {
  const auto program = parse("var x = 1.25\nvar y = 'it\\'s'\nvar z = \"a\\\"b\"\nvar r = /a\\/b/");
  CHECK(first_value(program).float_value == 1.25);
  CHECK(first_value(program).is_float);
  CHECK(program.statements.at(1)->children.at(0)->text == "it's");
  CHECK(program.statements.at(2)->children.at(0)->text == "a\"b");
  CHECK(program.statements.at(3)->children.at(0)->text == "a/b");
}
