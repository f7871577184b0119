#pragma once
// Scalars as Go's encoding/json writes them, shared by every output that must match Kapacitor
// byte for byte (httpOut, httpPost, fileOut, Elasticsearch documents, templates' json).

#include <string>
#include <string_view>

namespace farad::expr::go {

/// Appends a finite float64 as Go's encoding/json writes it (`1`, `0.5`, `1e-7`, `1e+21`).
void append_json_float(std::string& out, double value);

/// Appends `text` as a Go encoding/json string: quoted, `<>&` and U+2028/U+2029 escaped,
/// invalid UTF-8 replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace farad::expr::go
