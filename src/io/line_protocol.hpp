#pragma once
// InfluxDB 1.x line protocol reader, following `models/points.go` of InfluxDB 1.x (the parser
// Kapacitor's /write and replays use). A line is parsed into a LineView of string_views into the
// caller's buffer; only tokens that contain a backslash are unescaped, into the parser's scratch
// buffer. Tags, fields and scratch are reused from line to line: no allocation per field.
//
// Choices where the protocol text and InfluxDB differ or are silent (README.md has the list):
// * Records end at a newline outside a quoted field string, as InfluxDB's scanLine decides: a
//   string field may contain newlines. A backslash escapes the next byte for this split, as in
//   InfluxDB, so a backslash at the end of a line joins it to the next one.
// * A `#` line (after leading blanks) is a comment up to the next newline, quotes or not.
// * A `\r` before the newline is dropped (InfluxDB 1.x rejects the line instead).
// * Duplicate field keys: the last value wins (InfluxDB builds a map). Duplicate tag keys are an
//   error ("duplicate tags").
// * `nan`, `inf` and hexadecimal floats are rejected. Text after a string's closing quote is an
//   error (InfluxDB keeps a mangled string).
// * Unsigned `12u` is accepted unless ParseOptions::unsigned_fields is false (InfluxDB 1.x and
//   Kapacitor reject it: they never enable uint support).

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "io/precision.hpp"
#include "model/key_projection.hpp"
#include "model/point.hpp"

namespace farad::io {

class SeriesKeyMemo;

/// LineView::series of a line whose series key was parsed, not found in a SeriesKeyMemo.
inline constexpr uint32_t kNoSeries = UINT32_MAX;

/// A field value as parsed: strings are views (already unescaped) into the buffer or scratch.
/// The alternatives are in model::FieldType order.
using FieldViewValue = std::variant<double, int64_t, uint64_t, std::string_view, bool>;

/// One tag of a line, unescaped.
struct TagView {
  std::string_view key;
  std::string_view value;
};

/// One field of a line, unescaped.
struct FieldView {
  std::string_view key;
  FieldViewValue value;
};

/// A parsed line. Views stay valid until the parser moves to the next line.
struct LineView {
  std::string_view measurement;
  std::span<const TagView> tags;      ///< sorted by key, keys unique
  std::span<const FieldView> fields;  ///< sorted by key, keys unique (last duplicate wins)
  int64_t time = 0;                   ///< nanoseconds since the Unix epoch
  bool has_timestamp = false;         ///< false when `time` is the default time
  uint32_t line = 0;                  ///< 1-based line the record starts on
  /// With ParseOptions::series_memo: the id the memo holds for this line's series key (then
  /// `tags` is empty and left unparsed), or kNoSeries.
  uint32_t series = kNoSeries;
  /// With ParseOptions::series_memo: the raw series key when the memo may remember it (the
  /// record holds no backslash), else empty.
  std::string_view series_key;
};

/// A rejected line: 1-based line and column (in characters) of the problem, and what it is.
struct LineError {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;

  /// `LINE:COL message`.
  std::string to_string() const;
  bool operator==(const LineError&) const = default;
};

/// How timestamps and optional features are read.
struct ParseOptions {
  Precision precision = Precision::Nanosecond;
  int64_t default_time = 0;     ///< time of a line without a timestamp (truncated to precision)
  bool unsigned_fields = true;  ///< accept `12u`; false rejects it as InfluxDB 1.x does
  /// The buffer is a prefix of a longer input: a last record that the buffer's end cuts (no
  /// newline ends it yet) is left unparsed; consumed() tells where it starts.
  bool more_input = false;
  /// When set, LineView::tags holds only the tags this projection keeps (a task's observed
  /// keys); every tag is still read and checked.
  const model::KeyProjection* keys = nullptr;
  /// When set, a line whose raw series key the memo holds is not tokenised up to its fields:
  /// LineView::series says which series it is (the caller remembers keys it has parsed).
  SeriesKeyMemo* series_memo = nullptr;
};

/// Iterates over the records of a buffer. The buffer must outlive the parser.
class LineParser {
 public:
  enum class Status { Point, Error, End };

  /// `first_line` numbers the buffer's first line (for buffers that are part of a file).
  explicit LineParser(std::string_view buffer, ParseOptions options = {}, uint32_t first_line = 1);

