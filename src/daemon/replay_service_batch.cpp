// The batch side of ReplayService, as Kapacitor's services/replay: `record batch` (a batch
// task's queries over a range), `record query` (an ad hoc query) and their live replays
// (`replay-live batch`, `replay-live query`). Recordings are written by a job on the replay
// pool, never on a request thread.
#include <spdlog/logger.h>

#include <algorithm>
#include <chrono>

#include "daemon/replay_service.hpp"
#include "io/batch_recording_writer.hpp"
#include "io/stream_recording_writer.hpp"
#include "server/router.hpp"
#include "service/logging.hpp"

namespace farad::daemon {
namespace {

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<TaskError> check_id(std::string& id, const char* what) {
  if (id.empty()) id = server::new_request_id();
  if (!valid_task_id(id)) {
    return TaskError{400, std::string(what) +
                              " ID must contain only letters, numbers, '-', '.' and '_'. \"" + id +
                              "\""};
  }
  return std::nullopt;
}

// Every query node of the task, or the error Kapacitor answers for a task that cannot start.
std::optional<TaskError> plans_of(const compile::TaskSpec& spec,
                                  std::vector<batch::QueryPlan>& plans) {
  try {
    plans = batch::query_plans(spec);
  } catch (const batch::QueryPlanError& e) {
    return TaskError{400, e.what()};
  }
  return std::nullopt;
}

}  // namespace

std::filesystem::path ReplayService::batch_recording_path(const std::string& id) const {
  return recordings_.dir() / (id + ".brpl");
}

std::optional<TaskError> ReplayService::record_batch(RecordBatchRequest request,
                                                     RecordingInfo& started) {
  if (auto error = check_id(request.id, "recording")) return error;
  if (request.start_ns == 0) return TaskError{400, "must provide start time"};
  if (request.stop_ns == 0) request.stop_ns = now_ns();
  std::shared_ptr<const compile::TaskSpec> spec;
  if (auto error = compile_task(request.task, spec, compile::TaskType::Batch)) {
    if (error->status == 400 && spec) {
      return TaskError{400, "cannot record batch from stream task: " + request.task};
    }
    return error;
  }
  std::vector<batch::QueryPlan> plans;
  if (auto error = plans_of(*spec, plans)) return error;
  RecordingInfo info;
  info.id = request.id;
  info.type = "batch";
  info.date_ns = now_ns();
  info.task = request.task;
  info.stop_ns = request.stop_ns;
  std::vector<bool> by_name;
  for (const auto& plan : plans) {
    const auto node = std::find_if(spec->nodes.begin(), spec->nodes.end(),
                                   [&](const auto& n) { return n.name == plan.node; });
    by_name.push_back(node != spec->nodes.end() && node->has("groupByMeasurement"));
  }
  auto open = [plans = std::move(plans), connections = daemon_.connections(),
               start = request.start_ns, stop = request.stop_ns](size_t entry) {
    return live_batch_source(plans, {entry}, connections, start, stop);
  };
  if (auto error = start_batch_recording(info, std::move(open), std::move(by_name))) return error;
  started = info;
  return std::nullopt;
}

std::optional<TaskError> ReplayService::record_query(RecordQueryRequest request,
                                                     RecordingInfo& started) {
  if (auto error = check_id(request.id, "recording")) return error;
  if (request.query.empty()) return TaskError{400, "must provide query"};
  if (request.type != "batch" && request.type != "stream") {
    return TaskError{400, "invalid type \"" + request.type + "\""};
  }
  RecordingInfo info;
  info.id = request.id;
  info.type = request.type;
  info.date_ns = now_ns();
  auto open = [query = request.query, cluster = request.cluster,
               connections = daemon_.connections()] {
    return query_batch_source(query, cluster, connections);
  };
  if (request.type == "stream") {
    // As Kapacitor: the recorded points carry the database and retention policy the query
    // names, so it must name them.
    auto source = batch::fully_qualified_source(request.query);
    if (!source) {
      return TaskError{400,
                       "could not determine database and retention policy. Is the query fully "
                       "qualified?"};
    }
    if (auto error = start_query_stream_recording(info, std::move(open), std::move(*source))) {
      return error;
    }
  } else if (auto error = start_batch_recording(
                 info, [open = std::move(open)](size_t) { return open(); }, {false})) {
    return error;
  }
  started = info;
  return std::nullopt;
}

std::optional<TaskError> ReplayService::start_query_stream_recording(
    const RecordingInfo& info, std::function<std::unique_ptr<BatchSource>()> open,
    batch::QuerySource source) {
  return start_recording_job(
      info,
      [this, id = info.id, open = std::move(open),
       source = std::move(source)](const std::atomic<bool>& cancelled) -> std::string {
        try {
          io::StreamRecordingWriter writer(recording_path(id));
          auto batches = open();
          SourcedBatch sourced;
          // Kapacitor's doRecordQuery: every point of every batch, in the answer's order.
          while (batches->next(sourced)) {
            if (cancelled) return "recording cancelled";
            for (auto& point : sourced.batch.points) {
              writer.write(model::Point{sourced.batch.name, source.database,
                                        source.retention_policy, std::move(point.tags),
                                        std::move(point.fields), point.time});
            }
          }
          writer.close();
        } catch (const std::exception& e) {
          return e.what();
        }
        return "";
      });
}

std::optional<TaskError> ReplayService::start_batch_recording(
    const RecordingInfo& info, std::function<std::unique_ptr<BatchSource>(size_t)> open,
    std::vector<bool> by_name) {
  return start_recording_job(
      info,
      [this, id = info.id, open = std::move(open),
       by_name = std::move(by_name)](const std::atomic<bool>& cancelled) -> std::string {
        const size_t entries = by_name.size();
        try {
          io::BatchRecordingWriter writer(batch_recording_path(id));
          for (size_t entry = 0; entry < entries; ++entry) {
            writer.next_entry();
            auto source = open(entry);
            SourcedBatch sourced;
            while (source->next(sourced)) {
              if (cancelled) return "recording cancelled";
              writer.write(sourced.batch, by_name[entry]);
            }
            const double progress = static_cast<double>(entry + 1) / static_cast<double>(entries);
            recordings_.update(
                id, [&](RecordingInfo& recording) { recording.progress = progress; }, false);
          }
          writer.close();
        } catch (const std::exception& e) {
          return e.what();
        }
        return "";
      });
}

std::optional<TaskError> ReplayService::start_recording_job(
    const RecordingInfo& info, std::function<std::string(const std::atomic<bool>&)> record) {
  ReplayJob job;
  job.plan.id = std::string(kRecordingJobPrefix) + info.id;
  job.record = std::move(record);
  std::lock_guard lock(jobs_mutex_);
  if (!recordings_.insert(info)) return TaskError{500, "recording already exists"};
  if (auto error = queue_job(std::move(job))) {
    recordings_.erase(info.id);
    return error;
  }
  service::logger()->info("{} recording {} started", info.type, info.id);
  return std::nullopt;
}

void ReplayService::run_recording_job(ReplayJob& job) {
  const std::string id = job.plan.id.substr(kRecordingJobPrefix.size());
  const std::string error = *job.cancelled ? "recording cancelled" : job.record(*job.cancelled);
  if (*job.cancelled && !recordings_.find(id)) {
    std::error_code ignored;
    // Deleted while running: whichever file the job was writing goes.
    std::filesystem::remove(batch_recording_path(id), ignored);
    std::filesystem::remove(recording_path(id), ignored);
    return;
  }
  finish_recording(id, error);
}

std::optional<TaskError> ReplayService::replay_live(ReplayLiveRequest request,
                                                    ReplayInfo& started) {
  if (auto error = check_id(request.id, "replay")) return error;
  std::shared_ptr<const compile::TaskSpec> spec;
  if (auto error = compile_task(request.task, spec, compile::TaskType::Batch)) return error;
  ReplayJob job;
  if (request.query.empty()) {
    std::vector<batch::QueryPlan> plans;
    if (auto error = plans_of(*spec, plans)) return error;
    if (request.stop_ns == 0) request.stop_ns = now_ns();
    std::vector<size_t> every(plans.size());
    for (size_t i = 0; i < every.size(); ++i) every[i] = i;
    job.open_batches = [plans = std::move(plans), every = std::move(every),
                        connections = daemon_.connections(), start = request.start_ns,
                        stop = request.stop_ns](model::GroupKeyInterner&) {
      return live_batch_source(plans, every, connections, start, stop);
    };
  } else {
    job.open_batches = [query = request.query, cluster = request.cluster,
                        connections = daemon_.connections()](model::GroupKeyInterner&) {
      return query_batch_source(query, cluster, connections);
    };
  }
  ReplayInfo info;
  info.id = request.id;
  info.task = request.task;
  info.recording_time = request.recording_time;
  info.clock = request.clock;
  info.date_ns = now_ns();
  return launch_replay(std::move(job), info, *spec, started);
}

}  // namespace farad::daemon
