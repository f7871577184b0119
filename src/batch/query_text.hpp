#pragma once
// The InfluxQL text of a batch query, rewritten for one window as Kapacitor's query.go does:
// `time >= start AND time < stop` ANDed after the query's own WHERE condition, the GROUP BY
// replaced by the node's `.groupBy()` dimensions (removed when there are none), and the fill
// replaced by `.fill()` when it is set. Kapacitor re-prints a parsed statement; farad keeps the
// user's text for the other clauses and splices the new ones in, which InfluxDB reads the same.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace farad::batch {

/// A query text that is not a single SELECT statement.
struct QueryTextError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// `.groupBy()` dimensions: tag names, `*`, and at most one `time(length[, offset])`.
struct GroupByDimensions {
  std::vector<std::string> tags;  ///< in script order; "*" is the wildcard
  /// Where the time dimension sits among the tags (its index in the printed list).
  size_t time_position = 0;
  std::optional<int64_t> time_length;  ///< nanoseconds; nullopt: not grouped by time
  int64_t time_offset = 0;
};

/// `.fill()`: a keyword ('null', 'none', 'previous', 'linear') or a number.
using FillOption = std::variant<std::monostate, std::string, int64_t, double>;

/// The rewritten query's parts, split once from the user's text.
class QueryText {
 public:
  /// Throws QueryTextError when `text` is not one SELECT statement, or for a bad fill option.
  QueryText(std::string_view text, GroupByDimensions dimensions, FillOption fill, bool align_group);

  /// The statement for the window [start, stop) (nanoseconds since the epoch).
  std::string render(int64_t start, int64_t stop) const;

  bool grouped_by_time() const { return dimensions_.time_length.has_value(); }
  /// The text between SELECT ... FROM and the first clause that follows the sources.
  const std::string& head() const { return head_; }

 private:
  std::string head_;       // SELECT ... FROM sources (INTO included)
  std::string condition_;  // the WHERE condition, without WHERE; empty when none
  std::string fill_;       // " fill(...)" to print, or empty
  std::string tail_;       // ORDER BY / LIMIT / OFFSET / SLIMIT / SOFFSET / tz(), or empty
  GroupByDimensions dimensions_;
  bool align_group_ = false;
};

/// `name` as InfluxQL prints an identifier: bare when it is a plain word and not a keyword,
/// double-quoted with `\` and `"` escaped otherwise.
std::string quote_identifier(std::string_view name);

}  // namespace farad::batch
