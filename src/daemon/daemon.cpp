#include "daemon/daemon.hpp"

#include <spdlog/logger.h>

#include "compile/dot.hpp"
#include "daemon/batch_scheduler.hpp"
#include "daemon/checkpoint.hpp"
#include "daemon/connections_config.hpp"
#include "daemon/daemon_options.hpp"
#include "daemon/now.hpp"
#include "io/line_protocol.hpp"
#include "nodes/observed_keys.hpp"
#include "service/logging.hpp"
#include "store/wal_reader.hpp"

namespace farad::daemon {

Daemon::Daemon(const service::Config& config, BeforeBody before_body)
    : config_(config),
      before_body_(std::move(before_body)),
      data_dir_(std::filesystem::absolute(config.storage.data_dir)),
      connections_(connections_with_loopback()),
      store_(data_dir_ / "tasks"),
      template_store_(data_dir_ / "templates"),
      identity_(load_server_identity(data_dir_)) {
  std::filesystem::create_directories(data_dir_ / "checkpoints");
  templates_ = template_store_.load_all();
  wal_ = std::make_unique<store::WalWriter>(data_dir_ / "wal", wal_options(config.wal));
  for (const auto& damage : wal_->open_report().damage) {
    service::logger()->warn("wal: {}", describe(damage));
  }
  queue_capacity_ = static_cast<size_t>(std::max<int64_t>(1, config.http.write_queue_size));
  queue_memory_limit_ = config.http.write_queue_memory.bytes;
  recover();
  next_checkpoint_ = std::chrono::steady_clock::now() + config_.checkpoint.interval;
  worker_ = std::thread([this] { run_worker(); });
  batch_scheduler_ = std::make_unique<BatchScheduler>(
      *this, config_.batch.catch_up,
      static_cast<size_t>(std::max<int64_t>(0, config_.batch.catch_up_limit)), connections_,
      now_ns);
}

Daemon::~Daemon() {
  stop();
}

void Daemon::recover() {
  std::optional<store::WalPosition> replay_from;
  for (TaskRecord& record : store_.load_all()) {
    auto running = std::make_unique<RunningTask>();
    running->record = std::move(record);
    running->spec = compile_record(running->record, running->error);
    if (running->spec && running->record.enabled) {
      try {
        running->feed.reset();
        running->task = start_task(running->spec, data_dir_, connections_);
        if (auto checkpoint = read_checkpoint(checkpoint_path(running->record.id))) {
          running->task->restore_state(checkpoint->state);
          running->skip_before = checkpoint->position;
        }
      } catch (const std::exception& e) {
        // Starting over from an empty state would repeat or lose output: keep it stopped.
        running->error = std::string("cannot restore the checkpoint: ") + e.what();
        running->feed.reset();
        running->task.reset();
      }
      if (running->task) {
        if (!replay_from || running->skip_before < *replay_from) {
          replay_from = running->skip_before;
        }
      }
    }
    if (!running->error.empty()) {
      service::logger()->error("task {}: {}", running->record.id, running->error);
    }
    tasks_.push_back(std::move(running));
  }
  processed_ = wal_->end_position();
  if (!replay_from) return;
  store::WalReader reader(data_dir_ / "wal", *replay_from, processed_);
  store::WalEntry entry;
  uint64_t replayed = 0;
  recovering_ = true;
  while (reader.next(entry)) {
    dispatch(entry.record.header, entry.record.body, entry.next);
    ++replayed;
  }
  recovering_ = false;
  for (const auto& damage : reader.damage()) {
    service::logger()->warn("wal replay: {}", describe(damage));
  }
  service::logger()->info("replayed {} bodies from {}", replayed, store::to_string(*replay_from));
}

server::IngestResult Daemon::write(server::IngestWrite&& write) {
  // The append and the push share one lock so that the queue is in log order.
  std::lock_guard append_lock(append_mutex_);
  {
    std::lock_guard lock(queue_mutex_);
    if (!accepting_) return {server::IngestStatus::QueueFull, "the server is shutting down"};
    if (queue_.size() >= queue_capacity_) return {server::IngestStatus::QueueFull, {}};
    // A body is always taken into an empty queue, or one larger than the limit never would be.
    if (queue_memory_limit_ != 0 && !queue_.empty() && queue_memory_ >= queue_memory_limit_) {
      return {server::IngestStatus::QueueFull, {}};
    }
  }
  QueuedBody queued;
  try {
    // A gzip body is logged as received (readers of the log inflate it); the queue gets the
    // text the server decoded, so the live path decodes it only once.
    if (write.gzip_body.empty()) {
      wal_->append(write.header, write.body);
    } else {
      wal_->append(write.header, write.gzip_body, store::BodyCompression::Gzip);
    }
    queued.next = wal_->end_position();
  } catch (const std::exception& e) {
    service::logger()->error("wal: {}", e.what());
    return {server::IngestStatus::Failed, e.what()};
  }
  queued.header = std::move(write.header);
  queued.body = std::move(write.body);
  queued.lines = std::move(write.lines);
  queued.lines_keys = std::move(write.lines_keys);
  queued.memory = queued.body.capacity() + (queued.lines ? queued.lines->memory() : 0);
  {
    std::lock_guard lock(queue_mutex_);
    queue_memory_ += queued.memory;
    queue_.push_back(std::move(queued));
  }
  queue_changed_.notify_all();
  return {};
}

std::shared_ptr<const model::KeyProjection> Daemon::projection(std::string_view db,
                                                               std::string_view rp) {
  std::string key(db);
  key += '\n';
  key += rp.empty() ? std::string_view("autogen") : rp;
  std::lock_guard lock(projections_mutex_);
  const auto it = projections_.find(key);
  return it == projections_.end() ? nullptr : it->second;
}

void Daemon::dispatch(const store::WalRecordHeader& header, std::string_view body,
                      store::WalPosition next, bool live, const io::ParsedLines* lines,
                      const model::KeyProjection* lines_keys) {
  const std::string rp = header.rp.empty() ? std::string("autogen") : header.rp;
  std::vector<Target> targets;
  // Only the tags and fields some target task can observe are copied out of each line.
  model::KeyProjection keys;
  for (auto& running : tasks_) {
    if (!running->task || next <= running->skip_before) continue;
    // A batch task's data comes from its queries, never from writes (Kapacitor's too).
    if (running->spec->type == compile::TaskType::Batch) continue;
    for (const auto& dbrp : running->spec->dbrps) {
      if (dbrp.database == header.db && dbrp.retention_policy == rp) {
        if (running->keys_of != running->spec) {
          running->keys = nodes::observed_keys(*running->spec);
          running->keys_of = running->spec;
        }
        if (targets.empty()) {
          keys = running->keys;
        } else {
          keys.merge(running->keys);
        }
        targets.push_back({running->task.get(), compact_feed(*running)});
        break;
      }
    }
  }
  processed_ = std::max(processed_, next);
  if (body_tap_) body_tap_(header, body);
  IngressStats::Counters* ingress = live ? &ingress_.counters(header.db, rp) : nullptr;
  if (targets.empty() && ingress == nullptr) return;
  // Parsed again from the logged body, live as on replay, so both see the same points, with
  // the rules of the API that accepted it (unsigned fields only through /api/v2/write).
  io::ParseOptions parse;
  parse.precision = header.precision;
  parse.default_time = header.arrival_ns;
  parse.unsigned_fields = header.encoding == store::BodyEncoding::LineProtocolUnsigned;
  if (!targets.empty()) publish_projection(header.db, rp, keys);
  // The server's reading of the body serves when it kept what the targets observe, exactly:
  // then the points are those a parse here would build.
  if (lines != nullptr && !targets.empty() && lines_keys != nullptr && *lines_keys == keys &&
      lines->buffer_data() == body.data()) {
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const io::LineView line = lines->line(i);
      if (ingress) ingress->count(line.measurement);
      push_line(targets, line, header.db, rp, nullptr);
    }
    return;
  }
  if (!targets.empty() && !keys.all_tags) parse.keys = &keys;
  model::KeyProjection fields_only = keys;  // the parser has left out the tags already
  fields_only.all_tags = true;
  io::parse_lines(body, parse, [&](const io::LineView& line) {
    if (ingress) ingress->count(line.measurement);
    if (targets.empty()) return;
    push_line(targets, line, header.db, rp, &fields_only);
  });
}

