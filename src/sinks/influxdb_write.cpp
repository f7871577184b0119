#include "sinks/influxdb_write.hpp"

#include "net/http_client.hpp"

namespace farad::sinks {

namespace {

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::optional<WritePrecision> parse_write_precision(std::string_view text) {
  if (text.empty()) return WritePrecision{"ns", io::Precision::Nanosecond};
  // The units of time.ParseDuration; "u" alone is not one.
  static constexpr std::string_view kUnits[] = {"ns", "us", "\xC2\xB5s", "\xCE\xBCs",
                                                "ms", "s",  "m",         "h"};
  bool valid = false;
  for (std::string_view unit : kUnits) valid = valid || unit == text;
  if (!valid) return std::nullopt;
  WritePrecision precision{std::string(text), io::Precision::Nanosecond};
  if (text == "ms") precision.unit = io::Precision::Millisecond;
  if (text == "s") precision.unit = io::Precision::Second;
  if (text == "m") precision.unit = io::Precision::Minute;
  if (text == "h") precision.unit = io::Precision::Hour;
  return precision;
}

std::string write_query(const WriteTarget& target, std::string_view precision_name) {
  return "consistency=" + net::url_encode(target.consistency) +
         "&db=" + net::url_encode(target.database) +
         "&precision=" + net::url_encode(precision_name) +
         "&rp=" + net::url_encode(target.retention_policy);
}

std::string create_database_statement(std::string_view database, std::string_view retention) {
  std::string statement = "CREATE DATABASE " + quote_identifier(database);
  if (!retention.empty()) statement += " WITH NAME " + quote_identifier(retention);
  return statement;
}

std::string url_origin(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  const size_t end = url.find_first_of("/?#", start);
  return std::string(url.substr(0, end));
}

}  // namespace farad::sinks
