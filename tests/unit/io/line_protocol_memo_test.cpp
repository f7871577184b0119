// LineParser with ParseOptions::series_memo: a line whose raw series key is remembered skips
// the key's tokenising, and must otherwise parse exactly as without the memo.
#include <catch2/catch.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "io/line_protocol.hpp"
#include "io/series_key_memo.hpp"
#include "model/key_projection.hpp"

using farad::io::kNoSeries;
using farad::io::LineParser;
using farad::io::LineView;
using farad::io::ParseOptions;
using farad::io::SeriesKeyMemo;

namespace {

std::string dump_tags(const LineView& view) {
  std::string out = "[";
  for (const auto& tag : view.tags) {
    out += std::string(tag.key) + "=" + std::string(tag.value) + ";";
  }
  return out + "]";
}

std::string dump_fields(const LineView& view) {
  std::string out = "{";
  for (const auto& field : view.fields) {
    out += std::string(field.key) + "=";
    const auto& value = field.value;
    if (const auto* f = std::get_if<double>(&value)) {
      char buf[32];
      out.append(buf, std::to_chars(buf, buf + sizeof buf, *f).ptr);
    } else if (const auto* i = std::get_if<int64_t>(&value)) {
      out += std::to_string(*i) + "i";
    } else if (const auto* u = std::get_if<uint64_t>(&value)) {
      out += std::to_string(*u) + "u";
    } else if (const auto* s = std::get_if<std::string_view>(&value)) {
      out += "\"" + std::string(*s) + "\"";
    } else {
      out += std::get<bool>(value) ? "true" : "false";
    }
    out += ";";
  }
  return out + "}";
}

// One parsed record: everything but the tags, which are compared separately.
struct Parsed {
  std::string text;  // "error L:C message" or "L measurement {fields} @time ts?"
  std::string tags;
  bool memo_hit = false;
};

std::string describe_point(const LineView& view) {
  return std::to_string(view.line) + " " + std::string(view.measurement) + " " + dump_fields(view) +
         " @" + std::to_string(view.time) + (view.has_timestamp ? " ts" : " default");
}

// Every record of `text`: an error as its text, a good line through `describe(view)`.
template <typename Describe>
std::vector<Parsed> parse_all(const std::string& text, const ParseOptions& options,
                              Describe&& describe) {
  std::vector<Parsed> out;
  LineParser parser(text, options);
  for (;;) {
    const auto status = parser.next();
    if (status == LineParser::Status::End) return out;
    if (status == LineParser::Status::Error) {
      out.push_back({"error " + parser.error().to_string(), "", false});
      continue;
    }
    out.push_back(describe(parser.view()));
  }
}

std::vector<Parsed> parse_plain(const std::string& text, ParseOptions options) {
  return parse_all(text, options, [](const LineView& view) {
    return Parsed{describe_point(view), dump_tags(view), false};
  });
}

// The parse PointBlockReader does: each new series key of a good line is remembered with the
// next series id; a line found in the memo takes the tags of the first line of its series.
std::vector<Parsed> parse_with_memo(const std::string& text, ParseOptions options,
                                    SeriesKeyMemo& memo, std::vector<std::string>& series_tags) {
  options.series_memo = &memo;
  return parse_all(text, options, [&](const LineView& view) {
    Parsed parsed{describe_point(view), "", view.series != kNoSeries};
    if (view.series == kNoSeries) {
      parsed.tags = dump_tags(view);
      const auto id = static_cast<uint32_t>(series_tags.size());
      series_tags.push_back(parsed.tags);
      if (!view.series_key.empty()) memo.insert(view.series_key, id);
    } else {
      REQUIRE(view.series < series_tags.size());
      CHECK(view.tags.empty());  // left unparsed
      parsed.tags = series_tags[view.series];
    }
    return parsed;
  });
}

// Records of every kind; joined with "\n" or "\r\n", repeated and reordered below.
const std::vector<std::string> kRecords = {
    "cpu,host=a,region=eu v=1 100",
    "cpu,host=a,region=eu v=2i,s=\"x y\" 200",
    "cpu,host=a,region=eu v=3u",
    "cpu,host=a,region=eu v= 300",
    "cpu,host=a,region=eu v=1,w 301",
    "cpu,host=a,region=eu v=1 12a",
    "cpu,host=a,region=eu v=1 99999999999999999999",
    "cpu,host=a,region=eu v=1 1 2",
    "cpu,host=a,region=eu",
    "cpu,host=a,region=eu ",
    "cpu,host=a,region=eu  v=8 302",
    "   cpu,host=a,region=eu v=7 700",
    "\tcpu,host=a,region=eu v=true 701",
    "cpu,region=eu,host=a v=4 400",
    "cpu,host=b,region=eu v=5 500,",
    "cpu,host=b,region=eu v=5.5 500",
    "cpu,host=b,region=eu v=\"multi\nline\" 501",
    "cpu,host=a\\ b,region=eu v=6 600",
    "cpu,host=a\\,b v=6 601",
    "wea\\,ther,loc=x v=1 602",
    "cpu,host=\"q\" v=1 603",
    "cpu,host=a\"b v=\"str with space\" 604",
    "cpu,host=\"q\" v=\"quoted \\\" escape\" 605",
    "cpu,b=1,a=2,b=3 v=1 606",
    "cpu,host= v=1 607",
    "cpu,host v=1 608",
    "cpu,=x v=1 609",
    ",cpu v=1 610",
    "cpu v=1 611",
    "cpu v=2",
    "m=x,t=a f=1 612",
    "cpu,host=a,region=eu v=1.2.3 613",
    "cpu,host=a,region=eu =1 614",
    "cpu,host=a,region=eu v=18446744073709551615u,big=9223372036854775807i 615",
    "cpu,host=a,region=eu v=-1 -616",
    "cpu,host=a,region=eu v=1 -9223372036854775808",
    "# a comment with \"quotes\" and cpu,host=a,region=eu v=1",
    "   # an indented comment",
    "",
    "   ",
    "disk,host=a,path=/ free=1i,used=2i 700",
    "disk,host=a,path=/ used=3i,free=4i 701",
    "disk,host=a,path=/ used=3i,used=5i 702",
    "disk,host=a,path=/,host=b used=1i 703",
};

std::string join(const std::vector<std::string>& records, const std::string& newline) {
  std::string out;
  for (const auto& record : records) out += record + newline;
  return out;
}

// The records three times (the second and third pass find most keys in the memo), the third
// time in reverse order, so the memo's next-entry guess is mostly wrong. An unbalanced quote
// runs to the end of the input: it comes last.
std::string varied_input(const std::string& newline) {
  std::vector<std::string> records = kRecords;
  records.insert(records.end(), kRecords.begin(), kRecords.end());
  records.insert(records.end(), kRecords.rbegin(), kRecords.rend());
  records.push_back("cpu,host=b,region=eu v=\"unterminated");
  return join(records, newline);
}

void check_same_with_memo(const std::string& text, const ParseOptions& options) {
  const std::vector<Parsed> plain = parse_plain(text, options);
  SeriesKeyMemo memo;
  std::vector<std::string> series_tags;
  const std::vector<Parsed> memoised = parse_with_memo(text, options, memo, series_tags);
  REQUIRE(memoised.size() == plain.size());
  std::size_t hits = 0;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    INFO("record " << i << ": " << plain[i].text);
    CHECK(memoised[i].text == plain[i].text);
    CHECK(memoised[i].tags == plain[i].tags);
    if (memoised[i].memo_hit) ++hits;
  }
  // The memo was used: the repeated plain keys are found, keys with backslashes never are.
  CHECK(hits > 20);
  CHECK(memo.size() < series_tags.size());  // the escaped keys are not remembered
  CHECK(memo.size() >= 5);
}

}  // namespace