void Daemon::push_line(const std::vector<Target>& targets, const io::LineView& line,
                       std::string_view db, std::string_view rp,
                       const model::KeyProjection* fields) {
  std::size_t last_point = targets.size();  // the last target that takes Points
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i].feed == nullptr) last_point = i;
  }
  std::optional<model::Point> point;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    runtime::Task* task = targets[i].task;
    try {
      if (targets[i].feed != nullptr) {
        targets[i].feed->push(line, db, rp);
        continue;
      }
      if (!point) point = io::to_point(line, db, rp, fields);
      // The last target that takes Points takes the point itself, the others a copy.
      task->push_point(i == last_point ? std::move(*point) : model::Point(*point));
    } catch (const std::exception& e) {
      service::logger()->error("task {}: {}", task->spec().name, e.what());
    }
  }
}

CompactFeed* Daemon::compact_feed(RunningTask& running) {
  // Only a task that reads some of the fields: otherwise a point holds everything anyway.
  if (running.keys.all_fields || !running.task->takes_compact()) return nullptr;
  if (!running.feed || &running.feed->task() != running.task.get()) {
    running.feed = std::make_unique<CompactFeed>(*running.task, running.keys);
  }
  return running.feed.get();
}

void Daemon::publish_projection(std::string_view db, std::string_view rp,
                                const model::KeyProjection& keys) {
  std::string key(db);
  key += '\n';
  key += rp;
  std::lock_guard lock(projections_mutex_);
  auto& published = projections_[key];
  if (!published || *published != keys) {
    published = std::make_shared<const model::KeyProjection>(keys);
  }
}

