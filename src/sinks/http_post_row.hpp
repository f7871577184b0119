#pragma once
// What a [[httppost]] row template and URL template see: Kapacitor's mappedRow (http_post.go),
// .Name, .Tags (map[string]string) and .Values, one map[string]interface{} per row from
// column name to value, "time" a time.Time. There is no .Columns.

#include "runtime/task_context.hpp"
#include "sinks/go_value.hpp"

namespace farad::sinks {

/// The template data of one posted row (a point, or a batch as one series).
GoValue http_post_row_data(const runtime::HttpOutSeries& series);

}  // namespace farad::sinks
