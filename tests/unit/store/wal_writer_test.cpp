#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/store_error.hpp"
#include "store/wal_frame.hpp"
#include "store_fixtures.hpp"

using namespace farad::store;
using farad::test::TempDir;

TEST_CASE("wal writer: records read back as appended", "[store]") {
  TempDir dir("readback");
  std::vector<WalPosition> positions;
  {
    WalWriter writer(dir.path(), farad::test::never_sync());
    positions = farad::test::append_range(writer, 1, 50);
    CHECK(writer.end_position() ==
          WalPosition{1, std::filesystem::file_size(segment_path(dir.path(), 1))});
  }
  const auto result = farad::test::read_all(dir.path());
  CHECK(result.damage.empty());
  REQUIRE(result.entries.size() == 50);
  for (std::size_t i = 0; i < result.entries.size(); ++i) {
    const auto& entry = result.entries[i];
    const auto n = static_cast<int64_t>(i + 1);
    CHECK(entry.record.header == farad::test::test_header(n));
    CHECK(entry.record.body == farad::test::test_body(n));
    CHECK(entry.position == positions[i]);
    if (i + 1 < positions.size()) CHECK(entry.next == positions[i + 1]);
  }
}

TEST_CASE("wal writer: positions increase strictly", "[store]") {
  TempDir dir("ordered");
  WalWriter writer(dir.path(), farad::test::never_sync(300));  // a few records a segment
  const auto positions = farad::test::append_range(writer, 1, 40);
  for (std::size_t i = 1; i < positions.size(); ++i) {
    CAPTURE(i);
    CHECK(positions[i - 1] < positions[i]);
  }
  CHECK(positions.front() == WalPosition{1, kSegmentHeaderSize});
  CHECK(positions.back().segment > 1);
}

TEST_CASE("wal writer: a segment rolls before it would pass its size", "[store]") {
  TempDir dir("roll");
  const uint64_t limit = 400;
  {
    WalWriter writer(dir.path(), farad::test::never_sync(limit));
    farad::test::append_range(writer, 1, 60);
    CHECK(writer.stats().segments_created == list_segments(dir.path()).size());
    const auto index = writer.index();
    REQUIRE(index.segments().size() == list_segments(dir.path()).size());
    uint64_t records = 0;
    for (const auto& summary : index.segments()) records += summary.records;
    CHECK(records == 60);
  }
  const auto segments = list_segments(dir.path());
  REQUIRE(segments.size() > 3);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    CHECK(segments[i] == i + 1);  // numbered without holes
    const auto size = std::filesystem::file_size(segment_path(dir.path(), segments[i]));
    CHECK(size <= limit);
    // Every sealed segment has its sidecar, the active one none.
    CHECK(std::filesystem::exists(sidecar_path(dir.path(), segments[i])) ==
          (i + 1 < segments.size()));
  }
  CHECK(farad::test::read_all(dir.path()).numbers() == farad::test::iota(1, 60));
}

TEST_CASE("wal writer: a record larger than a segment gets one of its own", "[store]") {
  TempDir dir("large");
  {
    WalWriter writer(dir.path(), farad::test::never_sync(200));
    writer.append(farad::test::test_header(1), "small\n");
    writer.append(farad::test::test_header(2), std::string(1000, 'x'));
    writer.append(farad::test::test_header(3), "small\n");
  }
  CHECK(list_segments(dir.path()) == std::vector<uint64_t>{1, 2, 3});
  const auto result = farad::test::read_all(dir.path());
  CHECK(result.numbers() == farad::test::iota(1, 3));
  CHECK(result.entries[1].record.body == std::string(1000, 'x'));
}

TEST_CASE("wal writer: reopening continues after the last record", "[store]") {
  TempDir dir("reopen");
  WalPosition end;
  {
    WalWriter writer(dir.path(), farad::test::never_sync(500));
    farad::test::append_range(writer, 1, 20);
    end = writer.end_position();
  }
  {
    WalWriter writer(dir.path(), farad::test::never_sync(500));
    CHECK(writer.open_report().damage.empty());
    CHECK(writer.end_position() == end);
    CHECK(writer.append(farad::test::test_header(21), farad::test::test_body(21)) == end);
    farad::test::append_range(writer, 22, 30);
  }
  CHECK(farad::test::read_all(dir.path()).numbers() == farad::test::iota(1, 30));
}

TEST_CASE("wal writer: a second writer on the same directory is refused", "[store]") {
  TempDir dir("lock");
  WalWriter first(dir.path(), farad::test::never_sync());
  CHECK_THROWS_WITH(WalWriter(dir.path(), farad::test::never_sync()),
                    Catch::Contains("already open in another writer"));
}

TEST_CASE("wal writer: a foreign file in place of the newest segment is not touched", "[store]") {
  TempDir dir("foreign");
  const std::string text = "this is not a segment, but a file someone put here\n";
  farad::test::append_bytes(segment_path(dir.path(), 1), text);
  CHECK_THROWS_WITH(WalWriter(dir.path(), farad::test::never_sync()),
                    Catch::Contains("not a segment of this log"));
  CHECK(std::filesystem::file_size(segment_path(dir.path(), 1)) == text.size());
}

