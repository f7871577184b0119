#include "store/wal_position.hpp"

#include <charconv>

#include "store/little_endian.hpp"

namespace farad::store {

std::string to_string(WalPosition position) {
  return std::to_string(position.segment) + ":" + std::to_string(position.offset);
}

std::optional<WalPosition> parse_wal_position(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto parse = [](std::string_view digits, uint64_t& value) {
    if (digits.empty()) return false;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return ec == std::errc() && end == digits.data() + digits.size();
  };
  WalPosition position;
  if (!parse(text.substr(0, colon), position.segment)) return std::nullopt;
  if (!parse(text.substr(colon + 1), position.offset)) return std::nullopt;
  return position;
}

void append_binary(std::string& out, WalPosition position) {
  put_u64(out, position.segment);
  put_u64(out, position.offset);
}

std::optional<WalPosition> read_binary_position(std::string_view bytes) {
  if (bytes.size() < 16) return std::nullopt;
  return WalPosition{get_u64(bytes.data()), get_u64(bytes.data() + 8)};
}

}  // namespace farad::store
