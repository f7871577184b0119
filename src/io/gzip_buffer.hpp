#pragma once
// Whole-buffer gzip decoding (libdeflate): a request body or a logged record is in memory
// already, and decoding it in one call is several times faster than zlib's streaming inflate.
// Streams that must not be held whole (recordings) go through byte_source.hpp instead.

#include <cstdint>
#include <string>
#include <string_view>

namespace farad::io {

struct Gunzipped {
  enum class Status { Ok, TooLarge, Invalid } status = Status::Ok;
  std::string data;  ///< the decoded bytes when Ok
};

/// Decodes `compressed`: one gzip member or several back to back (as `cat a.gz b.gz`); empty
/// input decodes to nothing. TooLarge when the output would pass `limit` bytes (0: no limit),
/// Invalid when the data is not gzip or is cut short. The output is allocated once when the
/// last member's size trailer is right (always, for a single member).
Gunzipped gunzip_buffer(std::string_view compressed, uint64_t limit);

}  // namespace farad::io
