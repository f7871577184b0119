#include "io/point_block_reader.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "io/line_protocol_writer.hpp"

using namespace farad;

namespace {

// Hands out its text a few bytes per read, so records are cut everywhere.
class TricklingSource final : public io::ByteSource {
 public:
  TricklingSource(std::string text, std::size_t step) : text_(std::move(text)), step_(step) {}
  std::size_t read(char* data, std::size_t size) override {
    const std::size_t n = std::min({size, step_, text_.size() - at_});
    std::memcpy(data, text_.data() + at_, n);
    at_ += n;
    return n;
  }

 private:
  std::string text_;
  std::size_t step_;
  std::size_t at_ = 0;
};

// Fails after handing out its text.
class FailingSource final : public io::ByteSource {
 public:
  explicit FailingSource(std::string text) : text_(std::move(text)) {}
  std::size_t read(char* data, std::size_t size) override {
    if (text_.empty()) throw io::IoError("input: read failed");
    const std::size_t n = std::min(size, text_.size());
    std::memcpy(data, text_.data(), n);
    text_.erase(0, n);
    return n;
  }

 private:
  std::string text_;
};

// What a plain LineParser loop over the whole text sees: one line per point or error.
std::vector<std::string> parse_whole(const std::string& text) {
  std::vector<std::string> out;
  io::LineParser parser(text, io::ParseOptions{io::Precision::Nanosecond, 7});
  for (;;) {
    const auto status = parser.next();
    if (status == io::LineParser::Status::End) return out;
    if (status == io::LineParser::Status::Error) {
      out.push_back("error " + parser.error().to_string());
      continue;
    }
    out.push_back(io::format_line(io::to_point(parser.view(), "db", "rp")));
  }
}

// The same through a PointBlockReader.
std::vector<std::string> read_blocks(std::unique_ptr<io::ByteSource> source) {
  std::vector<std::string> out;
  io::PointBlockReader reader(std::move(source), io::ParseOptions{io::Precision::Nanosecond, 7},
                              "db", "rp");
  io::PointBlock block;
  while (reader.next(block)) {
    auto error = block.errors.begin();
    for (std::size_t i = 0; i < block.points.size(); ++i) {
      for (; error != block.errors.end() && error->first == i; ++error) {
        out.push_back("error " + error->second.to_string());
      }
      CHECK(block.points[i].database == "db");
      CHECK(block.points[i].retention_policy == "rp");
      out.push_back(io::format_line(block.points[i]));
    }
    for (; error != block.errors.end(); ++error)
      out.push_back("error " + error->second.to_string());
  }
  return out;
}

// Good and bad records, quoted newlines, escapes, comments, CRLF and no final newline.
std::string sample_text(int copies) {
  std::string text;
  for (int i = 0; i < copies; ++i) {
    const auto n = std::to_string(i);
    text += "cpu,host=h" + n + ",region=r\\ 1 usage=" + n + ".5,count=" + n + "i " + n + "\n";
    text += "# comment \"with a quote\n";
    text += "log,host=a msg=\"two\nlines " + n + "\" " + n + "\r\n";
    text += "bad,host= value=1\n";
    text += "\n   \n";
    text += "mem free=" + n + "u,ok=t\n";
    text += "cpu value=1 notatime\n";
  }
  return text + "last value=2";
}

}  // namespace

TEST_CASE("block reader: same points and errors, in the same order, as one parser", "[io]") {
  const std::string text = sample_text(3000);  // several blocks
  const auto expected = parse_whole(text);
  REQUIRE(expected.size() == 3000 * 5 + 1);
  CHECK(read_blocks(io::memory_source(text)) == expected);
  // Records and lines cut at every position by tiny reads.
  const std::string small = sample_text(20);
  for (std::size_t step : {1, 2, 3, 7, 64}) {
    INFO("bytes per read " << step);
    CHECK(read_blocks(std::make_unique<TricklingSource>(small, step)) == parse_whole(small));
  }
}

TEST_CASE("block reader: empty input and a final record without newline", "[io]") {
  CHECK(read_blocks(io::memory_source("")).empty());
  CHECK(read_blocks(io::memory_source("\n\n# only comments")).empty());
  CHECK(read_blocks(std::make_unique<TricklingSource>("a x=1 5", 2)) ==
        std::vector<std::string>{"a x=1 5"});
}

TEST_CASE("block reader: a read error comes after the points read before it", "[io]") {
  io::PointBlockReader reader(std::make_unique<FailingSource>("a x=1 1\nb x=2 2\nc x="),
                              io::ParseOptions{}, "", "");
  io::PointBlock block;
  REQUIRE(reader.next(block));
  CHECK(block.points.size() == 2);
  CHECK_THROWS_WITH(reader.next(block), "input: read failed");
}

TEST_CASE("block reader: stopping early joins the reading thread", "[io]") {
  const std::string text = sample_text(5000);
  io::PointBlockReader reader(io::memory_source(text), io::ParseOptions{}, "", "");
  io::PointBlock block;
  REQUIRE(reader.next(block));
  CHECK_FALSE(block.points.empty());
}  // the destructor stops a thread blocked on a full queue
