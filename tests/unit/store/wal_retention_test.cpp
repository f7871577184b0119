#include <catch2/catch.hpp>

#include "store/wal_retention.hpp"
#include "store_fixtures.hpp"

using namespace farad::store;
using farad::test::TempDir;

namespace {

constexpr int64_t kHour = 3600LL * 1'000'000'000;

// Segment n (1-based) holds arrivals in [n-1, n) hours and is 100 bytes; the last is active.
std::vector<SegmentSummary> hourly_segments(int count) {
  std::vector<SegmentSummary> segments;
  for (int n = 1; n <= count; ++n) {
    SegmentSummary summary;
    summary.segment = static_cast<uint64_t>(n);
    summary.bytes = 100;
    summary.add((n - 1) * kHour);
    summary.add(n * kHour - 1);
    segments.push_back(summary);
  }
  return segments;
}

std::vector<uint64_t> iota_u(uint64_t first, uint64_t last) {
  std::vector<uint64_t> out;
  for (uint64_t i = first; i <= last; ++i) out.push_back(i);
  return out;
}

}  // namespace

TEST_CASE("wal retention: plans, oldest first", "[store]") {
  struct Case {
    const char* what;
    WalRetention retention;
    int64_t now;
    std::optional<WalPosition> pinned;
    bool force;
    std::vector<uint64_t> deleted;
    bool blocked;
  };
  const auto segments = hourly_segments(10);  // 1000 bytes, newest arrival just before 10 h
  const Case cases[] = {
      {"nothing is old", {10 * kHour, {}}, 10 * kHour, {}, false, {}, false},
      {"older than 6 h at 10 h", {6 * kHour, {}}, 10 * kHour, {}, false, {1, 2, 3, 4}, false},
      {"exactly 6 h old is kept", {6 * kHour, {}}, 10 * kHour - 1, {}, false, {1, 2, 3}, false},
      {"never the active segment", {0, {}}, 100 * kHour, {}, false, iota_u(1, 9), false},
      {"size: down to 500 bytes", {{}, 500}, 0, {}, false, {1, 2, 3, 4, 5}, false},
      {"size: 550 bytes", {{}, 550}, 0, {}, false, {1, 2, 3, 4, 5}, false},
      {"age or size", {8 * kHour, 700}, 10 * kHour, {}, false, {1, 2, 3}, false},
      {"pinned in segment 3", {6 * kHour, {}}, 10 * kHour, WalPosition{3, 24}, false, {1, 2}, true},
      {"pinned at segment 4",
       {6 * kHour, {}},
       10 * kHour,
       WalPosition{4, 0},
       false,
       {1, 2, 3},
       true},
      {"pinned after the old ones",
       {6 * kHour, {}},
       10 * kHour,
       WalPosition{5, 0},
       false,
       {1, 2, 3, 4},
       false},
      {"forced past the pin",
       {6 * kHour, {}},
       10 * kHour,
       WalPosition{1, 24},
       true,
       {1, 2, 3, 4},
       false},
      {"size blocked by the pin", {{}, 100}, 0, WalPosition{2, 300}, false, {1}, true},
      {"no policy", {{}, {}}, 100 * kHour, {}, false, {}, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const auto report = plan_retention(segments, c.retention, c.now, c.pinned, c.force);
    CHECK(report.deleted == c.deleted);
    CHECK(report.bytes_freed == 100 * c.deleted.size());
    CHECK(report.blocked_by_pin == c.blocked);
  }
}

TEST_CASE("wal retention: an empty sealed segment counts as old", "[store]") {
  auto segments = hourly_segments(3);
  segments[0] = SegmentSummary{1, 24, 0};
  CHECK(plan_retention(segments, {kHour, {}}, 0, {}, false).deleted == std::vector<uint64_t>{1});
}

TEST_CASE("wal retention: the writer deletes segments and sidecars, readers see no hole",
          "[store]") {
  TempDir dir("retention");
  WalWriter writer(dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
  const auto positions = farad::test::append_range(writer, 1, 12);  // arrivals 1..12 s
  REQUIRE(list_segments(dir.path()) == std::vector<uint64_t>{1, 2, 3, 4});
  const int64_t second = 1'000'000'000;

  // At 20 s with a 10 s limit, segments whose newest record arrived before 10 s go: 1 to 3.
  // The oldest checkpoint is at record 5 (segment 2): only segment 1 may go.
  const WalRetention ten_seconds{10 * second, {}};
  auto report = writer.apply_retention(ten_seconds, 20 * second, positions[4]);
  CHECK(report.deleted == std::vector<uint64_t>{1});
  CHECK(report.blocked_by_pin);
  CHECK(list_segments(dir.path()) == std::vector<uint64_t>{2, 3, 4});
  CHECK_FALSE(std::filesystem::exists(sidecar_path(dir.path(), 1)));
  CHECK(farad::test::read_all(dir.path(), positions[4]).numbers() == farad::test::iota(5, 12));

  // The checkpoint moves to record 10 (segment 4): segments 2 and 3 go.
  report = writer.apply_retention(ten_seconds, 20 * second, positions[9]);
  CHECK(report.deleted == std::vector<uint64_t>{2, 3});
  CHECK_FALSE(report.blocked_by_pin);

  // By size: the active segment is never deleted, however small the limit.
  report = writer.apply_retention({{}, 1}, 0, std::nullopt, true);
  CHECK(report.deleted.empty());
  const auto result = farad::test::read_all(dir.path());
  CHECK(result.numbers() == farad::test::iota(10, 12));
  CHECK(result.damage.empty());
  CHECK(writer.index().segments().size() == 1);
}
