#pragma once
// The pieces of a join that do not depend on the node: a set of messages sharing one rounded
// time (Kapacitor's joinset) and the two ways of joining one: into a point (stream joins) or
// into a batch (batch joins, which pair up the points of the batches by rounded time).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/batch.hpp"
#include "model/point.hpp"
#include "nodes/go_time.hpp"
#include "runtime/message.hpp"
#include "runtime/state_codec.hpp"

namespace farad::nodes {

/// What a join does with a set that misses a parent: `none` drops it (inner join); `null` and
/// a number fill the missing parent's fields (outer join).
struct JoinFill {
  enum class Kind : uint8_t { None, Null, Number };
  Kind kind = Kind::None;
  model::FieldValue value;  ///< the number of a Number fill (float or integer, as written)
};

/// The join's properties that shape its output.
struct JoinOptions {
  std::vector<std::string> prefixes;  ///< `.as()`, one per parent
  std::string delimiter = ".";
  int64_t tolerance = 0;
  JoinFill fill;
};

/// Messages of one rounded time, at most one per parent.
struct JoinSet {
  int64_t time = 0;
  std::string name;  ///< `.streamName()`; empty means the first present parent's name
  std::vector<std::optional<runtime::Message>> values;  ///< by parent
  size_t size = 0;
  size_t first = 0;  ///< lowest parent with a value; values.size() while empty

  JoinSet(int64_t set_time, std::string stream_name, size_t parents)
      : time(set_time), name(std::move(stream_name)), values(parents), first(parents) {}

  bool ready() const { return size == values.size(); }
  bool has(size_t parent) const { return values[parent].has_value(); }
  void set(size_t parent, runtime::Message&& message);
};

/// Kapacitor's JoinIntoPoint fields: every parent's fields prefixed `prefix + delimiter`; a
/// missing parent is filled with the first point's field names. nullopt when a parent is
/// missing and the fill is `none`. A `null` fill leaves the fields out: farad's fields have no
/// null value, and what follows a null fill (default(), a missing-field error) sees the same.
std::optional<model::Fields> join_point_fields(const JoinSet& set, const JoinOptions& options);

/// Kapacitor's JoinIntoBatch points: the batches' points paired up by rounded time, each pair
/// joined like join_point_fields (missing parents filled with the field names of the first
/// point paired), carrying `tags` (the first batch's tags).
std::vector<model::BatchPoint> join_batch_points(const JoinSet& set, const JoinOptions& options,
                                                 const model::Tags& tags);

}  // namespace farad::nodes
