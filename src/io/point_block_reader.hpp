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
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "io/byte_source.hpp"
#include "io/line_protocol.hpp"
#include "model/key_projection.hpp"
#include "model/point.hpp"

namespace farad::io {

/// Consecutive records of the input: the good ones as points, the rejected ones as errors.
struct PointBlock {
  std::vector<model::Point> points;
  /// Each rejected line with the number of this block's points that come before it.
  std::vector<std::pair<std::size_t, LineError>> errors;
};

/// Reads a line protocol source ahead on a background thread. Not copyable; the destructor
/// stops the thread.
class PointBlockReader {
 public:
  /// Points get `database` and `retention_policy`; ParseOptions::more_input is managed here.
  /// Only the tags and fields `keys` keeps are copied into the points.
  PointBlockReader(std::unique_ptr<ByteSource> source, ParseOptions options, std::string database,
                   std::string retention_policy, model::KeyProjection keys = {});
  ~PointBlockReader();
  PointBlockReader(const PointBlockReader&) = delete;
  PointBlockReader& operator=(const PointBlockReader&) = delete;

  /// Replaces `block` with the next block (its storage is recycled); false after the last
  /// one. Rethrows what the reading thread threw (IoError), after the blocks read before it.
  bool next(PointBlock& block);

 private:
  void read_all();  // the background thread
  void parse_source(PointBlock& block);
  // Queues a full block and gives an empty one back; false when the reader is being stopped.
  bool publish(PointBlock& block);

  std::unique_ptr<ByteSource> source_;
  ParseOptions options_;
  std::string database_;
  std::string retention_policy_;
  model::KeyProjection keys_;

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
