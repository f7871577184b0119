#pragma once
// An InfluxDB 1.x /query JSON answer turned into batches, as Kapacitor's
// edge.ResultToBufferedBatches and the QueryNode do: one batch per series (name and tags of the
// series, the tags on every point too), numbers as floats (Kapacitor's client decodes every JSON
// number through json.Number.Float64, integer fields included), nulls left out, rows whose
// values are all null dropped. A batch's time is the latest row time when the query groups by
// time and the series has rows, the query's stop otherwise.

#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "model/batch.hpp"

namespace farad::batch {

/// An error InfluxDB answered (`"error"` of the response or of a statement's result), or an
/// answer that is not the JSON of /query.
struct QueryResultError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The batches of every series of every statement result, in answer order. Times are read as
/// `epoch=ns` integers or RFC 3339 text. Batch groups are left empty: the query node builds
/// them. Throws QueryResultError.
std::vector<model::Batch> result_batches(std::string_view json, bool grouped_by_time, int64_t stop);

}  // namespace farad::batch
