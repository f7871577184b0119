#include "sinks/influxdb_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace farad::sinks {

namespace {

using Clock = std::chrono::steady_clock;

size_t count_lines(std::string_view body) {
  return static_cast<size_t>(std::count(body.begin(), body.end(), '\n'));
}

/// A batch as a counted spool entry: "<lines of the body> <query>\n" then the body. The query
/// holds no space or newline (it is URL-encoded).
std::string spool_entry(const std::string& query, const std::string& body) {
  std::string entry = fmt::format("{} {}\n", count_lines(body), query);
  entry += body;
  return entry;
}

}  // namespace

InfluxDBWriter::InfluxDBWriter(runtime::InfluxDBConnection connection,
                               InfluxDBWriterOptions options, SinkLog log)
    : client_(std::move(connection)), options_(std::move(options)), log_(std::move(log)) {
  if (!options_.spool_dir.empty()) {
    // No limit in the spool itself: at the limit the task waits (over_bound_locked).
    spool_ = std::make_unique<Spool>(options_.spool_dir, Spool::kCountedLines, 0);
    queue_unsent();  // what a previous run left unsent goes first
    if (!ready_.empty() && log_) {
      log_("I", fmt::format("resending {} unsent batches from the spool", ready_.size()));
    }
  }
  next_flush_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(options_.flush_interval);
  sender_ = std::thread([this] { run(); });
}

InfluxDBWriter::~InfluxDBWriter() {
  {
    std::lock_guard lock(mutex_);
    seal_all_locked();
    stopping_ = true;
    drain_deadline_ = Clock::now() + options_.drain_timeout;
  }
  changed_.notify_all();
  sender_.join();
  const size_t unsent = ready_.size();
  if (unsent > 0 && log_) {
    log_("E", spool_ ? fmt::format("{} batches not sent yet: kept in the spool", unsent)
                     : fmt::format("{} batches not sent: dropped at shutdown", unsent));
  }
}

void InfluxDBWriter::queue_unsent() {
  const uint64_t end = spool_->end();
  spool_acked_ = std::max(spool_->begin(), std::min(spool_->recorded_acked(), end));
  uint64_t from = spool_acked_;
  while (from < end) {
    const SpoolChunk chunk = spool_->read(from, 256, 4 << 20);
    if (chunk.empty()) break;
    uint64_t begin = chunk.begin;
    for (const size_t entry_end : chunk.ends) {
      ready_.push_back(Batch{{}, {}, 0, SpoolRange{begin, chunk.begin + entry_end}});
      begin = chunk.begin + entry_end;
    }
    from = chunk.end();
  }
}

bool InfluxDBWriter::read_back(Batch& batch) const {
  const SpoolChunk chunk = spool_->read(batch.spooled->begin, 1, SIZE_MAX);
  if (chunk.empty() || chunk.begin != batch.spooled->begin) return false;
  const std::string_view entry = chunk.entry(0);
  const size_t header_end = entry.find('\n');
  const size_t space = entry.substr(0, header_end).find(' ');
  if (space == std::string_view::npos) return false;
  batch.query = std::string(entry.substr(space + 1, header_end - space - 1));
  batch.body = std::string(entry.substr(header_end + 1));
  batch.points = count_lines(batch.body);
  return true;
}

void InfluxDBWriter::sync_spool() {
  if (spool_) spool_->sync();
}

void InfluxDBWriter::add(const WriteTarget& target, std::string_view lines, size_t points) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return stopping_ || !over_bound_locked(); });
  Pending& pending = pending_[target];
  pending.body.append(lines);
  pending.points += points;
  if (pending.points >= options_.buffer) {
    Pending full = std::move(pending);
    pending_.erase(target);
    seal_locked(target, std::move(full));
    lock.unlock();
    changed_.notify_all();
  }
}

void InfluxDBWriter::flush() {
  {
    std::lock_guard lock(mutex_);
    seal_all_locked();
  }
  changed_.notify_all();
}

bool InfluxDBWriter::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return ready_.empty() && !sending_; });
}

InfluxDBWriterStats InfluxDBWriter::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

bool InfluxDBWriter::over_bound_locked() const {
  if (spool_) {
    return options_.spool_limit > 0 && spool_->end() - spool_acked_ >= options_.spool_limit;
  }
  return ready_.size() >= std::max<size_t>(1, options_.memory_batches);
}

