#include "io/precision.hpp"

namespace farad::io {

std::optional<Precision> parse_precision(std::string_view text) {
  if (text.empty() || text == "n" || text == "ns") return Precision::Nanosecond;
  if (text == "u" || text == "us" || text == "\xC2\xB5" || text == "\xC2\xB5s") {
    return Precision::Microsecond;
  }
  if (text == "ms") return Precision::Millisecond;
  if (text == "s") return Precision::Second;
  if (text == "m") return Precision::Minute;
  if (text == "h") return Precision::Hour;
  return std::nullopt;
}

std::string_view precision_name(Precision precision) {
  switch (precision) {
    case Precision::Nanosecond:
      return "n";
    case Precision::Microsecond:
      return "u";
    case Precision::Millisecond:
      return "ms";
    case Precision::Second:
      return "s";
    case Precision::Minute:
      return "m";
    case Precision::Hour:
      return "h";
  }
  return "n";
}

}  // namespace farad::io
