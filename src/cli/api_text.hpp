#pragma once
// How Kapacitor's CLI prints the values of API answers, since its tables and `show` layout are
// what users and their scripts read: Go's `%-Ns` padding, time.RFC822 dates, `%q.%q` dbrps,
// humanize.Bytes sizes and `%v` of var values.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace farad::cli {

/// Go's `%-Ns`: `text` then spaces up to `width` characters (UTF-8 code points).
std::string pad_right(std::string_view text, size_t width);

/// An RFC 3339 API time as Go's `t.Format(time.RFC822)` of the parsed time ("02 Jan 06 15:04
/// UTC"); with `local`, of `t.Local()`. Text that does not parse is returned unchanged.
std::string rfc822_text(const std::string& rfc3339, bool local);

/// A task's dbrps as Go prints `[]client.DBRP`: `["db"."rp" "db2"."rp"]`.
std::string dbrps_text(const nlohmann::json& dbrps);

/// humanize.Bytes: SI units, `82 B`, `1.2 kB`, `83 MB`.
std::string bytes_text(uint64_t bytes);

/// `%v` of a JSON scalar as Go decoded it: strings bare, numbers as float64 or int64, bools.
std::string scalar_text(const nlohmann::json& value);

/// `%v` of a var's value as `kapacitor show` prints it: a duration as Go's Duration.String(),
/// a list as `[a, b]`, a missing value as `<nil>`.
std::string var_value_text(const nlohmann::json& var);

}  // namespace farad::cli
