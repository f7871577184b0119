#!/usr/bin/env python3
"""Batch recording and live batch replay in farad serve, against a private InfluxDB 1.x.

Usage: batch_record_test.py FARAD

Loads an hour of two hosts' float values into InfluxDB and defines (disabled) a batch task with
two query nodes, each writing its batches with fileOut. Then:

* `farad record batch -task T -start S -stop E` writes a .brpl with one entry per query node;
* `farad replay -recording ID -task T -rec-time` must write each fileOut's .replay-<id> file
  equal to `farad run` of the script over the .brpl (--rec-time), and to `farad run --config
  --start --stop` over the same range (the queries run offline);
* `farad replay-live batch -task T -start S -stop E -rec-time` must give the same files;
  without -rec-time the values are the same and the times shifted to the replay's start;
* `farad record query -query Q -type batch` records one entry whose batches are the query's
  series; `-type stream` records their points, with the query's database and retention policy
  (an unqualified query is refused); a stream task, or a batch replay without a start, is
  refused.
"""

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "sinks"))
from influxdb_server import InfluxServer  # noqa: E402
from serve_process import ServeProcess  # noqa: E402

TIMEOUT = 60
START = "2021-03-01T00:00:00Z"
STOP = "2021-03-01T01:00:00Z"
START_S = 1614556800
SECOND = 10**9

SCRIPT = """dbrp "metrics"."autogen"

var means = batch
    |query('SELECT mean(v) AS m, max(v) AS mx FROM "metrics"."autogen"."cpu"')
        .period(10m)
        .every(10m)
        .align()
        .groupBy(time(5m), 'host')
    |fileOut('means.lp')

var raw = batch
    |query('SELECT v FROM "metrics"."autogen"."cpu" WHERE host = \\'a\\'')
        .period(15m)
        .every(15m)
        .align()
    |fileOut('raw.lp')
"""


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def run(args, cwd=None):
    done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd)
    if done.returncode != 0:
        fail("%s: exit %d\n%s%s" % (" ".join(args[:3]), done.returncode, done.stdout, done.stderr))
    return done.stdout


def read(path):
    if not os.path.exists(path):
        fail("missing output " + path)
    with open(path) as f:
        return f.read()


def load(influx):
    influx.query("CREATE DATABASE metrics")
    lines = []
    for i in range(0, 3600, 10):
        for host, scale in (("a", 1.0), ("b", 2.5)):
            lines.append("cpu,host=%s v=%r %d" % (host, scale * ((i * 7) % 101) + 0.25, START_S + i))
    status, body = influx.request("POST", "/write?db=metrics&precision=s",
                                  "\n".join(lines).encode())
    if status != 204:
        fail("influxdb write: %d %s" % (status, body))


def job(serve, collection, ident):
    status, body = serve.request("GET", "/kapacitor/v1/%s/%s" % (collection, ident))
    if status != 200:
        fail("GET %s/%s: %d %s" % (collection, ident, status, body))
    return json.loads(body)


