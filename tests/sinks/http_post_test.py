"""httpPost against a small Python HTTP server, through `farad run --config` with an
[[httppost]] endpoint: 5xx answers are retried until the post is taken, the endpoint's headers,
basic auth and the node's .header() are sent, the body is Kapacitor's row JSON, .codeField()
holds the final status, and a 4xx is not retried and is logged with its body
(.captureResponse()). Endpoints with a row template (inline, and from a file) post the rendered
template without a content type, to a URL that is itself a template of the row.

usage: http_post_test.py FARAD"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAILURES_BEFORE_SUCCESS = 2
received = []
lock = threading.Lock()


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            received.append((self.path, dict(self.headers), body))
            hook_calls = sum(1 for path, _, _ in received if path == "/hook")
        if self.path == "/bad":
            status, answer = 400, b"no thanks"
        elif self.path.startswith("/row/"):
            status, answer = 200, b"ok"
        elif hook_calls <= FAILURES_BEFORE_SUCCESS:
            status, answer = 503, b"busy"
        else:
            status, answer = 200, b"ok"
        self.send_response(status)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


# Kapacitor's example row template (etc/kapacitor/kapacitor.conf), as TOML literal text.
LINE_TEMPLATE = ('{{.Name}} host={{index .Tags "host"}}'
                 '{{range .Values}} {{index . "time"}} {{index . "value"}}{{end}}')
FILE_TEMPLATE = """{{- range $i, $row := .Values -}}
{{ if $i }},{{ end }}{{ printf "%s/%v=%.2f" $.Name $row.time.Unix $row.value }}
{{- end }} {{ jsonCompact .Tags }}
"""


def check_templates():
    posts = [r for r in received if r[0].startswith("/row/")]
    line = [r for r in posts if r[0] == "/row/cpu/a"]
    expected = [b"cpu host=a 2020-09-13 12:26:40 +0000 UTC 1",
                b"cpu host=a 2020-09-13 12:26:50 +0000 UTC 2.5"]
    if [body for _, _, body in line] != expected:
        fail("row template posts to /row/cpu/a: %r, expected %r (all posts: %r)"
             % ([body for _, _, body in line], expected, [(p, b) for p, _, b in posts]))
    for _, headers, _ in line:
        if "Content-Type" in headers:
            fail("a row template post has Content-Type %r; Kapacitor sends none"
                 % headers["Content-Type"])
    from_file = [body for path, _, body in posts if path == "/row/file"]
    expected = [b'cpu/1600000000=1.00 {"host":"a"}\n', b'cpu/1600000010=2.50 {"host":"a"}\n']
    if from_file != expected:
        fail("row-template-file posts %r, expected %r" % (from_file, expected))


def main():
    farad = os.path.abspath(sys.argv[1])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d" % server.server_address[1]
    with tempfile.TemporaryDirectory(prefix="farad-http-post-") as workdir:
        config = os.path.join(workdir, "farad.toml")
        template_file = os.path.join(workdir, "row.tmpl")
        with open(template_file, "w") as f:
            f.write(FILE_TEMPLATE)
        with open(config, "w") as f:
            f.write('[[httppost]]\nendpoint = "hook"\nurl = "%s/hook"\n'
                    'headers = { X-Endpoint = "e1" }\n'
                    'basic-auth = { username = "user", password = "secret" }\n' % base)
            f.write('[[httppost]]\nendpoint = "line"\nurl = "%s/row/{{.Name}}/{{.Tags.host}}"\n'
                    "row-template = '%s'\n" % (base, LINE_TEMPLATE))
            f.write('[[httppost]]\nendpoint = "file"\nurl = "%s/row/file"\n'
                    'row-template-file = "%s"\n' % (base, template_file))
        script = os.path.join(workdir, "task.tick")
        with open(script, "w") as f:
            f.write("""dbrp "telegraf"."autogen"
stream
    |from()
        .measurement('cpu')
    |httpPost()
        .endpoint('hook')
        .header('X-Node', 'n1')
        .codeField('code')
    |httpPost('%s/bad')
        .captureResponse()
        .codeField('bad_code')
    |httpPost()
        .endpoint('line')
        .codeField('line_code')
    |httpPost()
        .endpoint('file')
    |httpOut('out')
""" % base)
        data = os.path.join(workdir, "in.lp")
        with open(data, "w") as f:
            f.write("cpu,host=a value=1 1600000000\ncpu,host=a value=2.5 1600000010\n")
        run = subprocess.run([farad, "run", script, "--input", data, "--precision", "s",
                              "--config", config, "--httpout", workdir],
                             capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            fail("farad run exited %d: %s" % (run.returncode, run.stderr))

        hook = [r for r in received if r[0] == "/hook"]
        bad = [r for r in received if r[0] == "/bad"]
        if len(hook) != FAILURES_BEFORE_SUCCESS + 2:
            fail("/hook got %d posts, expected %d (2 retried, then one per point)"
                 % (len(hook), FAILURES_BEFORE_SUCCESS + 2))
        if len(bad) != 2:
            fail("/bad got %d posts, expected one per point (4xx is not retried)" % len(bad))
        auth = "Basic " + base64.b64encode(b"user:secret").decode()
        for _, headers, _ in hook:
            for name, value in (("X-Endpoint", "e1"), ("X-Node", "n1"), ("Authorization", auth),
                                ("Content-Type", "application/json")):
                if headers.get(name) != value:
                    fail("/hook header %s = %r, expected %r" % (name, headers.get(name), value))
        expected_first = {"series": [{"name": "cpu", "tags": {"host": "a"},
                                      "columns": ["time", "value"],
                                      "values": [["2020-09-13T12:26:40Z", 1]]}]}
        if json.loads(hook[0][2]) != expected_first or hook[0][2] != hook[2][2]:
            fail("first body %r, expected %r (and the retries the same)"
                 % (hook[0][2], expected_first))
        if not hook[0][2].endswith(b"\n"):
            fail("the body does not end in a newline as Go's json.Encoder writes it")
        with open(os.path.join(workdir, "out.json")) as f:
            out = json.load(f)
        row = out["series"][0]
        values = dict(zip(row["columns"], row["values"][-1]))
        if values.get("code") != 200 or values.get("bad_code") != 400 \
                or values.get("line_code") != 200:
            fail("codeField values %s, expected code 200, bad_code 400 and line_code 200" % values)
        check_templates()
        if "POST returned non 2xx status code: no thanks (code 400)" not in run.stderr:
            fail("the 4xx was not logged with its body: %r" % run.stderr)
    server.shutdown()
    print("ok: retried %d times until taken, headers, auth, body, codeField and 4xx as expected"
          % FAILURES_BEFORE_SUCCESS)


if __name__ == "__main__":
    main()
