#include "nodes/es_out.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "sinks/es_sender.hpp"
#include "sinks/spool.hpp"
#include "sinks/spool_dirs.hpp"

namespace farad::nodes {

namespace {

constexpr uint64_t kStateVersion = 1;

const runtime::ElasticsearchConnection* find_cluster(const runtime::TaskContext& context,
                                                     const compile::NodeSpec& spec) {
  if (!context.connections || context.connections->elasticsearch.empty()) return nullptr;
  const auto& clusters = context.connections->elasticsearch;
  const std::string name = spec.text("cluster");
  if (name.empty()) return &clusters.front();
  for (const auto& cluster : clusters) {
    if (cluster.name == name) return &cluster;
  }
  throw std::runtime_error(
      fmt::format("{}: no [[elasticsearch]] cluster named '{}' is configured", spec.name, name));
}

void set_counter(runtime::NodeStats& stats, std::string_view name, uint64_t value) {
  for (auto& [key, current] : stats.counters) {
    if (key == name) {
      current = value;
      return;
    }
  }
  stats.counters.emplace_back(std::string(name), value);
}

}  // namespace

EsOutNode::EsOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : PointWriterNode(spec, context), document_(EsDocumentShape::from_spec(spec)) {
  const runtime::ElasticsearchConnection* cluster = find_cluster(context, spec);
  if (cluster == nullptr) return;
  if (cluster->spool_dir.empty()) {
    throw std::runtime_error(
        fmt::format("{}: cluster {} has no spool directory", spec.name, cluster->name));
  }
  const std::filesystem::path dir = sinks::es_spool_dir(*cluster, context.spec.name, spec.name);
  spool_ = std::make_shared<sinks::Spool>(dir, 2, cluster->spool_limit);
  sinks::EsSenderOptions options;
  options.cluster = *cluster;
  options.action = document_.action;
  if (const compile::Value* size = spec.property("batchSize")) {
    options.batch_size = static_cast<size_t>(std::max<int64_t>(1, size->integer));
  }
  if (const compile::Value* interval = spec.property("flushInterval")) {
    options.flush_interval = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::nanoseconds(interval->integer));
  }
  options.dead_letter_path = dir / "dead-letter.ndjson";
  options.template_name = spec.text("template");
  if (!options.template_name.empty()) options.template_body = es_index_template(document_);
  stall_limit_ = 2 * cluster->request_timeout;
  // The sender outlives no task: the node joins it before the context goes.
  sender_ = std::make_unique<sinks::EsSender>(
      std::move(options), spool_,
      [log = context.log, node = spec.name](std::string_view level, std::string_view text) {
        if (log) log(node, level, text);
      });
  // A fresh start (no checkpoint): the spool is as a previous run left it.
  send_from_ = std::max(spool_->begin(), std::min(spool_->recorded_acked(), spool_->end()));
  for (const char* counter : {"docs_sent", "docs_failed", "retries", "spool_bytes"}) {
    count(counter, 0);
  }
}

EsOutNode::~EsOutNode() {
  if (sender_) sender_->stop();
}

void EsOutNode::start_sender() const {
  if (sender_ && !sender_->started()) sender_->start(send_from_);
}

void EsOutNode::write(model::Point&& point) {
  if (!spool_) {
    PointWriterNode::write(std::move(point));
    return;
  }
  entry_.clear();
  if (const size_t omitted =
          append_es_entry(entry_, document_, context_.spec.name, name(), point)) {
    count("fields_omitted", omitted);
  }
  try {
    if (!spool_->append(entry_)) {
      count("docs_dropped");
      error(fmt::format("the spool is full ({} bytes): a document of {} is dropped",
                        spool_->disk_bytes(), point.name));
      return;
    }
  } catch (const std::exception& e) {
    count("docs_dropped");
    error(fmt::format("cannot spool a document of {}: {}", point.name, e.what()));
    return;
  }
  start_sender();
}

void EsOutNode::finish(bool flush) {
  PointWriterNode::finish(flush);
  if (!spool_) return;
  spool_->sync();
  start_sender();
  if (!sender_->drain(stall_limit_)) {
    error(
        fmt::format("{} bytes of documents are not acknowledged yet; they stay in {} and go "
                    "out with the next run",
                    spool_->end() - sender_->acked(), spool_->dir().string()));
  }
}

void EsOutNode::save(runtime::StateWriter& out) const {
  if (!spool_) return;
  spool_->sync();
  const uint64_t end = spool_->end();
  const uint64_t acked = sender_->started() ? sender_->acked() : send_from_;
  out.u64(kStateVersion);
  out.u64(end);
  out.u64(std::min(acked, end));
  sender_->set_checkpointed(end);
}

void EsOutNode::restore(runtime::StateReader& in) {
  if (!spool_ || in.done()) return;  // saved without a cluster: the spool stays as it is
  const uint64_t version = in.u64();
  if (version != kStateVersion) {
    throw runtime::StateError(fmt::format("{}: unknown state version {}", name(), version));
  }
  const uint64_t end = in.u64();
  const uint64_t acked = in.u64();
  if (spool_->end() < end) {
    error(
        fmt::format("the spool in {} ends at {}, before the checkpoint's {}: it was cut by "
                    "hand, what it held is not sent",
                    spool_->dir().string(), spool_->end(), end));
  }
  // Documents after the checkpoint are produced again by the replay, with the same _id.
  spool_->cut_back(end);
  // Entries before `end` are the same as before the crash: what the sender recorded as
  // delivered after the checkpoint is still delivered.
  send_from_ = std::min(std::max(acked, spool_->recorded_acked()), end);
  spool_->record_acked(send_from_);  // what follows `end` is written anew
  sender_->set_checkpointed(end);
  start_sender();
}

runtime::NodeStats EsOutNode::current_stats() const {
  runtime::NodeStats stats = stats_;
  if (!sender_) return stats;
  set_counter(stats, "docs_sent", sender_->docs_sent());
  set_counter(stats, "docs_failed", sender_->docs_failed());
  set_counter(stats, "retries", sender_->retries());
  set_counter(stats, "spool_bytes", spool_->disk_bytes());
  return stats;
}

}  // namespace farad::nodes
