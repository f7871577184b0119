#include "daemon/vars_json.hpp"

#include <nlohmann/json.hpp>

#include "compile/value.hpp"
#include "compile/vars_file.hpp"

namespace farad::daemon {
namespace {

using nlohmann::json;

// A value as Kapacitor's client.Var holds it: durations in ns, regexes and lambdas as text.
json value_json(const compile::Value& value) {
  using compile::ValueType;
  switch (value.type) {
    case ValueType::Bool:
      return value.boolean;
    case ValueType::Int:
    case ValueType::Duration:
      return value.integer;
    case ValueType::Float:
      return value.number;
    case ValueType::String:
    case ValueType::Regex:
      return value.text;
    case ValueType::Lambda: {
      std::string text = compile::to_tick(value);
      constexpr std::string_view kPrefix = "lambda: ";
      if (text.starts_with(kPrefix)) text.erase(0, kPrefix.size());
      return text;
    }
    case ValueType::List: {
      json items = json::array();
      for (const auto& item : value.items) {
        items.push_back({{"type", compile::type_name(item.type)},
                         {"value", value_json(item)},
                         {"description", ""}});
      }
      return items;
    }
    default:
      return nullptr;  // star, and what no var can hold
  }
}

}  // namespace

json declared_vars_json(const compile::TaskSpec& spec) {
  json vars = json::object();
  for (const auto& var : spec.vars) {
    vars[var.name] = {{"type", compile::type_name(var.type)},
                      {"value", var.declared_only ? json(nullptr) : value_json(var.value)},
                      {"description", var.description}};
  }
  return vars;
}

std::string normalized_vars_json(const json& vars) {
  const auto values = compile::parse_vars_json(vars.dump());
  json out = json::object();
  for (const auto& [name, value] : values) {
    const json& given =
        vars.contains("vars") && vars["vars"].is_object() ? vars["vars"][name] : vars[name];
    std::string description;
    if (given.contains("description") && given["description"].is_string()) {
      description = given["description"].get<std::string>();
    }
    // A lambda keeps the text it was given, as Kapacitor stores it.
    const json stored =
        value.type == compile::ValueType::Lambda ? given.at("value") : value_json(value);
    out[name] = {{"type", given.at("type")}, {"value", stored}, {"description", description}};
  }
  return out.dump();
}

}  // namespace farad::daemon
