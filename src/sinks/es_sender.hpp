#pragma once
// The thread that takes an es() node's documents from its spool to Elasticsearch: _bulk
// requests of up to `batch_size` documents (a partial batch after `flush_interval`), each
// answer judged item by item (es_bulk_response.hpp). Retryable failures (transport errors,
// timeouts, 429, 5xx, per request or per item) are sent again after an exponential backoff
// with jitter, for as long as it takes, each retry counted and logged; final rejections go to
// the dead-letter file with their reason and are counted. The acknowledged offset only moves
// past a batch once every document of it is stored or dead-lettered.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "runtime/connections.hpp"
#include "sinks/retry_policy.hpp"
#include "sinks/spool.hpp"

namespace farad::net {
class HttpClient;
}

namespace farad::sinks {

struct EsSenderOptions {
  runtime::ElasticsearchConnection cluster;
  std::string action = "index";  ///< the bulk action of the spooled documents
  size_t batch_size = 1000;
  std::chrono::milliseconds flush_interval{10000};
  std::filesystem::path dead_letter_path;
  /// PUT /_index_template/<template_name> with `template_body` before the first bulk.
  std::string template_name;
  std::string template_body;
};

/// Logs a line at level "E", "W" or "I"; called from the sender thread.
using SinkLog = std::function<void(std::string_view level, std::string_view text)>;

class EsSender {
 public:
  EsSender(EsSenderOptions options, std::shared_ptr<Spool> spool, SinkLog log);
  ~EsSender();  ///< stop()
  EsSender(const EsSender&) = delete;
  EsSender& operator=(const EsSender&) = delete;

  /// Starts the thread, sending from spool offset `from`.
  void start(uint64_t from);
  bool started() const { return thread_.joinable(); }
  /// Stops after the request in flight (what it carried is sent again next time).
  void stop();
  /// From now on a partial batch is sent at once (end of input).
  void flush_now();
  /// Waits until every spooled document is acknowledged; false when nothing was acknowledged
  /// for `stall`.
  bool drain(std::chrono::milliseconds stall);

  /// Spool offset up to which every document is stored or dead-lettered.
  uint64_t acked() const { return acked_.load(); }
  /// Offset of the spool's end at the last checkpoint: acknowledged segments below it may go.
  void set_checkpointed(uint64_t end) { checkpointed_.store(end); }

  uint64_t docs_sent() const { return docs_sent_.load(); }
  uint64_t docs_failed() const { return docs_failed_.load(); }
  uint64_t retries() const { return retries_.load(); }

 private:
  void run();
  /// Sends one chunk until each document is stored or dead-lettered; false when stopped.
  bool deliver(const SpoolChunk& chunk);
  bool install_template();
  /// Waits the next backoff; false when stopped meanwhile.
  bool wait_backoff(std::string_view why);
  /// Appends the document to the dead-letter file; `error` is JSON text or plain text.
  void dead_letter(std::string_view entry, long status, std::string_view error, bool error_is_json);
  std::string next_url();

  EsSenderOptions options_;
  std::shared_ptr<Spool> spool_;
  SinkLog log_;
  std::unique_ptr<net::HttpClient> client_;
  size_t url_index_ = 0;
  RetryBackoff backoff_;

  std::atomic<uint64_t> acked_{0};
  std::atomic<uint64_t> checkpointed_{0};
  std::atomic<uint64_t> docs_sent_{0};
  std::atomic<uint64_t> docs_failed_{0};
  std::atomic<uint64_t> retries_{0};
  std::atomic<bool> flush_now_{false};

  std::mutex mutex_;
  std::condition_variable stop_changed_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace farad::sinks