TEST_CASE("line protocol memo: the same records, errors and tags as without it", "[io]") {
  ParseOptions options;
  options.default_time = 1'000'000'007;
  SECTION("newline") {
    check_same_with_memo(varied_input("\n"), options);
  }
  SECTION("CRLF") {
    check_same_with_memo(varied_input("\r\n"), options);
  }
  SECTION("seconds, default time truncated") {
    options.precision = farad::io::Precision::Second;
    check_same_with_memo(varied_input("\n"), options);
  }
  SECTION("no trailing newline") {
    std::string text = varied_input("\n");
    text += "cpu,host=a,region=eu v=9 900";
    check_same_with_memo(text, options);
  }
}

TEST_CASE("line protocol memo: with a tag projection, as a task's reader parses", "[io]") {
  farad::model::KeyProjection keys;
  keys.all_tags = false;
  keys.tags = {"host"};
  ParseOptions options;
  options.keys = &keys;
  check_same_with_memo(varied_input("\n"), options);
}

TEST_CASE("line protocol memo: a remembered key with bad fields reports the same error", "[io]") {
  const std::string text =
      "cpu,host=a v=1 1\n"
      "cpu,host=a v=\n"
      "cpu,host=a v=1,w\n"
      "cpu,host=a v=1 12a\n"
      "cpu,host=a v=1.2.3 5\n"
      "cpu,host=a =1\n"
      "cpu,host=a v=1 1 2\r\n"
      "cpu,host=a \n"
      "cpu,host=a v=2 2\n"
      "cpu,host=a v=\"abc\n";
  const std::vector<std::string> expected = {
      "1 cpu {v=1;} @1 ts",
      "error 2:14 missing field value",
      "error 3:16 invalid field format",
      "error 4:16 invalid timestamp",
      "error 5:14 invalid number",
      "error 6:12 missing field key",
      "error 7:18 unexpected text after timestamp",
      "error 8:12 missing fields",
      "9 cpu {v=2;} @2 ts",
      "error 10:14 unbalanced quotes",
  };
  SeriesKeyMemo memo;
  std::vector<std::string> series_tags;
  const std::vector<Parsed> memoised = parse_with_memo(text, ParseOptions{}, memo, series_tags);
  const std::vector<Parsed> plain = parse_plain(text, ParseOptions{});
  std::vector<std::string> memo_texts;
  std::vector<std::string> plain_texts;
  for (const auto& p : memoised) memo_texts.push_back(p.text);
  for (const auto& p : plain) plain_texts.push_back(p.text);
  CHECK(plain_texts == expected);
  CHECK(memo_texts == expected);
  // The key was remembered once, from line 1, and line 9 found it.
  CHECK(memo.size() == 1);
  REQUIRE(memoised.size() == expected.size());
  CHECK_FALSE(memoised.front().memo_hit);
  CHECK(memoised[8].memo_hit);
  CHECK(memoised[8].tags == "[host=a;]");
}
