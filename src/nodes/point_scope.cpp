#include "nodes/point_scope.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace farad::nodes {

expr::Value PointScope::field(std::string_view name) const {
  const model::FieldValue* value = model::find_field(fields_, name);
  return value ? to_expression_value(*value) : expr::Value::make_missing();
}

std::optional<std::string_view> PointScope::tag(std::string_view name) const {
  const std::string* value = model::find_tag(tags_, name);
  if (!value) return std::nullopt;
  return std::string_view(*value);
}

expr::Value to_expression_value(const model::FieldValue& value) {
  switch (model::type_of(value)) {
    case model::FieldType::Float:
      return expr::Value::make_float(std::get<double>(value));
    case model::FieldType::Int:
      return expr::Value::make_int(std::get<int64_t>(value));
    case model::FieldType::Uint:
      return expr::Value::make_invalid();
    case model::FieldType::String:
      return expr::Value::make_borrowed_string(std::get<std::string>(value));
    case model::FieldType::Bool:
      return expr::Value::make_bool(std::get<bool>(value));
  }
  return expr::Value::make_invalid();
}

std::optional<model::FieldValue> to_field_value(const expr::Value& value) {
  switch (value.type()) {
    case expr::ValueType::Float:
      return model::FieldValue(value.as_float());
    case expr::ValueType::Int:
    case expr::ValueType::Duration:
      return model::FieldValue(value.as_int());
    case expr::ValueType::String:
      return model::FieldValue(std::string(value.as_string()));
    case expr::ValueType::Bool:
      return model::FieldValue(value.as_bool());
    default:
      return std::nullopt;
  }
}

expr::CompiledExpression compile_lambda(const lang::Node& lambda, std::string_view context) {
  try {
    return expr::compile_expression(lambda);
  } catch (const expr::CompileError& error) {
    throw std::runtime_error(fmt::format("{}: {}", context, error.what()));
  }
}

expr::ExpressionState fresh_expression_state(std::string_view group_id, size_t index) {
  // FNV-1a: a hash whose value does not depend on the standard library.
  uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : group_id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  expr::ExpressionState state;
  state.seed_random(hash + index);
  return state;
}

void save_expression_state(runtime::StateWriter& out, const expr::ExpressionState& state) {
  std::string bytes;
  state.save(bytes);
  out.string(bytes);
}

void restore_expression_state(runtime::StateReader& in, expr::ExpressionState& state) {
  const std::string bytes = in.string();
  try {
    state.restore(bytes);
  } catch (const std::invalid_argument& error) {
    throw runtime::StateError(error.what());
  }
}

}  // namespace farad::nodes
