#include "server/query_handler.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "server/responses.hpp"

namespace farad::server {
namespace {

std::string_view trim(std::string_view text) {
  const auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

// True when `statement` starts with the words of `phrase` (upper case, single spaces), in any
// case and separated by any blanks.
bool starts_with_words(std::string_view statement, std::string_view phrase) {
  std::size_t i = 0;
  for (std::size_t p = 0; p < phrase.size(); ++p) {
    if (phrase[p] == ' ') {
      if (i >= statement.size() || !std::isspace(static_cast<unsigned char>(statement[i]))) {
        return false;
      }
      while (i < statement.size() && std::isspace(static_cast<unsigned char>(statement[i]))) ++i;
      continue;
    }
    if (i >= statement.size() ||
        std::toupper(static_cast<unsigned char>(statement[i])) != phrase[p]) {
      return false;
    }
    ++i;
  }
  return i == statement.size() || !std::isalnum(static_cast<unsigned char>(statement[i]));
}

// Statements separated by `;` outside quotes.
std::vector<std::string_view> split_statements(std::string_view text) {
  std::vector<std::string_view> statements;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == ';') {
      statements.push_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  statements.push_back(trim(text.substr(start)));
  std::erase_if(statements, [](std::string_view s) { return s.empty(); });
  return statements;
}

// The q parameter from the URL or, for a form-encoded POST, from the body (as Go's FormValue).
std::string query_text(const Request& request) {
  std::string q(request.param("q"));
  if (!q.empty() || request.method != "POST") return q;
  const auto type = request.header("Content-Type");
  if (!type || type->find("application/x-www-form-urlencoded") == std::string_view::npos) return q;
  for (auto& [key, value] : parse_form(request.body)) {
    if (key == "q") return value;
  }
  return q;
}

}  // namespace

Response handle_query(const Request& request) {
  const std::string text = query_text(request);
  const auto statements = split_statements(text);
  if (statements.empty()) return v1_error(400, "missing required parameter \"q\"");

  std::string results;
  for (std::size_t id = 0; id < statements.size(); ++id) {
    const std::string_view statement = statements[id];
    if (!results.empty()) results += ',';
    if (starts_with_words(statement, "CREATE DATABASE")) {
      // Any database is accepted by /write, so creating one has nothing to do.
      results += R"({"statement_id":)" + std::to_string(id) + "}";
    } else if (starts_with_words(statement, "SHOW DATABASES")) {
      // farad keeps no list of databases: the honest answer is an empty one.
      results += R"({"statement_id":)" + std::to_string(id) +
                 R"(,"series":[{"name":"databases","columns":["name"]}]})";
    } else {
      return v1_error(400,
                      "farad is not a database: it answers only CREATE DATABASE (a no-op) "
                      "and SHOW DATABASES on /query; write points to /write");
    }
  }
  return json_response(200, R"({"results":[)" + results + "]}");
}

}  // namespace farad::server
