#pragma once
// What an expression reads: the fields, tags and time of one point. The runtime adapts its
// point (or batch row) to this interface; the expression code knows nothing of points.

#include <cstdint>
#include <optional>
#include <string_view>

#include "expr/value.hpp"

namespace farad::expr {

/// The data one evaluation reads. Lookups must not allocate on the hot path: return borrowed
/// strings (`Value::make_borrowed_string`, `std::string_view`) that stay valid for the duration
/// of the evaluation.
///
/// Name resolution is Kapacitor's (`fillScope` in kapacitor/expr.go): the reference `"time"` is
/// always the point time, whatever the fields say; any other name is looked up as a field and
/// as a tag, and a name that is both is an error (`cannot have field and tags with same name
/// "x"`); a name that is neither is missing.
class Scope {
 public:
  virtual ~Scope() = default;

  /// The field `name`, or a missing value when the point has no such field. Fields are float,
  /// int, string or bool; an eval node's earlier results may be of any type but time and regex.
  virtual Value field(std::string_view name) const = 0;

  /// The tag `name`, or nullopt.
  virtual std::optional<std::string_view> tag(std::string_view name) const = 0;

  /// The point time in nanoseconds since the Unix epoch (UTC): the value of `"time"`.
  virtual int64_t time() const = 0;

  /// What `now()` returns, in nanoseconds since the Unix epoch. Kapacitor returns the wall
  /// clock; farad runs on data time, so by default `now()` is the point time. A runtime that
  /// wants wall-clock behaviour overrides this.
  virtual int64_t now() const { return time(); }
};

}  // namespace farad::expr
