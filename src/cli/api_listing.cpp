#include "cli/api_listing.hpp"

#include <nlohmann/json.hpp>

#include "cli/id_glob.hpp"
#include "net/http_client.hpp"

namespace farad::cli {
namespace {

constexpr size_t kPageSize = 100;  // Kapacitor's CLI pages by 100

}  // namespace

std::string text_of(const nlohmann::json& item, const char* key) {
  if (!item.is_object()) return {};
  auto it = item.find(key);
  return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<nlohmann::json> list_items(ClientConnection& connection, const std::string& collection,
                                       const std::string& pattern) {
  glob_match(pattern, "");  // a malformed pattern fails before any request
  std::vector<nlohmann::json> out;
  std::string previous_first_id;
  for (size_t offset = 0;; offset += kPageSize) {
    const std::string path =
        "/kapacitor/v1/" + collection + "?pattern=" + net::url_encode(pattern) +
        "&offset=" + std::to_string(offset) + "&limit=" + std::to_string(kPageSize);
    const nlohmann::json body = connection.get(path);
    if (!body.is_object() || !body.contains(collection) || !body[collection].is_array()) {
      throw std::runtime_error("invalid response: no \"" + collection + "\" list");
    }
    const nlohmann::json& page = body[collection];
    // A server that ignores offset would send the same page forever.
    const std::string first_id = page.empty() ? std::string() : text_of(page[0], "id");
    if (offset > 0 && first_id == previous_first_id) break;
    previous_first_id = first_id;
    for (const auto& item : page) {
      if (glob_match(pattern, text_of(item, "id"))) out.push_back(item);
    }
    if (page.size() != kPageSize) break;
  }
  return out;
}

std::string item_link(const std::string& collection, const nlohmann::json& item) {
  if (item.contains("link") && item["link"].is_object()) {
    const std::string href = text_of(item["link"], "href");
    if (!href.empty()) return href;
  }
  return item_path(collection, text_of(item, "id"));
}

}  // namespace farad::cli
