#pragma once
// trickle: turns each batch into stream points, one per batch point, named after the batch,
// with the point's own tags and fields, in the batch's grouping (dimensions), and no database
// or retention policy. Kapacitor's trickle.go.

#include "runtime/node.hpp"

namespace farad::nodes {

class TrickleNode : public runtime::Node {
 public:
  using Node::Node;

 protected:
  void on_point(runtime::PointMessage&& message, int /*port*/) override {
    emit_point(std::move(message));
  }
  void on_batch(model::Batch&& batch, int port) override;
};

}  // namespace farad::nodes
