#include "sinks/go_value.hpp"

#include <algorithm>

#include "expr/go_format.hpp"

namespace farad::sinks {

GoValue GoValue::nil() {
  return {.kind = Kind::Nil, .type = "<nil>"};
}

GoValue GoValue::of_bool(bool b) {
  return {.kind = Kind::Bool, .type = "bool", .boolean = b};
}

GoValue GoValue::of_int(int64_t i, std::string_view type) {
  return {.kind = Kind::Int, .type = type, .integer = i};
}

GoValue GoValue::of_uint(uint64_t u) {
  return {.kind = Kind::Uint, .type = "uint64", .unsigned_integer = u};
}

GoValue GoValue::of_float(double f) {
  return {.kind = Kind::Float, .type = "float64", .floating = f};
}

GoValue GoValue::of_string(std::string s) {
  return {.kind = Kind::String, .type = "string", .text = std::move(s)};
}

GoValue GoValue::of_time(int64_t unix_nanos) {
  return {.kind = Kind::Time, .type = "time.Time", .integer = unix_nanos};
}

GoValue GoValue::of_map(Entries entries, std::string_view type, GoValue element_zero) {
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return {.kind = Kind::Map,
          .type = type,
          .entries = std::make_shared<const Entries>(std::move(entries)),
          .element_zero = std::make_shared<const GoValue>(std::move(element_zero))};
}

GoValue GoValue::of_list(Items items, std::string_view type) {
  return {
      .kind = Kind::List, .type = type, .items = std::make_shared<const Items>(std::move(items))};
}

GoValue GoValue::of_struct(Entries fields, std::string_view type, bool pointer) {
  return {.kind = Kind::Struct,
          .type = type,
          .entries = std::make_shared<const Entries>(std::move(fields)),
          .pointer = pointer};
}

const GoValue* GoValue::find(std::string_view key) const {
  if (!entries) return nullptr;
  for (const auto& [name, value] : *entries) {
    if (name == key) return &value;
  }
  return nullptr;
}

void append_go_value(std::string& out, const GoValue& value, int depth) {
  using Kind = GoValue::Kind;
  switch (value.kind) {
    case Kind::Invalid:
      out += depth == 0 ? "<no value>" : "<invalid reflect.Value>";
      return;
    case Kind::Nil:
      out += "<nil>";
      return;
    case Kind::Bool:
      out += value.boolean ? "true" : "false";
      return;
    case Kind::Int:
      out += std::to_string(value.integer);
      return;
    case Kind::Uint:
      out += std::to_string(value.unsigned_integer);
      return;
    case Kind::Float:
      out += expr::go::format_float_v(value.floating);
      return;
    case Kind::String:
      out += value.text;
      return;
    case Kind::Time:
      out += expr::go::format_time_utc(value.integer);
      return;
    case Kind::Map: {
      out += "map[";
      bool first = true;
      for (const auto& [key, element] : *value.entries) {
        if (!first) out += ' ';
        first = false;
        out += key;
        out += ':';
        append_go_value(out, element, depth + 1);
      }
      out += ']';
      return;
    }
    case Kind::List: {
      out += '[';
      for (size_t i = 0; i < value.items->size(); ++i) {
        if (i > 0) out += ' ';
        append_go_value(out, (*value.items)[i], depth + 1);
      }
      out += ']';
      return;
    }
    case Kind::Struct: {
      if (value.pointer) out += '&';
      out += '{';
      bool first = true;
      for (const auto& field : *value.entries) {
        if (!first) out += ' ';
        first = false;
        append_go_value(out, field.second, depth + 1);
      }
      out += '}';
      return;
    }
  }
}

std::string go_print(const GoValue& value) {
  std::string out;
  append_go_value(out, value, 0);
  return out;
}

bool go_truth(const GoValue& value) {
  using Kind = GoValue::Kind;
  switch (value.kind) {
    case Kind::Invalid:
    case Kind::Nil:
      return false;
    case Kind::Bool:
      return value.boolean;
    case Kind::Int:
      return value.integer != 0;
    case Kind::Uint:
      return value.unsigned_integer != 0;
    case Kind::Float:
      return value.floating != 0;
    case Kind::String:
      return !value.text.empty();
    case Kind::Map:
      return !value.entries->empty();
    case Kind::List:
      return !value.items->empty();
    case Kind::Time:
    case Kind::Struct:
      return true;
  }
  return false;
}

}  // namespace farad::sinks
