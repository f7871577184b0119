#pragma once
// A task's checkpoint: the log position just after the last body it has fully processed and its
// nodes' state at that moment. Replay after a restart restores the state and feeds the task the
// bodies after the position. File: <data dir>/checkpoints/<id>.ckpt, replaced atomically.
//
// Layout: magic "FARADCKP", the 16-byte binary position, then the state bytes.

#include <filesystem>
#include <optional>
#include <string>

#include "store/wal_position.hpp"

namespace farad::daemon {

struct Checkpoint {
  store::WalPosition position;
  std::string state;
};

/// Writes atomically. The caller has synced the log up to `position` first.
void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint);
/// nullopt when the file does not exist; throws std::runtime_error when it is malformed.
std::optional<Checkpoint> read_checkpoint(const std::filesystem::path& path);

}  // namespace farad::daemon
