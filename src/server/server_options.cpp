#include "server/server_options.hpp"

#include "service/config.hpp"

namespace farad::server {

ServerOptions server_options(const service::HttpConfig& http) {
  ServerOptions options;
  options.bind_address = http.bind_address;
  options.max_body_size = http.max_body_size.bytes;
  options.retry_after_seconds = http.retry_after;
  return options;
}

}  // namespace farad::server
