#include "lang/formatter.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "lang/parser.hpp"

namespace {

using farad::lang::format_program;
using farad::lang::Node;
using farad::lang::NodeKind;
using farad::lang::NodePtr;
using farad::lang::Program;

// Trees built by the compiler (lambdas with vars inlined) carry no parentheses flags; the
// formatter adds the parentheses that precedence needs.
NodePtr node(NodeKind kind, std::string text, NodePtr left = nullptr, NodePtr right = nullptr) {
  auto n = std::make_unique<Node>();
  n->kind = kind;
  n->text = std::move(text);
  if (left) n->children.push_back(std::move(left));
  if (right) n->children.push_back(std::move(right));
  return n;
}

NodePtr ref(std::string name) {
  return node(NodeKind::Reference, std::move(name));
}

NodePtr binary(NodePtr left, std::string op, NodePtr right) {
  return node(NodeKind::Binary, std::move(op), std::move(left), std::move(right));
}

std::string format_lambda(NodePtr expression) {
  auto f = node(NodeKind::Function, "f", node(NodeKind::Lambda, "", std::move(expression)));
  Program program;
  program.statements.push_back(std::move(f));
  return format_program(program);
}

}  // namespace

TEST_CASE("formatter adds the parentheses that precedence needs") {
  // (a + b) * -(c - d)
  CHECK(format_lambda(binary(binary(ref("a"), "+", ref("b")), "*",
                             node(NodeKind::Unary, "-", binary(ref("c"), "-", ref("d"))))) ==
        "f(lambda: (\"a\" + \"b\") * -(\"c\" - \"d\"))\n");
  // a - (b - c), but (a - b) - c needs none
  CHECK(format_lambda(binary(ref("a"), "-", binary(ref("b"), "-", ref("c")))) ==
        "f(lambda: \"a\" - (\"b\" - \"c\"))\n");
  CHECK(format_lambda(binary(binary(ref("a"), "-", ref("b")), "-", ref("c"))) ==
        "f(lambda: \"a\" - \"b\" - \"c\")\n");
}

// ---- Through the parser: scripts and their canonical text

