#include "cli/arguments.hpp"

namespace farad::cli {

Arguments::Arguments(const std::vector<std::string>& argv, const std::set<std::string>& value_flags,
                     const std::set<std::string>& switches) {
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (only_positional || arg.size() < 2 || arg[0] != '-') {
      positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (switches.count(name)) {
      if (inline_value) throw UsageError("flag -" + name + " takes no value");
      values_.emplace(name, "");
    } else if (value_flags.count(name)) {
      if (inline_value) {
        values_.emplace(name, *inline_value);
      } else if (i + 1 < argv.size()) {
        values_.emplace(name, argv[++i]);
      } else {
        throw UsageError("flag -" + name + " needs a value");
      }
    } else {
      throw UsageError("unknown flag " + arg);
    }
  }
}

std::optional<std::string> Arguments::value(const std::string& flag) const {
  auto range = values_.equal_range(flag);
  if (range.first == range.second) return std::nullopt;
  return std::prev(range.second)->second;  // the last one wins
}

std::vector<std::string> Arguments::values(const std::string& flag) const {
  std::vector<std::string> out;
  auto range = values_.equal_range(flag);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

}  // namespace farad::cli
