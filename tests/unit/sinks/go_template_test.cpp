// Go's text/template as Kapacitor runs row templates: each row of these tables was checked
// against Go's own text/template (template name "body", Kapacitor's json and jsonCompact
// registered), with data shaped as Kapacitor's mappedRow. On purpose farad differs in: parse
// errors also give the column (Go gives the line only), {{template}} is refused when parsed,
// and a nil in a field chain is reported at the chain (Go names the last argument evaluated).

#include "sinks/go_template.hpp"

#include <catch2/catch.hpp>

#include "sinks/http_post_row.hpp"

using farad::sinks::GoTemplate;
using farad::sinks::GoTemplateError;
using farad::sinks::GoValue;
using farad::sinks::http_post_row_data;
using farad::sinks::kapacitor_json_functions;

namespace {

constexpr int64_t kSecond = 1'000'000'000;

/// Kapacitor's TestStream_HttpPost row: cpu,host=serverA,type=idle value=93.1 at 1971-01-01.
GoValue cpu_row() {
  farad::runtime::HttpOutSeries series;
  series.name = "cpu";
  series.tags = {{"host", "serverA"}, {"type", "idle"}};
  series.columns = {"time", "value"};
  series.rows.push_back({31536003 * kSecond, {93.1}});
  return http_post_row_data(series);
}

/// Two rows with every kind of value, a missing one (nil) and no tags.
GoValue net_row() {
  farad::runtime::HttpOutSeries series;
  series.name = "net";
  series.columns = {"time", "bytes", "gone", "name", "rate", "small", "up"};
  series.rows.push_back(
      {1600000000 * kSecond + kSecond / 2,
       {int64_t{1000000}, std::nullopt, std::string("eth0 <x>"), 1e6, 1e-7, true}});
  series.rows.push_back(
      {1600000010 * kSecond, {int64_t{-2}, std::nullopt, std::string("eth1"), 2.5, 0.0001, false}});
  return http_post_row_data(series);
}

struct Case {
  const GoValue& data;
  const char* text;
  const char* expected;
};

std::string run(const Case& c) {
  return GoTemplate(c.text, kapacitor_json_functions()).execute(c.data);
}

}  // namespace

