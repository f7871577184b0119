#pragma once
// What an influxDBOut write is on the wire, as Kapacitor's InfluxDB client makes it: the
// (database, retention policy, precision, consistency) a batch is buffered under, the query
// string of POST /write, the precision check and time unit, and CREATE DATABASE for .create().

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "io/precision.hpp"

namespace farad::sinks {

/// The key points are buffered under: one /write request per target.
struct WriteTarget {
  std::string database;
  std::string retention_policy;
  std::string precision;  ///< as written in the script; empty is "ns"
  std::string consistency;
  auto operator<=>(const WriteTarget&) const = default;
};

/// The precision a batch is written in: the name sent as `precision=` and the unit the times
/// are divided by.
struct WritePrecision {
  std::string name;
  io::Precision unit = io::Precision::Nanosecond;
};

/// Kapacitor's rule: empty is "ns"; the text must be a unit of Go's time.ParseDuration (ns, us,
/// µs, ms, s, m, h), else nullopt (every write of the node then fails). Times are divided as
/// InfluxDB's GetPrecisionMultiplier does: ms, s, m and h by their unit, anything else not at
/// all (so "us" sends nanoseconds, a quirk kept from Kapacitor).
std::optional<WritePrecision> parse_write_precision(std::string_view text);

/// The query of POST /write, keys sorted as Go's url.Values.Encode writes them:
/// `consistency=&db=...&precision=...&rp=...`.
std::string write_query(const WriteTarget& target, std::string_view precision_name);

/// `CREATE DATABASE "db"` with ` WITH NAME "rp"` when a retention policy is set (identifiers
/// always quoted: the same statement to InfluxDB as Kapacitor's minimal quoting).
std::string create_database_statement(std::string_view database, std::string_view retention);

/// `scheme://host[:port]` of a configured URL: Kapacitor replaces the URL's path by /write.
std::string url_origin(std::string_view url);

}  // namespace farad::sinks
