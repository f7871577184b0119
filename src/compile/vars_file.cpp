#include "compile/vars_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "compile/duration_text.hpp"
#include "lang/parser.hpp"

namespace farad::compile {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& name, const std::string& why) {
  throw std::runtime_error(fmt::format("var \"{}\": {}", name, why));
}

Value list_item(const std::string& name, const json& item) {
  if (!item.is_object()) fail(name, "list items must be objects {\"type\": ..., \"value\": ...}");
  const std::string type = item.value("type", "");
  if (type == "string" && item.contains("value") && item["value"].is_string()) {
    return Value::make_string(item["value"].get<std::string>());
  }
  if (type == "star") return Value::make_star();
  fail(name, "list items must have type \"string\" (with a string value) or \"star\"");
}

Value duration_value(const std::string& name, const json& value) {
  if (value.is_number_integer()) return Value::make_duration(value.get<int64_t>());
  if (value.is_string()) {
    auto ns = parse_duration_text(value.get<std::string>());
    if (!ns) fail(name, fmt::format("invalid duration {}", value.dump()));
    return Value::make_duration(*ns);
  }
  fail(name, "a duration must be an integer (nanoseconds) or a string such as \"5m\"");
}

Value var_value(const std::string& name, const json& spec) {
  if (!spec.is_object()) fail(name, "must be an object with \"type\" and \"value\"");
  if (!spec.contains("type") || !spec["type"].is_string()) fail(name, "missing \"type\"");
  const std::string type = spec["type"].get<std::string>();
  if (type == "star") return Value::make_star();
  if (!spec.contains("value")) fail(name, "missing \"value\"");
  const json& value = spec["value"];
  auto expect = [&](bool ok, const char* what) {
    if (!ok) fail(name, fmt::format("type {} needs {}, got {}", type, what, value.dump()));
  };
  if (type == "bool") {
    expect(value.is_boolean(), "true or false");
    return Value::make_bool(value.get<bool>());
  }
  if (type == "int") {
    expect(value.is_number_integer(), "an integer");
    return Value::make_int(value.get<int64_t>());
  }
  if (type == "float") {
    expect(value.is_number(), "a number");
    return Value::make_float(value.get<double>());
  }
  if (type == "string") {
    expect(value.is_string(), "a string");
    return Value::make_string(value.get<std::string>());
  }
  if (type == "regex") {
    expect(value.is_string(), "the pattern as a string");
    return Value::make_regex(value.get<std::string>());
  }
  if (type == "duration") return duration_value(name, value);
  if (type == "lambda") {
    expect(value.is_string(), "the expression text (without lambda:)");
    lang::Source source("var " + name, value.get<std::string>());
    try {
      Value v;
      v.type = ValueType::Lambda;
      auto lambda = lang::parse_lambda_text(source);
      v.lambda = std::shared_ptr<const lang::Node>(std::move(lambda->children.front()));
      return v;
    } catch (const lang::DiagnosticError& e) {
      fail(name, fmt::format("invalid lambda: {}", e.diagnostic.message));
    }
  }
  if (type == "list") {
    expect(value.is_array(), "an array");
    Value v;
    v.type = ValueType::List;
    for (const auto& item : value) v.items.push_back(list_item(name, item));
    return v;
  }
  fail(name, fmt::format("invalid var type \"{}\"", type));
}

}  // namespace

std::map<std::string, Value> parse_vars_json(const std::string& json_text) {
  json document;
  try {
    document = json::parse(json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(fmt::format("invalid JSON: {}", e.what()));
  }
  if (document.is_object() && document.contains("vars") && document["vars"].is_object()) {
    document = document["vars"];
  }
  if (!document.is_object()) throw std::runtime_error("vars must be a JSON object");
  std::map<std::string, Value> vars;
  for (const auto& [name, spec] : document.items()) vars[name] = var_value(name, spec);
  return vars;
}

std::map<std::string, Value> read_vars_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open vars file", path));
  std::stringstream text;
  text << in.rdbuf();
  try {
    return parse_vars_json(text.str());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", path, e.what()));
  }
}

}  // namespace farad::compile
