#include "service/config_values.hpp"

#include <cstdint>
#include <limits>

#include <fmt/format.h>

namespace farad::service {

namespace {

struct Unit {
  std::string_view name;
  uint64_t scale;
};

// Longest names first where one is a prefix of another ("ms" before "m").
constexpr std::array<Unit, 8> kDurationUnits = {{{"ns", 1},
                                                 {"us", 1'000},
                                                 {"\u00b5s", 1'000},  // micro sign
                                                 {"\u03bcs", 1'000},  // Greek mu
                                                 {"ms", 1'000'000},
                                                 {"s", 1'000'000'000},
                                                 {"m", 60'000'000'000},
                                                 {"h", 3'600'000'000'000}}};

constexpr std::array<Unit, 10> kSizeUnits = {{{"B", 1},
                                              {"kB", 1'000},
                                              {"KB", 1'000},
                                              {"MB", 1'000'000},
                                              {"GB", 1'000'000'000},
                                              {"TB", 1'000'000'000'000},
                                              {"KiB", 1ULL << 10},
                                              {"MiB", 1ULL << 20},
                                              {"GiB", 1ULL << 30},
                                              {"TiB", 1ULL << 40}}};

// How format_duration() writes durations, largest first.
constexpr std::array<Unit, 6> kPrintedDurationUnits = {{{"h", 3'600'000'000'000},
                                                        {"m", 60'000'000'000},
                                                        {"s", 1'000'000'000},
                                                        {"ms", 1'000'000},
                                                        {"us", 1'000},
                                                        {"ns", 1}}};

__extension__ using Wide = unsigned __int128;  // exact products of up to 18 digits and a unit

constexpr uint64_t kMaxNanoseconds = std::numeric_limits<int64_t>::max();

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// Digits at the front of `text`, consumed; false if there are none or they overflow.
bool take_integer(std::string_view& text, uint64_t& out) {
  if (text.empty() || !is_digit(text.front())) return false;
  out = 0;
  while (!text.empty() && is_digit(text.front())) {
    const uint64_t digit = static_cast<uint64_t>(text.front() - '0');
    if (out > (std::numeric_limits<uint64_t>::max() - digit) / 10) return false;
    out = out * 10 + digit;
    text.remove_prefix(1);
  }
  return true;
}

}  // namespace

Parsed<Duration> parse_duration(std::string_view text) {
  const std::string quoted = fmt::format("\"{}\"", text);
  if (text == "0") return {Duration::zero(), {}};
  if (text.empty()) return {{}, "empty duration; write e.g. \"30s\""};
  if (text.front() == '-' || text.front() == '+') {
    return {{}, fmt::format("invalid duration {}: durations cannot have a sign", quoted)};
  }
  std::string_view rest = text;
  Wide total = 0;
  while (!rest.empty()) {
    uint64_t whole = 0;
    const bool starts_with_digit = is_digit(rest.front());
    const bool has_whole = take_integer(rest, whole);
    if (starts_with_digit && !has_whole) {
      return {{}, fmt::format("invalid duration {}: too large", quoted)};
    }
    // The fraction's digits, kept exactly: "1.5h" is 1h + 5/10 h.
    uint64_t fraction = 0;
    uint64_t fraction_scale = 1;
    bool has_fraction = false;
    if (!rest.empty() && rest.front() == '.') {
      rest.remove_prefix(1);
      while (!rest.empty() && is_digit(rest.front())) {
        has_fraction = true;
        if (fraction_scale <= 1'000'000'000'000'000ULL) {  // further digits are below 1ns
          fraction = fraction * 10 + static_cast<uint64_t>(rest.front() - '0');
          fraction_scale *= 10;
        }
        rest.remove_prefix(1);
      }
    }
    if (!has_whole && !has_fraction) {
      return {{},
              fmt::format("invalid duration {}: expected a number before \"{}\"", quoted, rest)};
    }
    const Unit* unit = nullptr;
    for (const auto& candidate : kDurationUnits) {
      if (rest.starts_with(candidate.name)) {
        unit = &candidate;
        break;
      }
    }
    if (unit == nullptr) {
      return {{},
              rest.empty()
                  ? fmt::format("invalid duration {}: missing unit (ns, us, ms, s, m, h)", quoted)
                  : fmt::format("invalid duration {}: unknown unit \"{}\" (expected ns, "
                                "us, ms, s, m or h)",
                                quoted, rest.substr(0, rest.find_first_of("0123456789.")))};
    }
    rest.remove_prefix(unit->name.size());
    total += Wide{whole} * unit->scale + Wide{fraction} * unit->scale / fraction_scale;
    if (total > kMaxNanoseconds) return {{}, fmt::format("invalid duration {}: too large", quoted)};
  }
  return {Duration(static_cast<int64_t>(total)), {}};
}

std::string format_duration(Duration duration) {
  int64_t rest = duration.count();
  if (rest == 0) return "0s";
  std::string out;
  for (const auto& unit : kPrintedDurationUnits) {
    const auto scale = static_cast<int64_t>(unit.scale);
    if (rest >= scale) {
      out += fmt::format("{}{}", rest / scale, unit.name);
      rest %= scale;
    }
  }
  return out;
}

Parsed<ByteSize> parse_byte_size(std::string_view text) {
  const std::string quoted = fmt::format("\"{}\"", text);
  std::string_view rest = text;
  uint64_t count = 0;
  if (!take_integer(rest, count)) {
    return {{},
            rest.empty() || is_digit(rest.front())
                ? fmt::format("invalid size {}: too large", quoted)
                : fmt::format("invalid size {}: expected a whole number of bytes, optionally "
                              "with a unit, e.g. \"64MiB\" or \"25MB\"",
                              quoted)};
  }
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty()) return {ByteSize{count}, {}};
  for (const auto& unit : kSizeUnits) {
    if (rest != unit.name) continue;
    if (count > std::numeric_limits<uint64_t>::max() / unit.scale) {
      return {{}, fmt::format("invalid size {}: too large", quoted)};
    }
    return {ByteSize{count * unit.scale}, {}};
  }
  return {{},
          fmt::format("invalid size {}: unknown unit \"{}\" (expected B, kB, MB, GB, TB, KiB, "
                      "MiB, GiB or TiB)",
                      quoted, rest)};
}

std::string format_byte_size(ByteSize size) {
  if (size.bytes == 0) return "0";
  const Unit* best = nullptr;
  for (const auto& unit : kSizeUnits) {
    if (unit.scale == 1 || unit.name == "KB" || size.bytes % unit.scale != 0) continue;
    if (best == nullptr || unit.scale > best->scale) best = &unit;
  }
  if (best == nullptr) return std::to_string(size.bytes);
  return fmt::format("{}{}", size.bytes / best->scale, best->name);
}

template <>
std::span<const std::string_view> enum_names<FsyncMode>() {
  static constexpr std::array<std::string_view, 3> names = {"always", "interval", "never"};
  return names;
}

template <>
std::span<const std::string_view> enum_names<LogLevel>() {
  static constexpr std::array<std::string_view, 6> names = {"trace", "debug", "info",
                                                            "warn",  "error", "off"};
  return names;
}

std::string quoted_alternatives(std::span<const std::string_view> names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += fmt::format("\"{}\"", names[i]);
  }
  return out;
}

std::string bind_address_error(std::string_view text) {
  const std::string expected = fmt::format(
      "invalid address \"{}\": expected HOST:PORT, e.g. \"127.0.0.1:9092\", "
      "\"[::1]:9092\" or \":9092\" (every interface)",
      text);
  const size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return expected;
  const std::string_view host = text.substr(0, colon);
  const std::string_view port = text.substr(colon + 1);
  const bool bracketed = host.starts_with('[') && host.ends_with(']') && host.size() > 2;
  if (!bracketed && host.find_first_of("[]:") != std::string_view::npos) return expected;
  if (port.empty() || port.size() > 5) return expected;
  uint32_t number = 0;
  for (char c : port) {
    if (!is_digit(c)) return expected;
    number = number * 10 + static_cast<uint32_t>(c - '0');
  }
  if (number > 65535) {
    return fmt::format("invalid address \"{}\": port {} is above 65535", text, number);
  }
  return {};
}

}  // namespace farad::service
