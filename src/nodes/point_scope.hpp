#pragma once
// The bridge between points and lambda expressions: a Scope over a point's (or batch point's)
// fields, tags and time, conversions between field values and expression values, and the
// per-group expression state that where, eval and the state trackers keep.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "expr/compiled_expression.hpp"
#include "expr/evaluate.hpp"
#include "model/point.hpp"
#include "runtime/state_codec.hpp"

namespace farad::nodes {

/// Kapacitor's fillScope over one point: fields and tags by name, "time" the point time.
class PointScope : public expr::Scope {
 public:
  PointScope(const model::Fields& fields, const model::Tags& tags, int64_t time)
      : fields_(fields), tags_(tags), time_(time) {}

  expr::Value field(std::string_view name) const override;
  std::optional<std::string_view> tag(std::string_view name) const override;
  int64_t time() const override { return time_; }

 protected:
  const model::Fields& fields_;
  const model::Tags& tags_;
  int64_t time_;
};

/// A field value as a lambda sees it. Strings are borrowed from `value`. Unsigned integers
/// are an invalid type to a lambda, as they would be in Kapacitor (which never carries them).
expr::Value to_expression_value(const model::FieldValue& value);

/// A lambda result as a field value: float, int, string and bool as they are; a duration as
/// its integer nanoseconds (a field cannot hold a duration); nothing for time, regex and
/// missing values.
std::optional<model::FieldValue> to_field_value(const expr::Value& value);

/// Compiles a lambda of the spec, turning a compile error into the message Kapacitor gives
/// when the task starts (`<context>: <error>`).
expr::CompiledExpression compile_lambda(const lang::Node& lambda, std::string_view context);

/// A fresh expression state for one group. Kapacitor seeds rand() from the clock; farad seeds
/// it from the group id and the expression's position, so runs repeat and groups differ.
expr::ExpressionState fresh_expression_state(std::string_view group_id, size_t index);

/// Writes/reads one expression state as a length-prefixed string.
void save_expression_state(runtime::StateWriter& out, const expr::ExpressionState& state);
void restore_expression_state(runtime::StateReader& in, expr::ExpressionState& state);

}  // namespace farad::nodes
