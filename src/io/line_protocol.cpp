// Record splitting, measurement, tags and timestamp. Field values are in line_fields.cpp.
#include "io/line_protocol.hpp"

#include <charconv>
#include <cstring>
#include <limits>
#include <optional>

#include "io/line_scan.hpp"
#include "io/series_key_memo.hpp"

namespace farad::io {
namespace {

// InfluxDB reserves the two lowest int64 values and the highest as sentinels.
constexpr int64_t kMinNanoTime = std::numeric_limits<int64_t>::min() + 2;
constexpr int64_t kMaxNanoTime = std::numeric_limits<int64_t>::max() - 1;
// Longest measurement plus tag set InfluxDB accepts (models.MaxKeyLength).
constexpr std::size_t kMaxKeyLength = 65535;

struct RecordEnd {
  std::size_t end;    // offset of the terminating newline, or the buffer size
  uint32_t newlines;  // newlines inside the record (quoted or escaped)
  bool backslash;     // the record holds a backslash: some token may need unescaping
};

// InfluxDB's scanLine: a newline ends the record unless it is inside a quoted field value or
// escaped. Quotes count only in the field part, after an `=` not yet closed by a `,`.
RecordEnd scan_record(std::string_view buf, std::size_t i) {
  bool quoted = false;
  bool fields = false;
  std::size_t equals = 0;
  std::size_t commas = 0;
  uint32_t newlines = 0;
  bool backslash = false;
  while (i < buf.size()) {
    const char c = buf[i];
    if (c == '\\') {
      backslash = true;
      if (i + 1 < buf.size() && buf[i + 1] == '\n') ++newlines;
      i += 2;
      continue;
    }
    if (c == ' ') fields = true;
    if (fields) {
      if (!quoted && c == '=') {
        ++equals;
        ++i;
        continue;
      }
      if (!quoted && c == ',') {
        ++commas;
        ++i;
        continue;
      }
      if (c == '"' && equals > commas) {
        quoted = !quoted;
        ++i;
        continue;
      }
    }
    if (c == '\n') {
      if (!quoted) break;
      ++newlines;
    }
    ++i;
  }
  return {std::min(i, buf.size()), newlines, backslash};
}

// The usual record holds neither quotes nor backslashes and ends at the next newline: memchr
// finds both cheaply, and only the other records pay for scan_record's byte-by-byte state.
RecordEnd find_record_end(std::string_view buf, std::size_t start) {
  const char* const base = buf.data();
  const auto* nl = static_cast<const char*>(std::memchr(base + start, '\n', buf.size() - start));
  const std::size_t end = nl == nullptr ? buf.size() : static_cast<std::size_t>(nl - base);
  if (std::memchr(base + start, '\\', end - start) != nullptr ||
      std::memchr(base + start, '"', end - start) != nullptr) {
    return scan_record(buf, start);
  }
  return {end, 0, false};
}

// The usual timestamp: 1 to 19 digits that end the record and fit an int64, read in one pass.
// False for anything else, which the general path then reads (and rejects or accepts alike).
bool read_plain_timestamp(std::string_view record, std::size_t start, int64_t& value) {
  const std::size_t digits = record.size() - start;
  // 19 digits cannot overflow a uint64; the largest int64 has 19 digits.
  if (digits == 0 || digits > 19) return false;
  uint64_t magnitude = 0;
  std::size_t i = start;
  for (; i + 8 <= record.size(); i += 8) {
    const uint64_t word = load_eight(record.data() + i);
    if (!eight_digits(word)) return false;
    magnitude = magnitude * 100000000 + eight_digits_value(word);
  }
  for (; i < record.size(); ++i) {
    const auto digit = static_cast<unsigned>(record[i] - '0');
    if (digit > 9) return false;
    magnitude = magnitude * 10 + digit;
  }
  if (magnitude > uint64_t{std::numeric_limits<int64_t>::max()}) return false;
  value = static_cast<int64_t>(magnitude);
  return true;
}

}  // namespace

std::string LineError::to_string() const {
  return std::to_string(line) + ":" + std::to_string(column) + " " + message;
}

LineParser::LineParser(std::string_view buffer, ParseOptions options, uint32_t first_line)
    : buffer_(buffer), options_(options), line_(first_line) {}

LineParser::Status LineParser::next() {
  while (pos_ < buffer_.size()) {
    const std::size_t start = pos_;
    const uint32_t start_line = line_;
    const std::size_t first = skip_blanks(buffer_, start);
    RecordEnd end{buffer_.size(), 0, false};
    if (first < buffer_.size() && buffer_[first] == '#') {
      // A comment ends at the newline whatever quotes it holds.
      const auto nl = buffer_.find('\n', first);
      end.end = nl == std::string_view::npos ? buffer_.size() : nl;
    } else {
      end = find_record_end(buffer_, start);
    }
    if (end.end == buffer_.size() && options_.more_input) return Status::End;  // cut: wait
    pos_ = end.end + 1;
    line_ += 1 + end.newlines;
    std::string_view record = buffer_.substr(start, end.end - start);
    if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
    const std::size_t body = skip_blanks(record, 0);
    if (body >= record.size() || record[body] == '#') continue;
    record_ = record;
    record_line_ = start_line;
    record_backslash_ = end.backslash;
    return parse_record(record) ? Status::Point : Status::Error;
  }
  return Status::End;
}

bool LineParser::parse_record(std::string_view record) {
  tags_.clear();
  fields_.clear();
  tag_offsets_.clear();
  scratch_used_ = 0;
  // Unescaped text is never longer than the record, so sizing scratch once per record keeps
  // every view into it valid while the record is parsed.
  if (record_backslash_ && scratch_.size() < record.size()) {
    scratch_.resize(record.size());
  }
  view_.series = kNoSeries;
  view_.series_key = {};
  std::size_t pos = skip_blanks(record, 0);
  pos = options_.series_memo != nullptr ? parse_key_with_memo(record, pos) : parse_key(record, pos);
  if (pos == kFailed) return false;
  pos = parse_fields(record, pos);
  if (pos == kFailed) return false;
  if (!parse_timestamp(record, pos)) return false;
  view_.tags = tags_;
  view_.fields = fields_;
  view_.line = record_line_;
  return true;
}

std::size_t LineParser::parse_key_with_memo(std::string_view record, std::size_t pos) {
  if (record_backslash_) return parse_key(record, pos);
  // Without a backslash nothing is escaped: the first space ends the key.
  const auto* base = record.data();
  const auto* space = static_cast<const char*>(std::memchr(base + pos, ' ', record.size() - pos));
  if (space == nullptr || space == base + pos) return parse_key(record, pos);
  const std::size_t end = static_cast<std::size_t>(space - base);
  const std::string_view key = record.substr(pos, end - pos);
  if (key.size() > kMaxKeyLength) return parse_key(record, pos);
  view_.series_key = key;
  const std::optional<uint32_t> id = options_.series_memo->find(key);
  if (!id) return parse_key(record, pos);
  view_.series = *id;
  key_length_ = key.size();
  view_.measurement = key.substr(0, key.find(','));
  return end;
}

std::size_t LineParser::parse_key(std::string_view record, std::size_t pos) {
  const std::size_t start = pos;
  if (pos >= record.size() || record[pos] == ',') return fail(pos, "missing measurement");
  // In the key a delimiter is escaped when the byte before it is a backslash (InfluxDB's rule).
  std::size_t i = find_unescaped(record, pos + 1, kMeasurementDelimiters);
  if (i >= record.size()) return fail(i, "missing fields");
  view_.measurement = unescape(record.substr(start, i - start), kNameEscapes);
  if (record[i] == ',') {
    i = parse_tags(record, i + 1);
    if (i == kFailed) return kFailed;
  }
  if (i - start > kMaxKeyLength) return fail(start, "max key length exceeded");
  key_length_ = i - start;
  if (!finish_tags()) return kFailed;
  if (options_.keys != nullptr) project_tags();
  return i;
}

void LineParser::project_tags() {
  std::size_t kept = 0;
  for (const auto& tag : tags_) {
    if (options_.keys->keeps_tag(tag.key)) tags_[kept++] = tag;
  }
  tags_.resize(kept);
}

std::size_t LineParser::parse_tags(std::string_view record, std::size_t i) {
  for (;;) {
    const std::size_t key_start = i;
    if (i >= record.size() || record[i] == ' ' || record[i] == ',' || record[i] == '=') {
      return fail(i, "missing tag key");
    }
    i = find_unescaped(record, i + 1, kTagDelimiters);
    if (i >= record.size() || record[i] != '=') return fail(i, "missing tag value");
    const std::string_view key = record.substr(key_start, i - key_start);
    ++i;
    if (i >= record.size() || record[i] == ',' || record[i] == ' ') {
      return fail(i, "missing tag value");
    }
    const std::size_t value_start = i;
    i = find_unescaped(record, i + 1, kTagDelimiters);
    if (i >= record.size()) return fail(i, "missing fields");
    if (record[i] == '=') return fail(i, "invalid tag format");
    tags_.push_back({unescape(key, kTagEscapes),
                     unescape(record.substr(value_start, i - value_start), kTagEscapes)});
    tag_offsets_.push_back(key_start);
    if (record[i] == ' ') return i;
    ++i;
  }
}

bool LineParser::finish_tags() {
  // Insertion sort: tag sets are short and usually sorted already, and it allocates nothing.
  for (std::size_t i = 1; i < tags_.size(); ++i) {
    for (std::size_t j = i; j > 0 && tags_[j].key < tags_[j - 1].key; --j) {
      std::swap(tags_[j], tags_[j - 1]);
      std::swap(tag_offsets_[j], tag_offsets_[j - 1]);
    }
  }
  for (std::size_t i = 1; i < tags_.size(); ++i) {
    if (tags_[i].key == tags_[i - 1].key) {
      return reject(std::max(tag_offsets_[i], tag_offsets_[i - 1]), "duplicate tags");
    }
  }
  return true;
}

bool LineParser::parse_timestamp(std::string_view record, std::size_t pos) {
  std::size_t i = skip_blanks(record, pos);
  if (i >= record.size()) {
    view_.time = truncate_to(options_.default_time, options_.precision);
    view_.has_timestamp = false;
    return true;
  }
  const std::size_t start = i;
  int64_t value = 0;
  if (read_plain_timestamp(record, start, value)) {
    i = record.size();
  } else {
    if (record[i] == '-') ++i;
    for (; i < record.size() && record[i] != ' '; ++i) {
      if (record[i] < '0' || record[i] > '9') return reject(start, "invalid timestamp");
    }
    const char* first = record.data() + start;
    const char* last = record.data() + i;
    const auto [end, ec] = std::from_chars(first, last, value);
    if (ec == std::errc::result_out_of_range) return reject(start, "timestamp out of range");
    if (ec != std::errc() || end != last) return reject(start, "invalid timestamp");
  }
  int64_t nanos = 0;
  if (__builtin_mul_overflow(value, precision_nanos(options_.precision), &nanos) ||
      nanos < kMinNanoTime || nanos > kMaxNanoTime) {
    return reject(start, "timestamp out of range");
  }
  for (; i < record.size(); ++i) {
    if (record[i] != ' ') return reject(i, "unexpected text after timestamp");
  }
  view_.time = nanos;
  view_.has_timestamp = true;
  return true;
}

std::string_view LineParser::unescape_into_scratch(std::string_view raw,
                                                   std::string_view escapable) {
  if (raw.find('\\') == std::string_view::npos) return raw;
  char* const out = scratch_.data() + scratch_used_;
  std::size_t n = 0;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    if (raw[k] == '\\' && k + 1 < raw.size() && escapable.find(raw[k + 1]) != escapable.npos) {
      ++k;
    }
    out[n++] = raw[k];
  }
  scratch_used_ += n;
  return {out, n};
}

