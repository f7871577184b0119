#include "server/http_types.hpp"

#include <algorithm>
#include <cctype>

namespace farad::server {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding; `+` is a space in form encoding. A malformed escape is kept as it is
// (Go rejects the whole query; a lenient reading loses nothing a client meant).
std::string decode_component(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return out;
}

}  // namespace

std::optional<std::string_view> find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (equal_ignoring_case(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::string_view Request::param(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return {};
}

void Response::set_header(std::string_view name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (equal_ignoring_case(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

std::vector<std::pair<std::string, std::string>> parse_form(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view part = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      pairs.emplace_back(decode_component(part, true), std::string());
    } else {
      pairs.emplace_back(decode_component(part.substr(0, eq), true),
                         decode_component(part.substr(eq + 1), true));
    }
  }
  return pairs;
}

void set_target(Request& request, std::string_view target) {
  const std::size_t question = target.find('?');
  request.path = decode_component(target.substr(0, question), false);
  request.query = question == std::string_view::npos
                      ? std::vector<std::pair<std::string, std::string>>{}
                      : parse_form(target.substr(question + 1));
}

Request make_request(std::string method, std::string_view target, std::string body,
                     Headers headers) {
  Request request;
  request.method = std::move(method);
  set_target(request, target);
  request.headers = std::move(headers);
  request.body = std::move(body);
  return request;
}

}  // namespace farad::server
