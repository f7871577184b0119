#include "store/wal_writer.hpp"

#include <algorithm>

#include "store/segment_files.hpp"
#include "store/segment_sidecar.hpp"
#include "store/store_error.hpp"
#include "store/wal_frame.hpp"

namespace farad::store {

WalWriter::~WalWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  flusher_wakeup_.notify_all();
  if (flusher_.joinable()) flusher_.join();
  if (options_.fsync == FsyncPolicy::Never) return;
  try {
    sync();
  } catch (const StoreError&) {
    // Nothing to tell anyone from a destructor; the records were never acknowledged as synced.
  }
}

WalPosition WalWriter::append(const WalRecordHeader& header, std::string_view body,
                              BodyCompression compression) {
  // Encoding and the CRC over the body run before taking the lock, in parallel across callers.
  const std::string prefix = encode_record_prefix(header, compression);
  if (prefix.size() + body.size() > UINT32_MAX)
    throw StoreError(dir_.string() + ": a record of " + std::to_string(body.size()) +
                     " bytes is larger than a frame can hold");
  const std::string frame_header = encode_frame_header(prefix, body);
  const uint64_t frame_size = kFrameHeaderSize + prefix.size() + body.size();

  std::unique_lock lock(mutex_);
  throw_if_failed();
  if (active_size_ > kSegmentHeaderSize && active_size_ + frame_size > options_.segment_bytes)
    roll_locked();
  const WalPosition position{active_segment_, active_size_};
  try {
    active_->write_pieces_at({frame_header, prefix, body}, active_size_);
  } catch (const StoreError&) {
    // Cut the partial frame (a full disk, usually) so that the next append lands on a boundary.
    try {
      active_->truncate(active_size_);
    } catch (const StoreError& error) {
      failure_ = error.what();
    }
    throw;
  }
  active_size_ += frame_size;
  SegmentSummary& summary = index_.segments().back();
  summary.add(header.arrival_ns);
  summary.bytes = active_size_;
  ++stats_.appends;
  stats_.bytes += frame_size;
  const uint64_t sequence = ++written_sequence_;
  if (options_.fsync == FsyncPolicy::Always) wait_durable(lock, sequence);
  return position;
}

void WalWriter::sync() {
  std::unique_lock lock(mutex_);
  wait_durable(lock, written_sequence_);
}

// Group commit: the first caller to find no fsync running leads one that covers every record
// written so far; the others wait for it, and a caller whose record came after the leader
// started leads the next. So N concurrent appenders cost about two fsyncs, not N.
void WalWriter::wait_durable(std::unique_lock<std::mutex>& lock, uint64_t sequence) {
  while (synced_sequence_ < sequence) {
    throw_if_failed();
    if (!sync_running_) {
      lead_sync(lock);
    } else {
      synced_.wait(lock);
    }
  }
}

void WalWriter::lead_sync(std::unique_lock<std::mutex>& lock) {
  sync_running_ = true;
  const uint64_t target = written_sequence_;
  // Records up to target are in this file or in sealed segments, which were synced on roll.
  const std::shared_ptr<FileDescriptor> file = active_;
  lock.unlock();
  std::string error;
  try {
    if (options_.before_fsync) options_.before_fsync();
    file->sync_data();
  } catch (const std::exception& failure) {
    error = failure.what();
  }
  lock.lock();
  sync_running_ = false;
  ++stats_.fsyncs;
  if (error.empty()) {
    synced_sequence_ = std::max(synced_sequence_, target);
  } else {
    failure_ = error;
  }
  synced_.notify_all();
  throw_if_failed();
}

void WalWriter::sync_file_locked(const FileDescriptor& file) {
  ++stats_.fsyncs;
  try {
    if (options_.before_fsync) options_.before_fsync();
    file.sync_data();
  } catch (const std::exception& error) {
    failure_ = error.what();
    throw_if_failed();
  }
}

// Seals the active segment (synced whatever the policy, so that only the active segment can
// ever have a torn tail, and with its sidecar) and starts the next one.
void WalWriter::roll_locked() {
  sync_file_locked(*active_);
  synced_sequence_ = written_sequence_;
  synced_.notify_all();
  write_sidecar(dir_, index_.segments().back());
  create_segment(active_segment_ + 1);
}

void WalWriter::run_flusher() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    flusher_wakeup_.wait_for(lock, options_.fsync_interval, [this] { return stopping_; });
    if (stopping_ || !failure_.empty() || sync_running_) continue;
    if (synced_sequence_ == written_sequence_) continue;
    try {
      lead_sync(lock);
    } catch (const StoreError&) {
      // failure_ is set: the next append reports it to its caller.
    }
  }
}

WalPosition WalWriter::end_position() const {
  std::lock_guard lock(mutex_);
  return {active_segment_, active_size_};
}

RetentionReport WalWriter::apply_retention(const WalRetention& retention, int64_t now_ns,
                                           std::optional<WalPosition> pinned, bool force) {
  std::lock_guard lock(mutex_);
  auto& segments = index_.segments();
  RetentionReport report = plan_retention(segments, retention, now_ns, pinned, force);
  if (report.deleted.empty()) return report;
  for (const uint64_t segment : report.deleted) {
    std::error_code ec;
    // The segment first: a sidecar left behind by a crash is removed on the next open.
    std::filesystem::remove(segment_path(dir_, segment), ec);
    if (ec)
      throw StoreError(segment_path(dir_, segment).string() + ": cannot delete: " + ec.message());
    std::filesystem::remove(sidecar_path(dir_, segment), ec);
    segments.erase(segments.begin());
  }
  sync_directory(dir_);
  return report;
}

WalIndex WalWriter::index() const {
  std::lock_guard lock(mutex_);
  return index_;
}

WalWriterStats WalWriter::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void WalWriter::throw_if_failed() const {
  if (!failure_.empty())
    throw StoreError(dir_.string() +
                     ": the log failed earlier and accepts no more records: " + failure_);
}

}  // namespace farad::store
