#pragma once
// Durations written as text outside scripts (vars files, CLI flags), as InfluxQL parses them:
// one or more <integer><unit> groups, units ns u µ ms s m h d w.

#include <cstdint>
#include <optional>
#include <string_view>

namespace farad::compile {

std::optional<int64_t> parse_duration_text(std::string_view text);

}  // namespace farad::compile
