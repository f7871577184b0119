#include "batch/batch_query_runner.hpp"

#include <algorithm>

#include "batch/query_result.hpp"
#include "nodes/query.hpp"

namespace farad::batch {

BatchQueryRunner::BatchQueryRunner(std::shared_ptr<const runtime::Connections> connections)
    : connections_(std::move(connections)) {}

BatchQueryRunner::~BatchQueryRunner() = default;

WindowBatches BatchQueryRunner::fetch(const QueryPlan& plan, size_t query_index,
                                      const QueryWindow& window) {
  WindowBatches out;
  out.query_index = query_index;
  out.window = window;
  out.query = plan.text.render(window.start, window.stop);
  try {
    if (!connections_ || connections_->influxdb.empty()) {
      throw std::runtime_error("InfluxDB not configured, cannot query InfluxDB for batch query");
    }
    const runtime::InfluxDBConnection& server = connections_->influxdb_cluster(plan.cluster);
    auto& client = clients_[server.name];
    if (!client) client = std::make_unique<InfluxQueryClient>(server);
    const std::string answer = client->query(out.query);
    out.batches = result_batches(answer, plan.text.grouped_by_time(), window.stop);
  } catch (const std::exception& e) {
    out.error = e.what();
    out.batches.clear();
  }
  return out;
}

namespace {

nodes::QueryNode& query_node(runtime::Task& task, size_t query_index) {
  return dynamic_cast<nodes::QueryNode&>(task.query_node(query_index));
}

}  // namespace

void deliver(runtime::Task& task, WindowBatches&& fetched) {
  nodes::QueryNode& node = query_node(task, fetched.query_index);
  for (model::Batch& batch : fetched.batches) {
    node.count_queried(batch.points.size());
    task.push_batch(fetched.query_index, std::move(batch));
  }
  node.set_last_stop(fetched.window.stop);
}

std::optional<int64_t> last_stop(runtime::Task& task, size_t query_index) {
  return query_node(task, query_index).last_stop();
}

std::vector<std::pair<size_t, QueryWindow>> windows_of_task(const std::vector<QueryPlan>& plans,
                                                            int64_t start, int64_t stop,
                                                            int64_t now) {
  std::vector<std::pair<size_t, QueryWindow>> all;
  for (size_t i = 0; i < plans.size(); ++i) {
    const QueryPlan& plan = plans[i];
    for (const QueryWindow& window :
         windows_between(plan.schedule, plan.period, plan.offset, start, stop, now)) {
      all.emplace_back(i, window);
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.second.tick < b.second.tick; });
  return all;
}

}  // namespace farad::batch
