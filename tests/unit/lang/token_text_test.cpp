#include "lang/token_text.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "lang/parser.hpp"

namespace {

using farad::lang::comment_line_text;
using farad::lang::Node;
using farad::lang::NodeKind;
using farad::lang::token_text;

Node leaf(NodeKind kind, std::string text) {
  Node node;
  node.kind = kind;
  node.text = std::move(text);
  return node;
}

Node triple(std::string text) {
  Node node = leaf(NodeKind::String, std::move(text));
  node.triple_quoted = true;
  return node;
}

// The value a string token reads back as, through the real parser.
std::string reparsed_string(const std::string& token) {
  const auto program = farad::lang::parse_program(farad::lang::Source("t", "var s = " + token));
  return program.statements.at(0)->children.at(0)->text;
}

}  // namespace

TEST_CASE("token_text keeps number and duration literals as written") {
  CHECK(token_text(leaf(NodeKind::Number, "010")) == "010");
  CHECK(token_text(leaf(NodeKind::Number, ".5")) == ".5");
  CHECK(token_text(leaf(NodeKind::Duration, "5µ")) == "5µ");
  CHECK(token_text(leaf(NodeKind::Duration, "60s")) == "60s");
}

TEST_CASE("token_text spells computed numbers and durations") {
  Node integer = leaf(NodeKind::Number, "");
  integer.int_value = 42;
  Node real = leaf(NodeKind::Number, "");
  real.is_float = true;
  real.float_value = 2;
  Node fraction = leaf(NodeKind::Number, "");
  fraction.is_float = true;
  fraction.float_value = 0.25;
  CHECK(token_text(integer) == "42");
  CHECK(token_text(real) == "2.0");
  CHECK(token_text(fraction) == "0.25");

  const std::pair<int64_t, const char*> durations[] = {
      {0, "0s"},
      {90'000'000'000, "90s"},
      {3'600'000'000'000, "1h"},
      {1'500'000, "1500u"},
      {172'800'000'000'000, "2d"},
      {1'500, "1500ns"},
  };
  for (const auto& [nanoseconds, text] : durations) {
    Node duration = leaf(NodeKind::Duration, "");
    duration.duration_ns = nanoseconds;
    CHECK(token_text(duration) == text);
  }
}

TEST_CASE("token_text re-escapes quoted tokens") {
  CHECK(token_text(leaf(NodeKind::String, "it's")) == R"('it\'s')");
  CHECK(token_text(leaf(NodeKind::String, R"(C:\dir)")) == R"('C:\dir')");
  CHECK(token_text(leaf(NodeKind::String, R"(a\'b)")) == R"('a\\'b')");
  CHECK(token_text(leaf(NodeKind::Reference, R"(a"b)")) == R"("a\"b")");
  CHECK(token_text(leaf(NodeKind::Regex, "^/root/")) == R"(/^\/root\//)");
  CHECK(token_text(triple("it's\n\"raw\"")) == "'''it's\n\"raw\"'''");
  CHECK(token_text(leaf(NodeKind::Star, "")) == "*");
  CHECK(token_text(leaf(NodeKind::Identifier, "høst")) == "høst");
}

TEST_CASE("token_text switches quotes when the written ones cannot hold the value") {
  // Values the parser produces from Kapacitor's quirky triple-quote closing, and a value that
  // ends in a backslash, which single quotes cannot end with.
  const std::pair<Node, const char*> rows[] = {
      {triple("a''"), R"('a\'\'')"},
      {triple("x'"), R"('x\'')"},
      {leaf(NodeKind::String, R"(dir\)"), R"('''dir\''')"},
  };
  for (const auto& [node, text] : rows) {
    CHECK(token_text(node) == text);
    CHECK(reparsed_string(text) == node.text);
  }
}

TEST_CASE("comment_line_text adds the space after // that tickfmt adds") {
  const std::pair<const char*, const char*> rows[] = {
      {"", "//"},
      {"   ", "//"},
      {" Window data  ", "// Window data"},
      {"fix this line", "// fix this line"},
      {"     indented", "//     indented"},
      {"/ 2", "// / 2"},
  };
  for (const auto& [text, line] : rows) CHECK(comment_line_text(text) == line);
}
