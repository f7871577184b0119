#pragma once
// InfluxDB 1.x's text for lines that failed to parse (models.ParsePointsWithPrecision and
// tsdb.PartialWriteError), which clients such as Telegraf match on.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "io/line_protocol.hpp"

namespace farad::server {

/// One `unable to parse '<line>': <reason>` per error, joined by newlines, as InfluxDB joins
/// them. The line is the physical line of the error, leading blanks and a trailing `\r` cut.
std::string unable_to_parse(std::string_view body, std::span<const io::LineError> errors);

/// `partial write: <unable_to_parse text> dropped=<dropped>`.
std::string partial_write(std::string_view reason, std::size_t dropped);

}  // namespace farad::server
