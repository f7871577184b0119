"""influxDBOut against a real InfluxDB 1.6 (Debian's influxd, private, on 127.0.0.1): farad serve
with an [[influxdb]] section runs a task defined through the task API; the points it writes
must equal what `farad run` captures for the same input, after influxd was stopped in the middle
of the stream and started again (the sender retries; nothing may be lost or added). The writes
are gzip-compressed (the default `compression`), which influxd must take. Deleting the task
removes its spool directory.

usage: influxdb_out_test.py FARAD"""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from influxdb_server import InfluxServer  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from serve_process import ServeProcess, fail, wait_until  # noqa: E402

TIMEOUT = 60
SCRIPT = """dbrp "telegraf"."autogen"

stream
    |from()
        .measurement('interface')
        .groupBy('agent_host', 'ifName')
    |window()
        .period(10m)
        .every(10m)
        .align()
    |mean('ifHCInOctets')
        .as('in_mean')
    |influxDBOut()
        .database('farad_test')
        .retentionPolicy('autogen')
        .measurement('iface_10m')
        .tag('source', 'farad')
        .precision('s')
        .buffer(5)
        .flushInterval(100ms)
        .create()
"""


def parse_capture(path):
    """{(tags, time_ns): fields} of `farad run --output` (no spaces or escapes in this data)."""
    points = {}
    with open(path) as f:
        for line in f.read().splitlines():
            series, fields_text, time_text = line.split(" ")
            measurement, *pairs = series.split(",")
            if measurement != "iface_10m":
                fail("captured measurement %r" % measurement)
            tags = tuple(sorted(tuple(pair.split("=", 1)) for pair in pairs))
            fields = {}
            for pair in fields_text.split(","):
                key, value = pair.split("=", 1)
                fields[key] = float(value)
            points[(tags, int(time_text))] = fields
    return points


class Serve(ServeProcess):
    def __init__(self, farad, workdir, config):
        super().__init__(farad, ["--config", config, "--data-dir", os.path.join(workdir, "data")],
                         os.path.join(workdir, "serve.log"), TIMEOUT)

    def write(self, lines):
        for start in range(0, len(lines), 100):
            body = b"".join(lines[start:start + 100])
            status, answer = self.request("POST", "/write?db=telegraf&rp=autogen&precision=s",
                                          body)
            if status != 204:
                fail("write answered %d %s" % (status, answer))

    def node_stats(self, task, node):
        status, answer = self.request("GET", "/kapacitor/v1/tasks/" + task)
        if status != 200:
            fail("GET task: %d %s" % (status, answer))
        found = json.loads(answer)
        if not found["executing"]:
            fail("task not executing: %s" % found.get("error"))
        return found["stats"]["node-stats"][node]

    def stop(self):
        if self.process.poll() is None:
            self.signal(signal.SIGTERM)


def main():
    farad = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="farad-influxdb-out-") as workdir:
        script = os.path.join(workdir, "task.tick")
        with open(script, "w") as f:
            f.write(SCRIPT)
        data = os.path.join(workdir, "data.lp")
        subprocess.run([farad, "gen", "snmp", "--devices", "3", "--ifaces", "2", "--duration",
                        "4h", "--precision", "s", "--out", data], check=True)
        with open(data, "rb") as f:
            lines = f.read().splitlines(keepends=True)
        capture = os.path.join(workdir, "capture.lp")
        subprocess.run([farad, "run", script, "--input", data, "--precision", "s", "--output",
                        capture], check=True)
        expected = parse_capture(capture)
        if len(expected) < 40:
            fail("only %d points captured: the test data is too small" % len(expected))
        node = re.search(r"\b(influxdb_out\d+)\b", subprocess.run(
            [farad, "dot", script], check=True, capture_output=True, text=True).stdout).group(1)

        influx = InfluxServer(workdir)
        influx.start()
        config = os.path.join(workdir, "farad.toml")
        with open(config, "w") as f:
            f.write('[[influxdb]]\nname = "local"\nurls = ["%s"]\ntimeout = "2s"\n' % influx.url)
        serve = Serve(farad, workdir, config)
        try:
            status, answer = serve.request("POST", "/kapacitor/v1/tasks", json.dumps(
                {"id": "rollup", "type": "stream", "script": SCRIPT, "status": "enabled"}))
            if status != 200:
                fail("define answered %d %s" % (status, answer))
            half = len(lines) // 2
            serve.write(lines[:half])
            wait_until("the first points in InfluxDB",
                       lambda: influx.points("iface_10m", "farad_test"))

            influx.stop()  # mid-stream: the sender must retry, then deliver
            serve.write(lines[half:])
            wait_until("a failed write while influxd is down",
                       lambda: serve.node_stats("rollup", node).get("write_errors", 0) > 0)
            influx.start()
            wait_until("every point in InfluxDB",
                       lambda: len(influx.points("iface_10m", "farad_test")) >= len(expected))
            time.sleep(0.5)  # anything extra would show now
            stored = influx.points("iface_10m", "farad_test")
            if stored != expected:
                missing = sorted(set(expected) - set(stored))[:3]
                extra = sorted(set(stored) - set(expected))[:3]
                differ = [k for k in expected if k in stored and stored[k] != expected[k]][:3]
                fail("InfluxDB holds %d points, farad run captured %d; missing %s, extra %s, "
                     "different %s" % (len(stored), len(expected), missing, extra, differ))
            stats = serve.node_stats("rollup", node)
            if stats.get("points_written", 0) < len(expected):
                fail("points_written %s < %d" % (stats, len(expected)))
            if "retrying" not in serve.text():
                fail("no retry was logged:\n" + serve.text()[-2000:])

            # Deleting the task removes its spool (the data directory keeps no leftovers).
            spool = os.path.join(workdir, "data", "spool", "influxdb", "rollup")
            if not os.path.isdir(os.path.join(spool, node)):
                fail("no spool directory %s while the task runs" % spool)
            status, answer = serve.request("DELETE", "/kapacitor/v1/tasks/rollup")
            if status != 204:
                fail("DELETE answered %d %s" % (status, answer))
            if os.path.exists(spool):
                fail("the spool of the deleted task is still there: %s" % os.listdir(spool))
            print("ok: %d points written to InfluxDB equal farad run's capture, through a "
                  "restart of influxd (%d failed writes retried)"
                  % (len(expected), stats["write_errors"]))
        finally:
            serve.stop()
            influx.stop()


if __name__ == "__main__":
    main()
