#include "cli/api_text.hpp"

#include <ctime>
#include <nlohmann/json.hpp>

#include "compile/duration_text.hpp"
#include "expr/go_format.hpp"
#include "io/time_format.hpp"

namespace farad::cli {

std::string pad_right(std::string_view text, size_t width) {
  size_t characters = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++characters;
  }
  std::string out(text);
  if (characters < width) out.append(width - characters, ' ');
  return out;
}

std::string rfc822_text(const std::string& rfc3339, bool local) {
  const auto instant = io::parse_rfc3339(rfc3339);
  if (!instant) return rfc3339;
  const std::time_t seconds = static_cast<std::time_t>(instant->seconds);
  std::tm parts{};
  if (local ? localtime_r(&seconds, &parts) == nullptr : gmtime_r(&seconds, &parts) == nullptr) {
    return rfc3339;
  }
  char text[64];
  const char* format = local ? "%d %b %y %H:%M %Z" : "%d %b %y %H:%M UTC";
  if (std::strftime(text, sizeof text, format, &parts) == 0) return rfc3339;
  return text;
}

std::string dbrps_text(const nlohmann::json& dbrps) {
  std::string out = "[";
  if (dbrps.is_array()) {
    for (const auto& dbrp : dbrps) {
      if (out.size() > 1) out += ' ';
      out += expr::go::quote(dbrp.value("db", std::string())) + "." +
             expr::go::quote(dbrp.value("rp", std::string()));
    }
  }
  return out + "]";
}

std::string bytes_text(uint64_t bytes) {
  if (bytes < 10) return std::to_string(bytes) + " B";
  static const char* const kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
  double value = static_cast<double>(bytes);
  size_t unit = 0;
  while (value >= 1000 && unit + 1 < std::size(kUnits)) {
    value /= 1000;
    ++unit;
  }
  // humanize rounds to one decimal, then shows it only below 10.
  const double rounded = static_cast<double>(static_cast<int64_t>(value * 10 + 0.5)) / 10;
  char text[32];
  std::snprintf(text, sizeof text, rounded < 10 ? "%.1f %s" : "%.0f %s", rounded, kUnits[unit]);
  return text;
}

std::string scalar_text(const nlohmann::json& value) {
  if (value.is_null()) return "<nil>";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return value.dump();
  if (value.is_number_float()) return expr::go::format_float_v(value.get<double>());
  return value.dump();
}

std::string var_value_text(const nlohmann::json& var) {
  if (!var.is_object() || !var.contains("value")) return "<nil>";
  const nlohmann::json& value = var["value"];
  const std::string type = var.value("type", std::string());
  if (type == "duration") {
    if (value.is_number_integer()) return expr::go::format_duration(value.get<int64_t>());
    if (value.is_string()) {
      if (auto ns = compile::parse_duration_text(value.get<std::string>())) {
        return expr::go::format_duration(*ns);
      }
    }
  }
  if (type == "list" && value.is_array()) {
    std::string out = "[";
    for (const auto& element : value) {
      if (out.size() > 1) out += ", ";
      const bool star = element.is_object() && element.value("type", std::string()) == "star";
      out +=
          star ? std::string("*") : scalar_text(element.is_object() ? element["value"] : element);
    }
    return out + "]";
  }
  return scalar_text(value);
}

}  // namespace farad::cli
