#pragma once
// The runtime value of a lambda expression. Types and their names follow Kapacitor's
// `tick/ast.ValueType`, because those names appear in every type error a user sees.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace farad::expr {

class Regex;

/// The type of a runtime value, in the order of Kapacitor's `ast.ValueType`.
///
/// `Invalid` is what Kapacitor calls "invalid type": a value of a Go type lambdas do not know.
/// Kapacitor never delivers unsigned integers to a lambda (its line-protocol parser runs
/// without unsigned support and rejects the `u` suffix); a runtime whose points can carry
/// uint64 fields should pass them as `Value::make_invalid()` to behave as Kapacitor would if
/// one reached a lambda ("left value is invalid value type", ...).
enum class ValueType : uint8_t {
  Invalid,
  Float,
  Int,
  String,
  Bool,
  Regex,
  Time,
  Duration,
  Missing,  ///< a referenced field or tag the point does not have
};

/// Kapacitor's name of a type: `float`, `int`, `string`, `boolean`, `regex`, `time`,
/// `duration`, `missing`, `invalid type`.
const char* type_name(ValueType type);

/// The Go type of a value of this type, as `%T` prints it in Kapacitor's messages
/// (`float64`, `int64`, `time.Duration`, `*regexp.Regexp`, ...).
const char* go_type_name(ValueType type);

/// A value: float64, int64, string, bool, compiled regex, time (ns since the Unix epoch, UTC),
/// duration (ns) or missing. Strings are either owned or borrowed: a scope may hand out a view
/// of a point's tag or field to avoid a copy per lookup; `own()` makes such a value
/// independent of the point.
class Value {
 public:
  /// A missing value.
  Value() = default;

  static Value make_float(double value);
  static Value make_int(int64_t value);
  static Value make_string(std::string value);
  /// A string that refers to `value` without copying it; `value` must outlive this Value
  /// (or `own()` must be called first).
  static Value make_borrowed_string(std::string_view value);
  static Value make_bool(bool value);
  static Value make_regex(std::shared_ptr<const Regex> value);
  static Value make_time(int64_t unix_ns);
  static Value make_duration(int64_t ns);
  static Value make_missing();
  static Value make_invalid();

  /// The type; the accessors below are valid for their own type only.
  ValueType type() const { return type_; }
  bool is_missing() const { return type_ == ValueType::Missing; }

  double as_float() const { return float_; }
  /// Int, Time (unix ns) and Duration (ns) values.
  int64_t as_int() const { return int_; }
  bool as_bool() const { return bool_; }
  std::string_view as_string() const { return borrowed_ ? view_ : std::string_view(text_); }
  const Regex& as_regex() const { return *regex_; }
  const std::shared_ptr<const Regex>& regex_ptr() const { return regex_; }

  /// True when the string refers to memory this value does not own.
  bool is_borrowed() const { return borrowed_; }
  /// Copies a borrowed string into the value.
  void own();

  /// Same type and same content (floats compare with ==, so NaN != NaN; regexes by pattern).
  bool operator==(const Value& other) const;

 private:
  ValueType type_ = ValueType::Missing;
  bool bool_ = false;
  bool borrowed_ = false;
  double float_ = 0;
  int64_t int_ = 0;
  std::string text_;
  std::string_view view_;
  std::shared_ptr<const Regex> regex_;
};

/// `float64 2.5`, `int64 7`, `string abc`, `bool true`, `time.Duration 1m30s`, ... : a value
/// with its Go type, as Kapacitor would print it with `%T %v`; for tests and logs.
std::string to_display(const Value& value);

}  // namespace farad::expr
