#include "io/point_block_reader.hpp"

#include <cstring>

namespace farad::io {
namespace {

// Large reads keep system calls rare (one per several thousand lines); a record longer than
// this grows the buffer.
constexpr std::size_t kReadSize = 1u << 18;
// Points per block: enough to make the hand-over cost nothing per point, few enough to keep
// the memory of the blocks in flight at a few MB.
constexpr std::size_t kBlockPoints = 1024;
// Compact records are a fraction of a point's size: larger blocks, the same memory.
constexpr std::size_t kBlockCompactPoints = 2048;
// Blocks read ahead of the task at most.
constexpr std::size_t kMaxReady = 3;

}  // namespace

PointBlockReader::PointBlockReader(std::unique_ptr<ByteSource> source, ParseOptions options,
                                   std::string database, std::string retention_policy,
                                   model::KeyProjection keys,
                                   std::optional<CompactFieldIds> compact)
    : source_(std::move(source)),
      options_(options),
      database_(std::move(database)),
      retention_policy_(std::move(retention_policy)),
      keys_(std::move(keys)),
      compact_(keys_.all_fields ? std::nullopt : std::move(compact)),
      thread_([this] { read_all(); }) {}

PointBlockReader::~PointBlockReader() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

bool PointBlockReader::next(PointBlock& block) {
  block.points.clear();
  block.compact.clear();
  // Released, not cleared: the first block holds every series, later ones a few or none.
  block.new_series = {};
  block.errors.clear();
  std::unique_lock lock(mutex_);
  spare_.push_back(std::move(block));
  changed_.notify_all();
  changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
  if (ready_.empty()) {
    block = PointBlock{};
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    return false;
  }
  block = std::move(ready_.front());
  ready_.pop_front();
  changed_.notify_all();
  return true;
}

bool PointBlockReader::publish(PointBlock& block) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return ready_.size() < kMaxReady || stopping_; });
  if (stopping_) return false;
  ready_.push_back(std::move(block));
  if (spare_.empty()) {
    block = PointBlock{};
  } else {
    block = std::move(spare_.back());
    spare_.pop_back();
  }
  changed_.notify_all();
  return true;
}

void PointBlockReader::read_all() {
  PointBlock block;
  try {
    parse_source(block);
  } catch (...) {
    const std::lock_guard lock(mutex_);
    failure_ = std::current_exception();
  }
  {
    // The last block, even after a failure: the points before a read error are still data.
    std::unique_lock lock(mutex_);
    if (!block.points.empty() || !block.compact.empty() || !block.errors.empty()) {
      ready_.push_back(std::move(block));
    }
    finished_ = true;
  }
  changed_.notify_all();
}

void PointBlockReader::parse_source(PointBlock& block) {
  std::string buffer(kReadSize, '\0');
  // The parser leaves out the tags the task cannot observe; the fields are left out here.
  model::KeyProjection fields_only = keys_;
  fields_only.all_tags = true;
  std::size_t filled = 0;
  uint32_t line = 1;
  bool at_end = false;
  while (!at_end) {
    if (buffer.size() - filled < kReadSize / 2) buffer.resize(filled + kReadSize);
    const std::size_t got = source_->read(buffer.data() + filled, buffer.size() - filled);
    at_end = got == 0;
    filled += got;
    ParseOptions options = options_;
    options.more_input = !at_end;
    if (!keys_.all_tags) options.keys = &keys_;
    if (compact_) options.series_memo = &series_memo_;
    LineParser parser(std::string_view(buffer.data(), filled), options, line);
    for (;;) {
      const auto status = parser.next();
      if (status == LineParser::Status::End) break;
      if (status == LineParser::Status::Error) {
        block.errors.emplace_back(records(block), parser.error());
        continue;
      }
      add_record(block, parser.view(), &fields_only);
      const std::size_t full = compact_ ? kBlockCompactPoints : kBlockPoints;
      if (records(block) == full && !publish(block)) return;
    }
    // Keep the record the buffer's end cut for the next read.
    const std::size_t consumed = parser.consumed();
    std::memmove(buffer.data(), buffer.data() + consumed, filled - consumed);
    filled -= consumed;
    line = parser.line();
  }
}

void PointBlockReader::add_record(PointBlock& block, const LineView& view,
                                  const model::KeyProjection* fields) {
  if (!compact_) {
    block.points.push_back(to_point(view, database_, retention_policy_, fields));
    return;
  }
  uint32_t series = view.series;
  if (series == kNoSeries) {
    series = series_count_++;
    block.new_series.push_back(series_entry(view, database_, retention_policy_));
    if (!view.series_key.empty()) series_memo_.insert(view.series_key, series);
  }
  model::CompactPoint& point = block.compact.emplace_back();
  point.series = series;
  if (!to_compact(view, *compact_, point)) {
    // A string field, or too many: the point travels whole. Its series comes from the table
    // (a line found in the memo has no tags in its view).
    point.size = kFullPoint;
    block.points.push_back(to_point(view, {}, {}, fields));
  }
}

}  // namespace farad::io