namespace {

using farad::lang::parse_program;
using farad::lang::Source;

Program parse(const std::string& text) {
  return parse_program(Source("test.tick", text));
}

/// What a tree means: kinds, names and values; not positions, comments, parentheses, quoting or
/// line breaks, which formatting may change.
void meaning(const Node& n, std::string& out) {
  out += farad::lang::kind_name(n.kind);
  out += '{' + n.text + '|' + n.text2;
  switch (n.kind) {
    case NodeKind::Number:
      out += n.is_float ? "|f" + std::to_string(n.float_value) : "|i" + std::to_string(n.int_value);
      break;
    case NodeKind::Duration:
      out += '|' + std::to_string(n.duration_ns);
      break;
    case NodeKind::Bool:
      out += n.bool_value ? "|TRUE" : "|FALSE";
      break;
    case NodeKind::Function:
      out += '|' + std::to_string(static_cast<int>(n.func_type));
      break;
    default:
      break;
  }
  for (const auto& c : n.children) {
    out += ' ';
    meaning(*c, out);
  }
  out += '}';
}

std::string meaning(const Program& p) {
  std::string out;
  for (const auto& s : p.statements) {
    meaning(*s, out);
    out += '\n';
  }
  return out;
}

void collect_comments(const Node& n, std::vector<std::string>& out) {
  out.insert(out.end(), n.comment.begin(), n.comment.end());
  for (const auto& c : n.children) collect_comments(*c, out);
}

/// Every comment line, trimmed and sorted: formatting may move a comment but never drop one.
std::vector<std::string> comment_lines(const Program& p) {
  std::vector<std::string> lines;
  for (const auto& s : p.statements) collect_comments(*s, lines);
  lines.insert(lines.end(), p.trailing_comment.begin(), p.trailing_comment.end());
  std::vector<std::string> out;
  for (const auto& line : lines) {
    if (line == "\n") continue;  // the blank line between two blocks
    const auto first = line.find_first_not_of(" \t");
    const auto last = line.find_last_not_of(" \t\r");
    out.push_back(first == std::string::npos ? "" : line.substr(first, last - first + 1));
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The contract of fmt on one script: the result parses to the same meaning with the same
/// comments, formatting it again changes nothing, and it ends with exactly one newline.
void check_round_trip(const std::string& script) {
  INFO("script:\n" << script);
  const Program original = parse(script);
  const std::string once = format_program(original);
  INFO("formatted:\n" << once);
  Program reparsed;
  REQUIRE_NOTHROW(reparsed = parse(once));
  CHECK(format_program(reparsed) == once);
  CHECK(meaning(reparsed) == meaning(original));
  CHECK(comment_lines(reparsed) == comment_lines(original));
  if (!once.empty()) {
    CHECK(once.back() == '\n');
    CHECK_FALSE(once.ends_with("\n\n"));
  }
}

struct Row {
  const char* script;
  const char* expected;
};

const Row rows[] = {
    {// numbers and durations keep their literal
     R"tick(var x=1 var y=0600 var z=2.50 var w=.5 var d=90s var u = 10µ
)tick",
     R"tick(var x = 1

var y = 0600

var z = 2.50

var w = .5

var d = 90s

var u = 10µ
)tick"},
    {// statements, quoting and lists
     R"tick(dbrp "telegraf"."autogen"
dbrp "a\"b"."rp"
var crit lambda
var s='it\'s' var t='''multi
line 'raw' \ text''' var r= /^\/var\/log\// var f = "field \"q\""
var tags = ['host',region , *,]
)tick",
     R"tick(dbrp "telegraf"."autogen"

dbrp "a\"b"."rp"

var crit lambda

var s = 'it\'s'

var t = '''multi
line 'raw' \ text'''

var r = /^\/var\/log\//

var f = "field \"q\""

var tags = ['host', region, *]
)tick"},
    {// a chain written on one line
     R"tick(stream|from().measurement('cpu').where(lambda:"cpu"=='cpu-total'AND"host"=~/^web\d+$/).groupBy(*)|window().period(1m).every(10s).align()|mean('usage_idle').as('idle')|alert().crit(lambda:"idle"<10).log('/var/log/cpu_alerts.log')
)tick",
     R"tick(stream
    |from()
        .measurement('cpu')
        .where(lambda: "cpu" == 'cpu-total' AND "host" =~ /^web\d+$/)
        .groupBy(*)
    |window()
        .period(1m)
        .every(10s)
        .align()
    |mean('usage_idle')
        .as('idle')
    |alert()
        .crit(lambda: "idle" < 10)
        .log('/var/log/cpu_alerts.log')
)tick"},
    {// triple quotes, UDFs and property reads
     R"tick(var data = batch
    |query('''SELECT mean("usage") FROM "db"."rp"."cpu"''')
        .period(5m)
        .every(1m)
        .groupBy(time(1m), 'host')
data@myudf().field('x')@other.flag|httpOut('x')
)tick",
     R"tick(var data = batch
    |query('''SELECT mean("usage") FROM "db"."rp"."cpu"''')
        .period(5m)
        .every(1m)
        .groupBy(time(1m), 'host')

data
    @myudf()
        .field('x')
    @other
        .flag
    |httpOut('x')
)tick"},
    {// parentheses and unary operators
     R"tick(var l = lambda: ("a" + (1)) / ((4 + "b") * ("c")) var m = lambda: (-"x") * 2 + -(1 - "y") var n = lambda: !("ok" OR FALSE) AND !TRUE var o = 5m * 2 var p = - -1
)tick",
     R"tick(var l = lambda: ("a" + 1) / ((4 + "b") * "c")

var m = lambda: (-"x") * 2 + -(1 - "y")

var n = lambda: !("ok" OR FALSE) AND !TRUE

var o = 5m * 2

var p = --1
)tick"},
    {// line breaks inside lambdas
     R"tick(stream
    |eval(lambda: ("a" > 1 AND
        "b" < 2)
        OR "c" == 3
    , lambda: "d")
    |alert()
        .crit(lambda: "usage" > 90
            AND "host" != 'x')
)tick",
     R"tick(stream
    |eval(
        lambda: ("a" > 1 AND
            "b" < 2) OR
        "c" == 3,
        lambda: "d"
    )
    |alert()
        .crit(lambda: "usage" > 90 AND
            "host" != 'x')
)tick"},
    {// comments before statements, steps and arguments
     R"tick(// Header of the file

// describes x
// on two lines
var x = stream
    // the source
    |from()
        //.measurement('mem')
        .measurement('cpu')
    |window() // written at the end of the line
        .period(10s)
    |
    // after the pipe
    eval(
        // first
        lambda: "a" * 2,
        // second
        lambda: "b",
    )
        .as('a2', 'b')

//bare comment before a statement
x|log()
// trailing one

// trailing two
)tick",
     R"tick(// Header of the file

// describes x
// on two lines
var x = stream
    // the source
    |from()
        // .measurement('mem')
        .measurement('cpu')
    |window()
        // written at the end of the line
        .period(10s)
    // after the pipe
    |eval(
        // first
        lambda: "a" * 2,
        // second
        lambda: "b"
    )
        .as('a2', 'b')

// bare comment before a statement
x
    |log()

// trailing one

// trailing two
)tick"},
    {// comments inside expressions keep their order
     R"tick(var w = lambda:
    // why this matters
    "a" > 1
    // and that
    AND "b" < 2
var v = f(
    // a regex alone

    /x\/y/)
var q = [
  // first tag
  'host', 'region']
var u = lambda: !
// negated
"a"
)tick",
     R"tick(var w = lambda:
