#pragma once
// es: writes every point (or every point of a batch) to Elasticsearch as a document. farad's
// own node: Kapacitor has none. Points are shaped by .measurement() and .tag() as influxDBOut
// shapes them.
//
// Without a configured cluster (no connections, as in `farad run` without --config and the
// golden tests), documents go to the task's OutputSink as the points they are made from.
//
// With one, each document (nodes/es_document.hpp) is appended to the node's spool on disk and
// a sender thread takes it from there to the cluster (sinks/es_sender.hpp). Exactly once
// across crashes, by the same argument as fileOut: the checkpoint holds the spool's synced end
// offset, restoring cuts the spool back to it and the replay of the log appends the rest
// again; the checkpoint also holds the acknowledged offset, from which sending resumes.
// Documents sent twice carry the same _id, so Elasticsearch keeps one. docs/sinks.md has the
// details.

#include <memory>
#include <string>

#include "nodes/es_document.hpp"
#include "nodes/point_writer.hpp"

namespace farad::sinks {
class EsSender;
class Spool;
}  // namespace farad::sinks

namespace farad::nodes {

class EsOutNode : public PointWriterNode {
 public:
  /// Throws std::runtime_error when clusters are configured but not the one .cluster() names.
  EsOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context);
  ~EsOutNode() override;

  /// End of input (`farad run`): sends what is spooled and waits for it to be acknowledged.
  void finish(bool flush) override;
  /// Syncs the spool; writes its end and the acknowledged offset.
  void save(runtime::StateWriter& out) const override;
  /// Cuts the spool back to the checkpointed end and resumes sending from the acknowledged one.
  void restore(runtime::StateReader& in) override;
  /// Adds docs_sent, docs_failed, retries and spool_bytes, counted by the sender thread.
  runtime::NodeStats current_stats() const override;

 protected:
  void write(model::Point&& point) override;

 private:
  /// Starts the sender at the first document that needs it (not before a restore).
  void start_sender() const;

  EsDocumentShape document_;
  std::chrono::milliseconds stall_limit_{60000};
  std::shared_ptr<sinks::Spool> spool_;  // null: capture to the OutputSink
  std::unique_ptr<sinks::EsSender> sender_;
  mutable uint64_t send_from_ = 0;
  std::string entry_;  // reused for each document
};

}  // namespace farad::nodes
