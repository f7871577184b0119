#include <catch2/catch.hpp>

#include "../io/recording_fixtures.hpp"
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

TEST_CASE("wal reader: a body logged gzip-compressed comes back as its text", "[store]") {
  TempDir dir("reader-gzip");
  std::string text;
  for (int i = 0; i < 200; ++i) text += farad::test::test_body(i);
  const std::string compressed = farad::test::gzip_bytes(text) + farad::test::gzip_bytes("m v=1\n");
  {
    WalWriter writer(dir.path(), farad::test::never_sync());
    writer.append(farad::test::test_header(1), farad::test::test_body(1));
    writer.append(farad::test::test_header(2), compressed, BodyCompression::Gzip);
    writer.append(farad::test::test_header(3), farad::test::test_body(3));
    // The log holds the compressed bytes, not the text.
    CHECK(writer.stats().bytes < text.size() / 2);
  }
  const auto result = farad::test::read_all(dir.path());
  CHECK(result.damage.empty());
  REQUIRE(result.numbers() == farad::test::iota(1, 3));
  CHECK(result.entries[0].record.body == farad::test::test_body(1));
  CHECK(result.entries[1].record.body == text + "m v=1\n");
  CHECK(result.entries[1].record.header == farad::test::test_header(2));
  CHECK(result.entries[2].record.body == farad::test::test_body(3));
}

TEST_CASE("wal reader: a compressed body that does not inflate is skipped as damage", "[store]") {
  TempDir dir("reader-bad-gzip");
  std::vector<WalPosition> positions;
  {
    WalWriter writer(dir.path(), farad::test::never_sync());
    positions.push_back(writer.append(farad::test::test_header(1), farad::test::test_body(1)));
    // A valid frame whose body is not gzip: only a foreign writer could log it.
    positions.push_back(
        writer.append(farad::test::test_header(2), "not gzip", BodyCompression::Gzip));
    positions.push_back(writer.append(farad::test::test_header(3), farad::test::test_body(3)));
  }
  const auto result = farad::test::read_all(dir.path());
  CHECK(result.numbers() == std::vector<int64_t>{1, 3});
  REQUIRE(result.damage.size() == 1);
  CHECK(result.damage[0].kind == WalDamage::Kind::Corrupt);
  CHECK(result.damage[0].segment == positions[1].segment);
  CHECK(result.damage[0].offset == positions[1].offset);
}
