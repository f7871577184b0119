// farad fmt: canonical formatting, to stdout or in place with -w.
#include <fstream>
#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "lang/formatter.hpp"
#include "lang/parser.hpp"

namespace farad::cli {

int run_fmt(const Args& argv) {
  const Arguments args(argv, {}, {"w"});
  if (args.positional().empty()) throw UsageError("fmt needs a SCRIPT");
  const bool write = args.has("w");
  if (!write && args.positional().size() != 1) {
    throw UsageError("fmt prints one SCRIPT; use -w to format several in place");
  }
  int status = 0;
  for (const auto& path : args.positional()) {
    const lang::Source source = lang::read_source_file(path);
    std::string formatted;
    try {
      formatted = lang::format_program(lang::parse_program(source));
    } catch (const lang::DiagnosticError& e) {
      std::cerr << e.diagnostic.render();
      status = 1;
      continue;
    }
    if (!write) {
      std::cout << formatted;
      continue;
    }
    if (formatted == source.text()) continue;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << formatted;
    if (!out) throw std::runtime_error("cannot write " + path);
  }
  return status;
}

}  // namespace farad::cli
