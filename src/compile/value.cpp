#include "compile/value.hpp"

#include <fmt/format.h>

#include "lang/formatter.hpp"

namespace farad::compile {

Value Value::make_bool(bool b) {
  Value v;
  v.type = ValueType::Bool;
  v.boolean = b;
  return v;
}

Value Value::make_int(int64_t i) {
  Value v;
  v.type = ValueType::Int;
  v.integer = i;
  return v;
}

Value Value::make_float(double f) {
  Value v;
  v.type = ValueType::Float;
  v.number = f;
  return v;
}

Value Value::make_string(std::string s) {
  Value v;
  v.type = ValueType::String;
  v.text = std::move(s);
  return v;
}

Value Value::make_duration(int64_t ns) {
  Value v;
  v.type = ValueType::Duration;
  v.integer = ns;
  return v;
}

Value Value::make_regex(std::string pattern) {
  Value v;
  v.type = ValueType::Regex;
  v.text = std::move(pattern);
  return v;
}

Value Value::make_star() {
  Value v;
  v.type = ValueType::Star;
  return v;
}

const char* type_name(ValueType type) {
  switch (type) {
    case ValueType::Invalid:
      return "invalid";
    case ValueType::Bool:
      return "bool";
    case ValueType::Int:
      return "int";
    case ValueType::Float:
      return "float";
    case ValueType::String:
      return "string";
    case ValueType::Duration:
      return "duration";
    case ValueType::Regex:
      return "regex";
    case ValueType::Lambda:
      return "lambda";
    case ValueType::Star:
      return "star";
    case ValueType::List:
      return "list";
    case ValueType::Node:
      return "node";
    case ValueType::Handler:
      return "alert handler";
    case ValueType::TimeDimension:
      return "time dimension";
    case ValueType::Reference:
      return "reference";
  }
  return "invalid";
}

std::string format_duration(int64_t ns) {
  struct Unit {
    int64_t ns;
    const char* suffix;
  };
  static constexpr Unit units[] = {
      {7LL * 24 * 3600 * 1000000000LL, "w"},
      {24LL * 3600 * 1000000000LL, "d"},
      {3600LL * 1000000000LL, "h"},
      {60LL * 1000000000LL, "m"},
      {1000000000LL, "s"},
      {1000000LL, "ms"},
      {1000LL, "u"},
  };
  if (ns == 0) return "0s";
  for (const auto& unit : units) {
    if (ns % unit.ns == 0) return fmt::format("{}{}", ns / unit.ns, unit.suffix);
  }
  return fmt::format("{}ns", ns);
}

namespace {

std::string quote_string(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string format_expression(const lang::Node& expression) {
  lang::Program program;
  auto lambda = std::make_unique<lang::Node>();
  lambda->kind = lang::NodeKind::Lambda;
  lambda->children.push_back(lang::clone(expression));
  program.statements.push_back(std::move(lambda));
  std::string text = lang::format_program(program);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

std::string to_tick(const Value& value) {
  switch (value.type) {
    case ValueType::Bool:
      return value.boolean ? "TRUE" : "FALSE";
    case ValueType::Int:
      return fmt::format("{}", value.integer);
    case ValueType::Float: {
      std::string s = fmt::format("{}", value.number);
      if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
      return s;
    }
    case ValueType::String:
      return quote_string(value.text);
    case ValueType::Duration:
      return format_duration(value.integer);
    case ValueType::Regex: {
      std::string out = "/";
      for (char c : value.text) {
        if (c == '/') out += '\\';
        out += c;
      }
      return out + "/";
    }
    case ValueType::Lambda:
      return value.lambda ? format_expression(*value.lambda) : "lambda: ?";
    case ValueType::Star:
      return "*";
    case ValueType::List: {
      std::string out = "[";
      for (size_t i = 0; i < value.items.size(); ++i) {
        if (i) out += ", ";
        out += to_tick(value.items[i]);
      }
      return out + "]";
    }
    case ValueType::Node:
      return fmt::format("<node {}>", value.node);
    case ValueType::Handler:
      return fmt::format("<handler {}.{}>", value.node, value.handler);
    case ValueType::TimeDimension:
      if (value.offset == 0) return fmt::format("time({})", format_duration(value.integer));
      return fmt::format("time({}, {})", format_duration(value.integer),
                         format_duration(value.offset));
    case ValueType::Reference:
      return fmt::format("\"{}\"", value.text);
    case ValueType::Invalid:
      break;
  }
  return "<invalid>";
}

bool operator==(const Value& a, const Value& b) {
  if (a.type != b.type) return false;
  switch (a.type) {
    case ValueType::Lambda:
      return to_tick(a) == to_tick(b);
    case ValueType::List:
      return a.items == b.items;
    default:
      return a.boolean == b.boolean && a.integer == b.integer && a.offset == b.offset &&
             a.number == b.number && a.text == b.text && a.node == b.node && a.handler == b.handler;
  }
}

}  // namespace farad::compile
