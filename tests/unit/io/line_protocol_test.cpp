#include "io/line_protocol.hpp"

#include <catch2/catch.hpp>

#include <charconv>

#include "../model/alloc_counter.hpp"

using farad::io::LineParser;
using farad::io::LineView;
using farad::io::ParseOptions;
using farad::io::Precision;

namespace {

// `name [k=v; k=v] {k=v; k=v} @time`: floats in shortest form, `3i`, `4u`, `"s"`, `true`.
std::string dump(const LineView& view) {
  std::string out(view.measurement);
  out += " [";
  for (std::size_t i = 0; i < view.tags.size(); ++i) {
    if (i > 0) out += "; ";
    out += std::string(view.tags[i].key) + "=" + std::string(view.tags[i].value);
  }
  out += "] {";
  for (std::size_t i = 0; i < view.fields.size(); ++i) {
    if (i > 0) out += "; ";
    out += std::string(view.fields[i].key) + "=";
    const auto& value = view.fields[i].value;
    if (const auto* f = std::get_if<double>(&value)) {
      char buf[32];
      out.append(buf, std::to_chars(buf, buf + sizeof buf, *f).ptr);
    } else if (const auto* i64 = std::get_if<int64_t>(&value)) {
      out += std::to_string(*i64) + "i";
    } else if (const auto* u64 = std::get_if<uint64_t>(&value)) {
      out += std::to_string(*u64) + "u";
    } else if (const auto* s = std::get_if<std::string_view>(&value)) {
      out += "\"" + std::string(*s) + "\"";
    } else {
      out += std::get<bool>(value) ? "true" : "false";
    }
  }
  out += "} @" + std::to_string(view.time);
  return out;
}

// The dump of the single record of `text`, or `LINE:COL message`.
std::string parse_one(std::string_view text, ParseOptions options = {Precision::Nanosecond, 42}) {
  LineParser parser(text, options);
  switch (parser.next()) {
    case LineParser::Status::Point:
      return dump(parser.view());
    case LineParser::Status::Error:
      return parser.error().to_string();
    case LineParser::Status::End:
      break;
  }
  return "<none>";
}

struct Row {
  std::string_view line;
  std::string_view expected;
};

void check_rows(const std::vector<Row>& rows, ParseOptions options = {Precision::Nanosecond, 42}) {
  for (const auto& row : rows) {
    INFO(row.line);
    CHECK(parse_one(row.line, options) == row.expected);
  }
}

}  // namespace

TEST_CASE("line protocol: measurement, tags, fields, timestamp", "[io]") {
  check_rows({
      {"cpu value=1", "cpu [] {value=1} @42"},
      {"cpu,host=a,region=b value=1.5 1000", "cpu [host=a; region=b] {value=1.5} @1000"},
      {"cpu,region=b,host=a value=1", "cpu [host=a; region=b] {value=1} @42"},
      {"cpu z=1,a=2,m=3", "cpu [] {a=2; m=3; z=1} @42"},
      {"cpu a=1,a=2i", "cpu [] {a=2i} @42"},  // duplicate field: the last wins
      {"cpu v=1 -1000", "cpu [] {v=1} @-1000"},
      {" \t cpu v=1", "cpu [] {v=1} @42"},
      {"cpu   v=1   123   ", "cpu [] {v=1} @123"},
      {"cpu v=1 ", "cpu [] {v=1} @42"},
      {"c=pu v=1", "c=pu [] {v=1} @42"},
      {"cpu,a==b v=1", "cpu [a==b] {v=1} @42"},  // InfluxDB takes "=b" as the value
      {"cpu v=1 0", "cpu [] {v=1} @0"},
  });
}