std::size_t LineParser::fail(std::size_t offset, std::string_view message) {
  // Position the error on the physical line: a record can span lines inside a quoted string.
  uint32_t line = record_line_;
  std::size_t line_start = 0;
  offset = std::min(offset, record_.size());
  for (std::size_t k = 0; k < offset; ++k) {
    if (record_[k] == '\n') {
      ++line;
      line_start = k + 1;
    }
  }
  uint32_t column = 1;
  for (std::size_t k = line_start; k < offset; ++k) {
    if ((static_cast<unsigned char>(record_[k]) & 0xC0) != 0x80) ++column;  // count characters
  }
  error_ = LineError{line, column, std::string(message)};
  return kFailed;
}

bool LineParser::reject(std::size_t offset, std::string_view message) {
  fail(offset, message);
  return false;
}

void assign_point(model::Point& point, const LineView& view, std::string_view database,
                  std::string_view retention_policy, const model::KeyProjection* keys) {
  point.name.assign(view.measurement);
  point.database.assign(database);
  point.retention_policy.assign(retention_policy);
  point.time = view.time;
  const bool all_tags = keys == nullptr || keys->all_tags;
  const bool all_fields = keys == nullptr || keys->all_fields;
  // Elements are assigned in place, not rebuilt: a recycled point keeps its strings' storage.
  std::size_t tags = 0;
  for (const auto& tag : view.tags) {
    if (!all_tags && !keys->keeps_tag(tag.key)) continue;
    if (tags == point.tags.size()) point.tags.emplace_back();
    point.tags[tags].first.assign(tag.key);
    point.tags[tags].second.assign(tag.value);
    ++tags;
  }
  point.tags.resize(tags);
  std::size_t fields = 0;
  for (const auto& field : view.fields) {
    if (!all_fields && !keys->keeps_field(field.key)) continue;
    if (fields == point.fields.size()) point.fields.emplace_back();
    auto& [key, value] = point.fields[fields++];
    key.assign(field.key);
    std::visit(
        [&value](const auto& parsed) {
          using T = std::decay_t<decltype(parsed)>;
          if constexpr (std::is_same_v<T, std::string_view>) {
            if (auto* text = std::get_if<std::string>(&value)) {
              text->assign(parsed);
            } else {
              value = std::string(parsed);
            }
          } else {
            value = parsed;
          }
        },
        field.value);
  }
  point.fields.resize(fields);
}

model::Point to_point(const LineView& view, std::string_view database,
                      std::string_view retention_policy, const model::KeyProjection* keys) {
  model::Point point;
  // Room for two more fields: nodes that add one or two (derivative, eval, a counterRate of in
  // and out counters) then need no reallocation.
  point.tags.reserve(view.tags.size());
  point.fields.reserve(view.fields.size() + 2);
  assign_point(point, view, database, retention_policy, keys);
  return point;
}

model::Point to_point(const LineView& view, std::string_view database,
                      std::string_view retention_policy) {
  return to_point(view, database, retention_policy, nullptr);
}

}  // namespace farad::io
