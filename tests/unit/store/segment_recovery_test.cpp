// Crash simulation: the newest segment cut at every byte of its last record, garbage after the
// last record, and damage before good records.
#include <catch2/catch.hpp>

#include "store/segment_recovery.hpp"
#include "store/wal_frame.hpp"
#include "store_fixtures.hpp"

using namespace farad::store;
using farad::test::TempDir;

namespace {

// Two sealed segments and a newest one holding records 7..9 (segments of 3 records).
struct CrashedLog {
  TempDir dir{"crash"};
  WalPosition last_record;
  uint64_t end = 0;

  CrashedLog() {
    WalWriter writer(dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
    const auto positions = farad::test::append_range(writer, 1, 9);
    last_record = positions.back();
    end = writer.end_position().offset;
  }
  std::filesystem::path newest() const { return segment_path(dir.path(), last_record.segment); }
};

}  // namespace

TEST_CASE("torn tail: cut at every byte of the last record", "[store]") {
  CrashedLog log;
  REQUIRE(log.last_record.segment == 3);
  REQUIRE(farad::test::read_all(log.dir.path()).numbers() == farad::test::iota(1, 9));
  const std::filesystem::path copy = log.dir.path() / "copy";
  for (uint64_t cut = log.last_record.offset; cut < log.end; ++cut) {
    CAPTURE(cut);
    std::filesystem::remove_all(copy);
    std::filesystem::create_directories(copy);
    for (const auto& file : std::filesystem::directory_iterator(log.dir.path())) {
      if (file.is_regular_file())
        std::filesystem::copy_file(file.path(), copy / file.path().filename());
    }
    farad::test::truncate_file(segment_path(copy, 3), cut);

    // A reader before any repair: the complete records, and the torn tail reported.
    const auto before = farad::test::read_all(copy);
    CHECK(before.numbers() == farad::test::iota(1, 8));
    if (cut == log.last_record.offset) {
      CHECK(before.damage.empty());  // a clean cut at a record boundary is no damage
    } else {
      REQUIRE(before.damage.size() == 1);
      CHECK(before.damage[0].kind == WalDamage::Kind::TornTail);
      CHECK(before.damage[0].offset == log.last_record.offset);
    }

    // The writer cuts the tail and continues where record 9 started.
    {
      WalWriter writer(copy, farad::test::never_sync(farad::test::kThreeRecords));
      const auto& report = writer.open_report();
      CHECK(report.truncated_bytes == cut - log.last_record.offset);
      CHECK(report.damage.size() == (cut == log.last_record.offset ? 0u : 1u));
      CHECK(writer.append(farad::test::test_header(100), farad::test::test_body(100)) ==
            log.last_record);
    }
    const auto after = farad::test::read_all(copy);
    CHECK(after.damage.empty());
    auto expected = farad::test::iota(1, 8);
    expected.push_back(100);
    CHECK(after.numbers() == expected);
  }
}

TEST_CASE("torn tail: zeros or garbage after the last record are cut", "[store]") {
  for (const std::string& tail : {std::string(4096, '\0'), std::string("\xD7\x1A\xFA\x0E", 4),
                                  std::string("cpu value=1\n"), std::string(5, '\xFF')}) {
    CrashedLog log;
    farad::test::append_bytes(log.newest(), tail);
    CHECK(farad::test::read_all(log.dir.path()).numbers() == farad::test::iota(1, 9));
    {
      WalWriter writer(log.dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
      REQUIRE(writer.open_report().damage.size() == 1);
      CHECK(writer.open_report().damage[0].kind == WalDamage::Kind::TornTail);
      CHECK(writer.open_report().truncated_bytes == tail.size());
      farad::test::append_range(writer, 10, 10);
    }
    CHECK(std::filesystem::file_size(log.newest()) == log.end);  // the tail is gone
    CHECK(farad::test::read_all(log.dir.path()).numbers() == farad::test::iota(1, 10));
  }
}

TEST_CASE("torn tail: a newest segment cut inside its header is rewritten", "[store]") {
  for (const uint64_t cut : {0, 1, 10, 23}) {
    TempDir dir("header");
    {
      WalWriter writer(dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
      farad::test::append_range(writer, 1, 3);
    }
    farad::test::truncate_file(segment_path(dir.path(), 1), cut);
    {
      WalWriter writer(dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
      CHECK(writer.open_report().damage.size() == 1);
      CHECK(writer.append(farad::test::test_header(4), farad::test::test_body(4)) ==
            WalPosition{1, kSegmentHeaderSize});
    }
    CHECK(farad::test::read_all(dir.path()).numbers() == std::vector<int64_t>{4});
  }
}

TEST_CASE("torn tail: damage before a valid record is kept and a new segment started", "[store]") {
  CrashedLog log;
  // Damage the checksum of record 8, the middle record of the newest segment.
  const uint64_t record8 = log.last_record.offset - (log.end - log.last_record.offset);
  farad::test::flip_bit(log.newest(), record8 + 8);
  CHECK(has_valid_frame_after(log.dir.path(), 3, record8));
  const auto size_before = std::filesystem::file_size(log.newest());
  {
    WalWriter writer(log.dir.path(), farad::test::never_sync(farad::test::kThreeRecords));
    const auto& report = writer.open_report();
    REQUIRE(report.damage.size() == 1);
    CHECK(report.damage[0].kind == WalDamage::Kind::Corrupt);
    CHECK(report.damage[0].segment == 3);
    CHECK(report.damage[0].offset == record8);
    CHECK(report.damage[0].reason == "checksum mismatch");
    CHECK(report.truncated_bytes == 0);
    CHECK(writer.end_position() == WalPosition{4, kSegmentHeaderSize});
    farad::test::append_range(writer, 10, 10);
  }
  CHECK(std::filesystem::file_size(log.newest()) == size_before);  // untouched
  const auto result = farad::test::read_all(log.dir.path());
  CHECK(result.numbers() == std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 10});
  REQUIRE(result.damage.size() == 1);
  CHECK(result.damage[0].kind == WalDamage::Kind::Corrupt);
}
