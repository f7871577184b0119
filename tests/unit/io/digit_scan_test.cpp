// The eight-digits-at-a-time reading of integer fields and timestamps must read exactly what a
// digit-by-digit reading reads, at every length and digit, and refuse what it refuses.
#include <catch2/catch.hpp>

#include <charconv>
#include <cstdint>
#include <random>
#include <string>

#include "io/line_protocol.hpp"
#include "io/line_scan.hpp"

using farad::io::LineParser;

namespace {

// The one line `m v=<value>i <time>` parsed: (value, time), or the error text.
std::string parse(const std::string& value, const std::string& time) {
  const std::string line = "m v=" + value + "i " + time;
  LineParser parser(line);
  if (parser.next() != LineParser::Status::Point) return "error: " + parser.error().message;
  const auto& view = parser.view();
  return std::to_string(std::get<int64_t>(view.fields.front().value)) + " " +
         std::to_string(view.time);
}

}  // namespace

TEST_CASE("eight_digits: only eight ASCII digits pass", "[io]") {
  const std::string digits = "0123456789";
  CHECK(farad::io::eight_digits(farad::io::load_eight("01234567")));
  CHECK(farad::io::eight_digits(farad::io::load_eight("99999999")));
  for (int position = 0; position < 8; ++position) {
    for (int byte = 0; byte < 256; ++byte) {
      std::string word = "12345678";
      word[position] = static_cast<char>(byte);
      const bool digit = byte >= '0' && byte <= '9';
      INFO("byte " << byte << " at " << position);
      CHECK(farad::io::eight_digits(farad::io::load_eight(word.data())) == digit);
    }
  }
}

TEST_CASE("eight_digits_value: the decimal value, first digit most significant", "[io]") {
  std::mt19937_64 random(7);
  for (int n = 0; n < 10000; ++n) {
    const uint32_t expected = static_cast<uint32_t>(random() % 100000000);
    char text[9];
    std::snprintf(text, sizeof text, "%08u", expected);
    CHECK(farad::io::eight_digits_value(farad::io::load_eight(text)) == expected);
  }
}

TEST_CASE("integer fields and timestamps of every length read as from_chars reads them", "[io]") {
  std::mt19937_64 random(11);
  for (int length = 1; length <= 19; ++length) {
    for (int n = 0; n < 200; ++n) {
      std::string text;
      for (int k = 0; k < length; ++k) text += static_cast<char>('0' + random() % 10);
      int64_t expected = 0;
      const auto parsed = std::from_chars(text.data(), text.data() + text.size(), expected);
      INFO(text);
      if (parsed.ec == std::errc::result_out_of_range) {
        CHECK(parse("1", text) == "error: timestamp out of range");
        CHECK(parse(text, "1") == "error: integer out of range");
        continue;
      }
      CHECK(parse(text, "5") == std::to_string(expected) + " 5");
      CHECK(parse("-" + text, "5") == std::to_string(-expected) + " 5");
      CHECK(parse("3", text) == "3 " + std::to_string(expected));
    }
  }
  // A stray byte at any position of a long number is refused, as digit by digit.
  CHECK(parse("12345678x012", "1").rfind("error:", 0) == 0);
  CHECK(parse("1", "1234567x901234567").rfind("error:", 0) == 0);
  CHECK(parse("1", "12345678901234567:9").rfind("error:", 0) == 0);
}
