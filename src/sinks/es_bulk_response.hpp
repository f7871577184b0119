#pragma once
// Elasticsearch's _bulk answer, judged. The HTTP status of a bulk is 200 even when items fail:
// each item of `items` (in request order) has its own status. 2xx is done, and so is 409 to a
// `create` (the document with that _id is already there: a resend). 429 (rejected, queues
// full) and 5xx are worth retrying; any other status is final and goes to the dead letters.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace farad::sinks {

enum class BulkItemOutcome { Done, Retry, Failed };

struct BulkItemResult {
  BulkItemOutcome outcome = BulkItemOutcome::Done;
  int status = 0;
  std::string error;  ///< the item's `error` as compact JSON (or a description); empty if none
};

struct BulkResponse {
  std::vector<BulkItemResult> items;
  std::string problem;  ///< why the body is unusable (not JSON, items missing); empty if fine
  bool ok() const { return problem.empty(); }
};

/// Reads the body of a 200 answer to a bulk of `expected` items of action `action`.
BulkResponse parse_bulk_response(std::string_view body, size_t expected, std::string_view action);

enum class BulkRequestOutcome {
  Parse,  ///< 2xx: read the items
  Retry,  ///< 429, 5xx, 408 and the auth failures 401/403 (fixed by an operator, not the data)
  Split,  ///< 413: the body is too large; send fewer documents at a time
  Failed  ///< any other status: the documents are rejected as a whole
};

/// What to do with the whole request after HTTP status `status`.
BulkRequestOutcome classify_bulk_status(long status);

/// What to do with one item of status `status` for action `action`.
BulkItemOutcome classify_bulk_item(int status, std::string_view action);

}  // namespace farad::sinks
