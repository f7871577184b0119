#pragma once
// Command-line arguments in Kapacitor's style: `-flag value` and `--flag value` (and
// `--flag=value`) are the same; flags may repeat; everything else is positional.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace farad::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Arguments {
 public:
  /// `value_flags` take a value; `switches` do not. Anything else starting with '-' is an error.
  Arguments(const std::vector<std::string>& argv, const std::set<std::string>& value_flags,
            const std::set<std::string>& switches);

  const std::vector<std::string>& positional() const { return positional_; }
  bool has(const std::string& flag) const { return values_.count(flag) > 0; }
  std::optional<std::string> value(const std::string& flag) const;
  std::vector<std::string> values(const std::string& flag) const;

 private:
  std::vector<std::string> positional_;
  std::multimap<std::string, std::string> values_;
};

}  // namespace farad::cli
