#pragma once
// kapacitorLoopback: writes every point back into the server's own stream as
// `.database()`/`.retentionPolicy()`, renamed by `.measurement()`, with `.tag()`s added. Until
// the server loop exists, the points go to the task's OutputSink. Kapacitor's
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
  std::string database_;
  std::string retention_policy_;
  std::string measurement_;
  model::Tags tags_;
};

}  // namespace farad::nodes
