#include "lang/diagnostic.hpp"

#include <catch2/catch.hpp>

using farad::lang::make_diagnostic;
using farad::lang::Phase;
using farad::lang::Source;

TEST_CASE("columns count characters, not bytes") {
  const Source source("s.tick", "var a = 5\xC2\xB5\nvar b = 'x'\n");
  struct Row {
    uint32_t offset;
    uint32_t line;
    uint32_t column;
  };
  const Row rows[] = {{0, 1, 1}, {8, 1, 9}, {9, 1, 10}, {11, 1, 11}, {12, 2, 1}, {20, 2, 9}};
  for (const auto& row : rows) {
    INFO(row.offset);
    const auto position = source.locate(row.offset);
    CHECK(position.line == row.line);
    CHECK(position.column == row.column);
  }
}

TEST_CASE("a diagnostic renders file:line:col, the line and a caret under the column") {
  const Source source("s.tick", "stream\n\t|window().period(10\xC2\xB5s)\n");
  const auto d = make_diagnostic(Phase::Compile, source, 29, "unexpected 's'", "remove it");
  CHECK(d.render() ==
        "s.tick:2:22: error: unexpected 's'\n"
        "\t|window().period(10\xC2\xB5s)\n"
        "\t                    ^\n"
        "hint: remove it\n");
}

TEST_CASE("line text excludes the line terminator") {
  const Source source("s.tick", "a\r\nb");
  CHECK(source.line_text(1) == "a");
  CHECK(source.line_text(2) == "b");
  CHECK(source.line_text(3).empty());
}
