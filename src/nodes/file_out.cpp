#include "nodes/file_out.hpp"

#include <fcntl.h>
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <iterator>
#include <type_traits>
#include <variant>

#include "expr/go_json_text.hpp"
#include "io/line_protocol_writer.hpp"
#include "io/time_format.hpp"
#include "nodes/http_out_json.hpp"

namespace farad::nodes {

using expr::go::append_json_string;

namespace {

// Lines are written in blocks of about this size; a checkpoint or finish writes the rest.
constexpr size_t kBufferLimit = 64 * 1024;

FileOutNode::Format format_of(const compile::NodeSpec& spec) {
  return spec.text("format") == "json" ? FileOutNode::Format::Json
                                       : FileOutNode::Format::LineProtocol;
}

/// {"time":"…","measurement":"…","tags":{…},"fields":{…}}: tags and fields in key order.
void append_json_line(std::string& out, const model::Point& point) {
  out += "{\"time\":\"";
  io::append_rfc3339_nano(out, point.time);
  out += "\",\"measurement\":";
  append_json_string(out, point.name);
  out += ",\"tags\":{";
  for (size_t i = 0; i < point.tags.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, point.tags[i].first);
    out += ':';
    append_json_string(out, point.tags[i].second);
  }
  out += "},\"fields\":{";
  for (size_t i = 0; i < point.fields.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, point.fields[i].first);
    out += ':';
    append_json_field_value(out, point.fields[i].second);
  }
  out += "}}";
}

/// The first float field that is NaN or infinite: neither line protocol readers nor JSON take it.
const model::Field* non_finite_field(const model::Point& point) {
  for (const auto& field : point.fields) {
    const double* number = std::get_if<double>(&field.second);
    if (number && !std::isfinite(*number)) return &field;
  }
  return nullptr;
}

}  // namespace

FileOutNode::FileOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : PointWriterNode(spec, context),
      path_(spec.args.empty() ? std::string() : spec.args[0].text),
      file_path_(context.output_dir.empty() ? std::filesystem::path(path_)
                                            : context.output_dir / path_),
      format_(format_of(spec)) {}

FileOutNode::~FileOutNode() {
  try {
    write_buffer();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor cannot report; finish() does
  }
}

void FileOutNode::write(model::Point&& point) {
  if (!append_line(point)) return;
  if (buffer_.size() >= kBufferLimit) write_buffer();
}

bool FileOutNode::append_line(const model::Point& point) {
  if (const model::Field* field = non_finite_field(point)) {
    error(fmt::format("dropped a point of {}: field {} is {}, which a file line cannot hold",
                      point.name, field->first, std::get<double>(field->second)));
    return false;
  }
  if (format_ == Format::Json) {
    append_json_line(buffer_, point);
  } else {
    io::append_line(buffer_, point, io::Precision::Nanosecond);
  }
  buffer_ += '\n';
  return true;
}

void FileOutNode::open_file() const {
  const std::filesystem::path& path = file_path_;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  const bool existed = std::filesystem::exists(path);
  file_ = store::FileDescriptor(path, O_WRONLY | O_CREAT);
  // A new file's directory entry must survive a crash as well as its contents.
  if (!existed) store::sync_directory(path.has_parent_path() ? path.parent_path() : ".");
  end_ = file_.size();
}

void FileOutNode::write_buffer() const {
  if (buffer_.empty()) return;
  if (!file_.is_open()) open_file();
  file_.write_at(buffer_, end_);
  end_ += buffer_.size();
  buffer_.clear();
}

void FileOutNode::make_durable() const {
  write_buffer();
  if (file_.is_open()) file_.sync_data();
}

void FileOutNode::finish(bool flush) {
  PointWriterNode::finish(flush);
  make_durable();
}

void FileOutNode::save(runtime::StateWriter& out) const {
  make_durable();
  // Before the first point the file is not open: what it holds now (nothing, or the output of
  // earlier runs) is what a restore keeps.
  uint64_t length = end_;
  if (!file_.is_open()) {
    std::error_code missing;
    const auto size = std::filesystem::file_size(file_path_, missing);
    length = missing ? 0 : size;
  }
  out.string(path_);
  out.u64(length);
}

void FileOutNode::restore(runtime::StateReader& in) {
  const std::string saved_path = in.string();
  const uint64_t length = in.u64();
  if (saved_path != path_) {
    throw runtime::StateError(fmt::format("{}: the checkpoint is for file {}, the script writes {}",
                                          name(), saved_path, path_));
  }
  buffer_.clear();
  open_file();
  if (end_ < length) {
    throw runtime::StateError(fmt::format(
        "{}: {} is {} bytes long, shorter than the {} bytes it had at the checkpoint: output "
        "written before the checkpoint is lost",
        name(), path_, end_, length));
  }
  // What was written after the checkpoint is produced again by the replay.
  if (end_ > length) {
    file_.truncate(length);
    file_.sync_data();
    end_ = length;
  }
}

}  // namespace farad::nodes
