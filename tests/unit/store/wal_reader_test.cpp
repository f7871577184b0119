#include <catch2/catch.hpp>

#include "store/store_error.hpp"
#include "store/wal_frame.hpp"
#include "store_fixtures.hpp"

using namespace farad::store;
using farad::test::TempDir;

namespace {

// 12 records, 3 a segment: segments 1..4.
struct Log {
  TempDir dir{"reader"};
  std::vector<WalPosition> positions;

  Log() {
    WalWriter writer(dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
    positions = farad::test::append_range(writer, 1, 12);
  }
};

}  // namespace

TEST_CASE("wal reader: from a position to the end", "[store]") {
  Log log;
  REQUIRE(log.positions.back().segment == 4);
  for (std::size_t i = 0; i < log.positions.size(); ++i) {
    CAPTURE(i);
    const auto result = farad::test::read_all(log.dir.path(), log.positions[i]);
    CHECK(result.numbers() == farad::test::iota(static_cast<int64_t>(i) + 1, 12));
    CHECK(result.damage.empty());
  }
}

TEST_CASE("wal reader: a checkpoint's next position resumes after its record", "[store]") {
  Log log;
  const auto all = farad::test::read_all(log.dir.path());
  for (std::size_t i = 0; i < all.entries.size(); ++i) {
    CAPTURE(i);
    const auto rest = farad::test::read_all(log.dir.path(), all.entries[i].next);
    CHECK(rest.numbers() == farad::test::iota(static_cast<int64_t>(i) + 2, 12));
    CHECK(rest.damage.empty());
  }
}

TEST_CASE("wal reader: up to a stop position, exclusive", "[store]") {
  Log log;
  CHECK(farad::test::read_all(log.dir.path(), log.positions[2], log.positions[7]).numbers() ==
        farad::test::iota(3, 7));
  CHECK(farad::test::read_all(log.dir.path(), {}, {3, 0}).numbers() == farad::test::iota(1, 6));
  CHECK(farad::test::read_all(log.dir.path(), log.positions[4], log.positions[4]).entries.empty());
}

TEST_CASE("wal reader: a bit flip in an older segment stops that segment only", "[store]") {
  for (const uint64_t byte_in_frame : {0, 5, 9, 12, 20, 40}) {
    CAPTURE(byte_in_frame);
    Log log;
    // Record 5 is the middle record of segment 2.
    farad::test::flip_bit(segment_path(log.dir.path(), 2), log.positions[4].offset + byte_in_frame,
                          3);
    const auto result = farad::test::read_all(log.dir.path());
    CHECK(result.numbers() == std::vector<int64_t>{1, 2, 3, 4, 7, 8, 9, 10, 11, 12});
    REQUIRE(result.damage.size() == 1);
    CHECK(result.damage[0].kind == WalDamage::Kind::Corrupt);
    CHECK(result.damage[0].segment == 2);
    CHECK(result.damage[0].offset == log.positions[4].offset);
  }
}

TEST_CASE("wal reader: a damaged segment header skips the segment", "[store]") {
  Log log;
  farad::test::flip_bit(segment_path(log.dir.path(), 3), 2);
  const auto result = farad::test::read_all(log.dir.path());
  CHECK(result.numbers() == std::vector<int64_t>{1, 2, 3, 4, 5, 6, 10, 11, 12});
  REQUIRE(result.damage.size() == 1);
  CHECK(result.damage[0].reason == "bad segment header");
}

TEST_CASE("wal reader: missing segments are reported", "[store]") {
  Log log;
  std::filesystem::remove(segment_path(log.dir.path(), 2));
  const auto from_start = farad::test::read_all(log.dir.path());
  CHECK(from_start.numbers() == std::vector<int64_t>{1, 2, 3, 7, 8, 9, 10, 11, 12});
  REQUIRE(from_start.damage.size() == 1);
  CHECK(from_start.damage[0].kind == WalDamage::Kind::MissingSegments);
  CHECK(from_start.damage[0].reason == "segments 2 to 2 are missing");

  // A checkpoint inside a deleted segment: what it needs is gone, and that is said.
  std::filesystem::remove(segment_path(log.dir.path(), 1));
  const auto from_checkpoint = farad::test::read_all(log.dir.path(), log.positions[4]);
  CHECK(from_checkpoint.numbers() == farad::test::iota(7, 12));
  REQUIRE(from_checkpoint.damage.size() == 1);
  CHECK(from_checkpoint.damage[0].kind == WalDamage::Kind::MissingSegments);

  // From the start of the log: the oldest retained segment is the start, nothing is missing.
  CHECK(farad::test::read_all(log.dir.path()).damage.empty());
}

TEST_CASE("wal reader: sees the segments a writer adds while it reads", "[store]") {
  TempDir dir("tail");
  WalWriter writer(dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
  farad::test::append_range(writer, 1, 2);
  WalReader reader(dir.path());
  WalEntry entry;
  CHECK(reader.next(entry));
  farad::test::append_range(writer, 3, 8);  // rolls to new segments meanwhile
  std::vector<int64_t> numbers;
  while (reader.next(entry)) numbers.push_back(entry.record.header.arrival_ns / 1'000'000'000);
  CHECK(numbers == farad::test::iota(2, 8));
}

TEST_CASE("wal reader: an empty log has no records, an absent one is an error", "[store]") {
  TempDir dir("empty");
  CHECK(farad::test::read_all(dir.path()).entries.empty());
  CHECK_THROWS_AS(farad::test::read_all(dir.path() / "absent"), StoreError);
  { WalWriter writer(dir.path(), farad::test::never_sync()); }
  const auto result = farad::test::read_all(dir.path());
  CHECK(result.entries.empty());
  CHECK(result.damage.empty());
}
