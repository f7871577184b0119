#include "sinks/spool.hpp"

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
using farad::sinks::Spool;

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() / ("farad-spool-test-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter.fetch_add(1)));
    fs::remove_all(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string entry(int i) {
  return "{\"index\":{\"_id\":\"" + std::to_string(i) + "\"}}\n{\"n\":" + std::to_string(i) + "}\n";
}

std::vector<std::string> entries(const farad::sinks::SpoolChunk& chunk) {
  std::vector<std::string> out;
  for (size_t i = 0; i < chunk.ends.size(); ++i) out.emplace_back(chunk.entry(i));
  return out;
}

}  // namespace

TEST_CASE("spool reads whole two-line entries from an offset, across segments") {
  TempDir dir;
  Spool spool(dir.path(), 2, 0, 100);  // tiny segments: a few entries each
  uint64_t offsets[21] = {0};
  for (int i = 0; i < 20; ++i) {
    REQUIRE(spool.append(entry(i)));
    offsets[i + 1] = spool.end();
  }
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) > 3);
  const auto first = spool.read(0, 7, 1 << 20);
  REQUIRE(first.ends.size() == 7);
  CHECK(entries(first)[6] == entry(6));
  CHECK(first.end() == offsets[7]);
  const auto rest = spool.read(first.end(), 100, 1 << 20);
  REQUIRE(rest.ends.size() == 13);
  CHECK(entries(rest).front() == entry(7));
  CHECK(rest.end() == spool.end());
  // max_bytes stops early but always yields one entry.
  CHECK(spool.read(offsets[3], 100, 1).ends.size() == 1);
  CHECK(spool.read(spool.end(), 100, 1 << 20).empty());
}

TEST_CASE("spool survives a reopen, releases acknowledged segments and cuts back") {
  TempDir dir;
  uint64_t checkpoint = 0;
  {
    Spool spool(dir.path(), 2, 0, 100);
    for (int i = 0; i < 10; ++i) spool.append(entry(i));
    spool.sync();
    checkpoint = spool.end();
    for (int i = 10; i < 14; ++i) spool.append(entry(i));
  }
  Spool spool(dir.path(), 2, 0, 100);
  CHECK(spool.end() > checkpoint);
  // A crash after the checkpoint: the replay appends entries 10.. again.
  spool.cut_back(checkpoint);
  CHECK(spool.end() == checkpoint);
  spool.append(entry(10));
  CHECK(entries(spool.read(checkpoint, 10, 1 << 20)) == std::vector<std::string>{entry(10)});

  const uint64_t before = spool.begin();
  spool.release_below(checkpoint);
  CHECK(spool.begin() > before);
  CHECK(spool.begin() <= checkpoint);
  // Reading from a released offset starts at the oldest entry kept.
  const auto kept = spool.read(0, 100, 1 << 20);
  CHECK(kept.begin == spool.begin());
  CHECK(entries(kept).back() == entry(10));
}

TEST_CASE("spool cut back past released segments starts afresh at the checkpoint") {
  TempDir dir;
  Spool spool(dir.path(), 2, 0, 100);
  for (int i = 0; i < 10; ++i) spool.append(entry(i));
  const uint64_t end = spool.end();
  spool.release_below(end);  // everything acknowledged and checkpointed
  CHECK(spool.disk_bytes() == 0);
  spool.cut_back(end + 500);  // the checkpoint is ahead of what is on disk (removed by hand)
  CHECK(spool.end() == end + 500);
  spool.append(entry(99));
  CHECK(entries(spool.read(0, 10, 1 << 20)) == std::vector<std::string>{entry(99)});
}

TEST_CASE("spool refuses entries beyond its limit until segments are released") {
  TempDir dir;
  const uint64_t size = entry(0).size();
  Spool spool(dir.path(), 2, 4 * size, 2 * size);
  for (int i = 0; i < 4; ++i) REQUIRE(spool.append(entry(i)));
  CHECK_FALSE(spool.append(entry(4)));
  CHECK(spool.disk_bytes() == 4 * size);
  spool.release_below(2 * size);
  CHECK(spool.append(entry(4)));
}

TEST_CASE("spool reads counted entries: a header line saying how many lines follow") {
  TempDir dir;
  Spool spool(dir.path(), Spool::kCountedLines, 0, 64);
  const std::vector<std::string> batches = {
      "2 db=a\nm v=1 1\nm v=2 2\n", "0 db=empty\n", "1 db=b\nm v=3 3\n",
      "3\nx\ny\nz\n",  // a header of the count alone
  };
  for (const auto& batch : batches) REQUIRE(spool.append(batch));
  CHECK(entries(spool.read(0, 100, 1 << 20)) == batches);
  const auto one = spool.read(0, 1, 1 << 20);
  REQUIRE(one.ends.size() == 1);
  CHECK(entries(spool.read(one.end(), 2, 1 << 20)) ==
        std::vector<std::string>{batches[1], batches[2]});
}

TEST_CASE("spool drops an entry cut short by a crash when it is opened again") {
  TempDir dir;
  uint64_t whole = 0;
  {
    Spool spool(dir.path(), Spool::kCountedLines, 0);
    spool.append("2 db=a\nm v=1 1\nm v=2 2\n");
    whole = spool.end();
  }
  {
    // The process died while appending the second batch: its header and half a line landed.
    std::ofstream segment(dir.path() / "00000000000000000000.spool", std::ios::app);
    segment << "2 db=a\nm v=3";
  }
  Spool spool(dir.path(), Spool::kCountedLines, 0);
  CHECK(spool.end() == whole);
  CHECK(spool.append("1 db=b\nm v=4 4\n"));
  CHECK(entries(spool.read(0, 100, 1 << 20)) ==
        std::vector<std::string>{"2 db=a\nm v=1 1\nm v=2 2\n", "1 db=b\nm v=4 4\n"});
  // Two-line entries likewise.
  TempDir es_dir;
  {
    Spool es(es_dir.path(), 2, 0);
    es.append(entry(1));
  }
  {
    std::ofstream segment(es_dir.path() / "00000000000000000000.spool", std::ios::app);
    segment << "{\"index\":{}}\n";
  }
  Spool es(es_dir.path(), 2, 0);
  CHECK(es.end() == entry(1).size());
}