TEST_CASE("go template: output as Go's text/template writes it") {
  const GoValue cpu = cpu_row();
  const GoValue net = net_row();
  const Case table[] = {
      {cpu,
       "{{.Name}} host={{index .Tags \"host\"}} type={{index .Tags \"type\"}}{{range .Values}} "
       "{{index . \"time\"}} {{index . \"value\"}}{{end}}",
       "cpu host=serverA type=idle 1971-01-01 00:00:03 +0000 UTC 93.1"},
      {cpu, "{{.Name}} {{.Tags.host}} {{.Tags.missing}}|{{index .Tags \"missing\"}}|",
       "cpu serverA <no value>||"},
      {cpu, "{{.}}",
       "{cpu map[host:serverA type:idle] [map[time:1971-01-01 00:00:03 +0000 UTC value:93.1]]}"},
      {cpu, "{{.Tags}} {{.Values}}",
       "map[host:serverA type:idle] [map[time:1971-01-01 00:00:03 +0000 UTC value:93.1]]"},
      {cpu, "{{json .}}",
       "{\"Name\":\"cpu\",\"Tags\":{\"host\":\"serverA\",\"type\":\"idle\"},\"Values\":[{\"time\":"
       "\"1971-01-01T00:00:03Z\",\"value\":93.1}]}\n"},
      {cpu, "{{jsonCompact .Tags}}|", "{\"host\":\"serverA\",\"type\":\"idle\"}|"},
      {net, "{{json .}}",
       "{\"Name\":\"net\",\"Tags\":{},\"Values\":[{\"bytes\":1000000,\"gone\":null,\"name\":\"eth0 "
       "\\u003cx\\u003e\",\"rate\":1000000,\"small\":1e-7,\"time\":\"2020-09-13T12:26:40.5Z\","
       "\"up\":true},{\"bytes\":-2,\"gone\":null,\"name\":\"eth1\",\"rate\":2.5,\"small\":0.0001,"
       "\"time\":\"2020-09-13T12:26:50Z\",\"up\":false}]}\n"},
      {net,
       "{{range $i, $v := "
       ".Values}}{{$i}}:{{$v.bytes}},{{$v.rate}},{{$v.small}},{{$v.name}},{{$v.up}},{{$v.gone}},{{"
       "index $v \"gone\"}};{{end}}",
       "0:1000000,1e+06,1e-07,eth0 <x>,true,<no value>,<no value>;1:-2,2.5,0.0001,eth1,false,<no "
       "value>,<no value>;"},
      {net, "{{range .Values}}{{.time}}|{{end}}",
       "2020-09-13 12:26:40.5 +0000 UTC|2020-09-13 12:26:50 +0000 UTC|"},
      {net, "{{- range .Values -}}\n  {{ .name }}\n{{- end }}", "eth0 <x>eth1"},
      {net, "a  {{- \"b\" -}}  c {{- /* note */ -}} d", "abcd"},
      {net, "{{range $k, $v := index .Values 0}}{{$k}}={{$v}} {{end}}",
       "bytes=1000000 gone=<no value> name=eth0 <x> rate=1e+06 small=1e-07 time=2020-09-13 "
       "12:26:40.5 +0000 UTC up=true "},
      {net, "{{len .Values}} {{len .Tags}} {{len .Name}} {{len (index .Values 0)}}", "2 0 3 7"},
      {net, "{{if .Tags}}tags{{else}}no tags{{end}} {{if .Values}}values{{end}}", "no tags values"},
      {net, "{{with index .Values 0}}{{.name}}{{end}} {{with .Tags}}x{{else}}empty{{end}}",
       "eth0 <x> empty"},
      {net,
       "{{range .Values}}{{if gt .bytes 0}}pos{{else if lt .bytes -1}}neg{{else}}zero{{end}} "
       "{{end}}",
       "pos neg "},
      {net,
       "{{range .Values}}{{if and .up (gt .rate 2.0)}}A{{else if or .up (eq .name "
       "\"eth1\")}}B{{end}}{{end}}",
       "AB"},
      {net,
       "{{printf \"%s=%d %v %f %.2f %q %5s|%-5s|%05d %t %x %e %g\" .Name 42 1.5 2.0 3.14159 "
       "\"q\\\"s\" \"ab\" \"cd\" 42 true 255 1e6 0.000012}}",
       "net=42 1.5 2.000000 3.14 \"q\\\"s\"    ab|cd   |00042 true ff 1.000000e+06 1.2e-05"},
      {net, "{{printf \"%d %s\" \"str\" 5}} {{printf \"%d\"}} {{printf \"x\" 1 \"y\"}}",
       "%!d(string=str) %!s(int=5) %!d(MISSING) x%!(EXTRA int=1, string=y)"},
      {net, "{{printf \"%v|%+v|%s\" . .Tags (index .Values 1).name}}",
       "&{net map[] [map[bytes:1000000 gone:<nil> name:eth0 <x> rate:1e+06 small:1e-07 "
       "time:2020-09-13 12:26:40.5 +0000 UTC up:true] map[bytes:-2 gone:<nil> name:eth1 rate:2.5 "
       "small:0.0001 time:2020-09-13 12:26:50 +0000 UTC up:false]]}|map[]|eth1"},
      {net, "{{.Name | printf \"%s!\"}} {{\"abc\" | len}} {{index .Values 1 | len}}", "net! 3 7"},
      {net, "{{$n := .Name}}{{$x := 1}}{{$x = 2}}{{$n}}{{$x}}{{range .Values}}{{$.Name}}{{end}}",
       "net2netnet"},
      {net, "{{eq 1 2 3 1}} {{ne \"a\" \"b\"}} {{le 2 2}} {{ge 1.5 2.5}} {{eq .Name \"net\"}}",
       "true true true false true"},
      {net, "{{print \"a\" 1 2 \"b\" 3.5 true}}|{{println \"x\" 1}}|", "a1 2b3.5 true|x 1\n|"},
      {net, "{{html \"<a href='x'>&</a>\"}} {{urlquery \"a b&c=d/é\"}}",
       "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt; a+b%26c%3Dd%2F%C3%A9"},
      {net, "{{range .Values}}{{if eq .name \"eth0 <x>\"}}{{continue}}{{end}}{{.name}}{{end}}",
       "eth1"},
      {net, "{{range .Values}}{{.name}}{{break}}{{end}}", "eth0 <x>"},
      {net, "{{range $v := .Values}}{{$v.name}}{{end}}", "eth0 <x>eth1"},
      {net,
       "{{(index .Values 0).bytes}} {{(index .Values 0).time.Unix}} {{(index .Values 0).time.UTC}}",
       "1000000 1600000000 2020-09-13 12:26:40.5 +0000 UTC"},
      {net,
       "{{ 3 }} {{ -4 }} {{ 0x10 }} {{ 1.5e3 }} {{ 1e6 }} {{ 'a' }} {{ `raw\n` }} {{ "
       "\"tab\\tq\\\"\" }}",
       "3 -4 16 1500 1e+06 97 raw\n tab\tq\""},
      {cpu, "{{.Name}}{{$y := 1}}{{if true}}{{$y = 2}}{{end}}{{$y}}", "cpu2"},
      {cpu, "{{.Name}} {{- .Name}} {{-3}}", "cpucpu -3"},
      {net, "{{with $x := index .Values 1}}{{$x.name}}{{end}}", "eth1"},
      {net, "{{range $i, $e := .Values}}{{if $i}},{{end}}{{$e.time.Unix}}{{end}}",
       "1600000000,1600000010"},
      {net, "{{index .Values 0 \"name\"}} {{index . | printf \"%T\"}}",
       "eth0 <x> *kapacitor.mappedRow"},
      {net,
       "{{printf \"%8.3f|%-8d|%+d|%x|%X|%c|%q|%v|%s\" 3.14159 42 7 \"hi\" 255 65 66 nil .Tags}}",
       "   3.142|42      |+7|6869|FF|A|'B'|<nil>|map[]"},
      {net, "{{ (index .Values 0).nope.deeper }}", "<no value>"},
      {cpu, "{{.Name | printf \"%s\" | len}}", "3"},
      {cpu, "{{json (index .Values 0).value}}|{{jsonCompact \"<&>\"}}|",
       "93.1\n|\"\\u003c\\u0026\\u003e\"|"},
      // Go 1.22 and later (Kapacitor's) range over an integer.
      {net, "{{range 3}}{{.}}{{end}}", "012"},
  };
  for (const Case& c : table) {
    INFO(c.text);
    CHECK(run(c) == c.expected);
  }
}

