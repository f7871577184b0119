#include "sinks/spool.hpp"

#include <fcntl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace farad::sinks {

namespace {

constexpr size_t kReadBlock = 64 * 1024;
constexpr std::string_view kSuffix = ".spool";

/// The lines of a counted entry, its header line `header` included.
int counted_lines(std::string_view header) {
  int following = 0;
  for (const char c : header) {
    if (c < '0' || c > '9' || following > 100'000'000) break;
    following = following * 10 + (c - '0');
  }
  return 1 + following;
}

}  // namespace

std::string_view SpoolChunk::entry(size_t i) const {
  const size_t from = i == 0 ? 0 : ends[i - 1];
  return std::string_view(bytes).substr(from, ends[i] - from);
}

Spool::Spool(std::filesystem::path dir, int lines_per_entry, uint64_t limit, uint64_t segment_size)
    : dir_(std::move(dir)),
      lines_per_entry_(lines_per_entry),
      limit_(limit),
      segment_size_(segment_size) {
  std::filesystem::create_directories(dir_);
  for (const auto& item : std::filesystem::directory_iterator(dir_)) {
    const std::string name = item.path().filename().string();
    if (name.size() != 20 + kSuffix.size() || !name.ends_with(kSuffix)) continue;
    segments_.push_back({std::stoull(name.substr(0, 20)), item.file_size()});
  }
  std::sort(segments_.begin(), segments_.end(),
            [](const Segment& a, const Segment& b) { return a.start < b.start; });
  if (segments_.empty()) {
    start_segment(0);
  } else {
    open_active();
    drop_torn_tail();
  }
}

void Spool::drop_torn_tail() {
  // Segments start on entry boundaries (appends and cut_back start them there), so the last
  // one read from its start ends with its last whole entry.
  const Segment last = segments_.back();
  const uint64_t whole = read(last.start, SIZE_MAX, SIZE_MAX).end();
  if (whole >= last.start + last.size) return;
  active_.truncate(whole - last.start);
  segments_.back().size = whole - last.start;
  active_.sync_data();
}

Spool::~Spool() = default;

std::filesystem::path Spool::segment_path(uint64_t start) const {
  return dir_ / fmt::format("{:020}{}", start, kSuffix);
}

void Spool::open_active() {
  active_ = store::FileDescriptor(segment_path(segments_.back().start), O_RDWR | O_CREAT);
  segments_.back().size = active_.size();
}

void Spool::start_segment(uint64_t start) {
  if (active_.is_open()) active_.sync_data();  // a closed segment is not synced again
  segments_.push_back({start, 0});
  open_active();
  dir_dirty_ = true;
}

bool Spool::append(std::string_view entry) {
  {
    std::lock_guard lock(mutex_);
    const uint64_t end = segments_.back().start + segments_.back().size;
    if (limit_ != 0 && end - segments_.front().start + entry.size() > limit_) return false;
    if (segments_.back().size >= segment_size_) start_segment(end);
    active_.write_at(entry, segments_.back().size);
    segments_.back().size += entry.size();
  }
  appended_.notify_all();
  return true;
}

SpoolChunk Spool::read(uint64_t from, size_t max_entries, size_t max_bytes) const {
  std::lock_guard lock(mutex_);
  SpoolChunk chunk;
  const uint64_t end = segments_.back().start + segments_.back().size;
  uint64_t pos = std::max(from, segments_.front().start);
  chunk.begin = pos;
  int lines = 0;
  int entry_lines = lines_per_entry_;
  size_t scanned = 0;
  while (pos < end && chunk.ends.size() < max_entries &&
         (chunk.ends.empty() || chunk.bytes.size() < max_bytes)) {
    auto segment = std::upper_bound(segments_.begin(), segments_.end(), pos,
                                    [](uint64_t p, const Segment& s) { return p < s.start; });
    if (segment == segments_.begin()) break;
    --segment;
    const uint64_t segment_end = segment->start + segment->size;
    if (pos >= segment_end) {  // a gap left by a restore: go on at the next segment
      if (std::next(segment) == segments_.end()) break;
      pos = std::next(segment)->start;
      if (chunk.bytes.empty()) chunk.begin = pos;
      continue;
    }
    const size_t want = static_cast<size_t>(std::min<uint64_t>(kReadBlock, segment_end - pos));
    const size_t old_size = chunk.bytes.size();
    chunk.bytes.resize(old_size + want);
    const store::FileDescriptor file(segment_path(segment->start), O_RDONLY);
    const size_t got = file.read_at(chunk.bytes.data() + old_size, want, pos - segment->start);
    chunk.bytes.resize(old_size + got);
    if (got == 0) break;
    pos += got;
    for (; scanned < chunk.bytes.size() && chunk.ends.size() < max_entries; ++scanned) {
      if (chunk.bytes[scanned] != '\n') continue;
      if (++lines == 1 && lines_per_entry_ == kCountedLines) {
        const size_t entry_begin = chunk.ends.empty() ? 0 : chunk.ends.back();
        entry_lines =
            counted_lines(std::string_view(chunk.bytes).substr(entry_begin, scanned - entry_begin));
      }
      if (lines < entry_lines) continue;
      lines = 0;
      chunk.ends.push_back(scanned + 1);
    }
  }
  chunk.bytes.resize(chunk.ends.empty() ? 0 : chunk.ends.back());
  return chunk;
}