def main():
    farad = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="farad-batch-record-")
    os.makedirs(os.path.join(work, "influxdb"))
    influx = InfluxServer(os.path.join(work, "influxdb"))
    influx.start()
    serve = None
    try:
        load(influx)
        data_dir = os.path.join(work, "data")
        config = os.path.join(work, "farad.toml")
        with open(config, "w") as f:
            f.write('[storage]\ndata-dir = "%s"\n\n[[influxdb]]\nname = "local"\nurls = ["%s"]\n'
                    % (data_dir, influx.url))
        script = os.path.join(work, "task.tick")
        with open(script, "w") as f:
            f.write(SCRIPT)
        serve = ServeProcess(farad, ["--config", config], os.path.join(work, "serve.log"))
        url = ["-url", serve.url]
        task = {"id": "rollup", "type": "batch", "script": SCRIPT, "status": "disabled"}
        status, body = serve.request("POST", "/kapacitor/v1/tasks", json.dumps(task))
        if status != 200:
            fail("define task: %d %s" % (status, body))

        # The offline references: the queries run by farad run over the range.
        offline = os.path.join(work, "offline")
        os.makedirs(offline)
        run([farad, "run", script, "--config", config, "--start", START, "--stop", STOP],
            cwd=offline)
        want = {name: read(os.path.join(offline, name)) for name in ("means.lp", "raw.lp")}
        if want["means.lp"].count("\n") != 24 or want["raw.lp"].count("\n") != 360:
            fail("offline run: %d means, %d raw lines" % (want["means.lp"].count("\n"),
                                                          want["raw.lp"].count("\n")))

        out = run([farad, "record", "batch", "-task", "rollup", "-start", START, "-stop", STOP,
                   "-recording-id", "rec1"] + url)
        if out.strip() != "rec1":
            fail("record batch printed %r" % out)
        recording = job(serve, "recordings", "rec1")
        if recording["type"] != "batch" or recording["status"] != "finished":
            fail("recording: %s" % recording)
        brpl = os.path.join(data_dir, "recordings", "rec1.brpl")
        with zipfile.ZipFile(brpl) as archive:
            if archive.namelist() != ["0", "1"] or archive.testzip() is not None:
                fail("recording entries %s" % archive.namelist())
        if recording["size"] != os.path.getsize(brpl):
            fail("recording size %s, file %d" % (recording["size"], os.path.getsize(brpl)))

        from_brpl = os.path.join(work, "from-brpl")
        os.makedirs(from_brpl)
        run([farad, "run", script, "--input", brpl, "--rec-time"], cwd=from_brpl)
        for name, text in want.items():
            if read(os.path.join(from_brpl, name)) != text:
                fail("farad run over the .brpl: %s differs from the queries' output" % name)

        run([farad, "replay", "-recording", "rec1", "-task", "rollup", "-rec-time",
             "-replay-id", "rp1"] + url)
        for name, text in want.items():
            if read(os.path.join(data_dir, name + ".replay-rp1")) != text:
                fail("replay of the recording: %s differs" % name)
        if job(serve, "replays", "rp1")["status"] != "finished":
            fail("replay rp1 not finished")

        run([farad, "replay-live", "batch", "-task", "rollup", "-start", START, "-stop", STOP,
             "-rec-time", "-replay-id", "live1"] + url)
        for name, text in want.items():
            if read(os.path.join(data_dir, name + ".replay-live1")) != text:
                fail("replay-live batch -rec-time: %s differs" % name)

        before = time.time_ns()
        run([farad, "replay-live", "batch", "-task", "rollup", "-start", START, "-stop", STOP,
             "-replay-id", "live2"] + url)
        shifted = read(os.path.join(data_dir, "raw.lp.replay-live2")).splitlines()
        recorded = want["raw.lp"].splitlines()
        if [l.rsplit(" ", 1)[0] for l in shifted] != [l.rsplit(" ", 1)[0] for l in recorded]:
            fail("replay-live batch: shifted values differ")
        first = int(shifted[0].rsplit(" ", 1)[1])
        if not before - 5 * SECOND <= first <= time.time_ns():
            fail("replay-live batch: first time %d not at the replay's start" % first)
        step = [int(b.rsplit(" ", 1)[1]) - int(a.rsplit(" ", 1)[1])
                for a, b in zip(recorded, recorded[1:])]
        got_step = [int(b.rsplit(" ", 1)[1]) - int(a.rsplit(" ", 1)[1])
                    for a, b in zip(shifted, shifted[1:])]
        if step != got_step:
            fail("replay-live batch: shifted times do not keep their distances")

        run([farad, "record", "query", "-query",
             'SELECT v FROM "metrics"."autogen"."cpu" WHERE time >= \'%s\' AND time < \'%s\' '
             'GROUP BY host' % (START, STOP), "-type", "batch", "-recording-id", "q1"] + url)
        with zipfile.ZipFile(os.path.join(data_dir, "recordings", "q1.brpl")) as archive:
            batches = [json.loads(l) for l in archive.read("0").decode().splitlines()]
        if sorted(b["tags"]["host"] for b in batches) != ["a", "b"] or \
                any(len(b["points"]) != 360 for b in batches):
            fail("record query: %s" % [(b["tags"], len(b["points"])) for b in batches])

        # The same query recorded as a stream: every point, with the database and retention
        # policy the query names; a query that does not name them is refused.
        run([farad, "record", "query", "-query",
             'SELECT v FROM "metrics"."autogen"."cpu" WHERE time >= \'%s\' AND time < \'%s\' '
             'GROUP BY host' % (START, STOP), "-type", "stream", "-recording-id", "q2"] + url)
        with gzip.open(os.path.join(data_dir, "recordings", "q2.srpl"), "rt") as f:
            records = f.read().splitlines()
        triples = [records[i:i + 3] for i in range(0, len(records), 3)]
        hosts = sorted({t[2].split(" ")[0] for t in triples})
        if len(triples) != 720 or {tuple(t[:2]) for t in triples} != {("metrics", "autogen")} \
                or hosts != ["cpu,host=a", "cpu,host=b"]:
            fail("record query -type stream: %d points, %s, %s" % (len(triples), hosts,
                                                                   triples[:1]))
        status, body = serve.request(
            "POST", "/kapacitor/v1/recordings/query",
            json.dumps({"id": "q3", "type": "stream", "query": "SELECT v FROM cpu"}))
        if status != 400 or "fully qualified" not in str(body):
            fail("record query -type stream of an unqualified query: %d %s" % (status, body))

        stream = {"id": "s", "type": "stream", "dbrps": [{"db": "metrics", "rp": "autogen"}],
                  "script": 'stream|from().measurement(\'cpu\')|log()', "status": "disabled"}
        serve.request("POST", "/kapacitor/v1/tasks", json.dumps(stream))
        status, _ = serve.request("POST", "/kapacitor/v1/recordings/batch",
                                  json.dumps({"task": "s", "start": START}))
        if status != 400:
            fail("record batch of a stream task answered %d" % status)
        status, _ = serve.request("POST", "/kapacitor/v1/replays/batch",
                                  json.dumps({"task": "rollup"}))
        if status != 400:
            fail("replay batch without start answered %d" % status)
        print("batch record and replay: %d + %d lines equal" % (24, 360))
    finally:
        if serve and serve.signal(signal.SIGTERM) != 0:
            fail("farad serve: exit code %d on SIGTERM" % serve.process.returncode)
        influx.stop()
    shutil.rmtree(work, ignore_errors=True)
    print("PASS")


if __name__ == "__main__":
    main()
