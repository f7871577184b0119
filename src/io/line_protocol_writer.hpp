#pragma once
// Point → line protocol, byte for byte as Kapacitor writes it (`PointMessage.Bytes`, built on
// InfluxDB's `models.MakeKey` and `Fields.MarshalBinary`).

#include <string>

#include "io/precision.hpp"
#include "model/point.hpp"

namespace farad::io {

/// Appends `value` as Go's strconv.FormatFloat(v, 'f', -1, 64) does: the shortest digits that
/// round-trip, in plain decimal notation (1e21 → "1000000000000000000000"). Non-finite values
/// come out as Go prints them ("NaN", "+Inf", "-Inf"), which no line protocol reader accepts.
void append_go_float(std::string& out, double value);

/// Appends one line for `point`, without a newline: escaped measurement, tags sorted with empty
/// values dropped (InfluxDB cannot store them), fields (`1.5`, `3i`, `4u`, `"s"`, `true`), and
/// the time in `precision` units (truncated toward zero, as Go's integer division).
void append_line(std::string& out, const model::Point& point,
                 Precision precision = Precision::Nanosecond);

/// The line for `point`, without a newline.
std::string format_line(const model::Point& point, Precision precision = Precision::Nanosecond);

}  // namespace farad::io