void InfluxDBWriter::seal_locked(const WriteTarget& target, Pending&& pending) {
  if (pending.points == 0) return;
  const auto precision = parse_write_precision(target.precision);
  Batch batch;
  batch.query = write_query(target, precision ? precision->name : target.precision);
  batch.points = pending.points;
  batch.body = std::move(pending.body);
  if (spool_) {
    try {
      const uint64_t begin = spool_->end();
      if (spool_->append(spool_entry(batch.query, batch.body))) {
        batch.spooled = SpoolRange{begin, spool_->end()};
      }
    } catch (const std::exception& e) {
      if (log_) log_("E", fmt::format("spool: {} (the batch is kept in memory)", e.what()));
    }
  }
  // With a spool, only the newest batches stay in memory; the others are read back in turn.
  if (batch.spooled && bodies_in_memory_ >= options_.memory_batches) {
    batch.body.clear();
  } else {
    ++bodies_in_memory_;
  }
  ready_.push_back(std::move(batch));
}

void InfluxDBWriter::seal_all_locked() {
  for (auto& [target, pending] : pending_) seal_locked(target, std::move(pending));
  pending_.clear();
}

void InfluxDBWriter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (stopping_ && (ready_.empty() || Clock::now() >= drain_deadline_)) break;
    if (!ready_.empty()) {
      if (!send_front(lock)) break;
      continue;
    }
    if (options_.flush_interval.count() <= 0) {
      changed_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
      continue;
    }
    changed_.wait_until(lock, next_flush_, [this] { return stopping_ || !ready_.empty(); });
    if (Clock::now() >= next_flush_) {
      seal_all_locked();
      next_flush_ =
          Clock::now() + std::chrono::duration_cast<Clock::duration>(options_.flush_interval);
    }
  }
  changed_.notify_all();
}

bool InfluxDBWriter::send_front(std::unique_lock<std::mutex>& lock) {
  Batch batch = ready_.front();
  sending_ = true;
  lock.unlock();
  // A batch that cannot be read back keeps an empty body: it is dropped below.
  if (batch.body.empty() && batch.spooled) read_back(batch);
  SendOutcome outcome = SendOutcome::Drop;
  std::string error = "cannot read the spooled batch";
  for (int attempt = 1; !batch.body.empty(); ++attempt) {
    const InfluxDBAnswer answer = client_.write(batch.query, batch.body);
    outcome = answer.ok() ? SendOutcome::Sent : classify_status(answer.status);
    error = answer.error;
    if (outcome == SendOutcome::Sent) break;
    lock.lock();
    ++stats_.write_errors;
    if (outcome == SendOutcome::Drop || !options_.retry.may_retry(attempt)) {
      lock.unlock();
      break;
    }
    ++stats_.retries;
    const auto delay = options_.retry.delay_after(attempt);
    if (log_ && attempt == 1) {
      log_("W", fmt::format("failed to write points to InfluxDB, retrying: {}", error));
    }
    const auto until =
        stopping_ ? std::min(Clock::now() + delay, drain_deadline_) : Clock::now() + delay;
    changed_.wait_until(lock, until, [&] { return stopping_ && Clock::now() >= drain_deadline_; });
    if (stopping_ && Clock::now() >= drain_deadline_) {
      sending_ = false;
      return false;  // left in the queue (and the spool)
    }
    lock.unlock();
  }
  if (outcome != SendOutcome::Sent && log_) {
    log_("E", fmt::format("failed to write points to InfluxDB: {}", error));
  }
  lock.lock();
  if (outcome == SendOutcome::Sent) {
    stats_.points_written += batch.points;
  } else {
    stats_.points_dropped += batch.points;
  }
  if (!ready_.front().body.empty()) --bodies_in_memory_;
  if (batch.spooled) {
    spool_acked_ = batch.spooled->end;
    try {
      spool_->record_acked(spool_acked_);
      spool_->release_below(spool_acked_);
    } catch (const std::exception& e) {
      if (log_) log_("E", fmt::format("spool: {}", e.what()));
    }
  }
  ready_.pop_front();
  sending_ = false;
  changed_.notify_all();
  return true;
}

}  // namespace farad::sinks
