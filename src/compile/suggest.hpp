#pragma once
// "Did you mean" suggestions for unknown names.

#include <string>
#include <string_view>
#include <vector>

namespace farad::compile {

/// The candidate closest to `name` by edit distance (case-insensitive), if close enough to be a
/// plausible typo; empty otherwise.
std::string closest_name(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace farad::compile
