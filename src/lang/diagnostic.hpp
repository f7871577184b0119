#pragma once
// The one error type of farad: a positioned message rendered `file:line:col: error: message`,
// followed by the source line and a caret under the column.

#include <string>
#include <vector>

#include "lang/source.hpp"

namespace farad::lang {

enum class Phase { Parse, Compile, Run };

struct Diagnostic {
  Phase phase = Phase::Parse;
  std::string file;
  LineColumn position;      ///< line 0 means "no position" (e.g. a vars file problem)
  std::string message;      ///< lower case, no final period
  std::string hint;         ///< optional: how to fix it
  std::string source_line;  ///< the line the position is on, for the caret

  /// `file:line:col: error: message`, the source line, a caret, and `hint: ...` if any.
  std::string render() const;
};

/// A diagnostic at a byte offset of a source.
Diagnostic make_diagnostic(Phase phase, const Source& source, uint32_t offset, std::string message,
                           std::string hint = {});

/// Thrown by the parser at the first error; the compiler collects instead of throwing.
struct DiagnosticError {
  Diagnostic diagnostic;
};

std::string render_all(const std::vector<Diagnostic>& diagnostics);

}  // namespace farad::lang
