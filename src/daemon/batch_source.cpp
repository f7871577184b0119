#include "daemon/batch_source.hpp"

#include <algorithm>
#include <chrono>

#include "batch/batch_query_runner.hpp"
#include "batch/influxdb_query_client.hpp"
#include "batch/query_result.hpp"
#include "io/recording.hpp"

namespace farad::daemon {
namespace {

// Kapacitor replays each query node's entry on a goroutine of its own; farad merges them by
// batch time, ties going to the lower query index, so that a replay is deterministic.
class RecordingBatchSource : public BatchSource {
 public:
  RecordingBatchSource(const std::filesystem::path& path, model::GroupKeyInterner& interner)
      : readers_(io::open_batch_recording(path.string(), interner)), heads_(readers_.size()) {
    for (size_t i = 0; i < readers_.size(); ++i) advance(i);
  }

  bool next(SourcedBatch& out) override {
    std::optional<size_t> earliest;
    for (size_t i = 0; i < heads_.size(); ++i) {
      if (heads_[i] && (!earliest || heads_[i]->batch.time < heads_[*earliest]->batch.time)) {
        earliest = i;
      }
    }
    if (!earliest) return false;
    out.query_index = *earliest;
    out.batch = std::move(heads_[*earliest]->batch);
    out.recorded_tmax = heads_[*earliest]->tmax;
    ++read_;
    advance(*earliest);
    return true;
  }

  double progress() const override {
    const size_t total = read_ + static_cast<size_t>(std::count_if(heads_.begin(), heads_.end(),
                                                                   [](auto& h) { return h; }));
    return total == 0 ? 1.0 : static_cast<double>(read_) / static_cast<double>(total + 1);
  }

 private:
  void advance(size_t i) {
    io::RecordedBatch next;
    heads_[i] = readers_[i].next(next) ? std::optional(std::move(next)) : std::nullopt;
  }

  std::vector<io::BatchRecordingReader> readers_;
  std::vector<std::optional<io::RecordedBatch>> heads_;
  size_t read_ = 0;
};

class LiveBatchSource : public BatchSource {
 public:
  LiveBatchSource(std::vector<batch::QueryPlan> plans, const std::vector<size_t>& indexes,
                  std::shared_ptr<const runtime::Connections> connections, int64_t start,
                  int64_t stop, int64_t now)
      : plans_(std::move(plans)), runner_(std::move(connections)) {
    for (const auto& [index, window] : batch::windows_of_task(plans_, start, stop, now)) {
      if (std::find(indexes.begin(), indexes.end(), index) != indexes.end()) {
        windows_.emplace_back(index, window);
      }
    }
  }

  bool next(SourcedBatch& out) override {
    while (pending_.empty()) {
      if (next_window_ == windows_.size()) return false;
      const auto& [index, window] = windows_[next_window_++];
      batch::WindowBatches fetched = runner_.fetch(plans_[index], index, window);
      if (!fetched.error.empty()) throw std::runtime_error(fetched.error);
      for (auto& batch : fetched.batches) pending_.push_back({index, std::move(batch), {}});
      std::reverse(pending_.begin(), pending_.end());
    }
    out = std::move(pending_.back());
    pending_.pop_back();
    return true;
  }

  double progress() const override {
    return windows_.empty()
               ? 1.0
               : static_cast<double>(next_window_) / static_cast<double>(windows_.size());
  }

 private:
  std::vector<batch::QueryPlan> plans_;
  batch::BatchQueryRunner runner_;
  std::vector<std::pair<size_t, batch::QueryWindow>> windows_;
  size_t next_window_ = 0;
  std::vector<SourcedBatch> pending_;  // reversed: the next batch is at the back
};

class QueryBatchSource : public BatchSource {
 public:
  QueryBatchSource(std::string query, std::string cluster,
                   std::shared_ptr<const runtime::Connections> connections)
      : query_(std::move(query)),
        cluster_(std::move(cluster)),
        connections_(std::move(connections)) {}

  bool next(SourcedBatch& out) override {
    if (!queried_) {
      queried_ = true;
      if (!connections_ || connections_->influxdb.empty()) {
        throw std::runtime_error("InfluxDB not configured, cannot record batch query");
      }
      batch::InfluxQueryClient client(connections_->influxdb_cluster(cluster_));
      // No window bounds the answer: a batch's tmax is its last point's time.
      batches_ = batch::result_batches(client.query(query_), true, 0);
      std::reverse(batches_.begin(), batches_.end());
    }
    if (batches_.empty()) return false;
    out.query_index = 0;
    out.batch = std::move(batches_.back());
    out.recorded_tmax.reset();
    batches_.pop_back();
    return true;
  }

  double progress() const override { return queried_ && batches_.empty() ? 1.0 : 0.0; }

 private:
  std::string query_;
  std::string cluster_;
  std::shared_ptr<const runtime::Connections> connections_;
  bool queried_ = false;
  std::vector<model::Batch> batches_;  // reversed
};

}  // namespace

std::unique_ptr<BatchSource> batch_recording_source(const std::filesystem::path& path,
                                                    model::GroupKeyInterner& interner) {
  return std::make_unique<RecordingBatchSource>(path, interner);
}

std::unique_ptr<BatchSource> live_batch_source(
    std::vector<batch::QueryPlan> plans, std::vector<size_t> query_indexes,
    std::shared_ptr<const runtime::Connections> connections, int64_t start, int64_t stop) {
  const int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  return std::make_unique<LiveBatchSource>(std::move(plans), query_indexes, std::move(connections),
                                           start, stop, now);
}

std::unique_ptr<BatchSource> query_batch_source(
    std::string query, std::string cluster,
    std::shared_ptr<const runtime::Connections> connections) {
  return std::make_unique<QueryBatchSource>(std::move(query), std::move(cluster),
                                            std::move(connections));
}

}  // namespace farad::daemon
