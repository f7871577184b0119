#pragma once
// Shared by the functions_*.cpp files: signature building, messages, and each file's list of
// functions for the registry in functions.cpp.

#include <initializer_list>
#include <string>
#include <vector>

#include "expr/functions.hpp"

namespace farad::expr::functions {

/// A signature from its argument types and result type.
Signature signature(std::initializer_list<ValueType> parameters, ValueType result);

/// Records a failure of the function being called; returns false.
bool fail(CallContext& context, std::string message);

/// Go's `%T` of an argument.
inline const char* go_type(const Value& value) {
  return go_type_name(value.type());
}

/// "first", "second", "third", "fourth": how Kapacitor's messages number arguments.
const char* ordinal(size_t index);

void add_cast_functions(std::vector<Function>& out);
void add_math_functions(std::vector<Function>& out);
void add_string_functions(std::vector<Function>& out);
void add_misc_functions(std::vector<Function>& out);
void add_time_functions(std::vector<Function>& out);
void add_stateful_functions(std::vector<Function>& out);

}  // namespace farad::expr::functions
