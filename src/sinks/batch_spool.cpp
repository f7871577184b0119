#include "sinks/batch_spool.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace farad::sinks {

namespace {
constexpr std::string_view kSuffix = ".batch";
}

BatchSpool::BatchSpool(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::filesystem::create_directories(dir_);
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || !name.ends_with(kSuffix)) continue;
    const std::string digits = name.substr(0, name.size() - kSuffix.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const uint64_t sequence = std::stoull(digits);
    const uint64_t size = entry.file_size();
    sizes_[sequence] = size;
    bytes_ += size;
    next_ = std::max(next_, sequence + 1);
  }
}

std::filesystem::path BatchSpool::path_of(uint64_t sequence) const {
  return dir_ / fmt::format("{:020}{}", sequence, kSuffix);
}

uint64_t BatchSpool::append(const SpooledBatch& batch) {
  const uint64_t sequence = next_++;
  const std::filesystem::path path = path_of(sequence);
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    // The query holds no newline (it is URL-encoded): the first line.
    out << batch.query << '\n' << batch.body;
    if (!out.flush()) {
      throw std::runtime_error(
          fmt::format("cannot write spool file {}: {}", temporary.string(), std::strerror(errno)));
    }
  }
  std::filesystem::rename(temporary, path);
  const uint64_t size = batch.query.size() + 1 + batch.body.size();
  sizes_[sequence] = size;
  bytes_ += size;
  return sequence;
}

std::optional<SpooledBatch> BatchSpool::read(uint64_t sequence) const {
  std::ifstream in(path_of(sequence), std::ios::binary);
  if (!in) return std::nullopt;
  SpooledBatch batch;
  if (!std::getline(in, batch.query)) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  batch.body = body.str();
  return batch;
}

void BatchSpool::remove(uint64_t sequence) {
  const auto it = sizes_.find(sequence);
  if (it == sizes_.end()) return;
  bytes_ -= it->second;
  sizes_.erase(it);
  std::error_code ignored;
  std::filesystem::remove(path_of(sequence), ignored);
}

}  // namespace farad::sinks
