// farad test: run script test cases, one line per case, then `N passed, N failed`.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/golden_case.hpp"

namespace farad::cli {

int run_test(const Args& argv) {
  const Arguments args(argv, {}, {});
  if (args.positional().empty()) throw UsageError("test needs at least one PATH");
  int passed = 0;
  int failed = 0;
  for (const auto& path : args.positional()) {
    const auto cases = find_golden_cases(path);
    if (cases.empty()) {
      std::cout << fmt::format("FAIL {}: no test case (a folder with script.tick) found\n", path);
      ++failed;
    }
    for (const auto& folder : cases) {
      const auto result = run_golden_case(folder, folder);
      if (result.passed) {
        ++passed;
        std::cout << fmt::format("ok   {}\n", result.name);
      } else {
        ++failed;
        std::cout << fmt::format("FAIL {}: {}\n", result.name, result.reason);
      }
    }
  }
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace farad::cli
