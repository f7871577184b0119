#include "sinks/http_post_sender.hpp"

#include <algorithm>
#include <cctype>
#include <thread>

namespace farad::sinks {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

/// Go's Header.Set: replaces every header of that name.
void set_header(net::Headers& headers, const std::string& name, const std::string& value) {
  std::erase_if(headers, [&](const auto& header) { return same_name(header.first, name); });
  headers.emplace_back(name, value);
}

}  // namespace

HttpPostSender::HttpPostSender(HttpPostTarget target, RetryPolicy retry)
    : target_(std::move(target)), retry_(retry) {}

RetryPolicy HttpPostSender::default_retry() {
  RetryPolicy retry;
  retry.initial_delay = std::chrono::milliseconds(250);
  retry.max_delay = std::chrono::milliseconds(2000);
  retry.max_attempts = 3;
  return retry;
}

net::HttpRequest HttpPostSender::request(const std::string& body, std::string_view content_type,
                                         std::string_view url) const {
  net::HttpRequest request;
  request.method = "POST";
  request.url = url.empty() ? target_.url : std::string(url);
  request.body = body;
  request.headers = target_.endpoint_headers;
  if (!content_type.empty()) set_header(request.headers, "Content-Type", std::string(content_type));
  for (const auto& [name, value] : target_.node_headers) set_header(request.headers, name, value);
  // An empty value keeps libcurl from adding its form content type to a body Go sends bare.
  const bool typed =
      std::any_of(request.headers.begin(), request.headers.end(),
                  [](const auto& header) { return same_name(header.first, "Content-Type"); });
  if (!typed) request.headers.emplace_back("Content-Type", "");
  request.username = target_.username;
  request.password = target_.password;
  request.timeout = target_.timeout;
  if (target_.timeout.count() > 0) request.connect_timeout = target_.timeout;
  return request;
}

HttpPostResult HttpPostSender::post(const std::string& body, std::string_view content_type,
                                    std::string_view url) {
  const net::HttpRequest prepared = request(body, content_type, url);
  HttpPostResult result;
  for (;;) {
    ++result.attempts;
    SendOutcome outcome = SendOutcome::Retry;
    try {
      const net::HttpResponse response = client_.perform(prepared);
      result.status = response.status;
      outcome = classify_status(response.status);
      if (outcome == SendOutcome::Sent) {
        result.error.clear();
        return result;
      }
      result.error = target_.capture_response
                         ? response.body
                         : "unknown error, use .captureResponse() to capture the HTTP response";
    } catch (const net::HttpError& e) {
      result.status = 0;
      result.error = e.what();
    }
    if (outcome == SendOutcome::Drop || !retry_.may_retry(result.attempts)) return result;
    std::this_thread::sleep_for(retry_.delay_after(result.attempts));
  }
}

}  // namespace farad::sinks
