// Opening a log: the directory lock, the index of sealed segments, and the repair of the
// newest segment after a crash.
#include <fcntl.h>
#include <sys/file.h>

#include <algorithm>
#include <cerrno>

#include "store/segment_files.hpp"
#include "store/segment_recovery.hpp"
#include "store/segment_sidecar.hpp"
#include "store/store_error.hpp"
#include "store/wal_frame.hpp"
#include "store/wal_writer.hpp"

namespace farad::store {
namespace {

FileDescriptor lock_directory(const std::filesystem::path& dir) {
  FileDescriptor directory(dir, O_RDONLY | O_DIRECTORY);
  if (::flock(directory.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK)
      throw StoreError(dir.string() + ": the log is already open in another writer");
    throw_system_error(dir.string(), "cannot lock the log directory");
  }
  return directory;
}

// Leftovers of a crash or of retention interrupted between its two removals: temporaries of
// atomic writes and sidecars whose segment is gone.
void remove_leftovers(const std::filesystem::path& dir, const std::vector<uint64_t>& segments) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    bool remove = name.find(".idx.tmp.") != std::string::npos;
    if (name.size() > 4 && name.ends_with(".idx")) {
      const auto segment = parse_segment_file_name(name.substr(0, name.size() - 4) + ".wal");
      remove = segment && !std::binary_search(segments.begin(), segments.end(), *segment);
    }
    if (remove) {
      std::error_code ignored;
      std::filesystem::remove(it->path(), ignored);
    }
  }
}

}  // namespace

WalWriter::WalWriter(std::filesystem::path dir, WalOptions options)
    : dir_(std::move(dir)), options_(std::move(options)) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw StoreError(dir_.string() + ": cannot create the log directory: " + ec.message());
  directory_lock_ = lock_directory(dir_);
  const auto segments = list_segments(dir_);
  remove_leftovers(dir_, segments);
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    bool scanned = false;
    index_.segments().push_back(summarize_sealed_segment(dir_, segments[i], &scanned));
    if (!scanned) continue;
    write_sidecar(dir_, index_.segments().back());
    open_report_.rebuilt_sidecars.push_back(segments[i]);
  }
  if (segments.empty()) {
    create_segment(1);
  } else {
    open_newest_segment(segments.back());
  }
  if (options_.fsync == FsyncPolicy::Interval) flusher_ = std::thread([this] { run_flusher(); });
}

void WalWriter::open_newest_segment(uint64_t segment) {
  const auto path = segment_path(dir_, segment);
  const SegmentScan scan = scan_segment(dir_, segment);
  if (scan.header == SegmentHeaderState::Foreign)
    throw StoreError(path.string() + ": not a segment of this log (bad header)");
  std::error_code ignored;
  std::filesystem::remove(sidecar_path(dir_, segment), ignored);  // it is active again

  const bool damaged = scan.stop != FrameStatus::End;
  if (damaged && scan.header == SegmentHeaderState::Valid &&
      has_valid_frame_after(dir_, segment, scan.valid_end)) {
    // Acknowledged records may follow the damage: keep the file for inspection, seal it, and
    // write on in a new segment. Readers stop at the damage and report it.
    open_report_.damage.push_back(
        {WalDamage::Kind::Corrupt, segment, scan.valid_end, scan.problem});
    index_.segments().push_back(scan.summary);
    write_sidecar(dir_, scan.summary);
    create_segment(segment + 1);
    return;
  }

  auto file = std::make_shared<FileDescriptor>(path, O_RDWR);
  uint64_t size = scan.valid_end;
  if (scan.header == SegmentHeaderState::Torn) {
    // The crash came while the segment was being created: write its header again.
    file->truncate(0);
    file->write_at(encode_segment_header(segment), 0);
    size = kSegmentHeaderSize;
  } else if (damaged) {
    file->truncate(scan.valid_end);
  }
  if (damaged) {
    open_report_.damage.push_back(
        {WalDamage::Kind::TornTail, segment, scan.valid_end, scan.problem});
    open_report_.truncated_bytes =
        scan.summary.bytes - std::min(scan.summary.bytes, scan.valid_end);
    file->sync_data();
  }
  active_ = std::move(file);
  active_segment_ = segment;
  active_size_ = size;
  SegmentSummary summary = scan.summary;
  summary.bytes = size;
  index_.segments().push_back(summary);
}

void WalWriter::create_segment(uint64_t segment) {
  auto file =
      std::make_shared<FileDescriptor>(segment_path(dir_, segment), O_RDWR | O_CREAT | O_EXCL);
  file->write_at(encode_segment_header(segment), 0);
  file->sync_data();
  sync_directory(dir_);  // the new name must survive a crash before records in it are acknowledged
  active_ = std::move(file);
  active_segment_ = segment;
  active_size_ = kSegmentHeaderSize;
  SegmentSummary summary;
  summary.segment = segment;
  summary.bytes = kSegmentHeaderSize;
  index_.segments().push_back(summary);
  ++stats_.segments_created;
}

}  // namespace farad::store
