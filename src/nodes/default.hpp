#pragma once
// default: sets fields that are absent (`.field(name, value)`) and tags that are absent or
// empty (`.tag(name, value)`). A batch gets its header tags defaulted too, which adds them to
// its dimensions; a stream point whose defaulted tag is a dimension changes group.
// Kapacitor's default.go.

#include <string>
#include <vector>

#include "model/point.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class DefaultNode : public runtime::Node {
 public:
  DefaultNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;

 private:
  void default_fields(model::Fields& fields) const;
  /// True when a tag was set.
  bool default_tags(model::Tags& tags) const;

  model::Fields fields_;
  model::Tags tags_;
};

}  // namespace farad::nodes
