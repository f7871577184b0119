#pragma once
// What es() sends for a point: the bulk action line and the document (docs/sinks.md is the
// contract). The _id is deterministic, the SHA-256 (hex) of task, node, measurement, tags and
// time joined by NUL bytes, so a resend, a replay or a recovery overwrites the same document
// (or, with `create`, gets a 409 that counts as done) instead of adding a second one.

#include <cstdint>
#include <string>
#include <string_view>

#include "compile/task_spec.hpp"
#include "model/point.hpp"

namespace farad::nodes {

struct EsDocumentShape {
  std::string index = "farad-%Y.%m.%d";
  std::string action = "index";
  std::string timestamp_field = "@timestamp";
  bool timestamp_millis = false;                  ///< epoch milliseconds instead of RFC 3339
  std::string measurement_field = "measurement";  ///< empty: not written
  std::string tags_field;    ///< empty: tags at the top level; else an object of that name
  std::string fields_field;  ///< the same for fields

  /// Reads the es() node's properties; unset ones keep the defaults above.
  static EsDocumentShape from_spec(const compile::NodeSpec& spec);
};

/// The document's _id: lower-case hex SHA-256 of
/// task NUL node NUL measurement (NUL tag-key NUL tag-value)... NUL time-in-ns (decimal).
std::string es_document_id(std::string_view task, std::string_view node, const model::Point& point);

/// `pattern` with %Y %y %m %d %H %V (ISO week) and %% replaced from `time_ns` in UTC.
std::string es_index_name(std::string_view pattern, int64_t time_ns);

/// Appends the action line and the document line, each ending with '\n'. Returns the number of
/// fields left out (NaN and infinities, which JSON cannot hold).
size_t append_es_entry(std::string& out, const EsDocumentShape& shape, std::string_view task,
                       std::string_view node, const model::Point& point);

/// The composable index template es().template(name) installs: the index pattern's prefix up
/// to its first % followed by *, strings as keyword, every number as double, the timestamp as
/// date.
std::string es_index_template(const EsDocumentShape& shape);

}  // namespace farad::nodes
