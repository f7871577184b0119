#pragma once
// Declarations of every runtime node class, one per file in this folder. The registry includes
// this header; a node's own file includes only what it needs.

#include "runtime/node.hpp"

namespace farad::nodes {

/// stream, batch and noOp: pass every message on unchanged.
class PassThroughNode : public runtime::Node {
 public:
  using Node::Node;
  bool takes_compact() const override { return true; }

 protected:
  void on_compact(model::CompactPoint& point, int /*port*/) override { emit_compact(point); }
  void on_point(runtime::PointMessage&& message, int /*port*/) override {
    emit_point(std::move(message));
  }
  void on_batch(model::Batch&& batch, int /*port*/) override { emit_batch(std::move(batch)); }
};

}  // namespace farad::nodes
