#include "daemon/stream_recorder.hpp"

#include <algorithm>

#include "io/line_protocol.hpp"
#include "io/stream_recording_writer.hpp"

namespace farad::daemon {
namespace {

constexpr std::size_t kQueuedBodies = 16;

}  // namespace

StreamFilter StreamFilter::of(const compile::TaskSpec& spec) {
  StreamFilter filter;
  filter.dbrps = spec.dbrps;
  bool every_measurement = false;
  for (const auto& node : spec.nodes) {
    if (node.type != "from") continue;
    const std::string measurement = node.text("measurement");
    if (measurement.empty()) every_measurement = true;
    filter.measurements.push_back(measurement);
  }
  if (every_measurement) filter.measurements.clear();
  return filter;
}

bool StreamFilter::takes_dbrp(std::string_view db, std::string_view rp) const {
  return std::any_of(dbrps.begin(), dbrps.end(), [&](const compile::Dbrp& dbrp) {
    return dbrp.database == db && dbrp.retention_policy == rp;
  });
}

bool StreamFilter::takes_measurement(std::string_view name) const {
  return measurements.empty() ||
         std::find(measurements.begin(), measurements.end(), name) != measurements.end();
}

StreamRecorder::StreamRecorder(std::filesystem::path path, StreamFilter filter, int64_t stop_ns,
                               Done done)
    : path_(std::move(path)),
      filter_(std::move(filter)),
      stop_ns_(stop_ns),
      done_(std::move(done)) {
  thread_ = std::thread([this] { run(); });
}

StreamRecorder::~StreamRecorder() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

void StreamRecorder::offer(const store::WalRecordHeader& header, std::string_view body) {
  const std::string_view rp = header.rp.empty() ? std::string_view("autogen") : header.rp;
  if (finished_ || !filter_.takes_dbrp(header.db, rp)) return;
  std::unique_lock lock(mutex_);
  changed_.wait(lock,
                [this] { return queue_.size() < kQueuedBodies || cancelled_ || reached_stop_; });
  if (cancelled_ || reached_stop_) return;
  queue_.push_back({header, std::string(body)});
  changed_.notify_all();
}

void StreamRecorder::cancel() {
  {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
  }
  changed_.notify_all();
}

void StreamRecorder::run() {
  std::string error;
  try {
    io::StreamRecordingWriter writer(path_);
    for (;;) {
      Body body;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !queue_.empty() || cancelled_; });
        if (cancelled_) {
          finished_ = true;
          return;
        }
        body = std::move(queue_.front());
        queue_.pop_front();
      }
      changed_.notify_all();
      const std::string rp = body.header.rp.empty() ? std::string("autogen") : body.header.rp;
      io::ParseOptions parse;
      parse.precision = body.header.precision;
      parse.default_time = body.header.arrival_ns;
      parse.unsigned_fields =  // as the worker parses it for the tasks
          body.header.encoding == store::BodyEncoding::LineProtocolUnsigned;
      bool stop = false;
      io::parse_lines(body.text, parse, [&](const io::LineView& line) {
        if (stop) return;
        const model::Point point = io::to_point(line, body.header.db, rp);
        if (!filter_.takes_measurement(point.name)) return;
        if (point.time > stop_ns_) {
          stop = true;
          return;
        }
        writer.write(point);
      });
      if (stop) break;
    }
    writer.close();
  } catch (const std::exception& e) {
    error = e.what();
  }
  {
    std::lock_guard lock(mutex_);
    reached_stop_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  finished_ = true;
  done_(error);
}

}  // namespace farad::daemon
