#include "expr/value.hpp"

#include "expr/go_format.hpp"
#include "expr/regex.hpp"

namespace farad::expr {

const char* type_name(ValueType type) {
  switch (type) {
    case ValueType::Float:
      return "float";
    case ValueType::Int:
      return "int";
    case ValueType::String:
      return "string";
    case ValueType::Bool:
      return "boolean";
    case ValueType::Regex:
      return "regex";
    case ValueType::Time:
      return "time";
    case ValueType::Duration:
      return "duration";
    case ValueType::Missing:
      return "missing";
    case ValueType::Invalid:
      break;
  }
  return "invalid type";
}

const char* go_type_name(ValueType type) {
  switch (type) {
    case ValueType::Float:
      return "float64";
    case ValueType::Int:
      return "int64";
    case ValueType::String:
      return "string";
    case ValueType::Bool:
      return "bool";
    case ValueType::Regex:
      return "*regexp.Regexp";
    case ValueType::Time:
      return "time.Time";
    case ValueType::Duration:
      return "time.Duration";
    case ValueType::Missing:
      return "*ast.Missing";
    case ValueType::Invalid:
      break;
  }
  return "<nil>";
}

Value Value::make_float(double value) {
  Value v;
  v.type_ = ValueType::Float;
  v.float_ = value;
  return v;
}

Value Value::make_int(int64_t value) {
  Value v;
  v.type_ = ValueType::Int;
  v.int_ = value;
  return v;
}

Value Value::make_string(std::string value) {
  Value v;
  v.type_ = ValueType::String;
  v.text_ = std::move(value);
  return v;
}

Value Value::make_borrowed_string(std::string_view value) {
  Value v;
  v.type_ = ValueType::String;
  v.view_ = value;
  v.borrowed_ = true;
  return v;
}

Value Value::make_bool(bool value) {
  Value v;
  v.type_ = ValueType::Bool;
  v.bool_ = value;
  return v;
}

Value Value::make_regex(std::shared_ptr<const Regex> value) {
  Value v;
  v.type_ = ValueType::Regex;
  v.regex_ = std::move(value);
  return v;
}

Value Value::make_time(int64_t unix_ns) {
  Value v;
  v.type_ = ValueType::Time;
  v.int_ = unix_ns;
  return v;
}

Value Value::make_duration(int64_t ns) {
  Value v;
  v.type_ = ValueType::Duration;
  v.int_ = ns;
  return v;
}

Value Value::make_missing() {
  return Value();
}

Value Value::make_invalid() {
  Value v;
  v.type_ = ValueType::Invalid;
  return v;
}

void Value::own() {
  if (!borrowed_) return;
  text_.assign(view_);
  view_ = {};
  borrowed_ = false;
}

bool Value::operator==(const Value& other) const {
  if (type_ != other.type_) return false;
  switch (type_) {
    case ValueType::Float:
      return float_ == other.float_;
    case ValueType::Int:
    case ValueType::Time:
    case ValueType::Duration:
      return int_ == other.int_;
    case ValueType::String:
      return as_string() == other.as_string();
    case ValueType::Bool:
      return bool_ == other.bool_;
    case ValueType::Regex:
      return regex_->pattern() == other.regex_->pattern();
    case ValueType::Missing:
    case ValueType::Invalid:
      return true;
  }
  return false;
}

std::string to_display(const Value& value) {
  const std::string type = go_type_name(value.type());
  switch (value.type()) {
    case ValueType::Float:
      return type + " " + go::format_float_v(value.as_float());
    case ValueType::Int:
      return type + " " + std::to_string(value.as_int());
    case ValueType::String:
      return type + " " + std::string(value.as_string());
    case ValueType::Bool:
      return type + (value.as_bool() ? " true" : " false");
    case ValueType::Regex:
      return type + " " + value.as_regex().pattern();
    case ValueType::Time:
      return type + " " + go::format_time_utc(value.as_int());
    case ValueType::Duration:
      return type + " " + go::format_duration(value.as_int());
    case ValueType::Missing:
      return type + " &{}";
    case ValueType::Invalid:
      break;
  }
  return type;
}

}  // namespace farad::expr
