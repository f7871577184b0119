// `.brpl` reading: Kapacitor's bufferedBatchMessage JSON (edge/messages.go).
#include <nlohmann/json.hpp>

#include <algorithm>

#include "io/recording.hpp"
#include "io/time_format.hpp"
#include "io/zip_archive.hpp"

namespace farad::io {
namespace {

using nlohmann::json;

// Go decodes the recording into map[string]string; anything else is a malformed recording.
bool read_tags(const json& object, model::Tags& tags) {
  tags.clear();
  if (object.is_null()) return true;
  if (!object.is_object()) return false;
  for (const auto& [key, value] : object.items()) {
    if (!value.is_string()) return false;
    tags.emplace_back(key, value.get<std::string>());
  }
  std::sort(tags.begin(), tags.end());
  return true;
}

// Go decodes fields into map[string]interface{}: every JSON number becomes a float64, which is
// why integer fields of a batch recording replay as floats. Nulls carry no value and are dropped.
bool read_fields(const json& object, model::Fields& fields, std::string& bad_key) {
  fields.clear();
  if (object.is_null()) return true;
  if (!object.is_object()) return false;
  for (const auto& [key, value] : object.items()) {
    if (value.is_number()) {
      fields.emplace_back(key, value.get<double>());
    } else if (value.is_string()) {
      fields.emplace_back(key, value.get<std::string>());
    } else if (value.is_boolean()) {
      fields.emplace_back(key, value.get<bool>());
    } else if (!value.is_null()) {
      bad_key = key;
      return false;
    }
  }
  std::sort(fields.begin(), fields.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return true;
}

// A time member: nullopt in `out` when absent, null or Go's zero time. False when malformed.
bool read_time(const json& object, const char* key, std::optional<int64_t>& out, bool& in_range) {
  out.reset();
  in_range = true;
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  const auto instant = parse_rfc3339(it->get_ref<const std::string&>());
  if (!instant) return false;
  if (*instant == kGoZeroTime) return true;
  out = to_unix_nanos(*instant);
  in_range = out.has_value();
  return true;
}

}  // namespace

BatchRecordingReader::BatchRecordingReader(std::unique_ptr<ByteSource> source, std::string name,
                                           model::GroupKeyInterner& interner)
    : objects_(std::move(source), name), name_(std::move(name)), interner_(&interner) {}

bool BatchRecordingReader::next(RecordedBatch& out) {
  for (;;) {
    if (!objects_.next(text_)) return false;
    const json object = json::parse(text_, nullptr, false);
    if (object.is_discarded()) fail("invalid JSON");
    const auto points = object.find("points");
    if (points == object.end() || points->is_null() || points->empty()) continue;
    if (!points->is_array()) fail("\"points\" is not an array");

    model::Batch& batch = out.batch;
    const auto name = object.find("name");
    if (name != object.end() && !name->is_string() && !name->is_null()) {
      fail("\"name\" is not a string");
    }
    batch.name = name != object.end() && name->is_string() ? name->get<std::string>() : "";
    if (!read_tags(object.value("tags", json()), batch.tags)) fail("\"tags\" is not string pairs");
    const auto by_name = object.find("byname");
    out.by_name = by_name != object.end() && by_name->is_boolean() && by_name->get<bool>();
    bool in_range = true;
    if (!read_time(object, "tmax", out.tmax, in_range)) fail("\"tmax\" is not an RFC 3339 time");
    if (!in_range) fail("\"tmax\" is out of range");

    // Kapacitor rebuilds the group from the tags (SetTags): every tag is a dimension.
    model::Dimensions dims;
    dims.by_name = out.by_name;
    for (const auto& tag : batch.tags) dims.tag_names.push_back(tag.first);
    batch.group = interner_->intern(batch.name, batch.tags, dims);

    batch.points.resize(points->size());
    for (std::size_t i = 0; i < points->size(); ++i) {
      const auto point_fail = [&](const std::string& message) {
        fail("point " + std::to_string(i) + ": " + message);
      };
      const json& p = (*points)[i];
      model::BatchPoint& point = batch.points[i];
      if (!p.is_object()) point_fail("not an object");
      std::string bad_key;
      if (!read_fields(p.value("fields", json()), point.fields, bad_key)) {
        point_fail("field \"" + bad_key + "\" is not a number, string or boolean");
      }
      if (!read_tags(p.value("tags", json()), point.tags)) point_fail("bad \"tags\"");
      if (point.tags.empty()) point.tags = batch.tags;  // Kapacitor: no tags → the batch's tags
      std::optional<int64_t> time;
      if (!read_time(p, "time", time, in_range)) point_fail("\"time\" is not an RFC 3339 time");
      if (!in_range) point_fail("\"time\" is out of range");
      if (!time) point_fail("\"time\" is missing");
      point.time = *time;
    }
    const int64_t last = batch.points.back().time;
    batch.time = out.tmax ? std::max(*out.tmax, last) : last;
    return true;
  }
}

void BatchRecordingReader::fail(const std::string& message) const {
  throw RecordingError(name_ + ":" + std::to_string(objects_.line_number()) + ": " + message);
}

std::vector<BatchRecordingReader> open_batch_recording(const std::string& path,
                                                       model::GroupKeyInterner& interner) {
  std::vector<BatchRecordingReader> readers;
  if (has_zip_magic(read_file_prefix(path, 4))) {
    for (const auto& entry : read_zip_directory(path)) {
      readers.emplace_back(open_zip_entry(path, entry), path + ":" + entry.name, interner);
    }
    return readers;
  }
  readers.emplace_back(open_maybe_gzip(path), path, interner);
  return readers;
}

}  // namespace farad::io
