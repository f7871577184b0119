#include "service/config_values.hpp"

#include <catch2/catch.hpp>

using namespace farad::service;
using namespace std::chrono_literals;

namespace {

Duration duration(std::string_view text) {
  const auto parsed = parse_duration(text);
  INFO(text << ": " << parsed.error);
  REQUIRE(parsed.value);
  return *parsed.value;
}

std::string duration_error(std::string_view text) {
  const auto parsed = parse_duration(text);
  return parsed.value ? "parsed" : parsed.error;
}

uint64_t bytes(std::string_view text) {
  const auto parsed = parse_byte_size(text);
  INFO(text << ": " << parsed.error);
  REQUIRE(parsed.value);
  return parsed.value->bytes;
}

std::string size_error(std::string_view text) {
  const auto parsed = parse_byte_size(text);
  return parsed.value ? "parsed" : parsed.error;
}

}  // namespace

TEST_CASE("config values: durations are read as Go's time.ParseDuration reads them") {
  CHECK(duration("0") == 0ns);
  CHECK(duration("100ms") == 100ms);
  CHECK(duration("30s") == 30s);
  CHECK(duration("48h") == 48h);
  CHECK(duration("1h30m") == 90min);
  CHECK(duration("1.5s") == 1500ms);
  CHECK(duration(".5m") == 30s);
  CHECK(duration("2us") == 2us);
  CHECK(duration("2\u00b5s") == 2us);
  CHECK(duration("2\u03bcs") == 2us);
  CHECK(duration("7ns") == 7ns);
  CHECK(duration("1m0.000000001s") == 60s + 1ns);
  CHECK(duration("2562047h") == 2562047h);  // near the largest: int64 nanoseconds
}

TEST_CASE("config values: bad durations say what is wrong") {
  CHECK(duration_error("") == "empty duration; write e.g. \"30s\"");
  CHECK(duration_error("10") == "invalid duration \"10\": missing unit (ns, us, ms, s, m, h)");
  CHECK(duration_error("10x") ==
        "invalid duration \"10x\": unknown unit \"x\" (expected ns, us, ms, s, m or h)");
  CHECK(duration_error("1d") ==
        "invalid duration \"1d\": unknown unit \"d\" (expected ns, us, ms, s, m or h)");
  CHECK(duration_error("-5s") == "invalid duration \"-5s\": durations cannot have a sign");
  CHECK(duration_error("s") == "invalid duration \"s\": expected a number before \"s\"");
  CHECK(duration_error("3000000h") == "invalid duration \"3000000h\": too large");
  CHECK(duration_error("99999999999999999999s") ==
        "invalid duration \"99999999999999999999s\": too large");
}

TEST_CASE("config values: durations print in whole units and read back") {
  CHECK(format_duration(0ns) == "0s");
  CHECK(format_duration(100ms) == "100ms");
  CHECK(format_duration(48h) == "48h");
  CHECK(format_duration(90s) == "1m30s");
  CHECK(format_duration(1h + 1ns) == "1h1ns");
  CHECK(format_duration(1500us) == "1ms500us");
  for (Duration d : {Duration(1), Duration(999'999'999), Duration(86'400'000'000'123)}) {
    CHECK(duration(format_duration(d)) == d);
  }
}

TEST_CASE("config values: sizes take decimal and binary units or plain bytes") {
  CHECK(bytes("0") == 0);
  CHECK(bytes("1500") == 1500);
  CHECK(bytes("10B") == 10);
  CHECK(bytes("25MB") == 25'000'000);
  CHECK(bytes("2kB") == 2'000);
  CHECK(bytes("2KB") == 2'000);
  CHECK(bytes("3GB") == 3'000'000'000);
  CHECK(bytes("1TB") == 1'000'000'000'000);
  CHECK(bytes("64MiB") == 64ULL << 20);
  CHECK(bytes("64 MiB") == 64ULL << 20);
  CHECK(bytes("1KiB") == 1024);
  CHECK(bytes("1GiB") == 1ULL << 30);
  CHECK(bytes("2TiB") == 2ULL << 40);
}

TEST_CASE("config values: bad sizes say what is wrong") {
  CHECK(size_error("") == "invalid size \"\": too large");
  CHECK(size_error("big") ==
        "invalid size \"big\": expected a whole number of bytes, optionally "
        "with a unit, e.g. \"64MiB\" or \"25MB\"");
  CHECK(size_error("-1") ==
        "invalid size \"-1\": expected a whole number of bytes, optionally "
        "with a unit, e.g. \"64MiB\" or \"25MB\"");
  CHECK(size_error("64mb") ==
        "invalid size \"64mb\": unknown unit \"mb\" (expected B, kB, MB, "
        "GB, TB, KiB, MiB, GiB or TiB)");
  CHECK(size_error("1.5GiB") ==
        "invalid size \"1.5GiB\": unknown unit \".5GiB\" (expected B, kB, "
        "MB, GB, TB, KiB, MiB, GiB or TiB)");
  CHECK(size_error("20000000TiB") == "invalid size \"20000000TiB\": too large");
}

TEST_CASE("config values: sizes print with the unit that gives the smallest exact number") {
  CHECK(format_byte_size({0}) == "0");
  CHECK(format_byte_size({1500}) == "1500");
  CHECK(format_byte_size({25'000'000}) == "25MB");
  CHECK(format_byte_size({64ULL << 20}) == "64MiB");
  CHECK(format_byte_size({1ULL << 30}) == "1GiB");
  CHECK(format_byte_size({2048}) == "2KiB");
  CHECK(format_byte_size({2000}) == "2kB");
  for (uint64_t n : {1ULL, 1000ULL, 1024ULL, 123456789ULL, 5ULL << 40}) {
    CHECK(bytes(format_byte_size({n})) == n);
  }
}

TEST_CASE("config values: enumerated options by name") {
  CHECK(enum_name(FsyncMode::Interval) == "interval");
  CHECK(parse_enum<FsyncMode>("always") == FsyncMode::Always);
  CHECK(parse_enum<FsyncMode>("never") == FsyncMode::Never);
  CHECK_FALSE(parse_enum<FsyncMode>("Always"));
  CHECK(parse_enum<LogLevel>("warn") == LogLevel::Warn);
  CHECK(parse_enum<LogLevel>("off") == LogLevel::Off);
  CHECK(enum_name(LogLevel::Trace) == "trace");
  CHECK(quoted_alternatives(enum_names<FsyncMode>()) == "\"always\", \"interval\" or \"never\"");
}

TEST_CASE("config values: bind addresses are HOST:PORT") {
  CHECK(bind_address_error("127.0.0.1:9092").empty());
  CHECK(bind_address_error(":9092").empty());
  CHECK(bind_address_error("[::1]:9092").empty());
  CHECK(bind_address_error("localhost:0").empty());
  CHECK(bind_address_error("host:65536") ==
        "invalid address \"host:65536\": port 65536 is above "
        "65535");
  for (std::string_view bad : {"localhost", "host:", "host:x1", "::1:9092", "[]:1", "h:123456"}) {
    INFO(bad);
    CHECK(bind_address_error(bad).starts_with("invalid address"));
  }
}
