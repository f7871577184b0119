#pragma once
// httpPost: POSTs every point or batch as `{"series":[row]}` JSON and passes it on, with the
// status in `.codeField()` (0 when no answer came). With the task's connections, the post goes
// to the URL argument or the `[[httppost]]` endpoint `.endpoint()` names, through a
// sinks::HttpPostSender (retried on 5xx and timeouts). As in Kapacitor's http_post.go, both
// URLs are Go templates run with the row (sinks/http_post_row.hpp), and an endpoint's
// row-template, when it has one, renders the body instead of the JSON, sent without a content
// type. Without connections (`farad run`, the golden tests), what would be posted goes to the
// task's OutputSink as points (a batch as its points, named after the batch), templates are not
// run, and `.codeField()` records 200, the status of a post that succeeded.

#include <memory>
#include <string>

#include "runtime/node.hpp"

namespace farad::sinks {
class GoTemplate;
class HttpPostSender;
}  // namespace farad::sinks

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
  std::unique_ptr<sinks::GoTemplate> url_template_;  ///< null when the URL has no actions
  std::unique_ptr<sinks::GoTemplate> row_template_;  ///< null: the body is the row as JSON
};

}  // namespace farad::nodes
