#pragma once
// kapacitorLoopback: writes every point back into the server's own stream as
// `.database()`/`.retentionPolicy()`, renamed by `.measurement()`, with `.tag()`s added: in
// `farad serve`, through the connections' loopback into the daemon's log and queue (a loop onto
// one of the task's own dbrps is refused at start, as Kapacitor does); without connections,
// the points go to the task's OutputSink. Kapacitor's
// kapacitor_loopback.go, quirk included: batch points keep the batch name (`.measurement()`
// applies to stream points only) and take the database and retention policy as set, even
// when empty.

#include <string>

#include "runtime/node.hpp"

namespace farad::nodes {

class KapacitorLoopbackNode : public runtime::Node {
 public:
  KapacitorLoopbackNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;

 private:
  /// To the loopback when there is one, else to the OutputSink.
  void send(const model::Point& point);

  runtime::LoopbackWrite loopback_;
  std::string database_;
  std::string retention_policy_;
  std::string measurement_;
  model::Tags tags_;
};

}  // namespace farad::nodes
