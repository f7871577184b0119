#include "cli/task_flags.hpp"

#include "compile/vars_file.hpp"

namespace farad::cli {

const std::set<std::string> kTaskFlags = {"type", "vars", "dbrp"};

namespace {

/// Reads one part of a dbrp flag: a double-quoted name or text up to the next '.'.
std::string dbrp_part(const std::string& text, size_t& pos, bool last) {
  std::string out;
  if (pos < text.size() && text[pos] == '"') {
    const size_t close = text.find('"', pos + 1);
    if (close == std::string::npos) throw UsageError("unterminated quote in -dbrp " + text);
    out = text.substr(pos + 1, close - pos - 1);
    pos = close + 1;
    return out;
  }
  const size_t end = last ? text.size() : text.find('.', pos);
  if (end == std::string::npos) throw UsageError("-dbrp must be db.rp, got " + text);
  out = text.substr(pos, end - pos);
  pos = end;
  return out;
}

}  // namespace

compile::Dbrp parse_dbrp_flag(const std::string& text) {
  size_t pos = 0;
  compile::Dbrp dbrp;
  dbrp.database = dbrp_part(text, pos, false);
  if (pos >= text.size() || text[pos] != '.') throw UsageError("-dbrp must be db.rp, got " + text);
  ++pos;
  dbrp.retention_policy = dbrp_part(text, pos, true);
  if (pos != text.size() || dbrp.database.empty() || dbrp.retention_policy.empty()) {
    throw UsageError("-dbrp must be db.rp, got " + text);
  }
  return dbrp;
}

compile::CompileOptions task_options(const Arguments& args, const std::string& script_path) {
  compile::CompileOptions options;
  std::string name = script_path;
  if (auto slash = name.find_last_of('/'); slash != std::string::npos)
    name = name.substr(slash + 1);
  if (auto dot = name.find('.'); dot != std::string::npos && dot > 0) name = name.substr(0, dot);
  options.task_name = name.empty() ? "task" : name;
  if (auto type = args.value("type")) {
    if (*type == "stream") {
      options.type = compile::TaskType::Stream;
    } else if (*type == "batch") {
      options.type = compile::TaskType::Batch;
    } else {
      throw UsageError("-type must be stream or batch, got " + *type);
    }
  }
  if (auto vars = args.value("vars")) {
    options.vars = compile::read_vars_file(*vars);
  } else {
    // Without a vars file the script is checked as Kapacitor checks a template: declared vars
    // without a value take their type's zero value.
    options.template_mode = true;
  }
  for (const auto& dbrp : args.values("dbrp")) options.dbrps.push_back(parse_dbrp_flag(dbrp));
  return options;
}

}  // namespace farad::cli
