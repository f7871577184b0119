#pragma once
// httpPost: POSTs every point or batch as `{"series":[row]}` JSON and passes it on. Until the
// HTTP sink exists, what would be posted goes to the task's OutputSink as points (a batch as
// its points, named after the batch), and `.codeField()` records 200, the status of a post
// that succeeded. Kapacitor's http_post.go.

#include <string>

#include "runtime/node.hpp"

namespace farad::nodes {

class HttpPostNode : public runtime::Node {
 public:
  HttpPostNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;

 private:
  /// The status code a captured post is taken to have returned.
  static constexpr int64_t kCapturedStatus = 200;

  std::string code_field_;
};

}  // namespace farad::nodes