  /// Moves to the next non-blank, non-comment record and parses it.
  Status next();
  /// The line parsed by the last next() that returned Status::Point.
  const LineView& view() const { return view_; }
  /// The error of the last next() that returned Status::Error.
  const LineError& error() const { return error_; }
  /// Bytes of the buffer parsed so far: after End, where a record cut by the buffer's end
  /// starts (ParseOptions::more_input), or the buffer size.
  std::size_t consumed() const { return std::min(pos_, buffer_.size()); }
  /// The 1-based line of the first byte not consumed yet.
  uint32_t line() const { return line_; }

 private:
  bool parse_record(std::string_view record);
  std::size_t parse_key(std::string_view record, std::size_t pos);
  std::size_t parse_key_with_memo(std::string_view record, std::size_t pos);
  std::size_t parse_tags(std::string_view record, std::size_t pos);
  std::size_t parse_fields(std::string_view record, std::size_t pos);
  std::size_t parse_value(std::string_view record, std::size_t pos, FieldViewValue& value);
  bool parse_timestamp(std::string_view record, std::size_t pos);
  bool finish_tags();
  void project_tags();
  void finish_fields();
  // Inline: most records hold no backslash, and then every token is returned as it is.
  std::string_view unescape(std::string_view raw, std::string_view escapable) {
    return record_backslash_ ? unescape_into_scratch(raw, escapable) : raw;
  }
  std::string_view unescape_into_scratch(std::string_view raw, std::string_view escapable);
  // Records the error at a record offset; returns the failure marker of the scan functions.
  std::size_t fail(std::size_t offset, std::string_view message);
  bool reject(std::size_t offset, std::string_view message);

  std::string_view buffer_;
  ParseOptions options_;
  std::size_t pos_ = 0;
  uint32_t line_ = 1;
  std::string_view record_;  // the raw record being parsed, leading blanks included
  uint32_t record_line_ = 1;
  bool record_backslash_ = false;  // no backslash: no token needs unescaping
  std::vector<TagView> tags_;
  std::vector<FieldView> fields_;
  std::vector<std::size_t> tag_offsets_;  // record offset of each tag key, for error columns
  std::size_t key_length_ = 0;            // measurement and tag set, escaped, as InfluxDB counts
  std::string scratch_;
  std::size_t scratch_used_ = 0;
  LineView view_;
  LineError error_;
};

/// Good lines accepted and the errors of the rejected ones (InfluxDB's partial write).
struct ParseSummary {
  std::size_t accepted = 0;
  std::vector<LineError> errors;
};

/// Parses every line of `buffer`, calling `on_point(const LineView&)` for each good one and
/// collecting the errors of the bad ones; a bad line does not stop the parse.
template <class OnPoint>
ParseSummary parse_lines(std::string_view buffer, const ParseOptions& options, OnPoint&& on_point) {
  LineParser parser(buffer, options);
  ParseSummary summary;
  for (;;) {
    switch (parser.next()) {
      case LineParser::Status::Point:
        ++summary.accepted;
        on_point(parser.view());
        break;
      case LineParser::Status::Error:
        summary.errors.push_back(parser.error());
        break;
      case LineParser::Status::End:
        return summary;
    }
  }
}

/// parse_lines with the given precision and default time, unsigned fields accepted.
template <class OnPoint>
ParseSummary parse_lines(std::string_view buffer, Precision precision, int64_t default_time,
                         OnPoint&& on_point) {
  return parse_lines(buffer, ParseOptions{precision, default_time},
                     std::forward<OnPoint>(on_point));
}

/// The view as an owning point (tags and fields are already sorted). With `keys`, only the tags
/// and fields it keeps are copied (a task's observed keys: see model::KeyProjection).
model::Point to_point(const LineView& view, std::string_view database,
                      std::string_view retention_policy, const model::KeyProjection* keys);
/// to_point into an existing point, reusing the storage of its strings and vectors.
void assign_point(model::Point& point, const LineView& view, std::string_view database,
                  std::string_view retention_policy, const model::KeyProjection* keys);
/// Every tag and field of the view as an owning point.
model::Point to_point(const LineView& view, std::string_view database = {},
                      std::string_view retention_policy = {});

}  // namespace farad::io
