#include "sinks/es_bulk_response.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace farad::sinks {

BulkRequestOutcome classify_bulk_status(long status) {
  if (status >= 200 && status < 300) return BulkRequestOutcome::Parse;
  if (status == 413) return BulkRequestOutcome::Split;
  if (status == 429 || status >= 500 || status == 408 || status == 401 || status == 403) {
    return BulkRequestOutcome::Retry;
  }
  return BulkRequestOutcome::Failed;
}

BulkItemOutcome classify_bulk_item(int status, std::string_view action) {
  if (status >= 200 && status < 300) return BulkItemOutcome::Done;
  if (status == 409 && action == "create") return BulkItemOutcome::Done;
  if (status == 429 || status >= 500) return BulkItemOutcome::Retry;
  return BulkItemOutcome::Failed;
}

BulkResponse parse_bulk_response(std::string_view body, size_t expected, std::string_view action) {
  BulkResponse response;
  const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    response.problem = "the bulk response is not a JSON object";
    return response;
  }
  const auto items = doc.find("items");
  if (items == doc.end() || !items->is_array() || items->size() != expected) {
    response.problem =
        fmt::format("the bulk response has {} items for {} documents",
                    items == doc.end() || !items->is_array() ? 0 : items->size(), expected);
    return response;
  }
  for (const auto& item : *items) {
    BulkItemResult result;
    // {"index": {...}}: one member named after the action.
    const nlohmann::json* inner =
        item.is_object() && item.size() == 1 ? &item.begin().value() : nullptr;
    const auto status = inner && inner->is_object() ? inner->find("status") : item.end();
    if (!inner || !inner->is_object() || status == inner->end() || !status->is_number_integer()) {
      result.outcome = BulkItemOutcome::Retry;
      result.error = "an item of the bulk response has no status";
    } else {
      result.status = status->get<int>();
      result.outcome = classify_bulk_item(result.status, action);
      if (const auto error = inner->find("error"); error != inner->end()) {
        result.error = error->dump();
      }
    }
    response.items.push_back(std::move(result));
  }
  return response;
}

}  // namespace farad::sinks
