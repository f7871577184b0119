#pragma once
// The database and retention policy a query reads, from its FROM clause, as Kapacitor's
// `record query -type stream` needs them: the points it records carry them, so the query must
// name one fully qualified measurement ("db"."rp"."m").

#include <optional>
#include <string>
#include <string_view>

namespace farad::batch {

struct QuerySource {
  std::string database;
  std::string retention_policy;
  std::string measurement;
};

/// The single source of `query`'s FROM clause when it is a measurement with a database and a
/// retention policy; nullopt otherwise (no FROM, several sources, a regex, a subquery, or a
/// database or retention policy left out).
std::optional<QuerySource> fully_qualified_source(std::string_view query);

}  // namespace farad::batch
