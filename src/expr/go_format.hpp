#pragma once
// Go's text formats that reach users through Kapacitor's lambda results and messages:
// `%v` of float64 and time.Duration, `strconv.FormatFloat(f, 'f', -1, 64)`, `%q`, and
// InfluxQL's duration format. Reproduced exactly, since string(1.5) and error texts are
// observable.

#include <cstdint>
#include <string>
#include <string_view>

namespace farad::expr::go {

/// `fmt.Sprint(f)` for a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`): shortest round-trip
/// digits, in exponent form (`1e+06`, `1.5e-05`) when the decimal exponent is < -4 or >= 6;
/// `NaN`, `+Inf`, `-Inf`.
std::string format_float_v(double value);

/// `strconv.FormatFloat(f, 'f', -1, 64)`: shortest round-trip digits, never an exponent.
std::string format_float_f(double value);

/// `time.Duration.String()`: `1h2m3.5s`, `1.5ms`, `2µs`, `0s`.
std::string format_duration(int64_t ns);

/// `influxql.FormatDuration`: the largest unit that divides the duration (`90s`, `2w`, `5u`).
std::string format_influxql_duration(int64_t ns);

/// `strconv.Quote(s)`, which `%q` prints: double quotes, Go escapes, invalid UTF-8 as `\x..`.
std::string quote(std::string_view text);

/// `time.Time.String()` of a UTC time: `2006-01-02 15:04:05.999999999 +0000 UTC`.
std::string format_time_utc(int64_t unix_ns);

}  // namespace farad::expr::go
