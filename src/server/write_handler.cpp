#include "server/write_handler.hpp"

#include <chrono>
#include <optional>

#include "io/line_protocol.hpp"
#include "server/gzip_body.hpp"
#include "server/parse_error_text.hpp"
#include "server/responses.hpp"

namespace farad::server {
namespace {

// Errors in the shape of the API the client spoke.
Response write_error(WriteApi api, unsigned status, std::string_view message) {
  if (api == WriteApi::V1) return v1_error(status, message);
  switch (status) {
    case 413:
      return v2_error(status, "request too large", message);
    case 503:
      return v2_error(status, "unavailable", message);
    case 500:
      return v2_error(status, "internal error", message);
    default:
      return v2_error(status, "invalid", message);
  }
}

struct Destination {
  std::string db;
  std::string rp;
  io::Precision precision = io::Precision::Nanosecond;
};

// db, rp and precision, or the error response. farad accepts any database name, as Kapacitor
// does: there is no catalogue of databases, so "database not found" is never answered.
std::optional<Destination> destination(const Request& request, WriteApi api, Response& error) {
  Destination to;
  const std::string_view precision = request.param("precision");
  if (api == WriteApi::V1) {
    to.db = request.param("db");
    to.rp = request.param("rp");  // empty: the default retention policy
    if (to.db.empty()) {
      error = write_error(api, 400, "database is required");
      return std::nullopt;
    }
    // InfluxDB silently reads an unknown precision as nanoseconds; refusing it keeps a typo
    // from turning seconds into 1970 timestamps.
    const auto parsed = io::parse_precision(precision);
    if (!parsed) {
      error = write_error(api, 400, "invalid precision \"" + std::string(precision) + "\"");
      return std::nullopt;
    }
    to.precision = *parsed;
    return to;
  }
  // v2: bucket "db/rp" or "db"; org is ignored (farad has no organisations).
  const std::string_view bucket = request.param("bucket");
  if (bucket.empty()) {
    error = write_error(api, 400, "bucket not specified");
    return std::nullopt;
  }
  const std::size_t slash = bucket.find('/');
  to.db = bucket.substr(0, slash);
  if (slash != std::string_view::npos) to.rp = bucket.substr(slash + 1);
  if (to.db.empty()) {
    error = write_error(api, 400, "invalid bucket \"" + std::string(bucket) + "\"");
    return std::nullopt;
  }
  if (precision.empty() || precision == "ns") {
    to.precision = io::Precision::Nanosecond;
  } else if (precision == "us") {
    to.precision = io::Precision::Microsecond;
  } else if (precision == "ms") {
    to.precision = io::Precision::Millisecond;
  } else if (precision == "s") {
    to.precision = io::Precision::Second;
  } else {
    error = write_error(
        api, 400, "invalid precision \"" + std::string(precision) + "\": expected ns, us, ms or s");
    return std::nullopt;
  }
  return to;
}

int64_t wall_clock_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Response handle_write(Request& request, WriteApi api, const ServerOptions& options,
                      IngestSink& sink) {
  Response error;
  auto to = destination(request, api, error);
  if (!to) return error;

  const uint64_t limit = options.max_body_size;
  if (limit != 0 && request.body.size() > limit) {
    return write_error(api, 413, "Request Entity Too Large");
  }
  IngestWrite write;
  const auto encoding = request.header("Content-Encoding");
  if (encoding && *encoding == "gzip") {
    GunzipResult decoded = gunzip_body(request.body, limit);
    if (decoded.status == GunzipResult::Status::TooLarge) {
      return write_error(api, 413, "Request Entity Too Large");
    }
    if (decoded.status == GunzipResult::Status::Invalid) {
      return write_error(api, 400, decoded.error);
    }
    write.body = std::move(decoded.body);
    write.gzip_body = request.body;
  } else if (encoding && !encoding->empty() && *encoding != "identity") {
    return write_error(api, 415, "unsupported Content-Encoding \"" + std::string(*encoding) + "\"");
  } else {
    write.body = std::move(request.body);
  }

  write.header.db = std::move(to->db);
  write.header.rp = std::move(to->rp);
  write.header.precision = to->precision;
  write.header.arrival_ns = options.now_ns ? options.now_ns() : wall_clock_ns();
  if (api == WriteApi::V2) write.header.encoding = store::BodyEncoding::LineProtocolUnsigned;

  io::ParseOptions parse;
  parse.precision = to->precision;
  parse.default_time = write.header.arrival_ns;
  // InfluxDB 1.x and Kapacitor reject `12u`; InfluxDB 2.x accepts unsigned integers.
  parse.unsigned_fields = api == WriteApi::V2;
  // Checked here; the lines read are kept for the sink when it asks for them (it parses the
  // logged body itself otherwise).
  write.lines_keys = sink.projection(write.header.db, write.header.rp);
  if (write.lines_keys) {
    write.lines = std::make_unique<io::ParsedLines>(write.body);
    if (!write.lines_keys->all_tags) parse.keys = write.lines_keys.get();
  }
  const io::ParseSummary summary =
      io::parse_lines(write.body, parse, [&write](const io::LineView& line) {
        if (write.lines) write.lines->add(line, write.lines_keys.get());
      });

  if (summary.accepted == 0) {
    if (summary.errors.empty()) return no_content();  // an empty body writes nothing
    return write_error(api, 400, unable_to_parse(write.body, summary.errors));
  }
  // Before the body goes to the sink: the text quotes the bad lines.
  const std::string bad_lines =
      summary.errors.empty() ? std::string() : unable_to_parse(write.body, summary.errors);

  const IngestResult result = sink.write(std::move(write));
  if (result.status == IngestStatus::QueueFull) {
    Response busy = write_error(
        api, 503, result.message.empty() ? "write queue is full, retry later" : result.message);
    busy.set_header("Retry-After", std::to_string(options.retry_after_seconds));
    return busy;
  }
  if (result.status == IngestStatus::Failed) return write_error(api, 500, result.message);

  if (!summary.errors.empty()) {
    // The good lines are kept (InfluxDB's partial write); 400 makes Telegraf drop the batch
    // instead of retrying lines that can never parse.
    return write_error(api, 400, partial_write(bad_lines, summary.errors.size()));
  }
  return no_content();
}

}  // namespace farad::server
