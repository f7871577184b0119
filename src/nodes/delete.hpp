#pragma once
// delete: removes fields (`.field(name)`) and tags (`.tag(name)`). A stream point also leaves
// the deleted tags out of its group's dimensions; a batch header loses the tags and its
// dimensions become the remaining tag names. Kapacitor's delete.go.

#include <string>
#include <vector>

#include "runtime/node.hpp"

namespace farad::nodes {

class DeleteNode : public runtime::Node {
 public:
  DeleteNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;

 private:
  bool is_deleted_tag(const std::string& name) const;
  void delete_from(model::Fields& fields) const;
  /// True when a tag was removed.
  bool delete_from(model::Tags& tags) const;

  std::vector<std::string> fields_;
  std::vector<std::string> tags_;
};

}  // namespace farad::nodes
