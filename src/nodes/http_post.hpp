#pragma once
// httpPost: POSTs every point or batch as `{"series":[row]}` JSON and passes it on, with the
// status in `.codeField()` (0 when no answer came). With the task's connections, the post goes
// to the URL argument or the `[[httppost]]` endpoint `.endpoint()` names, through a
// sinks::HttpPostSender (retried on 5xx and timeouts). Without connections (`farad run`, the
// golden tests), what would be posted goes to the task's OutputSink as points (a batch as its
// points, named after the batch) and `.codeField()` records 200, the status of a post that
// succeeded. Kapacitor's http_post.go; its Go templates (URL and row templates) are not run.

#include <memory>
#include <string>

#include "runtime/node.hpp"

namespace farad::sinks {
class HttpPostSender;
}

namespace farad::nodes {

class HttpPostNode : public runtime::Node {
 public:
  HttpPostNode(const compile::NodeSpec& spec, runtime::TaskContext& context);
  ~HttpPostNode() override;

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;

 private:
  /// The status code a captured post is taken to have returned.
  static constexpr int64_t kCapturedStatus = 200;

  void connect(const runtime::Connections& connections);
  /// Posts one row; the status for .codeField().
  int64_t post(const runtime::HttpOutSeries& row);

  std::string code_field_;
  std::unique_ptr<sinks::HttpPostSender> sender_;
};

}  // namespace farad::nodes
