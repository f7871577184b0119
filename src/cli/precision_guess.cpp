#include "cli/precision_guess.hpp"

#include <charconv>
#include <cstdint>

namespace farad::cli {

namespace {

// 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z in seconds.
constexpr int64_t kFrom = 946684800;
constexpr int64_t kTo = 4102444800;

/// The last space-separated token of the first line that is neither blank nor a comment.
std::string_view first_timestamp_token(std::string_view head) {
  while (!head.empty()) {
    const size_t end = head.find('\n');
    std::string_view line = head.substr(0, end);
    head = end == std::string_view::npos ? std::string_view{} : head.substr(end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string_view::npos || line[start] == '#') continue;
    // A partial last line (the head is cut) says nothing reliable.
    if (end == std::string_view::npos) return {};
    const size_t space = line.rfind(' ');
    return space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
  }
  return {};
}

}  // namespace

std::optional<io::Precision> guess_precision(std::string_view head) {
  const std::string_view token = first_timestamp_token(head);
  int64_t value = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (token.empty() || error != std::errc{} || end != token.data() + token.size()) {
    return std::nullopt;
  }
  struct Unit {
    size_t digits;
    int64_t per_second;
    io::Precision precision;
  };
  static constexpr Unit kUnits[] = {{10, 1, io::Precision::Second},
                                    {13, 1000, io::Precision::Millisecond},
                                    {16, 1000000, io::Precision::Microsecond}};
  for (const Unit& unit : kUnits) {
    if (token.size() == unit.digits && value >= kFrom * unit.per_second &&
        value < kTo * unit.per_second) {
      return unit.precision;
    }
  }
  return std::nullopt;
}

}  // namespace farad::cli
