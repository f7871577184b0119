// encoding/json's Encoder.Encode of a template value (Kapacitor's json and jsonCompact).

#include <cmath>

#include "expr/go_json_text.hpp"
#include "io/time_format.hpp"
#include "sinks/go_value.hpp"

namespace farad::sinks {

namespace {

bool append_json(std::string& out, const GoValue& value) {
  using Kind = GoValue::Kind;
  switch (value.kind) {
    case Kind::Invalid:
    case Kind::Nil:
      out += "null";
      return true;
    case Kind::Bool:
      out += value.boolean ? "true" : "false";
      return true;
    case Kind::Int:
      out += std::to_string(value.integer);
      return true;
    case Kind::Uint:
      out += std::to_string(value.unsigned_integer);
      return true;
    case Kind::Float:
      if (!std::isfinite(value.floating)) return false;
      expr::go::append_json_float(out, value.floating);
      return true;
    case Kind::String:
      expr::go::append_json_string(out, value.text);
      return true;
    case Kind::Time:
      out += '"';
      io::append_rfc3339_nano(out, value.integer);
      out += '"';
      return true;
    case Kind::List:
      out += '[';
      for (size_t i = 0; i < value.items->size(); ++i) {
        if (i > 0) out += ',';
        if (!append_json(out, (*value.items)[i])) return false;
      }
      out += ']';
      return true;
    case Kind::Map:
    case Kind::Struct: {
      out += '{';
      bool first = true;
      for (const auto& [key, element] : *value.entries) {
        if (!first) out += ',';
        first = false;
        expr::go::append_json_string(out, key);
        out += ':';
        if (!append_json(out, element)) return false;
      }
      out += '}';
      return true;
    }
  }
  return false;
}

}  // namespace

std::string go_json(const GoValue& value, bool& ok) {
  std::string out;
  ok = append_json(out, value);
  if (!ok) return {};
  out += '\n';
  return out;
}

}  // namespace farad::sinks
