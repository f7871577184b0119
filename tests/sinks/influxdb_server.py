"""A private influxd (Debian's influxdb 1.6) for the sink tests: its own config, data directory
and ports on 127.0.0.1, stopped and started again on the same data (to test retries)."""

import http.client
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse

CONFIG = """reporting-enabled = false
bind-address = "127.0.0.1:{rpc_port}"
[meta]
  dir = "{root}/meta"
  logging-enabled = false
[data]
  dir = "{root}/data"
  wal-dir = "{root}/wal"
  index-version = "inmem"
  query-log-enabled = false
[retention]
  enabled = false
[shard-precreation]
  enabled = false
[monitor]
  store-enabled = false
[subscriber]
  enabled = false
[continuous_queries]
  enabled = false
[http]
  bind-address = "127.0.0.1:{http_port}"
  log-enabled = false
[logging]
  level = "warn"
"""


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


class InfluxServer:
    def __init__(self, root, timeout=60):
        self.influxd = shutil.which("influxd") or "/usr/bin/influxd"
        if not os.path.exists(self.influxd):
            raise SystemExit("FAIL: influxd not found: install Debian's influxdb (scripts/bootstrap)")
        self.root = root
        self.timeout = timeout
        self.http_port, rpc_port = free_ports(2)
        self.url = "http://127.0.0.1:%d" % self.http_port
        self.config = os.path.join(root, "influxdb.conf")
        with open(self.config, "w") as f:
            f.write(CONFIG.format(root=root, rpc_port=rpc_port, http_port=self.http_port))
        self.log = open(os.path.join(root, "influxd.log"), "ab")
        self.process = None

    def start(self):
        self.process = subprocess.Popen([self.influxd, "-config", self.config],
                                        stdout=self.log, stderr=self.log)
        deadline = time.time() + self.timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("FAIL: influxd exited with %d (see %s/influxd.log)"
                                 % (self.process.returncode, self.root))
            try:
                if self.request("GET", "/ping")[0] == 204:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit("FAIL: influxd did not answer /ping")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=self.timeout)
        self.process = None

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def query(self, statement, db=""):
        """The series of one statement's result, times in nanoseconds."""
        form = urllib.parse.urlencode({"q": statement, "db": db, "epoch": "ns"})
        status, body = self.request("POST", "/query", form,
                                    {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 200:
            raise SystemExit("FAIL: influxdb %s -> %d %s" % (statement, status, body[:300]))
        result = json.loads(body)["results"][0]
        if "error" in result:
            raise SystemExit("FAIL: influxdb %s -> %s" % (statement, result["error"]))
        return result.get("series", [])

    def points(self, measurement, db):
        """{(tags, time): fields} of every point of `measurement` (tags as a sorted tuple)."""
        found = {}
        for series in self.query('SELECT * FROM "%s" GROUP BY *' % measurement, db):
            tags = tuple(sorted((k, v) for k, v in series.get("tags", {}).items() if v))
            columns = series["columns"]
            for row in series["values"]:
                values = dict(zip(columns, row))
                time_ns = values.pop("time")
                fields = {k: v for k, v in values.items() if v is not None}
                found[(tags, time_ns)] = fields
        return found
