// Lines kept by one thread and read back by another must give the points a fresh parse gives,
// escapes (text the parser unescaped into its scratch) and string fields included.
#include "io/parsed_lines.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/line_protocol_writer.hpp"

using namespace farad;

namespace {

const std::string kText =
    "if,host=h1,ifName=Gi0/1 in=1i,out=2i 10\n"
    "if,host=h\\ 2,ifName=Gi0/2 in=3i,out=4i,note=\"a \\\"quoted\\\" word\" 20\n"
    "bad line\n"
    "m\\,x,t\\=k=v\\,w f\\ k=1.5,s=\"plain\" 30\n"
    "cpu value=2\n";

std::vector<std::string> fresh(const model::KeyProjection* keys) {
  std::vector<std::string> out;
  io::parse_lines(kText, io::ParseOptions{io::Precision::Nanosecond, 7},
                  [&](const io::LineView& line) {
                    out.push_back(io::format_line(io::to_point(line, "db", "rp", keys)));
                  });
  return out;
}

std::vector<std::string> kept(const model::KeyProjection* keys) {
  io::ParsedLines lines(kText);
  io::parse_lines(kText, io::ParseOptions{io::Precision::Nanosecond, 7},
                  [&](const io::LineView& line) { lines.add(line, keys); });
  CHECK(lines.buffer_data() == kText.data());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // Projected tags: applied here as the parser would (ParseOptions::keys).
    out.push_back(io::format_line(io::to_point(lines.line(i), "db", "rp", keys)));
  }
  return out;
}

}  // namespace

TEST_CASE("parsed lines: read back later, they give a fresh parse's points", "[io]") {
  CHECK(kept(nullptr) == fresh(nullptr));
  CHECK(kept(nullptr).size() == 4);
}

TEST_CASE("parsed lines: fields left out by the projection are not kept", "[io]") {
  model::KeyProjection keys;
  keys.all_fields = false;
  keys.fields = {"in", "note", "s"};
  CHECK(kept(&keys) == fresh(&keys));
  io::ParsedLines lines(kText);
  io::parse_lines(kText, io::ParseOptions{},
                  [&](const io::LineView& line) { lines.add(line, &keys); });
  REQUIRE(lines.size() == 4);
  CHECK(lines.line(0).fields.size() == 1);  // out=2i left out
  CHECK(lines.line(1).fields.size() == 2);
  CHECK(lines.line(3).fields.empty());
}
