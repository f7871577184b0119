#include "batch/query_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "expr/go_format.hpp"
#include "io/time_format.hpp"

namespace farad::batch {
namespace {

/// A word at parenthesis depth 0 of the statement: where clauses start.
struct TopWord {
  std::string upper;
  size_t begin = 0;
  size_t end = 0;
};

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

std::string upper(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

size_t skip_quoted(std::string_view text, size_t pos, char quote) {
  for (++pos; pos < text.size(); ++pos) {
    if (text[pos] == '\\') {
      ++pos;
    } else if (text[pos] == quote) {
      return pos + 1;
    }
  }
  throw QueryTextError(std::string("unterminated ") + (quote == '/' ? "regex" : "quoted text") +
                       " in the query");
}

struct Scan {
  std::vector<TopWord> words;
  size_t statement_end = 0;  // before the `;` or the end of the text
};

/// Splits the statement into top-level words; strings, identifiers in quotes, regexes and
/// comments are skipped so that a keyword inside them is not taken for a clause.
Scan scan(std::string_view text) {
  Scan out;
  out.statement_end = text.size();
  int depth = 0;
  bool regex_allowed = false;  // a `/` here starts a regex, not a division
  bool in_from = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++pos;
    } else if (c == '-' && pos + 1 < text.size() && text[pos + 1] == '-') {
      pos = std::min(text.size(), text.find('\n', pos));
    } else if (c == '\'' || c == '"' || (c == '/' && regex_allowed)) {
      pos = skip_quoted(text, pos, c);
      regex_allowed = false;
    } else if (is_word_char(c)) {
      const size_t begin = pos;
      while (pos < text.size() && is_word_char(text[pos])) ++pos;
      const std::string word = upper(text.substr(begin, pos - begin));
      if (depth == 0) {
        out.words.push_back({word, begin, pos});
        if (word == "FROM") in_from = true;
        if (word == "WHERE" || word == "GROUP" || word == "ORDER" || word == "LIMIT") {
          in_from = false;
        }
      }
      regex_allowed = depth == 0 && word == "FROM";
    } else if (c == ';' && depth == 0) {
      out.statement_end = pos;
      const auto rest = text.substr(pos + 1);
      const bool more = std::any_of(rest.begin(), rest.end(), [](char r) {
        return std::isspace(static_cast<unsigned char>(r)) == 0 && r != ';';
      });
      if (more) throw QueryTextError("query must be a single select statement");
      break;
    } else {
      if (c == '(') ++depth;
      if (c == ')') --depth;
      const bool match_op = (c == '=' || c == '!') && pos + 1 < text.size() && text[pos + 1] == '~';
      regex_allowed = match_op || (in_from && depth == 0 && (c == ',' || c == '.'));
      pos += match_op ? 2 : 1;
    }
  }
  if (depth != 0) throw QueryTextError("unbalanced parentheses in the query");
  return out;
}

char next_non_space(std::string_view text, size_t pos) {
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos])) != 0) ++pos;
  return pos < text.size() ? text[pos] : '\0';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

enum class Clause { Where, GroupBy, Fill, Tail };

std::string fill_text(const FillOption& fill) {
  if (const auto* keyword = std::get_if<std::string>(&fill)) {
    if (*keyword == "null") return "";  // InfluxQL's default fill prints nothing
    if (*keyword == "none" || *keyword == "previous" || *keyword == "linear") {
      return " fill(" + *keyword + ")";
    }
    throw QueryTextError("unexpected fill option " + *keyword);
  }
  if (const auto* integer = std::get_if<int64_t>(&fill)) {
    return " fill(" + std::to_string(*integer) + ")";
  }
  return " fill(" + expr::go::format_float_v(std::get<double>(fill)) + ")";
}

}  // namespace

QueryText::QueryText(std::string_view text, GroupByDimensions dimensions, FillOption fill,
                     bool align_group)
    : dimensions_(std::move(dimensions)), align_group_(align_group) {
  const Scan words = scan(text);
  if (words.words.empty() || words.words.front().upper != "SELECT" ||
      words.words.front().begin != text.find_first_not_of(" \t\r\n")) {
    throw QueryTextError("query is not a select statement");
  }
  const auto from = std::find_if(words.words.begin(), words.words.end(),
                                 [](const TopWord& w) { return w.upper == "FROM"; });
  if (from == words.words.end()) throw QueryTextError("query has no FROM clause");
  // The clauses after the sources, each with where it begins.
  std::vector<std::pair<Clause, size_t>> clauses;
  for (auto it = from + 1; it != words.words.end(); ++it) {
    const std::string& w = it->upper;
    const bool call = next_non_space(text, it->end) == '(';
    if (w == "WHERE") clauses.emplace_back(Clause::Where, it->begin);
    if (w == "GROUP" && it + 1 != words.words.end() && (it + 1)->upper == "BY") {
      clauses.emplace_back(Clause::GroupBy, it->begin);
    }
    if (w == "FILL" && call) clauses.emplace_back(Clause::Fill, it->begin);
    if (w == "ORDER" || w == "LIMIT" || w == "OFFSET" || w == "SLIMIT" || w == "SOFFSET" ||
        (w == "TZ" && call)) {
      clauses.emplace_back(Clause::Tail, it->begin);
      break;  // the rest of the statement is kept as it is
    }
  }
  const size_t end = words.statement_end;
  head_ = trim(text.substr(0, clauses.empty() ? end : clauses.front().second));
  for (size_t i = 0; i < clauses.size(); ++i) {
    const size_t begin = clauses[i].second;
    const size_t stop = i + 1 < clauses.size() ? clauses[i + 1].second : end;
    const std::string_view body = trim(text.substr(begin, stop - begin));
    switch (clauses[i].first) {
      case Clause::Where:
        condition_ = trim(body.substr(5));
        break;
      case Clause::GroupBy:
        break;  // always replaced by .groupBy()
      case Clause::Fill:
        fill_ = " " + std::string(body);
        break;
      case Clause::Tail:
        tail_ = body;
        break;
    }
  }
  if (!std::holds_alternative<std::monostate>(fill)) fill_ = fill_text(fill);
}

std::string QueryText::render(int64_t start, int64_t stop) const {
  std::string out = head_;
  out += " WHERE ";
  // Kapacitor ANDs its time range after the condition without parentheses, as influxql
  // prints a BinaryExpr; the same text keeps InfluxDB's reading of it the same.
  if (!condition_.empty()) out += condition_ + " AND ";
  out += "time >= '" + io::format_rfc3339_nano(start) + "' AND time < '" +
         io::format_rfc3339_nano(stop) + "'";
  std::vector<std::string> dims;
  for (const auto& tag : dimensions_.tags) dims.push_back(tag == "*" ? tag : quote_identifier(tag));
  if (dimensions_.time_length) {
    const int64_t length = *dimensions_.time_length;
    // .alignGroup(): buckets start at the query start (its offset from the epoch).
    const int64_t offset = align_group_ && length != 0 ? start % length : dimensions_.time_offset;
    const std::string time = "time(" + expr::go::format_influxql_duration(length) + ", " +
                             expr::go::format_influxql_duration(offset) + ")";
    dims.insert(dims.begin() +
                    static_cast<std::ptrdiff_t>(std::min(dimensions_.time_position, dims.size())),
                time);
  }
  if (!dims.empty()) {
    out += " GROUP BY ";
    for (size_t i = 0; i < dims.size(); ++i) out += (i ? ", " : "") + dims[i];
  }
  out += fill_;
  if (!tail_.empty()) out += " " + tail_;
  return out;
}

}  // namespace farad::batch
