#include "cli/run_inputs.hpp"

#include "cli/precision_guess.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <iostream>
#include <optional>

#include "io/byte_source.hpp"
#include "io/line_protocol.hpp"
#include "io/point_block_reader.hpp"
#include "io/recording.hpp"
#include "io/time_format.hpp"
#include "nodes/observed_keys.hpp"

namespace farad::cli {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// Whether the task listens to (db, rp): Kapacitor forwards a point to a stream task only when
/// it matches one of the task's dbrps. A task without dbrps takes everything.
/// A point the reader could not make compact, with its series' name, dbrp and tags.
model::Point whole_point(model::Point point, const model::CompactPoint& entry,
                         const model::SeriesTable& series) {
  const model::SeriesRef known = series[entry.series];
  point.name = known.name;
  point.database = known.database;
  point.retention_policy = known.retention_policy;
  point.tags = known.tags;
  return point;
}

bool subscribed(const compile::TaskSpec& spec, const model::Point& point) {
  if (spec.dbrps.empty()) return true;
  for (const auto& dbrp : spec.dbrps) {
    if (dbrp.database == point.database && dbrp.retention_policy == point.retention_policy) {
      return true;
    }
  }
  return false;
}

/// Whether line protocol goes to the task as compact points (model/compact_point.hpp): when
/// the task takes them and reads only some fields.
std::optional<io::CompactFieldIds> compact_layout(runtime::Task& task,
                                                  const model::KeyProjection& keys) {
  if (keys.all_fields || !task.takes_compact()) return std::nullopt;
  return io::compact_field_ids(keys, task.context().field_keys);
}

void feed_line_protocol(runtime::Task& task, const std::string& path, io::Precision precision,
                        RunSummary& summary) {
  const auto& spec = task.spec();
  const std::string database = spec.dbrps.empty() ? "" : spec.dbrps.front().database;
  const std::string rp = spec.dbrps.empty() ? "" : spec.dbrps.front().retention_policy;
  // Reading and parsing run on a second thread; errors are printed here, in input order
  // between the points around them, as a single-threaded loop would print them.
  // Only the tags and fields the task can observe are copied out of each line.
  const model::KeyProjection keys = nodes::observed_keys(spec);
  auto layout = compact_layout(task, keys);
  const bool compact = layout.has_value();
  io::PointBlockReader reader(io::open_maybe_gzip(path), io::ParseOptions{precision, 0}, database,
                              rp, keys, std::move(layout));
  auto report = [&](const io::LineError& e) {
    ++summary.rejected_lines;
    std::cerr << fmt::format("{}:{}:{}: error: {}\n", path, e.line, e.column, e.message);
  };
  // The reader numbers its series from 0; the task's table may hold an earlier file's.
  auto& series = task.context().series;
  const auto first_series = static_cast<uint32_t>(series.size());
  io::PointBlock block;
  while (reader.next(block)) {
    auto error = block.errors.begin();
    if (!compact) {
      for (size_t i = 0; i < block.points.size(); ++i) {
        for (; error != block.errors.end() && error->first == i; ++error) report(error->second);
        task.push_point(std::move(block.points[i]));
        ++summary.points;
      }
    } else {
      for (auto& entry : block.new_series) series.add(std::move(entry));
      size_t full = 0;
      for (size_t i = 0; i < block.compact.size(); ++i) {
        for (; error != block.errors.end() && error->first == i; ++error) report(error->second);
        model::CompactPoint& point = block.compact[i];
        point.series += first_series;
        if (point.size == io::kFullPoint) {
          task.push_point(whole_point(std::move(block.points[full++]), point, series));
        } else {
          task.push_compact(point);
        }
        ++summary.points;
      }
    }
    for (; error != block.errors.end(); ++error) report(error->second);
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

/// The given precision, or the one the file's first timestamp shows (said on stderr).
io::Precision line_protocol_precision(const std::string& path, const InputOptions& options,
                                      io::Precision given) {
  if (!options.infer_precision) return given;
  std::string head(64 * 1024, '\0');
  auto source = io::open_maybe_gzip(path);
  size_t size = 0;
  while (size < head.size()) {
    const size_t n = source->read(head.data() + size, head.size() - size);
    if (n == 0) break;
    size += n;
  }
  head.resize(size);
  const auto guessed = guess_precision(head);
  if (!guessed) return given;
  std::cerr << fmt::format("farad run: {} has timestamps in {}: read with --precision {}\n", path,
                           io::precision_name(*guessed), io::precision_name(*guessed));
  return *guessed;
}

}  // namespace

const std::set<std::string> kInputValueFlags = {"precision", "replay-start"};
const std::set<std::string> kInputSwitches = {"rec-time"};

InputOptions input_options(const Arguments& args) {
  InputOptions options;
  options.precision = args.value("precision").value_or("ns");
  options.infer_precision = !args.has("precision");
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
      feed_line_protocol(task, path, line_protocol_precision(path, options, *precision), summary);
    }
  }
  if (!batch_inputs.empty()) feed_batch_recordings(task, batch_inputs, options, summary);
  return summary;
}

}  // namespace farad::cli
