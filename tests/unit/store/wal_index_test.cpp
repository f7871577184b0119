#include <catch2/catch.hpp>

#include "store/segment_sidecar.hpp"
#include "store/wal_index.hpp"
#include "store_fixtures.hpp"

using namespace farad::store;
using farad::test::TempDir;

namespace {

constexpr int64_t kSecond = 1'000'000'000;

// Records 1..12 arriving at 1..12 s, 3 a segment: segment n holds [3n-2, 3n] s.
struct Log {
  TempDir dir{"index"};
  std::vector<WalPosition> positions;

  Log() {
    WalWriter writer(dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
    positions = farad::test::append_range(writer, 1, 12);
  }
};

}  // namespace

TEST_CASE("wal index: summaries from sidecars and the newest segment", "[store]") {
  Log log;
  const auto index = WalIndex::load(log.dir.path());
  REQUIRE(index.segments().size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& summary = index.segments()[i];
    CAPTURE(i);
    CHECK(summary.segment == i + 1);
    CHECK(summary.records == 3);
    CHECK(summary.min_arrival_ns == static_cast<int64_t>(3 * i + 1) * kSecond);
    CHECK(summary.max_arrival_ns == static_cast<int64_t>(3 * i + 3) * kSecond);
    CHECK(summary.bytes == std::filesystem::file_size(segment_path(log.dir.path(), i + 1)));
  }
}

TEST_CASE("wal index: range lookup by arrival time", "[store]") {
  Log log;
  const auto index = WalIndex::load(log.dir.path());
  struct Case {
    int64_t start;
    int64_t stop;
    std::vector<int64_t> read;  // records read between the two positions
  };
  const Case cases[] = {
      {0, 100, farad::test::iota(1, 12)},
      {1, 3, {1, 2, 3}},
      {4, 4, {4, 5, 6}},
      {5, 8, farad::test::iota(4, 9)},
      {6, 7, farad::test::iota(4, 9)},
      {12, 12, {10, 11, 12}},
      {13, 100, {}},
      {-5, 0, {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.start, c.stop);
    const WalPosition start = index.start_for_arrival(c.start * kSecond);
    const WalPosition stop = index.stop_for_arrival(c.stop * kSecond);
    CHECK(farad::test::read_all(log.dir.path(), start, stop).numbers() == c.read);
  }
}

TEST_CASE("wal index: a missing or stale sidecar is rebuilt by scanning", "[store]") {
  Log log;
  const auto expected = WalIndex::load(log.dir.path()).segments();
  std::filesystem::remove(sidecar_path(log.dir.path(), 1));
  farad::test::append_bytes(sidecar_path(log.dir.path(), 2), "x");  // damaged
  // A sidecar that does not match its segment's size any more.
  auto stale = expected[2];
  stale.bytes += 1;
  write_sidecar(log.dir.path(), stale);
  CHECK(WalIndex::load(log.dir.path()).segments() == expected);
  {
    WalWriter writer(log.dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
    CHECK(writer.open_report().rebuilt_sidecars == std::vector<uint64_t>{1, 2, 3});
    CHECK(writer.index().segments() == expected);
  }
  for (uint64_t segment = 1; segment <= 3; ++segment) {
    bool scanned = true;
    summarize_sealed_segment(log.dir.path(), segment, &scanned);
    CHECK_FALSE(scanned);
  }
}

TEST_CASE("wal index: sidecar bytes round-trip and damage is refused", "[store]") {
  SegmentSummary summary{7, 4096, 12, -5, 99};
  const std::string bytes = encode_sidecar(summary);
  REQUIRE(bytes.size() == 60);
  CHECK(decode_sidecar(bytes) == summary);
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
    CAPTURE(at);
    CHECK_FALSE(decode_sidecar(damaged).has_value());
  }
  CHECK_FALSE(decode_sidecar(bytes.substr(0, 59)).has_value());
}
