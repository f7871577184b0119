#pragma once
// Line protocol read and parsed on a second thread, handed over in blocks of owned points in
// input order. The task runs on the caller's thread meanwhile, so reading and parsing the next
// block costs no time on the task's core; order, points and errors are those of a plain loop
// over LineParser, so what a task outputs does not depend on the threads.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "io/byte_source.hpp"
#include "io/compact_fields.hpp"
#include "io/line_protocol.hpp"
#include "io/series_key_memo.hpp"
#include "model/compact_point.hpp"
#include "model/key_projection.hpp"
#include "model/point.hpp"

namespace farad::io {

/// CompactPoint::size of a PointBlock::compact entry that stands for the next of
/// PointBlock::points: that point has the entry's series and time, its own fields, and takes
/// its name, database, retention policy and tags from the series.
inline constexpr uint8_t kFullPoint = 0xFF;

/// Consecutive records of the input: the good ones as points, the rejected ones as errors.
struct PointBlock {
  /// The points; in compact mode only those the compact form cannot hold.
  std::vector<model::Point> points;
  /// Compact mode: every good record in input order (see kFullPoint). Series ids count from 0
  /// at the reader's first block.
  std::vector<model::CompactPoint> compact;
  /// Compact mode: the series first seen in this block, in id order.
  std::vector<model::SeriesEntry> new_series;
  /// Each rejected line with the number of this block's records (`compact` entries in compact
  /// mode, else `points`) that come before it.
  std::vector<std::pair<std::size_t, LineError>> errors;
};

/// Reads a line protocol source ahead on a background thread. Not copyable; the destructor
/// stops the thread.
class PointBlockReader {
 public:
  /// Points get `database` and `retention_policy`; ParseOptions::more_input is managed here.
  /// Only the tags and fields `keys` keeps are copied into the points.
  /// With `compact` (and a projection that keeps only some fields), records come as compact
  /// points: fields `compact` does not list are left out.
  PointBlockReader(std::unique_ptr<ByteSource> source, ParseOptions options, std::string database,
                   std::string retention_policy, model::KeyProjection keys = {},
                   std::optional<CompactFieldIds> compact = std::nullopt);
  ~PointBlockReader();
  PointBlockReader(const PointBlockReader&) = delete;
  PointBlockReader& operator=(const PointBlockReader&) = delete;

  /// Replaces `block` with the next block (its storage is recycled); false after the last
  /// one. Rethrows what the reading thread threw (IoError), after the blocks read before it.
  bool next(PointBlock& block);

 private:
  void read_all();  // the background thread
  void parse_source(PointBlock& block);
  // Adds a good line to the block; false when the block is full and the reader must publish.
  void add_record(PointBlock& block, const LineView& view, const model::KeyProjection* fields);
  std::size_t records(const PointBlock& block) const {
    return compact_ ? block.compact.size() : block.points.size();
  }
  // Queues a full block and gives an empty one back; false when the reader is being stopped.
  bool publish(PointBlock& block);

  std::unique_ptr<ByteSource> source_;
  ParseOptions options_;
  std::string database_;
  std::string retention_policy_;
  model::KeyProjection keys_;
  std::optional<CompactFieldIds> compact_;
  SeriesKeyMemo series_memo_;  // compact mode: raw series keys -> ids
  uint32_t series_count_ = 0;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<PointBlock> ready_;   // read, not yet taken
  std::vector<PointBlock> spare_;  // taken and given back, storage kept
  bool finished_ = false;          // the thread queued its last block
  bool stopping_ = false;          // the destructor asks the thread to quit
  std::exception_ptr failure_;     // what the thread threw
  std::thread thread_;             // last: starts once everything above is built
};

}  // namespace farad::io
