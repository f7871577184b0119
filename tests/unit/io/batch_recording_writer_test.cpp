#include <catch2/catch.hpp>
#include <filesystem>

#include "io/batch_recording_writer.hpp"
#include "io/recording.hpp"
#include "io/zip_archive.hpp"
#include "model/group_key.hpp"
#include "recording_fixtures.hpp"

using farad::io::BatchRecordingWriter;
using farad::model::Batch;

namespace {

Batch make_batch(const std::string& name, farad::model::Tags tags, int64_t tmax,
                 std::vector<farad::model::BatchPoint> points) {
  Batch batch;
  batch.name = name;
  batch.tags = std::move(tags);
  batch.time = tmax;
  batch.points = std::move(points);
  return batch;
}

}  // namespace

TEST_CASE("brpl writer: one zip entry per query node that the reader reads back", "[io]") {
  farad::test::TempFile file("written_by_writer.brpl", "");
  const Batch first =
      make_batch("cpu", {{"host", "a"}}, 2'000,
                 {{{{"mean", 1.5}, {"s", std::string("x \"y\"")}}, {{"host", "a"}}, 1'000},
                  {{{"mean", 2.0}, {"b", true}}, {{"host", "a"}}, 1'500}});
  const Batch second = make_batch("mem", {}, 9'000, {{{{"free", 3.25}}, {}, -7}});
  {
    BatchRecordingWriter writer(file.path());
    writer.next_entry();
    writer.write(first, false);
    writer.next_entry();  // an entry without batches stays in the archive
    writer.next_entry();
    writer.write(second, false);
    writer.close();
  }
  const auto entries = farad::io::read_zip_directory(file.path());
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].name == "0");
  CHECK(entries[2].name == "2");

  farad::model::GroupKeyInterner interner;
  auto readers = farad::io::open_batch_recording(file.path(), interner);
  REQUIRE(readers.size() == 3);
  farad::io::RecordedBatch read;
  REQUIRE(readers[0].next(read));
  CHECK(read.batch.name == "cpu");
  CHECK(read.batch.tags == first.tags);
  CHECK(read.tmax == 2'000);
  CHECK(read.batch.time == 2'000);
  REQUIRE(read.batch.points.size() == 2);
  CHECK(read.batch.points[0].fields == first.points[0].fields);
  CHECK(read.batch.points[1].time == 1'500);
  CHECK_FALSE(readers[0].next(read));
  CHECK_FALSE(readers[1].next(read));
  REQUIRE(readers[2].next(read));
  CHECK(read.batch.name == "mem");
  CHECK(read.batch.points[0].time == -7);
  CHECK(read.batch.points[0].tags.empty());
}
