// farad config: the effective daemon configuration (file, then flags, then checks) as TOML.
#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "service/config.hpp"

namespace farad::cli {

int run_config(const Args& argv) {
  const Arguments args(argv, {"config", "bind", "data-dir"}, {});
  if (!args.positional().empty()) {
    throw UsageError("config takes no arguments, got '" + args.positional().front() + "'");
  }
  try {
    const auto path = args.value("config");
    service::Config config = path ? service::load_config(*path) : service::Config{};
    service::apply_overrides(config, {args.value("bind"), args.value("data-dir")});
    service::validate(config);
    std::cout << service::to_toml(config);
  } catch (const service::ConfigError& e) {
    std::cerr << e.what();
    return 1;
  }
  return 0;
}

}  // namespace farad::cli
