#pragma once
// `farad run` reads line-protocol files, which unlike an HTTP /write carry no precision. When
// --precision is not given, the first timestamp decides: a 10-, 13- or 16-digit number that is a
// time between 2000 and 2100 in seconds, milliseconds or microseconds is read in that unit;
// anything else is nanoseconds (the line-protocol default). A nanosecond timestamp is only
// mistaken for seconds if it lies in the first 4.1 seconds after 1970 and has 10 digits.

#include <optional>
#include <string_view>

#include "io/precision.hpp"

namespace farad::cli {

/// The unit of the first timestamp in `head` (the start of a line-protocol file), or nullopt
/// when it is nanoseconds or there is no timestamp to judge by.
std::optional<io::Precision> guess_precision(std::string_view head);

}  // namespace farad::cli
