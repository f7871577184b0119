// `.srpl` reading and writing.
#include "io/line_protocol_writer.hpp"
#include "io/recording.hpp"

namespace farad::io {

StreamRecordingReader::StreamRecordingReader(const std::string& path, Precision precision,
                                             int64_t default_time)
    : StreamRecordingReader(open_maybe_gzip(path), path, precision, default_time) {}

StreamRecordingReader::StreamRecordingReader(std::unique_ptr<ByteSource> source, std::string name,
                                             Precision precision, int64_t default_time)
    : lines_(std::move(source)), name_(std::move(name)) {
  options_.precision = precision;
  options_.default_time = default_time;
}

bool StreamRecordingReader::next(model::Point& point) {
  std::string_view line;
  if (!lines_.next(line)) return false;
  database_.assign(line);
  if (!lines_.next(line)) fail(lines_.line_number() + 1, "expected a retention policy line");
  retention_policy_.assign(line);
  if (!lines_.next(line)) fail(lines_.line_number() + 1, "expected a point line");
  // The point line is a buffer of its own: Kapacitor hands each line to ParsePoints alone.
  LineParser parser(line, options_, lines_.line_number());
  switch (parser.next()) {
    case LineParser::Status::Point:
      point = to_point(parser.view(), database_, retention_policy_);
      return true;
    case LineParser::Status::Error: {
      const auto& error = parser.error();
      throw RecordingError(name_ + ":" + std::to_string(error.line) + ":" +
                           std::to_string(error.column) + ": " + error.message);
    }
    case LineParser::Status::End:
      break;
  }
  fail(lines_.line_number(), "expected a point line");
}

void StreamRecordingReader::fail(uint32_t line, const std::string& message) const {
  throw RecordingError(name_ + ":" + std::to_string(line) + ": " + message);
}

void append_stream_recording_entry(std::string& out, const model::Point& point,
                                   Precision precision) {
  out += point.database;
  out.push_back('\n');
  out += point.retention_policy;
  out.push_back('\n');
  append_line(out, point, precision);
  out.push_back('\n');
}

}  // namespace farad::io
