// A parser given a tag projection (ParseOptions::keys) must read exactly what a parser without
// one reads, the tags it leaves out aside: same points, same errors at the same positions.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/line_protocol.hpp"
#include "io/line_protocol_writer.hpp"

using namespace farad;

namespace {

// One string per record: the point as line protocol, or the error.
std::vector<std::string> parse(const std::string& text, const model::KeyProjection* keys) {
  io::ParseOptions options{io::Precision::Nanosecond, 3};
  options.keys = keys;
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

// Series in several spellings: tag order, escapes, a long key, bad keys, no tags.
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

TEST_CASE("tag projection: a projected parse keeps only the projected tags", "[io]") {
  const std::string text = sample_text();
  model::KeyProjection keys;
  keys.all_tags = false;
  keys.tags = {"host", "ifName"};
  const auto expected = parse_projected_by_hand(text, keys);
  std::vector<std::string> good;
  std::vector<std::string> errors;
  for (const auto& line : parse(text, &keys)) {
    (line.rfind("error", 0) == 0 ? errors : good).push_back(line);
  }
  CHECK(good == expected);
  CHECK(good.size() == 240);  // six good lines in each of 40 copies
  // Errors stay where they were: the projection never hides a bad tag.
  std::vector<std::string> unprojected_errors;
  for (const auto& line : parse(text, nullptr)) {
    if (line.rfind("error", 0) == 0) unprojected_errors.push_back(line);
  }
  CHECK(errors == unprojected_errors);
  CHECK(errors.size() == 80);
}