void Daemon::run_worker() {
  for (;;) {
    std::optional<QueuedBody> body;
    bool finished = false;
    {
      std::unique_lock lock(queue_mutex_);
      queue_changed_.wait_until(lock, next_checkpoint_,
                                [this] { return !queue_.empty() || stopping_; });
      if (!queue_.empty()) {
        body = std::move(queue_.front());
        queue_memory_ -= body->memory;
        queue_.pop_front();
      } else {
        finished = stopping_;
      }
    }
    if (body) {
      if (before_body_) before_body_();
      std::lock_guard tasks_lock(tasks_mutex_);
      dispatch(body->header, body->body, body->next, true, body->lines.get(),
               body->lines_keys.get());
    }
    if (finished) break;
    if (std::chrono::steady_clock::now() >= next_checkpoint_) {
      checkpoint_all();
      next_checkpoint_ = std::chrono::steady_clock::now() + config_.checkpoint.interval;
    }
  }
  checkpoint_all();
}

void Daemon::checkpoint_all() {
  std::lock_guard tasks_lock(tasks_mutex_);
  // Task state changes only with the bodies it is given (enabling checkpoints by itself).
  if (last_checkpoint_ && *last_checkpoint_ == processed_) return;
  last_checkpoint_ = processed_;
  try {
    wal_->sync();
  } catch (const std::exception& e) {
    service::logger()->error("checkpoint: wal sync failed: {}", e.what());
    return;
  }
  std::optional<store::WalPosition> oldest;
  for (auto& running : tasks_) {
    if (!running->task) continue;
    checkpoint_locked(*running);
    if (!oldest || running->skip_before < *oldest) oldest = running->skip_before;
  }
  try {
    const int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    wal_->apply_retention(wal_retention(config_.wal), now, oldest.value_or(processed_));
  } catch (const std::exception& e) {
    service::logger()->error("wal retention: {}", e.what());
  }
}

void Daemon::checkpoint_locked(RunningTask& running) {
  const store::WalPosition position = std::max(processed_, running.skip_before);
  try {
    write_checkpoint(checkpoint_path(running.record.id), {position, running.task->save_state()});
    running.skip_before = position;
  } catch (const std::exception& e) {
    service::logger()->error("task {}: checkpoint failed: {}", running.record.id, e.what());
  }
}

void Daemon::stop() {
  if (batch_scheduler_) batch_scheduler_->stop();
  {
    std::lock_guard lock(queue_mutex_);
    accepting_ = false;
    stopping_ = true;
  }
  queue_changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void Daemon::set_body_tap(BodyTap tap) {
  std::lock_guard tasks_lock(tasks_mutex_);
  body_tap_ = std::move(tap);
}

std::filesystem::path Daemon::checkpoint_path(const std::string& id) const {
  return data_dir_ / "checkpoints" / (id + ".ckpt");
}

}  // namespace farad::daemon
