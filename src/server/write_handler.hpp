#pragma once
// POST /write, /kapacitor/v1/write (InfluxDB 1.x API) and /api/v2/write (InfluxDB 2.x API):
// decode, check the lines, hand the body to the IngestSink, answer as InfluxDB does.

#include "server/http_types.hpp"
#include "server/ingest_sink.hpp"
#include "server/server_options.hpp"

namespace farad::server {

enum class WriteApi { V1, V2 };

/// Takes `request.body` (it is moved to the sink, not copied); the rest is left as it is.
Response handle_write(Request& request, WriteApi api, const ServerOptions& options,
                      IngestSink& sink);

}  // namespace farad::server