bool Spool::wait_for_data(uint64_t from, std::chrono::steady_clock::time_point deadline) const {
  std::unique_lock lock(mutex_);
  const uint64_t wakes = wakes_;
  return appended_.wait_until(lock, deadline, [&] {
    return segments_.back().start + segments_.back().size > from || wakes_ != wakes;
  });
}

void Spool::wake() const {
  {
    std::lock_guard lock(mutex_);
    ++wakes_;
  }
  appended_.notify_all();
}

void Spool::sync() {
  std::lock_guard lock(mutex_);
  active_.sync_data();
  if (dir_dirty_) {
    store::sync_directory(dir_);
    dir_dirty_ = false;
  }
}

void Spool::cut_back(uint64_t end) {
  std::lock_guard lock(mutex_);
  while (!segments_.empty() && segments_.back().start > end) {
    active_ = store::FileDescriptor();
    std::filesystem::remove(segment_path(segments_.back().start));
    segments_.pop_back();
  }
  if (segments_.empty() || segments_.back().start + segments_.back().size < end) {
    // What lay before `end` was acknowledged and released (or removed by hand): start afresh.
    active_ = store::FileDescriptor();
    segments_.push_back({end, 0});
  }
  open_active();
  if (segments_.back().start + segments_.back().size > end) {
    active_.truncate(end - segments_.back().start);
    segments_.back().size = end - segments_.back().start;
  }
  active_.sync_data();
  store::sync_directory(dir_);
  dir_dirty_ = false;
}

void Spool::release_below(uint64_t offset) {
  std::lock_guard lock(mutex_);
  const Segment last = segments_.back();
  if (last.size > 0 && last.start + last.size <= offset && last.size >= segment_size_ / 8) {
    // Everything is acknowledged: close the active segment so that it can go too.
    start_segment(last.start + last.size);
  }
  size_t drop = 0;
  while (drop + 1 < segments_.size() && segments_[drop].start + segments_[drop].size <= offset) {
    std::filesystem::remove(segment_path(segments_[drop].start));
    ++drop;
  }
  if (drop == 0) return;
  segments_.erase(segments_.begin(), segments_.begin() + static_cast<ptrdiff_t>(drop));
  dir_dirty_ = true;
}

void Spool::record_acked(uint64_t offset) {
  std::lock_guard lock(mutex_);
  if (!acked_file_.is_open()) acked_file_ = store::FileDescriptor(dir_ / "acked", O_RDWR | O_CREAT);
  acked_file_.write_at(fmt::format("{:020}\n", offset), 0);  // fixed width: never a torn tail
}

uint64_t Spool::recorded_acked() const {
  std::lock_guard lock(mutex_);
  std::error_code missing;
  if (!std::filesystem::exists(dir_ / "acked", missing)) return 0;
  const store::FileDescriptor file(dir_ / "acked", O_RDONLY);
  char text[21] = {};
  if (file.read_at(text, 21, 0) != 21 || text[20] != '\n') return 0;
  uint64_t offset = 0;
  for (int i = 0; i < 20; ++i) {
    if (text[i] < '0' || text[i] > '9') return 0;
    offset = offset * 10 + static_cast<uint64_t>(text[i] - '0');
  }
  return offset;
}

uint64_t Spool::begin() const {
  std::lock_guard lock(mutex_);
  return segments_.front().start;
}

uint64_t Spool::end() const {
  std::lock_guard lock(mutex_);
  return segments_.back().start + segments_.back().size;
}

}  // namespace farad::sinks
