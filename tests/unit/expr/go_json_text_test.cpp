#include "expr/go_json_text.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace go = farad::expr::go;

TEST_CASE("floats are written as Go's encoding/json writes float64", "[expr]") {
  struct Case {
    double value;
    const char* text;
  };
  const Case floats[] = {
      {0, "0"},
      {-0.0, "-0"},
      {1, "1"},
      {0.1, "0.1"},
      {1e20, "100000000000000000000"},
      {1e21, "1e+21"},
      {123456789e15, "1.23456789e+23"},
      {1e-6, "0.000001"},
      {1.5e-7, "1.5e-7"},
      {-2.5e-10, "-2.5e-10"},
      {1e-100, "1e-100"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {0.30000000000000004, "0.30000000000000004"},
  };
  for (const auto& c : floats) {
    CAPTURE(c.text);
    std::string out;
    go::append_json_float(out, c.value);
    CHECK(out == c.text);
  }
}

TEST_CASE("strings are written as Go's encoding/json writes them, HTML-escaped", "[expr]") {
  std::string text;
  go::append_json_string(text, "a\"b\\c\n\t\b\f\x01<>&\xe2\x80\xa8\xff\xc3\xa9");
  CHECK(text == R"("a\"b\\c\n\t\b\f\u0001\u003c\u003e\u0026\u2028\ufffd)"
                "\xc3\xa9\"");
}