TEST_CASE("go template: parse and execution errors as Go reports them") {
  const GoValue cpu = cpu_row();
  const GoValue net = net_row();
  const Case table[] = {
      {net, "{{not true}} {{not \"\"}} {{and 1 0 2}} {{or 0 \"\" \"z\"}} {{and}}",
       "template: body:1:56: executing \"body\" at <and>: wrong number of args for and: want at "
       "least 1 got 0"},
      {net, "{{range .Nothing}}x{{else}}empty{{end}}",
       "template: body:1:8: executing \"body\" at <.Nothing>: can't evaluate field Nothing in type "
       "*kapacitor.mappedRow"},
      {net, "{{ nil | print }}",
       "template: body:1:3: executing \"body\" at <nil>: nil is not a command"},
      {cpu, "{{.Columns}}",
       "template: body:1:2: executing \"body\" at <.Columns>: can't evaluate field Columns in type "
       "*kapacitor.mappedRow"},
      {cpu, "{{.Name.Foo}}",
       "template: body:1:7: executing \"body\" at <.Name.Foo>: can't evaluate field Foo in type "
       "string"},
      {cpu, "{{index .Values 5}}",
       "template: body:1:2: executing \"body\" at <index .Values 5>: error calling index: index "
       "out of range: 5"},
      {cpu, "{{index .Tags 1}}",
       "template: body:1:2: executing \"body\" at <index .Tags 1>: error calling index: value has "
       "type int; should be string"},
      {cpu, "{{len 3}}",
       "template: body:1:2: executing \"body\" at <len 3>: error calling len: len of type int"},
      {cpu, "{{nothing .}}", "template: body:1:2: function \"nothing\" not defined"},
      {cpu, "{{$x}}", "template: body:1:2: undefined variable \"$x\""},
      {cpu, "{{.Name", "template: body:1:0: unclosed action"},
      {cpu, "{{if .Name}}x", "template: body:1:13: unexpected EOF"},
      {cpu, "{{end}}", "template: body:1:2: unexpected {{end}}"},
      {cpu, "{{else}}", "template: body:1:2: unexpected {{else}}"},
      {cpu, "{{range .Values}}{{else}}{{else}}{{end}}",
       "template: body:1:27: expected end; found {{else}}"},
      {cpu, "{{}}", "template: body:1:2: missing value for command"},
      {cpu, "{{.Name | 3}}", "template: body:1:10: non executable command in pipeline stage 2"},
      {cpu, "{{\"unterminated}}", "template: body:1:2: unterminated quoted string"},
      {cpu, "{{(.Name}}", "template: body:1:8: unclosed left paren"},
      {cpu, "{{.Name)}}", "template: body:1:7: unexpected \")\" in command"},
      {cpu, "{{break}}", "template: body:1:2: {{break}} outside {{range}}"},
      {cpu, "{{template \"x\"}}", "template: body:1:2: {{template}} is not supported"},
      {cpu, "line1\nline2 {{.Name}}\n  {{.Bad}}",
       "template: body:3:4: executing \"body\" at <.Bad>: can't evaluate field Bad in type "
       "*kapacitor.mappedRow"},
      {cpu, "line1\n  {{.Name | nothing}}",
       "template: body:2:12: function \"nothing\" not defined"},
      {cpu, "{{if eq (index .Values 0).value 93}}x{{end}}",
       "template: body:1:5: executing \"body\" at <eq (index .Values 0).value 93>: error calling "
       "eq: incompatible types for comparison"},
      {cpu, "{{lt true false}}",
       "template: body:1:2: executing \"body\" at <lt true false>: error calling lt: invalid type "
       "for comparison"},
      {cpu, "{{gt .Tags .Tags}}",
       "template: body:1:2: executing \"body\" at <gt .Tags .Tags>: error calling gt: invalid type "
       "for comparison"},
      {cpu, "{{.Name 1}}",
       "template: body:1:2: executing \"body\" at <.Name>: Name has arguments but cannot be "
       "invoked as function"},
      {cpu, "{{.Tags.host 1}}",
       "template: body:1:7: executing \"body\" at <.Tags.host>: host is not a method but has "
       "arguments"},
      {cpu, "{{. 1}}",
       "template: body:1:2: executing \"body\" at <.>: can't give argument to non-function ."},
      {cpu, "{{nil}}", "template: body:1:2: executing \"body\" at <nil>: nil is not a command"},
      {cpu, "{{printf 1}}",
       "template: body:1:9: executing \"body\" at <1>: expected string; found 1"},
      {cpu, "{{not 1 2}}",
       "template: body:1:2: executing \"body\" at <not>: wrong number of args for not: want 1 got "
       "2"},
      {cpu, "{{range .Name}}x{{end}}",
       "template: body:1:8: executing \"body\" at <.Name>: range can't iterate over cpu"},
      {cpu, "{{/* unclosed }}", "template: body:1:0: unclosed comment"},
      {cpu, "{{/* c */ .Name}}", "template: body:1:0: comment ends before closing delimiter"},
      {cpu, "{{3 | .Name}}",
       "template: body:1:6: executing \"body\" at <.Name>: Name has arguments but cannot be "
       "invoked as function"},
      {cpu, "{{range $i, $v, $w := .Values}}{{end}}",
       "template: body:1:14: too many declarations in range"},
      {cpu, "{{.Name \"x\" | printf}}",
       "template: body:1:2: executing \"body\" at <.Name>: Name has arguments but cannot be "
       "invoked as function"},
      {cpu, "{{0x1G}}", "template: body:1:2: bad number syntax: \"0x1G\""},
      {net, "{{ (index .Values 0).gone.deeper }}",
       "template: body:1:20: executing \"body\" at <(index .Values 0).gone.deeper>: nil pointer "
       "evaluating interface {}.deeper"},
      {cpu, "{{.Name}}{{else}}", "template: body:1:11: unexpected {{else}}"},
      {cpu, "{{if}}{{end}}", "template: body:1:4: missing value for if"},
      {cpu, "{{range $i := .Values}}{{$i}}{{end}}{{$i}}",
       "template: body:1:38: undefined variable \"$i\""},
  };
  for (const Case& c : table) {
    INFO(c.text);
    std::string error = "no error";
    try {
      run(c);
    } catch (const GoTemplateError& e) {
      error = e.what();
    }
    CHECK(error == c.expected);
  }
}
