// InfluxQL's identifier quoting (influxql.QuoteIdent): dimensions printed into a GROUP BY.
#include <algorithm>
#include <cctype>
#include <string>

#include "batch/query_text.hpp"

namespace farad::batch {
namespace {

// InfluxQL's keywords (lower case, sorted): a bare one would be read as the keyword.
// clang-format off
const std::string_view kKeywords[] = {
    "all", "alter", "analyze", "and", "any", "as", "asc", "begin", "by", "cardinality",
    "continuous", "create", "database", "databases", "default", "delete", "desc", "destinations",
    "diagnostics", "distinct", "drop", "duration", "end", "every", "exact", "explain", "false",
    "field", "for", "from", "grant", "grants", "group", "groups", "in", "inf", "insert", "into",
    "key", "keys", "kill", "limit", "measurement", "measurements", "name", "offset", "on", "or",
    "order", "password", "policies", "policy", "privileges", "queries", "query", "read",
    "replication", "resample", "retention", "revoke", "select", "series", "set", "shard",
    "shards", "show", "slimit", "soffset", "stats", "subscription", "subscriptions", "tag", "to",
    "true", "user", "users", "values", "where", "with", "write",
};
// clang-format on

bool needs_quotes(std::string_view name) {
  if (name.empty()) return true;
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (std::find(std::begin(kKeywords), std::end(kKeywords), lower) != std::end(kKeywords))
    return true;
  const auto plain = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  if (std::isdigit(static_cast<unsigned char>(name.front()))) return true;
  return !std::all_of(name.begin(), name.end(), plain);
}

}  // namespace

std::string quote_identifier(std::string_view name) {
  if (!needs_quotes(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace farad::batch
