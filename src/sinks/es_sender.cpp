#include "sinks/es_sender.hpp"

#include <fmt/format.h>

#include "net/http_client.hpp"
#include "sinks/es_bulk_response.hpp"

namespace farad::sinks {

namespace {

// A bulk body stays well under Elasticsearch's http.max_content_length (100mb by default).
constexpr size_t kMaxBulkBytes = 8 << 20;

std::string excerpt(std::string_view text) {
  constexpr size_t kMax = 300;
  return std::string(text.substr(0, kMax)) + (text.size() > kMax ? "..." : "");
}

}  // namespace

EsSender::EsSender(EsSenderOptions options, std::shared_ptr<Spool> spool, SinkLog log)
    : options_(std::move(options)),
      spool_(std::move(spool)),
      log_(std::move(log)),
      backoff_(RetryPolicy{.initial_delay = options_.cluster.retry_initial,
                           .max_delay = options_.cluster.retry_max,
                           .max_attempts = 0,
                           .jitter = true}) {
  net::TlsOptions tls;
  tls.ca_file = options_.cluster.ca_file;
  client_ = std::make_unique<net::HttpClient>(tls);
  if (options_.batch_size == 0) options_.batch_size = 1;
}

EsSender::~EsSender() {
  stop();
}

void EsSender::start(uint64_t from) {
  if (thread_.joinable()) return;
  acked_.store(from);
  thread_ = std::thread([this] { run(); });
}

void EsSender::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_changed_.notify_all();
  spool_->wake();
  if (thread_.joinable()) thread_.join();
}

void EsSender::flush_now() {
  flush_now_.store(true);
  spool_->wake();
}

bool EsSender::drain(std::chrono::milliseconds stall) {
  flush_now();
  uint64_t last = acked_.load();
  auto last_progress = std::chrono::steady_clock::now();
  while (acked_.load() < spool_->end()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (acked_.load() != last) {
      last = acked_.load();
      last_progress = std::chrono::steady_clock::now();
    } else if (std::chrono::steady_clock::now() - last_progress > stall) {
      return false;
    }
  }
  return true;
}

std::string EsSender::next_url() {
  const auto& urls = options_.cluster.urls;
  if (urls.empty()) return "http://localhost:9200";
  std::string url = urls[url_index_ % urls.size()];
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

bool EsSender::wait_backoff(std::string_view why) {
  ++retries_;
  ++url_index_;  // another node of the cluster may answer
  const auto wait = backoff_.next();
  log_("W", fmt::format("elasticsearch {}: {}; retry {} in {} ms", options_.cluster.name, why,
                        backoff_.failures(), wait.count()));
  std::unique_lock lock(mutex_);
  return !stop_changed_.wait_for(lock, wait, [this] { return stopping_; });
}

void EsSender::run() {
  if (!options_.template_name.empty() && !install_template()) return;
  // When the current partial batch was first seen; max(): there is none.
  auto partial_since = std::chrono::steady_clock::time_point::max();
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    const uint64_t from = acked_.load();
    const SpoolChunk chunk = spool_->read(from, options_.batch_size, kMaxBulkBytes);
    const auto now = std::chrono::steady_clock::now();
    if (chunk.empty()) {
      partial_since = std::chrono::steady_clock::time_point::max();
      spool_->wait_for_data(from, now + std::chrono::seconds(1));
      continue;
    }
    if (chunk.ends.size() < options_.batch_size && chunk.bytes.size() < kMaxBulkBytes &&
        !flush_now_.load()) {
      if (partial_since == std::chrono::steady_clock::time_point::max()) partial_since = now;
      if (now < partial_since + options_.flush_interval) {
        spool_->wait_for_data(chunk.end(), partial_since + options_.flush_interval);
        continue;
      }
    }
    partial_since = std::chrono::steady_clock::time_point::max();
    if (!deliver(chunk)) return;
    acked_.store(chunk.end());
    try {
      spool_->record_acked(chunk.end());
      spool_->release_below(std::min(chunk.end(), checkpointed_.load()));
    } catch (const std::exception& e) {
      log_("E", fmt::format("spool: {}", e.what()));
    }
  }
}

