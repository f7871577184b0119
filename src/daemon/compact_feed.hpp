#pragma once
// The worker's lines as compact points for one task (model/compact_point.hpp): the daemon's
// counterpart of `farad run`'s compact reader. A series is interned in the task's SeriesTable
// the first time its database, retention policy, measurement and tags are seen; later lines of
// it cost one lookup instead of building a Point. Lines a compact point cannot hold (a string
// field among the kept ones) go to the task as Points.

#include <cstdint>
#include <string>
#include <string_view>

#include "io/compact_fields.hpp"
#include "io/line_protocol.hpp"
#include "io/series_key_memo.hpp"
#include "model/key_projection.hpp"
#include "runtime/task.hpp"

namespace farad::daemon {

class CompactFeed {
 public:
  /// For `task`, which takes compact points, keeping the fields `keys` keeps (its projection).
  CompactFeed(runtime::Task& task, const model::KeyProjection& keys);

  runtime::Task& task() const { return task_; }
  /// Pushes a line (its tags already projected) to the task.
  void push(const io::LineView& line, std::string_view database, std::string_view rp);

 private:
  uint32_t series_of(const io::LineView& line, std::string_view database, std::string_view rp);

  runtime::Task& task_;
  model::KeyProjection fields_only_;  // for lines that go as Points
  io::CompactFieldIds layout_;
  io::SeriesKeyMemo memo_;
  std::string key_;  // the series key under construction
};

}  // namespace farad::daemon
