#pragma once
// A value as Go's text/template sees it through reflection: its kind, Go's name of its type
// (for error messages and bad-verb output) and its content. Enough of Go's types for the data
// Kapacitor hands to its templates: bool, int/int64, uint64, float64, string, time.Time, maps
// with string keys, slices, structs (possibly behind a pointer) and the nil interface.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farad::sinks {

// Every member has an initializer, so the factories build values with designated initializers
// (-Wmissing-field-initializers names the members left out otherwise).
struct GoValue {
  enum class Kind { Invalid, Nil, Bool, Int, Uint, Float, String, Time, Map, List, Struct };
  using Entries = std::vector<std::pair<std::string, GoValue>>;
  using Items = std::vector<GoValue>;

  /// Go's "no value": a missing map key, the result of a field of nothing.
  Kind kind = Kind::Invalid;
  /// Go's name of the dynamic type, e.g. "float64", "map[string]string"; static storage.
  std::string_view type;
  bool boolean = false;
  int64_t integer = 0;  ///< Int; Time: nanoseconds since the Unix epoch, UTC
  uint64_t unsigned_integer = 0;
  double floating = 0;
  std::string text{};
  std::shared_ptr<const Entries> entries{};  ///< Map (sorted by key) or Struct (declared order)
  std::shared_ptr<const Items> items{};      ///< List
  /// Map: what `index` gives for a missing key (the element type's zero value).
  std::shared_ptr<const GoValue> element_zero{};
  bool pointer = false;  ///< Struct reached through a pointer: printed as &{...}

  static GoValue nil();
  static GoValue of_bool(bool value);
  static GoValue of_int(int64_t value, std::string_view type = "int64");
  static GoValue of_uint(uint64_t value);
  static GoValue of_float(double value);
  static GoValue of_string(std::string value);
  static GoValue of_time(int64_t unix_nanos);
  /// A map with string keys; `entries` need not be sorted.
  static GoValue of_map(Entries entries, std::string_view type, GoValue element_zero);
  static GoValue of_list(Items items, std::string_view type);
  static GoValue of_struct(Entries fields, std::string_view type, bool pointer);

  bool valid() const { return kind != Kind::Invalid; }
  /// The field or map entry of that name, or null.
  const GoValue* find(std::string_view key) const;
};

/// What the template writes for a value ({{.}}): fmt.Fprint, or `<no value>` for an invalid
/// value. Maps print their keys sorted, time.Time as its String().
std::string go_print(const GoValue& value);

/// Appends fmt's %v of `value`; `depth` > 0 inside a container (a nil prints `<nil>`).
void append_go_value(std::string& out, const GoValue& value, int depth = 0);

/// Go's template truth: false for invalid, nil, false, zero numbers and empty strings, maps
/// and slices; true otherwise.
bool go_truth(const GoValue& value);

/// encoding/json's Encoder.Encode of `value`, with its trailing newline; empty with `ok` false
/// for a value json cannot encode (NaN, ±Inf).
std::string go_json(const GoValue& value, bool& ok);

}  // namespace farad::sinks