TEST_CASE("wal writer: always, concurrent appenders share fsyncs", "[store]") {
  TempDir dir("group");
  std::atomic<int> syncs{0};
  WalOptions options;
  options.fsync = FsyncPolicy::Always;
  options.segment_bytes = 8 << 10;  // a few rolls on the way
  options.before_fsync = [&] {
    ++syncs;
    // A slow disk: appenders pile up behind the running fsync and ride on the next one.
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  };
  constexpr int kThreads = 8;
  constexpr int kPerThread = 50;
  {
    WalWriter writer(dir.path(), options);
    std::vector<std::thread> threads;
    std::vector<std::vector<WalPosition>> positions(kThreads);
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          const int64_t n = t * kPerThread + i + 1;
          positions[t].push_back(
              writer.append(farad::test::test_header(n), farad::test::test_body(n)));
        }
      });
    }
    for (auto& thread : threads) thread.join();
    const auto stats = writer.stats();
    CHECK(stats.appends == kThreads * kPerThread);
    CHECK(stats.fsyncs == static_cast<uint64_t>(syncs.load()));
    CHECK(stats.fsyncs < stats.appends / 2);
    CHECK(stats.fsyncs > 0);
    // Each thread's records are in its order.
    for (const auto& mine : positions) CHECK(std::is_sorted(mine.begin(), mine.end()));
  }
  auto numbers = farad::test::read_all(dir.path()).numbers();
  std::sort(numbers.begin(), numbers.end());
  CHECK(numbers == farad::test::iota(1, kThreads * kPerThread));
}

TEST_CASE("wal writer: always, a lone appender syncs every record", "[store]") {
  TempDir dir("always-one");
  WalOptions options;
  options.fsync = FsyncPolicy::Always;
  WalWriter writer(dir.path(), options);
  farad::test::append_range(writer, 1, 5);
  CHECK(writer.stats().fsyncs == 5);
}

TEST_CASE("wal writer: interval syncs in the background, never does not", "[store]") {
  TempDir dir("interval");
  std::atomic<int> syncs{0};
  WalOptions options;
  options.fsync = FsyncPolicy::Interval;
  options.fsync_interval = std::chrono::milliseconds(5);
  options.before_fsync = [&] { ++syncs; };
  {
    WalWriter writer(dir.path(), options);
    farad::test::append_range(writer, 1, 3);
    for (int wait = 0; wait < 2000 && syncs == 0; ++wait)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK(syncs >= 1);
    const int after_first = syncs;
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK(syncs == after_first);  // nothing new written, nothing to sync
  }
  TempDir never_dir("never");
  options.fsync = FsyncPolicy::Never;
  syncs = 0;
  {
    WalWriter writer(never_dir.path(), options);
    farad::test::append_range(writer, 1, 3);
  }
  CHECK(syncs == 0);
}

TEST_CASE("wal writer: sync makes everything durable whatever the policy", "[store]") {
  TempDir dir("sync");
  std::atomic<int> syncs{0};
  WalOptions options = farad::test::never_sync();
  options.before_fsync = [&] { ++syncs; };
  WalWriter writer(dir.path(), options);
  farad::test::append_range(writer, 1, 3);
  writer.sync();
  CHECK(syncs == 1);
  writer.sync();  // nothing new
  CHECK(syncs == 1);
}

TEST_CASE("wal writer: after a failed fsync every call fails", "[store]") {
  for (const uint64_t segment_bytes : {64ULL << 20, 100ULL}) {  // failing in a sync or a roll
    CAPTURE(segment_bytes);
    TempDir dir("fsync-fails");
    int syncs = 0;
    WalOptions options;
    options.fsync = FsyncPolicy::Always;
    options.segment_bytes = segment_bytes;
    options.before_fsync = [&] {
      if (++syncs == 3) throw StoreError("injected: the disk went away");
    };
    int64_t acknowledged = 0;
    {
      WalWriter writer(dir.path(), options);
      std::string first_error;
      for (int64_t n = 1; n <= 10 && first_error.empty(); ++n) {
        try {
          writer.append(farad::test::test_header(n), farad::test::test_body(n));
          acknowledged = n;
        } catch (const StoreError& error) {
          first_error = error.what();
        }
      }
      CHECK_THAT(first_error, Catch::Contains("injected: the disk went away"));
      CHECK(acknowledged >= 1);
      CHECK_THROWS_WITH(farad::test::append_range(writer, 20, 20),
                        Catch::Contains("the log failed earlier"));
      CHECK_THROWS_AS(writer.sync(), StoreError);
    }
    // The acknowledged records are there; the failed one was written but never acknowledged.
    const auto numbers = farad::test::read_all(dir.path()).numbers();
    REQUIRE(numbers.size() >= static_cast<std::size_t>(acknowledged));
    CHECK(std::vector<int64_t>(numbers.begin(), numbers.begin() + acknowledged) ==
          farad::test::iota(1, acknowledged));
    CHECK(numbers.size() <= static_cast<std::size_t>(acknowledged) + 1);
  }
}
