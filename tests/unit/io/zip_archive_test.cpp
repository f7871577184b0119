#include "io/zip_archive.hpp"

#include <catch2/catch.hpp>

#include "recording_fixtures.hpp"

namespace {

std::string read_entry(const std::string& path, const farad::io::ZipEntry& entry) {
  auto source = farad::io::open_zip_entry(path, entry);
  std::string out;
  char buf[7];  // small reads exercise the chunking
  while (const auto n = source->read(buf, sizeof buf)) out.append(buf, n);
  return out;
}

}  // namespace

TEST_CASE("zip: directory and entries, stored and deflated", "[io]") {
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "line " + std::to_string(i) + "\n";
  farad::test::TempFile file(
      "a.zip",
      farad::test::zip_bytes({{"0", big, true}, {"1", "stored bytes", false}, {"2", "", true}}));
  const auto entries = farad::io::read_zip_directory(file.path());
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].name == "0");
  CHECK(entries[0].method == 8);
  CHECK(entries[1].method == 0);
  CHECK(read_entry(file.path(), entries[0]) == big);
  CHECK(read_entry(file.path(), entries[1]) == "stored bytes");
  CHECK(read_entry(file.path(), entries[2]).empty());
}

TEST_CASE("zip: a wrong checksum and non-archives are errors", "[io]") {
  auto bytes = farad::test::zip_bytes({{"0", "hello", false}});
  bytes[30 + 1 + 1] ^= 0x20;  // flip a bit of the stored data ("hello" → "heLlo")
  farad::test::TempFile corrupt("corrupt.zip", bytes);
  const auto entries = farad::io::read_zip_directory(corrupt.path());
  CHECK_THROWS_AS(read_entry(corrupt.path(), entries[0]), farad::io::IoError);

  farad::test::TempFile text("text.zip", "not an archive at all, just some text");
  CHECK_THROWS_AS(farad::io::read_zip_directory(text.path()), farad::io::IoError);
  CHECK_FALSE(farad::io::has_zip_magic("not"));
  CHECK(farad::io::has_zip_magic(farad::test::zip_bytes({})));
}
