#include "io/line_reader.hpp"

#include <catch2/catch.hpp>

#include "io/json_stream.hpp"

TEST_CASE("line reader: newline, CRLF, no final newline, long lines", "[io]") {
  const std::string long_line(200'000, 'x');  // longer than the read buffer
  const std::string text = "a\r\n\nb\n" + long_line + "\nlast";
  farad::io::LineReader reader(farad::io::memory_source(text));
  std::vector<std::string> lines;
  std::string_view line;
  while (reader.next(line)) lines.emplace_back(line);
  CHECK(lines == std::vector<std::string>{"a", "", "b", long_line, "last"});
  CHECK(reader.line_number() == 5);
}

TEST_CASE("JSON object stream: objects cut at their closing brace", "[io]") {
  const std::string text = " {\"a\":\"}{\\\"\"}{\"b\":[{}]}\n\n{\n\"c\":1\n}\n";
  farad::io::JsonObjectReader reader(farad::io::memory_source(text), "t.json");
  std::vector<std::pair<std::string, uint32_t>> objects;
  std::string object;
  while (reader.next(object)) objects.emplace_back(object, reader.line_number());
  CHECK(objects == std::vector<std::pair<std::string, uint32_t>>{
                       {"{\"a\":\"}{\\\"\"}", 1}, {"{\"b\":[{}]}", 1}, {"{\n\"c\":1\n}", 3}});
}