TEST_CASE("line protocol: escapes", "[io]") {
  check_rows({
      {R"(c\,p\ u v=1)", "c,p u [] {v=1} @42"},
      {R"(c\=p\"u v=1)", "c=p\"u [] {v=1} @42"},
      {R"(c\\pu v=1)", R"(c\\pu [] {v=1} @42)"},  // only , " space = lose their backslash
      {R"(c\pu v=1)", R"(c\pu [] {v=1} @42)"},
      {R"(cpu,ta\ g\,x\=y=v\ a\,l\=ue v=1)", "cpu [ta g,x=y=v a,l=ue] {v=1} @42"},
      {R"(cpu,t=a\"b v=1)", R"(cpu [t=a\"b] {v=1} @42)"},  // no \" escape in tags
      {R"(cpu f\ o\,o\=x\"y=1)", "cpu [] {f o,o=x\"y=1} @42"},
      {R"(cpu s="q\"uo\\te\n")", R"(cpu [] {s="q"uo\te\n"} @42)"},
      {R"(cpu s="a\b")", R"(cpu [] {s="a\b"} @42)"},
      {R"(cpu s="a b,c=d e")", R"(cpu [] {s="a b,c=d e"} @42)"},
      {R"(cpu s="")", R"(cpu [] {s=""} @42)"},
      {"cpu s=\"two\nlines\" 7", "cpu [] {s=\"two\nlines\"} @7"},
      {R"(cpu s="x",t="y=\"z\"" 9)", R"(cpu [] {s="x"; t="y="z""} @9)"},
  });
}

TEST_CASE("line protocol: numbers", "[io]") {
  check_rows({
      {"m v=12i", "m [] {v=12i} @42"},
      {"m v=-12i", "m [] {v=-12i} @42"},
      {"m v=9223372036854775807i", "m [] {v=9223372036854775807i} @42"},
      {"m v=-9223372036854775808i", "m [] {v=-9223372036854775808i} @42"},
      {"m v=007i", "m [] {v=7i} @42"},
      {"m v=12u", "m [] {v=12u} @42"},
      {"m v=18446744073709551615u", "m [] {v=18446744073709551615u} @42"},
      {"m v=1e10", "m [] {v=1e+10} @42"},
      {"m v=-1.5E-3", "m [] {v=-0.0015} @42"},
      {"m v=1E+5", "m [] {v=1e+05} @42"},
      {"m v=.5", "m [] {v=0.5} @42"},
      {"m v=5.", "m [] {v=5} @42"},
      {"m v=-0", "m [] {v=-0} @42"},
      {"m v=1e-400", "m [] {v=0} @42"},  // underflow is 0, as Go's ParseFloat
      {"m v=0.1", "m [] {v=0.1} @42"},
      {"m v=1.7976931348623157e308", "m [] {v=1.7976931348623157e+308} @42"},
  });
}

TEST_CASE("line protocol: booleans", "[io]") {
  for (const char* text : {"t", "T", "true", "True", "TRUE"}) {
    CHECK(parse_one(std::string("m v=") + text) == "m [] {v=true} @42");
  }
  for (const char* text : {"f", "F", "false", "False", "FALSE"}) {
    CHECK(parse_one(std::string("m v=") + text) == "m [] {v=false} @42");
  }
}

TEST_CASE("line protocol: precision scales the timestamp", "[io]") {
  struct PrecisionRow {
    Precision precision;
    std::string_view expected;
  };
  const PrecisionRow rows[] = {
      {Precision::Nanosecond, "m [] {v=1} @5"},
      {Precision::Microsecond, "m [] {v=1} @5000"},
      {Precision::Millisecond, "m [] {v=1} @5000000"},
      {Precision::Second, "m [] {v=1} @5000000000"},
      {Precision::Minute, "m [] {v=1} @300000000000"},
      {Precision::Hour, "m [] {v=1} @18000000000000"},
  };
  for (const auto& row : rows) {
    CHECK(parse_one("m v=1 5", {row.precision, 0}) == row.expected);
  }
}

TEST_CASE("line protocol: timestamps of every length and padding", "[io]") {
  // Plain digits to the end of the record take a one-pass path, anything else the general one:
  // both must read the same values.
  const std::pair<std::string_view, std::string_view> rows[] = {
      {"m v=1 0", "m [] {v=1} @0"},
      {"m v=1 007", "m [] {v=1} @7"},
      {"m v=1 1491868800000000000", "m [] {v=1} @1491868800000000000"},
      {"m v=1 9223372036854775806", "m [] {v=1} @9223372036854775806"},
      {"m v=1 0000000000000000000000042", "m [] {v=1} @42"},  // longer than 19 digits
      {"m v=1 42 ", "m [] {v=1} @42"},                        // a trailing blank
      {"m v=1 -42", "m [] {v=1} @-42"},
  };
  for (const auto& [line, expected] : rows) {
    INFO(line);
    CHECK(parse_one(line, {Precision::Nanosecond, 0}) == expected);
  }
}

TEST_CASE("line protocol: a missing timestamp takes the default, truncated", "[io]") {
  const int64_t t = 3'723'004'005'006;  // 1h 2m 3.004005006s
  struct PrecisionRow {
    Precision precision;
    int64_t default_time;
    std::string_view expected;
  };
  const PrecisionRow rows[] = {
      {Precision::Nanosecond, t, "m [] {v=1} @3723004005006"},
      {Precision::Microsecond, t, "m [] {v=1} @3723004005000"},
      {Precision::Millisecond, t, "m [] {v=1} @3723004000000"},
      {Precision::Second, t, "m [] {v=1} @3723000000000"},
      {Precision::Minute, t, "m [] {v=1} @3720000000000"},
      {Precision::Hour, t, "m [] {v=1} @3600000000000"},
      {Precision::Second, -1, "m [] {v=1} @-1000000000"},  // Truncate rounds down
  };
  for (const auto& row : rows) {
    CHECK(parse_one("m v=1", {row.precision, row.default_time}) == row.expected);
  }
  LineParser parser("m v=1\nm v=1 5", {Precision::Nanosecond, 9});
  REQUIRE(parser.next() == LineParser::Status::Point);
  CHECK_FALSE(parser.view().has_timestamp);
  REQUIRE(parser.next() == LineParser::Status::Point);
  CHECK(parser.view().has_timestamp);
}

TEST_CASE("line protocol: with more input to come, a cut record waits", "[io]") {
  const std::string text = "a x=1 1\nb s=\"two\nlines\" 2\nc x=3 3";
  ParseOptions options{Precision::Nanosecond, 0};
  options.more_input = true;
  // Cut inside the quoted newline: only the first record is complete.
  const std::size_t cut = text.find("lines");
  LineParser parser(std::string_view(text).substr(0, cut), options);
  REQUIRE(parser.next() == LineParser::Status::Point);
  CHECK(parser.view().measurement == "a");
  CHECK(parser.next() == LineParser::Status::End);
  CHECK(parser.consumed() == text.find('b'));
  CHECK(parser.line() == 2);
  // The rest, from the cut record on, continues the line count; the last record has no
  // newline and waits too until the input is known to end.
  LineParser rest(std::string_view(text).substr(parser.consumed()), options, parser.line());
  REQUIRE(rest.next() == LineParser::Status::Point);
  CHECK(rest.view().measurement == "b");
  CHECK(rest.view().line == 2);
  CHECK(rest.next() == LineParser::Status::End);
  CHECK(rest.line() == 4);
  options.more_input = false;
  LineParser last(std::string_view(text).substr(text.find('c')), options, rest.line());
  REQUIRE(last.next() == LineParser::Status::Point);
  CHECK(last.view().line == 4);
}
