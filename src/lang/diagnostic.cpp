#include "lang/diagnostic.hpp"

#include <fmt/format.h>

namespace farad::lang {

std::string Diagnostic::render() const {
  std::string out;
  if (position.line == 0) {
    out = fmt::format("{}: error: {}\n", file, message);
  } else {
    out = fmt::format("{}:{}:{}: error: {}\n", file, position.line, position.column, message);
    out += source_line;
    out += '\n';
    // Tabs are kept so that the caret lines up under the same terminal columns.
    uint32_t chars = 0;
    for (size_t i = 0; i < source_line.size() && chars + 1 < position.column; ++i) {
      const auto byte = static_cast<unsigned char>(source_line[i]);
      if ((byte & 0xC0) == 0x80) continue;
      out += byte == '\t' ? '\t' : ' ';
      ++chars;
    }
    for (; chars + 1 < position.column; ++chars) out += ' ';
    out += "^\n";
  }
  if (!hint.empty()) out += fmt::format("hint: {}\n", hint);
  return out;
}

Diagnostic make_diagnostic(Phase phase, const Source& source, uint32_t offset, std::string message,
                           std::string hint) {
  Diagnostic d;
  d.phase = phase;
  d.file = source.name();
  d.position = source.locate(offset);
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.source_line = std::string(source.line_text(d.position.line));
  return d;
}

std::string render_all(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.render();
  return out;
}

}  // namespace farad::lang
