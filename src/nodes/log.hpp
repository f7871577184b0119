#pragma once
// log: writes every point, and every batch (begin, each point, end), to the task log at
// `level` with `prefix`, and passes the data on unchanged. Kapacitor's log.go; the line
// carries Kapacitor's keys (prefix, name, db, rp, group, dimension, tag_*, field_*, time).

#include <string>

#include "runtime/node.hpp"

namespace farad::nodes {

class LogNode : public runtime::Node {
 public:
  LogNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;

 private:
  void write(std::string_view message, const model::Tags& tags, const model::Fields* fields,
             int64_t time, std::string_view extra);

  std::string level_;  // the task log's level letter: D, I or E
  std::string prefix_;
};

}  // namespace farad::nodes
