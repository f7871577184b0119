#!/usr/bin/env python3
"""Batch tasks against a real InfluxDB 1.6 (a private influxd, tests/sinks/influxdb_server.py).

Usage: batch_query_test.py FARAD

1. The alternative rollup path: two days of generated SNMP counters (with counter resets) are
   loaded raw into InfluxDB; `farad run --config --start --stop` runs a daily batch task whose
   InfluxQL computes the mean non-negative rate per interface and day, and writes it back with
   influxDBOut. The rows must equal the generator's non_negative truth (same series, days,
   values to 1e-9), which also checks the window rewrite (a 1d+1m period so each day gets the
   rate across its midnight; the empty bucket before it is all null and dropped).
2. Scheduling through `farad serve`: a task with .every(2s).align() writes one line per window
   with fileOut; the server is stopped for a while and started again. With [batch] catch-up the
   windows missed while it was down run on restart (no gap); without it they are skipped as
   Kapacitor does (a gap), and no window ever runs twice.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from influxdb_server import InfluxServer

SECOND = 10**9
TIMEOUT = 60


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


ROLLUP = """dbrp "telegraf"."autogen"

batch
    |query('SELECT mean(i) AS in_bps, mean(o) AS out_bps FROM (SELECT non_negative_derivative(ifHCInOctets, 1s) AS i, non_negative_derivative(ifHCOutOctets, 1s) AS o FROM "telegraf"."autogen"."interface" GROUP BY *)')
        .period(1441m)
        .every(1d)
        .align()
        .groupBy(time(1d), *)
    |influxDBOut()
        .database('rollups')
        .measurement('rates')
        .create()
"""


def write_config(path, influx_url, data_dir, catch_up):
    with open(path, "w") as f:
        f.write('[storage]\ndata-dir = "%s"\n\n[batch]\ncatch-up = %s\n\n'
                '[[influxdb]]\nname = "local"\nurls = ["%s"]\n'
                % (data_dir, "true" if catch_up else "false", influx_url))


def load_snmp(farad, influx, work):
    """Two days of generated counters (3 devices x 2 interfaces, with resets) written raw to
    InfluxDB's telegraf database; returns the generator's non_negative daily means by
    (sorted tag pairs, day start ns)."""
    lp, truth = os.path.join(work, "snmp.lp"), os.path.join(work, "snmp.truth")
    subprocess.run([farad, "gen", "snmp", "--devices", "3", "--ifaces", "2", "--duration", "2d",
                    "--reset-prob", "0.002", "--out", lp, "--truth", truth], check=True)
    influx.query("CREATE DATABASE telegraf")
    with open(lp, "rb") as f:
        lines = f.readlines()
    for i in range(0, len(lines), 5000):
        status, body = influx.request("POST", "/write?db=telegraf&precision=ns",
                                      b"".join(lines[i:i + 5000]))
        if status != 204:
            fail("influxdb write: %d %s" % (status, body))
    expected = {}
    with open(truth) as f:
        for line in f:
            row = json.loads(line)
            if row.get("type") == "rollup" and row["variant"] == "non_negative":
                key = (tuple(sorted(row["tags"].items())), row["start_ns"])
                expected[key] = (row["mean"]["ifHCInOctets"], row["mean"]["ifHCOutOctets"])
    if len(expected) != 12:
        fail("the truth has %d rows, expected 3*2 series * 2 days" % len(expected))
    return expected


def rollup_path(farad, influx, work):
    expected = load_snmp(farad, influx, work)
    script = os.path.join(work, "rollup.tick")
    with open(script, "w") as f:
        f.write(ROLLUP)
    config = os.path.join(work, "run.toml")
    write_config(config, influx.url, os.path.join(work, "run-data"), False)
    run = subprocess.run([farad, "run", script, "--config", config,
                          "--start", "2017-04-11T00:00:00Z", "--stop", "2017-04-13T00:00:00Z"],
                         capture_output=True, text=True, timeout=TIMEOUT)
    if run.returncode != 0 or run.stderr.strip():
        fail("farad run: exit %d\n%s" % (run.returncode, run.stderr))

    got = {}
    for (tags, time_ns), fields in influx.points("rates", "rollups").items():
        got[(tags, time_ns)] = (fields.get("in_bps"), fields.get("out_bps"))
    if set(got) != set(expected):
        fail("rollup rows differ:\nonly farad: %s\nonly truth: %s"
             % (sorted(set(got) - set(expected))[:5], sorted(set(expected) - set(got))[:5]))
    for key, want in expected.items():
        for a, b in zip(got[key], want):
            if a is None or abs(a - b) > 1e-9 * max(abs(a), abs(b)):
                fail("rollup %s: got %s, truth %s" % (key, got[key], want))
    print("rollup: %d rows equal to the truth" % len(got))


SCHEDULED = """dbrp "telegraf"."autogen"

