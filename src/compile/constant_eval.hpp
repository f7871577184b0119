#pragma once
// Script-level expressions outside lambdas (`var x = 5m * 2`) are evaluated at compile time
// with the lambda language's type rules: no implicit int/float conversion.

#include <string>

#include "compile/value.hpp"

namespace farad::compile {

/// `left op right`; on a type error returns an Invalid value and sets `error`.
Value evaluate_binary(const std::string& op, const Value& left, const Value& right,
                      std::string& error);

/// `-v` or `!v`; on a type error returns an Invalid value and sets `error`.
Value evaluate_unary(const std::string& op, const Value& operand, std::string& error);

}  // namespace farad::compile