// why this matters
"a" > 1 AND
// and that
"b" < 2

var v = f(
    // a regex alone

    /x\/y/
)

var q = [
// first tag
'host', 'region']

var u = lambda: !
// negated
"a"
)tick"},
    {// arguments that span lines
     R"tick(var j = a|join(b|c(), d).as('b', 'd')
var k = g(1, lambda: "a" AND
"b", 3)
)tick",
     R"tick(var j = a
    |join(
        b
            |c(),
        d
    )
        .as('b', 'd')

var k = g(
    1,
    lambda: "a" AND
    "b",
    3
)
)tick"},
    {// a script of comments only
     R"tick(// only a comment
//and another
)tick",
     R"tick(// only a comment
// and another
)tick"},
    {// an empty script
     R"tick()tick", R"tick()tick"},
    {// strings whose quoting changes
     R"tick(var t = '''a''\'' var s = 'C:\dir\'s' var e = ''
)tick",
     R"tick(var t = 'a\'\''

var s = 'C:\dir\'s'

var e = ''
)tick"},
    {// a line starting with / continues a comment
     R"tick(var x = 4
// half
/ 2
)tick",
     R"tick(var x = 4

// half
// / 2
)tick"},
    {// operators at line starts move to line ends
     R"tick(var cpu = stream
|from()
.measurement('cpu')
|where(lambda:
("usage_user" + "usage_system")
> 80
AND ("host" == 'a'
OR "host" == 'b'))
)tick",
     R"tick(var cpu = stream
    |from()
        .measurement('cpu')
    |where(lambda: ("usage_user" + "usage_system") >
        80 AND
        ("host" == 'a' OR
            "host" == 'b'))
)tick"},
    {// a trailing comma is dropped
     R"tick(stream
    @udf()
        .options(
            // window size
            10,
            // threshold
            0.5,
            'field',
        )
)tick",
     R"tick(stream
    @udf()
        .options(
            // window size
            10,
            // threshold
            0.5,
            'field'
        )
)tick"},
    {// a comment the value would start with goes above `var`: after `=`, `//` is a regex
     "var t = f(1 // one\n)\nvar l = ['a' // a\n]\n",
     "// one\nvar t = f(1)\n\n// a\nvar l = ['a']\n"},
    {// after `=~` likewise: the right operand goes in parentheses, the comment inside
     "var x = lambda: \"a\" !~ (/x/ // c\n) AND TRUE",
     "var x = lambda: \"a\" !~\n(\n    // c\n    (/x/)) AND\nTRUE\n"},
    {// after a regex or a star only AND, OR and - may follow: their parentheses stay
     "x|where(lambda: (/a/) == TRUE OR (*) == 1)|f(*, 1)|g([*])",
     "x\n    |where(lambda: (/a/) == TRUE OR (*) == 1)\n    |f(*, 1)\n    |g([*])\n"},
};

// Scripts found by fuzzing the formatter against the parser: comments where the lexer allows
// none (after `=`, `=~`, `!~`, before a line starting with '/'), parentheses that a regex needs.
const char* const tricky_scripts[] = {
    "var a = 'a' !~ (/a\\/b/) % \"x\" < 1",
    "var x = lambda: \"a\" !~ ( -\n// c80\n'b'\nAND\n// c81\n2.50 < 1 AND \n\t( 2.50 // c82\n) "
    "// c83\n)\n//\nOR - 5m >=x",
    "stream (\n//\nlambda:( \n\t! -\n//c1a\n  // c1b\nTRUE OR //    i2  \n- // i3\n( 1 // c4\n) "
    "!~ \"f\"\n    % \"f\" )\n// c5\n\n// d5\nOR 'a', // i6\n[\n// c7\n\n// d7\n]\n,\n//\n)",
    "x\n// a\n\n// b\n|alert()\n// c\n.crit(lambda: TRUE)\n\n\n// end\n\n// really\n",
};

}  // namespace

TEST_CASE("formatter table: script to canonical text") {
  for (const auto& row : rows) {
    INFO("script:\n" << row.script);
    CHECK(format_program(parse(row.script)) == row.expected);
  }
}

TEST_CASE("formatter round trip: same meaning, same comments, idempotent") {
  for (const auto& row : rows) check_round_trip(row.script);
  for (const char* script : tricky_scripts) check_round_trip(script);
}

TEST_CASE("formatter round trip over the script corpus") {
  const std::filesystem::path folder = std::filesystem::path(FARAD_SOURCE_DIR) / "tests/scripts";
  if (!std::filesystem::exists(folder)) return;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".tick") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    INFO("file: " << entry.path().filename().string());
    check_round_trip(text.str());
  }
}
