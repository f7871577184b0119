#pragma once
// The built-in functions of lambda expressions: Kapacitor's `tick/stateful/functions.go`, with
// the same names, signatures (argument types → result type) and messages.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "expr/value.hpp"

namespace farad::expr {

class ExpressionState;
class Scope;

/// Kapacitor's `maxArgs`: no built-in function takes more arguments.
inline constexpr size_t kMaxArguments = 4;

/// One accepted list of argument types and the type of the result.
struct Signature {
  std::array<ValueType, kMaxArguments> parameters{};
  uint8_t arity = 0;
  ValueType result = ValueType::Invalid;
};

/// What a function implementation may use, and where it reports a failure.
struct CallContext {
  std::string_view name;  ///< the function's name, for messages
  ExpressionState& state;
  const Scope& scope;
  std::string error;      ///< the function's own message (Kapacitor adds `error calling "f": `)
  bool panicked = false;  ///< the failure is a Go runtime panic in Kapacitor (slice bounds)
};

/// Computes `out` from `arguments` (already evaluated); false with `context.error` on failure.
using FunctionImpl = bool (*)(std::span<const Value> arguments, CallContext& context, Value& out);

/// A built-in function.
struct Function {
  std::string_view name;
  std::vector<Signature> signatures;  ///< in Kapacitor's declaration order
  FunctionImpl call = nullptr;
};

/// The built-in function `name`, or nullptr.
const Function* find_function(std::string_view name);

/// The signature matching the argument types exactly, or nullptr.
const Signature* find_signature(const Function& function, std::span<const ValueType> types);

/// Whether some signature takes `count` arguments.
bool accepts_arity(const Function& function, size_t count);

/// Kapacitor's list of signatures: `[(float,duration), (string,duration), (duration)]`.
std::string signatures_text(const Function& function);

/// Every built-in function, in Kapacitor's declaration order.
std::span<const Function> all_functions();

}  // namespace farad::expr
