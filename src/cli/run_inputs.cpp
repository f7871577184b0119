#include "cli/run_inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <iostream>
#include <optional>

#include "io/byte_source.hpp"
#include "io/line_protocol.hpp"
#include "io/recording.hpp"
#include "io/time_format.hpp"

namespace farad::cli {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// Whether the task listens to (db, rp): Kapacitor forwards a point to a stream task only when
/// it matches one of the task's dbrps. A task without dbrps takes everything.
bool subscribed(const compile::TaskSpec& spec, const model::Point& point) {
  if (spec.dbrps.empty()) return true;
  for (const auto& dbrp : spec.dbrps) {
    if (dbrp.database == point.database && dbrp.retention_policy == point.retention_policy) {
      return true;
    }
  }
  return false;
}

void feed_line_protocol(runtime::Task& task, const std::string& path, io::Precision precision,
                        RunSummary& summary) {
  const auto& spec = task.spec();
  const std::string database = spec.dbrps.empty() ? "" : spec.dbrps.front().database;
  const std::string rp = spec.dbrps.empty() ? "" : spec.dbrps.front().retention_policy;
  auto source = io::open_maybe_gzip(path);
  std::string buffer;
  std::vector<char> chunk(1 << 20);
  uint32_t first_line = 1;
  bool at_end = false;
  while (!at_end) {
    const size_t n = source->read(chunk.data(), chunk.size());
    at_end = n == 0;
    buffer.append(chunk.data(), n);
    // Parse whole lines only; the tail waits for the next chunk.
    const size_t cut = at_end ? buffer.size() : buffer.rfind('\n') + 1;
    if (cut == 0) continue;  // no complete line yet (rfind gave npos)
    const std::string_view complete(buffer.data(), cut);
    io::ParseOptions options{precision, 0};
    io::LineParser parser(complete, options, first_line);
    for (;;) {
      const auto status = parser.next();
      if (status == io::LineParser::Status::End) break;
      if (status == io::LineParser::Status::Error) {
        ++summary.rejected_lines;
        const auto& e = parser.error();
        std::cerr << fmt::format("{}:{}:{}: error: {}\n", path, e.line, e.column, e.message);
        continue;
      }
      task.push_point(io::to_point(parser.view(), database, rp));
      ++summary.points;
    }
    first_line += static_cast<uint32_t>(std::count(complete.begin(), complete.end(), '\n'));
    buffer.erase(0, cut);
  }
}

void feed_stream_recording(runtime::Task& task, const std::string& path,
                           const InputOptions& options, io::Precision precision,
                           RunSummary& summary) {
  io::StreamRecordingReader reader(path, precision);
  model::Point point;
  std::optional<int64_t> shift;
  while (reader.next(point)) {
    // Kapacitor's replayStreamFromChan: the first point of the file sets the shift.
    if (!shift) shift = options.recorded_times ? 0 : options.replay_start - point.time;
    point.time += *shift;
    if (!subscribed(task.spec(), point)) continue;
    task.push_point(std::move(point));
    ++summary.points;
  }
}

/// Kapacitor's replayBatchFromChan: every point moves by (replay start - first point of the
/// query's first batch); a batch's time is the later of its recorded tmax (not shifted) and
/// its shifted last point.
void shift_batch(io::RecordedBatch& recorded, std::optional<int64_t>& shift,
                 const InputOptions& options) {
  auto& points = recorded.batch.points;
  if (points.empty() || options.recorded_times) return;
  if (!shift) shift = options.replay_start - points.front().time;
  for (auto& p : points) p.time += *shift;
  recorded.batch.time = std::max(recorded.tmax.value_or(INT64_MIN), points.back().time);
}

void feed_batch_recordings(runtime::Task& task, const std::vector<std::string>& paths,
                           const InputOptions& options, RunSummary& summary) {
  std::vector<io::BatchRecordingReader> readers;
  for (const auto& path : paths) {
    auto opened = io::open_batch_recording(path, task.context().interner);
    for (auto& reader : opened) readers.push_back(std::move(reader));
  }
  // Merge the queries' batches by time; ties go to the lower query index (deterministic).
  std::vector<std::optional<io::RecordedBatch>> heads(readers.size());
  std::vector<std::optional<int64_t>> shifts(readers.size());
  auto advance = [&](size_t i) {
    io::RecordedBatch next;
    heads[i] = readers[i].next(next) ? std::optional(std::move(next)) : std::nullopt;
    if (heads[i]) shift_batch(*heads[i], shifts[i], options);
  };
  for (size_t i = 0; i < readers.size(); ++i) advance(i);
  for (;;) {
    std::optional<size_t> earliest;
    for (size_t i = 0; i < heads.size(); ++i) {
      if (heads[i] && (!earliest || heads[i]->batch.time < heads[*earliest]->batch.time)) {
        earliest = i;
      }
    }
    if (!earliest) break;
    task.push_batch(*earliest, std::move(heads[*earliest]->batch));
    ++summary.batches;
    advance(*earliest);
  }
}

}  // namespace

const std::set<std::string> kInputValueFlags = {"precision", "replay-start"};
const std::set<std::string> kInputSwitches = {"rec-time"};

InputOptions input_options(const Arguments& args) {
  InputOptions options;
  options.precision = args.value("precision").value_or("ns");
  if (!io::parse_precision(options.precision)) {
    throw UsageError("--precision must be one of ns, u, ms, s, m, h; got " + options.precision);
  }
  options.recorded_times = args.has("rec-time");
  if (auto start = args.value("replay-start")) {
    auto parsed = io::parse_rfc3339_nanos(*start);
    if (!parsed) throw UsageError("--replay-start must be an RFC3339 time, got " + *start);
    options.replay_start = *parsed;
  }
  return options;
}

RunSummary feed_inputs(runtime::Task& task, const std::vector<std::string>& inputs,
                       const InputOptions& options) {
  const auto precision = io::parse_precision(options.precision);
  if (!precision) throw std::runtime_error("unknown precision " + options.precision);
  RunSummary summary;
  std::vector<std::string> batch_inputs;
  for (const auto& path : inputs) {
    if (ends_with(path, ".brpl")) {
      batch_inputs.push_back(path);
    } else if (ends_with(path, ".srpl") || ends_with(path, ".srpl.gz")) {
      feed_stream_recording(task, path, options, *precision, summary);
    } else {
      feed_line_protocol(task, path, *precision, summary);
    }
  }
  if (!batch_inputs.empty()) feed_batch_recordings(task, batch_inputs, options, summary);
  return summary;
}

}  // namespace farad::cli
