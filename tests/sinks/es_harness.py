"""Shared parts of the es() sink tests: farad serve over sockets, the documents farad run
captures for the same input, and the documented _id and document shape (docs/sinks.md)."""

import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "es_double"))
from es_double import EsDouble  # noqa: E402,F401  (re-exported for the tests)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from serve_process import ServeProcess, fail, wait_until  # noqa: E402,F401  (re-exported)

TIMEOUT = 60  # seconds for any one wait


class Daemon(ServeProcess):
    """farad serve on a free port, its output appended to workdir/serve.log."""

    def __init__(self, farad, workdir, config):
        super().__init__(farad, ["--config", config, "--data-dir", os.path.join(workdir, "data")],
                         os.path.join(workdir, "serve.log"), TIMEOUT)

    def define(self, task_id, script, vars_json):
        status, answer = self.request("POST", "/kapacitor/v1/tasks", json.dumps(
            {"id": task_id, "type": "stream", "script": script, "vars": vars_json,
             "status": "enabled"}))
        if status != 200:
            fail("define %s answered %d %s" % (task_id, status, answer))

    def node_stats(self, task_id, node):
        status, answer = self.request("GET", "/kapacitor/v1/tasks/" + task_id)
        if status != 200:
            fail("GET task %s: %d %s" % (task_id, status, answer))
        task = json.loads(answer)
        if not task["executing"]:
            fail("task %s is not executing: %s" % (task_id, task.get("error")))
        return task["stats"]["node-stats"][node]

    def post(self, body):
        """POSTs until acknowledged; 503 (queue full) is retried as Telegraf does."""
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            status, answer = self.request("POST", "/write?db=telegraf&rp=autogen&precision=s",
                                          body)
            if status == 204:
                return
            if status != 503:
                fail("write answered %d: %s" % (status, answer))
            time.sleep(0.05)
        fail("write still refused after %ds" % TIMEOUT)

    def kill(self, sig):
        return self.signal(sig)


def generate(farad, workdir, devices=3, ifaces=2):
    data = os.path.join(workdir, "day.lp")
    subprocess.run([farad, "gen", "snmp", "--devices", str(devices), "--ifaces", str(ifaces),
                    "--duration", "1d", "--reset-prob", "0.004", "--shuffle-window", "30s",
                    "--precision", "s", "--out", data], check=True)
    with open(data, "rb") as f:
        return data, f.read().splitlines(keepends=True)


def es_node(farad, script_path):
    dot = subprocess.run([farad, "dot", script_path], check=True, capture_output=True,
                         text=True).stdout
    return re.search(r"\b(es\d+)\b", dot).group(1)


def unescape(text):
    return re.sub(r"\\(.)", r"\1", text)


def parse_line(line):
    """One line of farad run --output (no spaces or commas in these names and values)."""
    series, fields_text, time_text = line.rsplit(" ", 2)
    measurement, *tag_pairs = series.split(",")
    tags = dict(pair.split("=", 1) for pair in tag_pairs)
    fields = {}
    for pair in fields_text.split(","):
        key, value = pair.split("=", 1)
        fields[key] = int(value[:-1]) if value.endswith("i") else float(value)
    return unescape(measurement), tags, fields, int(time_text)


def captured(farad, workdir, script_path, data, vars_path):
    """The documents' points as farad run captures them (no connections)."""
    out = os.path.join(workdir, "captured.lp")
    subprocess.run([farad, "run", script_path, "--input", data, "--precision", "s",
                    "--vars", vars_path, "--output", out], check=True, cwd=workdir)
    with open(out) as f:
        return [parse_line(line) for line in f.read().splitlines() if line]


# The tests' vars: hourly windows, so that a few hours of data give many documents.
HOURLY_VARS = {"period": {"type": "duration", "value": 3600 * 10**9}}


def prepare_capture(farad, workdir, script, data, min_points):
    """Writes `script` (with hourly windows through vars) and what `farad run` captures of it:
    (script_path, vars_path, node, points, expected documents of task "rollup")."""
    script_path = os.path.join(workdir, "rollup.tick")
    with open(script_path, "w") as f:
        f.write(script)
    vars_path = os.path.join(workdir, "vars.json")
    with open(vars_path, "w") as f:
        json.dump(HOURLY_VARS, f)
    node = es_node(farad, script_path)
    points = captured(farad, workdir, script_path, data, vars_path)
    expected = expected_documents("rollup", node, points, "netrollup-%Y.%m")
    if len(expected) != len(points) or len(points) < min_points:
        fail("farad run captured %d points for %d ids" % (len(points), len(expected)))
    return script_path, vars_path, node, points, expected


def doc_id(task, node, measurement, tags, time_ns):
    """docs/sinks.md: SHA-256 of task, node, measurement, sorted tags, time, NUL-separated."""
    parts = [task, node, measurement]
    for key in sorted(tags):
        parts += [key, tags[key]]
    parts.append(str(time_ns))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def rfc3339(time_ns):
    seconds, nanos = divmod(time_ns, 10**9)
    text = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%S")
    if nanos:
        text += ("." + "%09d" % nanos).rstrip("0")
    return text + "Z"


def expected_documents(task, node, points, index_pattern):
    """{(index, _id): source} for the default document shape."""
    documents = {}
    for measurement, tags, fields, time_ns in points:
        when = datetime.datetime.fromtimestamp(time_ns // 10**9, datetime.timezone.utc)
        index = when.strftime(index_pattern)
        source = {"@timestamp": rfc3339(time_ns), "measurement": measurement}
        source.update(tags)
        source.update(fields)
        documents[(index, doc_id(task, node, measurement, tags, time_ns))] = source
    return documents


def check_documents(double, expected, pattern):
    """Every expected document stored once with its shape, nothing else in `pattern`."""
    store = double.store
    with store.lock:
        stored = {(index, doc_id): doc["source"] for index, docs in store.indices.items()
                  for doc_id, doc in docs.items() if re.fullmatch(pattern, index)}
    missing = set(expected) - set(stored)
    extra = set(stored) - set(expected)
    if missing or extra:
        fail("%d documents missing, %d unexpected (of %d): e.g. %s %s"
             % (len(missing), len(extra), len(expected), sorted(missing)[:2], sorted(extra)[:2]))
    for key, source in expected.items():
        if stored[key] != source:
            fail("document %s is %s, expected %s" % (key, stored[key], source))
