#pragma once
// fileOut('PATH'): farad's embedded sink. Appends every point (or every point of a batch) to a
// file, shaped by .measurement() and .tag() as influxDBOut shapes its points, one line each:
// line protocol with nanosecond timestamps (.format('lp'), the default) or a JSON object
// {"time","measurement","tags","fields"} (.format('json')).
//
// Exactly once across crashes: the file's length is part of the node's checkpoint (written after
// the buffered lines are flushed and fsync'ed), and restoring cuts the file back to it; the lines
// written after the checkpoint are produced again when the input is replayed from the
// checkpoint's position. A file shorter than its checkpointed length means someone cut it and
// output is lost: restore refuses it.
//
// A relative path is taken relative to the task context's output directory (the daemon's data
// directory) or, when that is empty, to the process's working directory (`farad run`).

#include <cstdint>
#include <filesystem>
#include <string>

#include "nodes/point_writer.hpp"
#include "store/file_descriptor.hpp"

namespace farad::nodes {

class FileOutNode : public PointWriterNode {
 public:
  enum class Format { LineProtocol, Json };

  FileOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context);
  /// Writes what is buffered (a task dropped without finish, as at shutdown); never throws.
  ~FileOutNode() override;

  /// Writes the buffered lines and fsyncs the file.
  void finish(bool flush) override;
  /// The path and the file's length after writing and fsync-ing the buffered lines.
  void save(runtime::StateWriter& out) const override;
  /// Cuts the file back to its checkpointed length (creating it when missing). Throws StateError
  /// when the checkpoint is for another path or the file is shorter than the checkpoint.
  void restore(runtime::StateReader& in) override;

 protected:
  /// Writes to the file only, not to the task's OutputSink: the file is this node's real output,
  /// while the sink stands in for the services that other output nodes cannot reach yet, and
  /// `farad run --output` would otherwise hold every point twice.
  void write(model::Point&& point) override;

 private:
  /// Opens the file (creating it and its parent directories) and sets the end offset.
  void open_file() const;
  /// Writes the buffered lines at the end offset.
  void write_buffer() const;
  /// Writes the buffer and fsyncs: what a checkpoint or the end of input must find on disk.
  void make_durable() const;
  /// Appends the point's line; false (and nothing appended) when it cannot be written.
  bool append_line(const model::Point& point);

  std::string path_;                 // as the script wrote it: what a checkpoint records
  std::filesystem::path file_path_;  // path_ resolved against the output directory
  Format format_;
  // I/O state, not node state: save() is const for the task but must write and fsync first.
  mutable store::FileDescriptor file_;
  mutable std::string buffer_;  // lines not written yet; they go at end_
  mutable uint64_t end_ = 0;    // the length of the file as written, without buffer_
};

}  // namespace farad::nodes
