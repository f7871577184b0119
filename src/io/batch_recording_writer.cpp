#include "io/batch_recording_writer.hpp"

#include <zlib.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "io/byte_source.hpp"
#include "io/time_format.hpp"

namespace farad::io {
namespace {

using nlohmann::json;

void put_u16(std::string& out, uint16_t value) {
  out.push_back(static_cast<char>(value & 0xff));
  out.push_back(static_cast<char>(value >> 8));
}

void put_u32(std::string& out, uint32_t value) {
  put_u16(out, static_cast<uint16_t>(value & 0xffff));
  put_u16(out, static_cast<uint16_t>(value >> 16));
}

json field_json(const model::FieldValue& value) {
  return std::visit([](const auto& v) { return json(v); }, value);
}

json tags_json(const model::Tags& tags) {
  json out = json::object();
  for (const auto& [key, value] : tags) out[key] = value;
  return out;
}

// 1980-01-01 00:00, the earliest time a zip header can carry; the recording's times are in
// its batches, not in its entries.
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;

}  // namespace

std::string batch_recording_json(const model::Batch& batch, bool by_name) {
  json points = json::array();
  for (const auto& point : batch.points) {
    json fields = json::object();
    for (const auto& [key, value] : point.fields) fields[key] = field_json(value);
    points.push_back({{"fields", std::move(fields)},
                      {"tags", tags_json(point.tags)},
                      {"time", format_rfc3339_nano(point.time)}});
  }
  return json{{"name", batch.name},
              {"tmax", format_rfc3339_nano(batch.time)},
              {"byname", by_name},
              {"tags", tags_json(batch.tags)},
              {"points", std::move(points)}}
      .dump();
}

BatchRecordingWriter::BatchRecordingWriter(std::filesystem::path path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_) throw IoError("cannot create " + path_.string());
}

BatchRecordingWriter::~BatchRecordingWriter() {
  try {
    close();
  } catch (const std::exception&) {
  }
}

void BatchRecordingWriter::put(const std::string& bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), static_cast<FILE*>(file_)) != bytes.size()) {
    throw IoError("cannot write " + path_.string());
  }
  offset_ += bytes.size();
}

void BatchRecordingWriter::next_entry() {
  flush_entry();
  entry_open_ = true;
}

void BatchRecordingWriter::write(const model::Batch& batch, bool by_name) {
  if (!entry_open_) next_entry();
  entry_ += batch_recording_json(batch, by_name);
  entry_ += '\n';
}

void BatchRecordingWriter::flush_entry() {
  if (!entry_open_) return;
  entry_open_ = false;
  Written written;
  written.name = std::to_string(written_.size());
  written.crc = static_cast<uint32_t>(
      ::crc32(0, reinterpret_cast<const Bytef*>(entry_.data()), static_cast<uInt>(entry_.size())));
  written.size = entry_.size();
  written.offset = offset_;
  if (written.size > 0xffffffffULL || offset_ > 0xffffffffULL) {
    throw IoError(path_.string() + ": batch recording larger than 4 GiB");
  }
  std::string header;
  put_u32(header, 0x04034b50);
  put_u16(header, 20);  // version needed
  put_u16(header, 0);   // flags
  put_u16(header, 0);   // stored
  put_u16(header, 0);   // time
  put_u16(header, kDosDate);
  put_u32(header, written.crc);
  put_u32(header, static_cast<uint32_t>(written.size));
  put_u32(header, static_cast<uint32_t>(written.size));
  put_u16(header, static_cast<uint16_t>(written.name.size()));
  put_u16(header, 0);  // extra
  header += written.name;
  put(header);
  put(entry_);
  entry_.clear();
  written_.push_back(std::move(written));
}

void BatchRecordingWriter::close() {
  if (!file_) return;
  flush_entry();
  const uint64_t directory_start = offset_;
  std::string directory;
  for (const auto& entry : written_) {
    put_u32(directory, 0x02014b50);
    put_u16(directory, 20);  // made by
    put_u16(directory, 20);  // needed
    put_u16(directory, 0);
    put_u16(directory, 0);
    put_u16(directory, 0);
    put_u16(directory, kDosDate);
    put_u32(directory, entry.crc);
    put_u32(directory, static_cast<uint32_t>(entry.size));
    put_u32(directory, static_cast<uint32_t>(entry.size));
    put_u16(directory, static_cast<uint16_t>(entry.name.size()));
    put_u16(directory, 0);  // extra
    put_u16(directory, 0);  // comment
    put_u16(directory, 0);  // disk
    put_u16(directory, 0);  // internal attributes
    put_u32(directory, 0);  // external attributes
    put_u32(directory, static_cast<uint32_t>(entry.offset));
    directory += entry.name;
  }
  put(directory);
  std::string end;
  put_u32(end, 0x06054b50);
  put_u16(end, 0);
  put_u16(end, 0);
  put_u16(end, static_cast<uint16_t>(written_.size()));
  put_u16(end, static_cast<uint16_t>(written_.size()));
  put_u32(end, static_cast<uint32_t>(directory.size()));
  put_u32(end, static_cast<uint32_t>(directory_start));
  put_u16(end, 0);
  put(end);
  FILE* file = static_cast<FILE*>(file_);
  file_ = nullptr;
  if (std::fclose(file) != 0) throw IoError("cannot close " + path_.string());
}

}  // namespace farad::io
