#include "daemon/replay_run.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "daemon/running_task.hpp"
#include "runtime/node_report_json.hpp"

namespace farad::daemon {
namespace {

constexpr uint64_t kProgressEvery = 4096;  // points between progress reports and cancel checks

int64_t wall_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Sleeps until wall time `until_ns`, waking to see a cancel. False when cancelled.
bool wait_until(int64_t until_ns, const std::atomic<bool>& cancelled) {
  for (;;) {
    if (cancelled) return false;
    const int64_t left = until_ns - wall_now_ns();
    if (left <= 0) return true;
    std::this_thread::sleep_for(std::chrono::nanoseconds(std::min<int64_t>(left, 100'000'000)));
  }
}

// Kapacitor's ExecutionStats: {"task-stats": {...}, "node-stats": {node: {...}}}.
std::string execution_stats(const runtime::Task& task) {
  nlohmann::json nodes = nlohmann::json::object();
  std::istringstream lines(runtime::node_reports_json(task.report(), true));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    auto node = nlohmann::json::parse(line);
    const std::string name = node["name"].get<std::string>();
    node.erase("name");
    nodes[name] = std::move(node);
  }
  return nlohmann::json{{"task-stats", nlohmann::json::object()}, {"node-stats", nodes}}.dump();
}

bool takes(const compile::TaskSpec& spec, const model::Point& point) {
  return std::any_of(spec.dbrps.begin(), spec.dbrps.end(), [&](const compile::Dbrp& dbrp) {
    return dbrp.database == point.database && dbrp.retention_policy == point.retention_policy;
  });
}

}  // namespace

std::shared_ptr<const compile::TaskSpec> replay_spec(const compile::TaskSpec& spec,
                                                     const std::string& id) {
  auto copy = std::make_shared<compile::TaskSpec>(spec);
  for (auto& node : copy->nodes) {
    if (node.type == "fileOut" && !node.args.empty()) node.args[0].text += ".replay-" + id;
  }
  return copy;
}

ReplayOutcome run_replay(const ReplayPlan& plan, PointSource& source,
                         const std::function<void(double)>& progress,
                         const std::atomic<bool>& cancelled) {
  ReplayOutcome outcome;
  try {
    auto task = start_task(plan.spec, plan.output_dir, plan.connections);
    ReplayTimeShift shift(plan.zero_ns, plan.recording_time);
    model::Point point;
    uint64_t count = 0;
    while (source.next(point)) {
      if (++count % kProgressEvery == 0) {
        if (cancelled) throw std::runtime_error("replay cancelled");
        progress(source.progress());
      }
      // Every point moves the clock; then the replay's task master forks by (db, rp) as the
      // live one does.
      const auto shifted = shift.next(point.time);
      point.time = shifted.point_time;
      if (plan.clock == ReplayClockKind::Real && !wait_until(shifted.wall_time, cancelled)) {
        throw std::runtime_error("replay cancelled");
      }
      if (!takes(*plan.spec, point)) continue;
      task->push_point(std::move(point));
    }
    // The stream ends: as Kapacitor, windows still open are not flushed.
    task->finish(false);
    outcome.stats = execution_stats(*task);
  } catch (const std::exception& e) {
    outcome.error = e.what();
  }
  return outcome;
}

ReplayOutcome run_batch_replay(
    const ReplayPlan& plan,
    const std::function<std::unique_ptr<BatchSource>(model::GroupKeyInterner&)>& open,
    const std::function<void(double)>& progress, const std::atomic<bool>& cancelled) {
  ReplayOutcome outcome;
  try {
    auto task = start_task(plan.spec, plan.output_dir, plan.connections);
    auto source = open(task->context().interner);
    std::map<size_t, int64_t> shifts;  // per query node: zero - its first point's time
    std::map<size_t, int64_t> last_tmax;
    SourcedBatch sourced;
    while (source->next(sourced)) {
      if (cancelled) throw std::runtime_error("replay cancelled");
      progress(source->progress());
      model::Batch& batch = sourced.batch;
      auto& points = batch.points;
      if (points.empty()) {
        // An empty batch goes through at its own time, or the node's last one.
        if (batch.time == 0) batch.time = last_tmax[sourced.query_index];
        last_tmax[sourced.query_index] = batch.time;
        task->push_batch(sourced.query_index, std::move(batch));
        continue;
      }
      const auto [shift, inserted] =
          shifts.try_emplace(sourced.query_index, plan.zero_ns - points.front().time);
      int64_t last = points.back().time + shift->second;
      if (!plan.recording_time) {
        for (auto& point : points) point.time += shift->second;
        last = points.back().time;
      }
      if (plan.clock == ReplayClockKind::Real && !wait_until(last, cancelled)) {
        throw std::runtime_error("replay cancelled");
      }
      // A recorded batch's tmax stays as recorded; a later last point moves it.
      const int64_t tmax = sourced.recorded_tmax.value_or(batch.time);
      batch.time = std::max(tmax, points.back().time);
      last_tmax[sourced.query_index] = batch.time;
      task->push_batch(sourced.query_index, std::move(batch));
    }
    task->finish(false);
    outcome.stats = execution_stats(*task);
  } catch (const std::exception& e) {
    outcome.error = e.what();
  }
  return outcome;
}

}  // namespace farad::daemon