bool EsSender::deliver(const SpoolChunk& chunk) {
  std::vector<size_t> todo(chunk.ends.size());
  for (size_t i = 0; i < todo.size(); ++i) todo[i] = i;
  size_t limit = todo.size();
  while (!todo.empty()) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return false;
    }
    const size_t take = std::min(limit, todo.size());
    net::HttpRequest request;
    request.method = "POST";
    request.url = next_url() + "/_bulk";
    request.headers = {{"Content-Type", "application/x-ndjson"}};
    if (!options_.cluster.api_key.empty()) {
      request.headers.emplace_back("Authorization", "ApiKey " + options_.cluster.api_key);
    }
    request.username = options_.cluster.username;
    request.password = options_.cluster.password;
    request.timeout = options_.cluster.request_timeout;
    request.connect_timeout = options_.cluster.connect_timeout;
    for (size_t i = 0; i < take; ++i) request.body += chunk.entry(todo[i]);

    net::HttpResponse response;
    try {
      response = client_->perform(request);
    } catch (const net::HttpError& e) {
      if (!wait_backoff(fmt::format("bulk of {} documents: {}", take, e.what()))) return false;
      continue;
    }
    switch (classify_bulk_status(response.status)) {
      case BulkRequestOutcome::Retry:
        if (!wait_backoff(fmt::format("bulk of {} documents: HTTP {}: {}", take, response.status,
                                      excerpt(response.body)))) {
          return false;
        }
        continue;
      case BulkRequestOutcome::Split:
        if (take > 1) {
          limit = (take + 1) / 2;
          continue;
        }
        [[fallthrough]];
      case BulkRequestOutcome::Failed:
        for (size_t i = 0; i < take; ++i) {
          dead_letter(chunk.entry(todo[i]), response.status,
                      fmt::format("HTTP {}: {}", response.status, excerpt(response.body)), false);
        }
        log_("E",
             fmt::format("elasticsearch {}: bulk rejected with HTTP {}: {} documents to the "
                         "dead letters: {}",
                         options_.cluster.name, response.status, take, excerpt(response.body)));
        todo.erase(todo.begin(), todo.begin() + static_cast<ptrdiff_t>(take));
        continue;
      case BulkRequestOutcome::Parse:
        break;
    }
    const BulkResponse bulk = parse_bulk_response(response.body, take, options_.action);
    if (!bulk.ok()) {
      if (!wait_backoff(bulk.problem)) return false;
      continue;
    }
    std::vector<size_t> again;
    size_t failed = 0;
    std::string first_retry_error;
    for (size_t i = 0; i < take; ++i) {
      const BulkItemResult& item = bulk.items[i];
      if (item.outcome == BulkItemOutcome::Done) {
        ++docs_sent_;
      } else if (item.outcome == BulkItemOutcome::Retry) {
        if (again.empty()) first_retry_error = fmt::format("{} {}", item.status, item.error);
        again.push_back(todo[i]);
      } else {
        dead_letter(chunk.entry(todo[i]), item.status, item.error, !item.error.empty());
        if (failed++ == 0) {
          log_("E", fmt::format("elasticsearch {}: document rejected with {}: {}",
                                options_.cluster.name, item.status, excerpt(item.error)));
        }
      }
    }
    if (failed > 1) {
      log_("E", fmt::format("elasticsearch {}: {} documents of a bulk went to the dead letters",
                            options_.cluster.name, failed));
    }
    again.insert(again.end(), todo.begin() + static_cast<ptrdiff_t>(take), todo.end());
    const size_t retry_items = again.size() - (todo.size() - take);
    todo = std::move(again);
    if (retry_items > 0) {
      if (!wait_backoff(fmt::format("{} of {} documents not taken ({})", retry_items, take,
                                    excerpt(first_retry_error)))) {
        return false;
      }
    } else {
      backoff_.reset();
    }
  }
  return true;
}

bool EsSender::install_template() {
  for (;;) {
    net::HttpRequest request;
    request.method = "PUT";
    request.url = next_url() + "/_index_template/" + net::url_encode(options_.template_name);
    request.headers = {{"Content-Type", "application/json"}};
    if (!options_.cluster.api_key.empty()) {
      request.headers.emplace_back("Authorization", "ApiKey " + options_.cluster.api_key);
    }
    request.username = options_.cluster.username;
    request.password = options_.cluster.password;
    request.timeout = options_.cluster.request_timeout;
    request.connect_timeout = options_.cluster.connect_timeout;
    request.body = options_.template_body;
    std::string why;
    try {
      const net::HttpResponse response = client_->perform(request);
      const BulkRequestOutcome outcome = classify_bulk_status(response.status);
      if (outcome == BulkRequestOutcome::Parse) {
        backoff_.reset();
        return true;
      }
      why = fmt::format("HTTP {}: {}", response.status, excerpt(response.body));
      if (outcome != BulkRequestOutcome::Retry) {
        log_("E", fmt::format("elasticsearch {}: index template {} refused: {}",
                              options_.cluster.name, options_.template_name, why));
        return true;  // the documents still go out, with dynamic mappings
      }
    } catch (const net::HttpError& e) {
      why = e.what();
    }
    if (!wait_backoff(fmt::format("index template {}: {}", options_.template_name, why))) {
      return false;
    }
  }
}

}  // namespace farad::sinks
