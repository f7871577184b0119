#pragma once
// The methods of Go's time.Time a template can call on a row's time ({{.time.Unix}}): the ones
// without arguments. Times are UTC, as Kapacitor's are.

#include <cstdint>
#include <string_view>

#include "sinks/go_value.hpp"

namespace farad::sinks {

/// Whether time.Time has an argument-less method of that name here.
bool is_time_method(std::string_view name);

/// The method's result for the time `unix_nanos` (UTC).
GoValue call_time_method(int64_t unix_nanos, std::string_view name);

}  // namespace farad::sinks
