#include "expr/functions.hpp"

#include <algorithm>

#include "expr/functions_internal.hpp"

namespace farad::expr {
namespace functions {

Signature signature(std::initializer_list<ValueType> parameters, ValueType result) {
  Signature s;
  std::copy(parameters.begin(), parameters.end(), s.parameters.begin());
  s.arity = static_cast<uint8_t>(parameters.size());
  s.result = result;
  return s;
}

bool fail(CallContext& context, std::string message) {
  context.error = std::move(message);
  return false;
}

const char* ordinal(size_t index) {
  static constexpr const char* names[] = {"first", "second", "third", "fourth"};
  return index < 4 ? names[index] : "next";
}

}  // namespace functions

namespace {

std::vector<Function> build_registry() {
  std::vector<Function> all;
  functions::add_cast_functions(all);
  functions::add_math_functions(all);
  functions::add_string_functions(all);
  functions::add_misc_functions(all);
  functions::add_time_functions(all);
  functions::add_stateful_functions(all);
  return all;
}

const std::vector<Function>& registry() {
  static const std::vector<Function> all = build_registry();
  return all;
}

}  // namespace

std::span<const Function> all_functions() {
  return registry();
}

const Function* find_function(std::string_view name) {
  for (const Function& function : registry()) {
    if (function.name == name) return &function;
  }
  return nullptr;
}

const Signature* find_signature(const Function& function, std::span<const ValueType> types) {
  for (const Signature& s : function.signatures) {
    if (s.arity == types.size() && std::equal(types.begin(), types.end(), s.parameters.begin())) {
      return &s;
    }
  }
  return nullptr;
}

bool accepts_arity(const Function& function, size_t count) {
  return std::any_of(function.signatures.begin(), function.signatures.end(),
                     [count](const Signature& s) { return s.arity == count; });
}

std::string signatures_text(const Function& function) {
  std::string out = "[";
  for (size_t i = 0; i < function.signatures.size(); ++i) {
    if (i > 0) out += ", ";
    const Signature& s = function.signatures[i];
    out += "(";
    for (size_t k = 0; k < s.arity; ++k) {
      if (k > 0) out += ",";
      out += type_name(s.parameters[k]);
    }
    out += ")";
  }
  return out + "]";
}

}  // namespace farad::expr
