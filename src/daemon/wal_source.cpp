// A replay's points from a range of the write-ahead log. The log is in arrival order and its
// index knows each segment's arrival range, so the segments that arrived wholly before the
// range are never opened; the rest is read to the log's end as it was when the replay was
// asked for, and the points are filtered by their own time.
#include <algorithm>
#include <deque>
#include <stdexcept>

#include "daemon/point_source.hpp"
#include "io/line_protocol.hpp"
#include "io/time_format.hpp"
#include "store/wal_reader.hpp"

namespace farad::daemon {
namespace {

class WalSource : public PointSource {
 public:
  explicit WalSource(WalRange range)
      : range_(std::move(range)),
        from_(std::min(range_.index.start_for_arrival(range_.start_ns - kWalClockSkewNs),
                       range_.end)),
        reader_(range_.dir, from_, range_.end) {
    for (const auto& segment : range_.index.segments()) {
      if (segment.segment < from_.segment || segment.segment > range_.end.segment) continue;
      const uint64_t bytes =
          segment.segment == range_.end.segment ? range_.end.offset : segment.bytes;
      segment_start_.push_back({segment.segment, total_});
      total_ += bytes;
    }
  }

  bool next(model::Point& point) override {
    while (points_.empty()) {
      if (!read_body()) return false;
    }
    point = std::move(points_.front());
    points_.pop_front();
    return true;
  }

  double progress() const override {
    return total_ == 0 ? 1.0
                       : std::min(1.0, static_cast<double>(read_) / static_cast<double>(total_));
  }

 private:
  bool read_body() {
    store::WalEntry entry;
    if (!reader_.next(entry)) {
      for (const auto& damage : reader_.damage()) {
        if (damage.kind == store::WalDamage::Kind::MissingSegments) {
          throw std::runtime_error("the write-ahead log lost segments during the replay (" +
                                   store::describe(damage) + ")");
        }
      }
      read_ = total_;
      return false;
    }
    read_ = bytes_before(entry.next);
    const auto& header = entry.record.header;
    if (header.arrival_ns < range_.start_ns - kWalClockSkewNs) return true;
    const std::string rp = header.rp.empty() ? std::string("autogen") : header.rp;
    const bool wanted = std::any_of(range_.dbrps.begin(), range_.dbrps.end(), [&](const auto& d) {
      return d.database == header.db && d.retention_policy == rp;
    });
    if (!wanted) return true;
    // Parsed exactly as the worker parses a body for the tasks.
    io::ParseOptions parse;
    parse.precision = header.precision;
    parse.default_time = header.arrival_ns;
    parse.unsigned_fields = header.encoding == store::BodyEncoding::LineProtocolUnsigned;
    io::parse_lines(entry.record.body, parse, [&](const io::LineView& line) {
      if (line.time < range_.start_ns || line.time >= range_.stop_ns) return;
      points_.push_back(io::to_point(line, header.db, rp));
    });
    return true;
  }

  uint64_t bytes_before(store::WalPosition position) const {
    for (auto it = segment_start_.rbegin(); it != segment_start_.rend(); ++it) {
      if (it->first <= position.segment) return it->second + position.offset;
    }
    return 0;
  }

  WalRange range_;
  store::WalPosition from_;
  store::WalReader reader_;
  std::vector<std::pair<uint64_t, uint64_t>> segment_start_;  // segment, bytes before it
  uint64_t total_ = 0;
  uint64_t read_ = 0;
  std::deque<model::Point> points_;
};

}  // namespace

std::string wal_range_unavailable(const WalRange& range) {
  const auto& segments = range.index.segments();
  // Segment numbers start at 1: when the first is still there, the log holds every body.
  if (segments.empty() || segments.front().segment <= 1) return {};
  const auto& oldest = segments.front();
  if (!oldest.empty() && oldest.min_arrival_ns <= range.start_ns - kWalClockSkewNs) return {};
  std::string message = "the write-ahead log no longer holds data from " +
                        io::format_rfc3339_nano(range.start_ns) + ": older segments were removed";
  if (!oldest.empty()) {
    message +=
        ", the oldest body kept arrived at " + io::format_rfc3339_nano(oldest.min_arrival_ns);
  }
  return message;
}

std::unique_ptr<PointSource> wal_source(WalRange range) {
  return std::make_unique<WalSource>(std::move(range));
}

}  // namespace farad::daemon
