#pragma once
// Listing a collection of the API (tasks, templates, recordings, replays) by id pattern, as
// Kapacitor's CLI does for list, delete, enable, disable and reload: the pattern is sent to the
// server and applied again here, pages of 100 are followed.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "cli/client_connection.hpp"

namespace farad::cli {

/// The items of `collection` whose id matches `pattern` (all of them for ""), in the server's
/// order.
std::vector<nlohmann::json> list_items(ClientConnection& connection, const std::string& collection,
                                       const std::string& pattern);

/// An item's API path: its "link" when the server gave one, else built from its id.
std::string item_link(const std::string& collection, const nlohmann::json& item);

/// A string member, "" when absent or not a string.
std::string text_of(const nlohmann::json& item, const char* key);

}  // namespace farad::cli
