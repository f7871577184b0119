#pragma once
// Where a replay's points come from, in replay order: a stream recording, or a range of the
// write-ahead log. Each reports how far it has read, for the replay's "progress".

#include <cstdint>
#include <filesystem>
#include <memory>

#include "compile/task_spec.hpp"
#include "model/point.hpp"
#include "store/wal_index.hpp"
#include "store/wal_position.hpp"

namespace farad::daemon {

class PointSource {
 public:
  virtual ~PointSource() = default;
  /// The next point; false at the end. Throws on unreadable or malformed input.
  virtual bool next(model::Point& point) = 0;
  /// How much of the input has been read, 0..1.
  virtual double progress() const = 0;
};

/// The points of a `.srpl` file (gzip-compressed or not), with their own dbrps.
std::unique_ptr<PointSource> recording_source(const std::filesystem::path& path);

/// What a replay from the write-ahead log reads.
struct WalRange {
  std::filesystem::path dir;
  store::WalIndex index;   ///< loaded when the replay was asked for
  store::WalPosition end;  ///< the log's end then: later bodies are not read
  int64_t start_ns = 0;    ///< points with times in [start_ns, stop_ns)
  int64_t stop_ns = 0;
  std::vector<compile::Dbrp> dbrps;  ///< bodies of other dbrps are skipped unparsed
};

/// How far before a range's start a body may have arrived and still hold points of the range:
/// a client's clock may run a little ahead of the server's.
inline constexpr int64_t kWalClockSkewNs = 60'000'000'000;

/// Why the log can no longer answer for `range` (retention removed segments that may have held
/// its first points), or "" when it can.
std::string wal_range_unavailable(const WalRange& range);

/// The points of the bodies in the log whose times fall in the range, in log order. Bodies
/// that arrived more than kWalClockSkewNs before the start are skipped by the index without
/// being read; later bodies are read to the log's end (a point may arrive late).
std::unique_ptr<PointSource> wal_source(WalRange range);

}  // namespace farad::daemon