batch
    |query('SELECT count(v) AS n FROM "telegraf"."autogen"."tick"')
        .period(2s)
        .every(2s)
        .align()
    |fileOut('runs.lp')
"""


class Serve:
    def __init__(self, farad, config, log_path):
        self.log_path = log_path
        self.log = open(log_path, "ab")
        with open(log_path, "rb") as f:
            self.before = len(re.findall(rb"listening on 127\.0\.0\.1:(\d+)", f.read()))
        self.process = subprocess.Popen([farad, "serve", "--config", config, "--bind",
                                         "127.0.0.1:0"], stdout=self.log, stderr=self.log)
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            if self.process.poll() is not None:
                fail("farad serve exited with %d" % self.process.returncode)
            with open(log_path, "rb") as f:
                found = re.findall(rb"listening on 127\.0\.0\.1:(\d+)", f.read())
            if len(found) > self.before:
                self.port = int(found[-1])
                return
            time.sleep(0.02)
        fail("farad serve did not start")

    def request(self, method, path, body=None):
        import http.client
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            connection.request(method, path, body=body)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        if self.process.wait(timeout=TIMEOUT) != 0:
            fail("farad serve exited with %d" % self.process.returncode)
        self.log.close()


def window_starts(path):
    starts = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                fields = line.split()
                if fields and fields[1] == "n=2":
                    starts.append(int(fields[2]))
    return starts


def wait_for(predicate, what):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    fail("timed out waiting for " + what)


def scheduling(farad, influx, work, catch_up):
    name = "catch-up" if catch_up else "no-catch-up"
    data_dir = os.path.join(work, name)
    config = os.path.join(work, name + ".toml")
    write_config(config, influx.url, data_dir, catch_up)
    runs = os.path.join(data_dir, "runs.lp")
    log = os.path.join(work, name + ".log")
    open(log, "wb").close()

    serve = Serve(farad, config, log)
    task = {"id": "ticks", "type": "batch",
            "script": SCHEDULED, "status": "enabled"}
    status, body = serve.request("POST", "/kapacitor/v1/tasks", json.dumps(task))
    if status != 200:
        fail("define task: %d %s" % (status, body))
    wait_for(lambda: len(window_starts(runs)) >= 2, "two windows before the stop")
    serve.stop()
    before = window_starts(runs)
    time.sleep(7)  # three or four 2 s windows while the server is down
    restarted = time.time_ns()
    serve = Serve(farad, config, log)
    wait_for(lambda: max(window_starts(runs)) >= restarted - 2 * SECOND, "a window after restart")
    serve.stop()
    starts = window_starts(runs)
    if starts[:len(before)] != before:
        fail("%s: the windows before the restart changed" % name)
    steps = [b - a for a, b in zip(starts, starts[1:])]
    if any(step <= 0 or step % (2 * SECOND) for step in steps):
        fail("%s: windows not in order on the 2 s grid: %s" % (name, starts))
    gaps = [step for step in steps if step != 2 * SECOND]
    if catch_up and gaps:
        fail("catch-up: windows missed across the restart: steps %s" % steps)
    if not catch_up and not gaps:
        fail("no catch-up: the windows of the downtime ran (Kapacitor skips them): %s" % steps)
    print("%s: %d windows, gaps %s" % (name, len(starts), [g // SECOND for g in gaps]))


def main():
    farad = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="farad-batch-")
    os.makedirs(os.path.join(work, "influxdb"))
    influx = InfluxServer(os.path.join(work, "influxdb"))
    influx.start()
    try:
        rollup_path(farad, influx, work)
        now = int(time.time())
        ticks = "".join("tick v=1 %d\n" % t for t in range(now - 120, now + 900))
        influx.query("CREATE DATABASE telegraf")
        status, body = influx.request("POST", "/write?db=telegraf&precision=s", ticks.encode())
        if status != 204:
            fail("influxdb write: %d %s" % (status, body))
        scheduling(farad, influx, work, catch_up=True)
        scheduling(farad, influx, work, catch_up=False)
    finally:
        influx.stop()
    shutil.rmtree(work, ignore_errors=True)
    print("PASS")


if __name__ == "__main__":
    main()
