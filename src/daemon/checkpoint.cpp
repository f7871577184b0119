#include "daemon/checkpoint.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "store/atomic_file.hpp"

namespace farad::daemon {
namespace {
constexpr std::string_view kMagic = "FARADCKP";
}

void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint) {
  std::string bytes(kMagic);
  store::append_binary(bytes, checkpoint.position);
  bytes += checkpoint.state;
  store::atomic_write_file(path, bytes);
}

std::optional<Checkpoint> read_checkpoint(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read checkpoint " + path.string());
  const std::string bytes = text.str();
  if (!bytes.starts_with(kMagic)) throw std::runtime_error("not a checkpoint: " + path.string());
  const auto position = store::read_binary_position(std::string_view(bytes).substr(kMagic.size()));
  if (!position) throw std::runtime_error("checkpoint cut short: " + path.string());
  return Checkpoint{*position, bytes.substr(kMagic.size() + 16)};
}

}  // namespace farad::daemon
