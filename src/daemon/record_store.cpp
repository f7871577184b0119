#include "daemon/record_store.hpp"

#include <fstream>
#include <sstream>

namespace farad::daemon {

std::vector<std::pair<std::filesystem::path, std::string>> read_json_files(
    const std::filesystem::path& dir) {
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read " + entry.path().string());
    files.emplace_back(entry.path(), text.str());
  }
  return files;
}

}  // namespace farad::daemon
