#include "compile/duration_text.hpp"

#include <utility>

namespace farad::compile {

namespace {

constexpr std::pair<std::string_view, int64_t> kUnits[] = {
    {"ns", 1},
    {"us", 1000},
    {"u", 1000},
    {"\xC2\xB5", 1000},  // µ
    {"ms", 1000000},
    {"s", 1000000000},
    {"m", 60LL * 1000000000},
    {"h", 3600LL * 1000000000},
    {"d", 24LL * 3600 * 1000000000},
    {"w", 7LL * 24 * 3600 * 1000000000},
};

}  // namespace

std::optional<int64_t> parse_duration_text(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  int64_t total = 0;
  while (!text.empty()) {
    int64_t number = 0;
    size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
      number = number * 10 + (text[digits] - '0');
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    text.remove_prefix(digits);
    bool matched = false;
    for (const auto& [unit, ns] : kUnits) {
      // Longest units are listed before their prefixes ("ms" before "m", "ns"/"us" before "s").
      if (text.substr(0, unit.size()) == unit && !(unit == "m" && text.substr(0, 2) == "ms")) {
        total += number * ns;
        text.remove_prefix(unit.size());
        matched = true;
        break;
      }
    }
    if (!matched) return std::nullopt;
  }
  return negative ? -total : total;
}

}  // namespace farad::compile
