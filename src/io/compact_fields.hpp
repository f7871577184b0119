#pragma once
// A parsed line's fields in a compact point (model/compact_point.hpp), for the readers that
// feed tasks compact points (`farad run`'s PointBlockReader, the daemon's worker).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/line_protocol.hpp"
#include "model/compact_point.hpp"
#include "model/key_projection.hpp"

namespace farad::io {

/// The fields a task keeps, with the id each has in the task's FieldKeyTable.
struct CompactFieldIds {
  std::vector<std::pair<std::string, uint16_t>> ids;
};

/// The ids the task's `keys` table gives the fields `projection` keeps (interned when new).
CompactFieldIds compact_field_ids(const model::KeyProjection& projection,
                                  model::FieldKeyTable& keys);

/// The series of a line (its measurement and tags as the view holds them).
model::SeriesEntry series_entry(const LineView& line, std::string_view database,
                                std::string_view retention_policy);

/// Sets `point`'s time and the fields of `line` that `layout` lists; false when a kept field
/// is a string or they are more than a compact point holds (then the line needs a Point).
bool to_compact(const LineView& line, const CompactFieldIds& layout, model::CompactPoint& point);

}  // namespace farad::io
