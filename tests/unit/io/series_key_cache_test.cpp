// A parser given a series key cache (and a tag projection) must read exactly what a parser
// without one reads: same points, same tags (the projected ones), same errors at the same
// positions, however often keys repeat and however small the cache is.
#include "io/series_key_cache.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/line_protocol.hpp"
#include "io/line_protocol_writer.hpp"

using namespace farad;

namespace {

// One string per record: the point as line protocol, or the error.
std::vector<std::string> parse(const std::string& text, const model::KeyProjection* keys,
                               io::SeriesKeyCache* cache) {
  io::ParseOptions options{io::Precision::Nanosecond, 3};
  options.keys = keys;
  options.series_keys = cache;
  std::vector<std::string> out;
  io::LineParser parser(text, options);
  for (;;) {
    switch (parser.next()) {
      case io::LineParser::Status::End:
        return out;
      case io::LineParser::Status::Error:
        out.push_back("error " + parser.error().to_string());
        break;
      case io::LineParser::Status::Point:
        out.push_back(io::format_line(io::to_point(parser.view(), "db", "rp")));
        break;
    }
  }
}

// The projection applied to an uncached parse, as the reference.
std::vector<std::string> parse_projected_by_hand(const std::string& text,
                                                 const model::KeyProjection& keys) {
  std::vector<std::string> out;
  io::parse_lines(text, io::ParseOptions{io::Precision::Nanosecond, 3},
                  [&](const io::LineView& line) {
                    model::KeyProjection tags_only = keys;
                    tags_only.all_fields = true;
                    out.push_back(io::format_line(io::to_point(line, "db", "rp", &tags_only)));
                  });
  return out;
}

// Repeated series in several spellings: tag order, escapes, a long key, bad keys, no tags.
std::string sample_text() {
  std::string long_value(1500, 'v');
  std::string text;
  for (int i = 0; i < 40; ++i) {
    const auto n = std::to_string(i % 7);
    text += "if,host=h" + n + ",ifName=Gi0/" + n + ",idx=" + n + " in=" + n + "i " + n + "\n";
    text += "if,ifName=Gi0/" + n + ",host=h" + n + ",idx=" + n + " in=1i " + n + "\n";
    text += "if,host=h\\ " + n + ",ifName=x in=2i\n";
    text += "if,host=a,host=b in=3i\n";  // duplicate tags: an error every time
    text += "if,host=a,bad in=3i\n";
    text += "cpu value=" + n + ".5\n";
    text += "cpu,host=" + long_value + " value=1\n";
    text += "if,host=h1,ifName=Gi0/1,idx=1 in=\"a \\\"quoted\\\" string\" 9\n";
  }
  return text;
}

}  // namespace

TEST_CASE("series key cache: a cached parse reads what an uncached one reads", "[io]") {
  const std::string text = sample_text();
  const auto expected = parse(text, nullptr, nullptr);
  for (const std::size_t capacity : {std::size_t{0}, std::size_t{1}, std::size_t{3},
                                     io::SeriesKeyCache::kDefaultMaxEntries}) {
    CAPTURE(capacity);
    io::SeriesKeyCache cache(capacity);
    CHECK(parse(text, nullptr, &cache) == expected);
    CHECK(cache.size() <= capacity);
    CHECK(parse(text, nullptr, &cache) == expected);  // a warm cache too
  }
}

TEST_CASE("series key cache: a projected parse keeps only the projected tags", "[io]") {
  const std::string text = sample_text();
  model::KeyProjection keys;
  keys.all_tags = false;
  keys.tags = {"host", "ifName"};
  const auto expected = parse_projected_by_hand(text, keys);
  io::SeriesKeyCache cache;
  std::vector<std::string> good;
  for (const auto& line : parse(text, &keys, &cache)) {
    if (line.rfind("error", 0) != 0) good.push_back(line);
  }
  CHECK(good == expected);
  CHECK(cache.size() > 0);
  // Errors stay where they were: the projection never hides a bad tag.
  CHECK(parse(text, &keys, &cache).size() == parse(text, nullptr, nullptr).size());
}

TEST_CASE("series key cache: known keys are found, unknown ones are not", "[io]") {
  io::SeriesKeyCache cache(2);
  io::SeriesKeyCache::Entry entry;
  entry.measurement_length = 2;
  entry.tags.push_back({3, 4, 8, 2});
  cache.insert("if,host=h1", entry);
  REQUIRE(cache.find("if,host=h1") != nullptr);
  CHECK(cache.find("if,host=h1")->tags.size() == 1);
  CHECK(cache.find("if,host=h2") == nullptr);
  cache.insert("b", {});
  cache.insert("c", {});  // full: starts over
  CHECK(cache.size() == 1);
  CHECK(cache.find("if,host=h1") == nullptr);
  cache.insert(std::string(io::SeriesKeyCache::kMaxCachedKey + 1, 'k'), {});
  CHECK(cache.size() == 1);  // too long to keep
}
