#pragma once
// Calendar fields of a point time in UTC. Kapacitor reads them from the point time converted to
// the server's local zone (`time.Local`); farad has no local zone: points are UTC, so a script
// behaves as on a Kapacitor server running with TZ=UTC.

#include <cstdint>

namespace farad::expr {

/// A UTC date and time of day.
struct CivilTime {
  int64_t year = 1970;
  int month = 1;    ///< 1..12
  int day = 1;      ///< 1..31
  int hour = 0;     ///< 0..23
  int minute = 0;   ///< 0..59
  int second = 0;   ///< 0..59
  int weekday = 4;  ///< 0 = Sunday .. 6 = Saturday
  int64_t nanosecond = 0;
};

/// The UTC calendar fields of a time given in nanoseconds since the Unix epoch.
CivilTime civil_time(int64_t unix_ns);

}  // namespace farad::expr
