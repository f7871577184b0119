#pragma once
// /query: farad is not a database, but InfluxDB clients send CREATE DATABASE before their first
// write (Telegraf's outputs.influxdb does), so that statement succeeds as a no-op.

#include "server/http_types.hpp"

namespace farad::server {

Response handle_query(const Request& request);

}  // namespace farad::server
