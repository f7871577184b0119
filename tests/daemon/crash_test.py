#!/usr/bin/env python3
"""farad serve survives kill -9: the output of a fileOut task equals `farad run`'s, byte for byte.

Usage: crash_test.py FARAD EXAMPLE_SCRIPT

Generates a day of messy SNMP counters (reboots, out-of-order delivery), defines the example
rollup with a fileOut output through the task API, and POSTs the data in bodies of 500 lines,
every other one gzip-compressed (the log keeps those compressed, so replays inflate them).
Three times (at seeded random bodies) the server is killed with SIGKILL right after an
acknowledgement, while its worker is still behind, and started again; the client goes on with
the first body not acknowledged. A final SIGTERM must exit 0, and data-dir/rollup.lp must equal
the output of `farad run` of the same script over the same data (without --flush: neither
flushes the windows still open at the end). Also checks that the task is still defined and
executing after every restart, and that a task with a compile error is refused with 400.
"""

import gzip
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from serve_process import ServeProcess  # noqa: E402

BODY_LINES = 500
KILLS = 3
SEED = 20240501
TIMEOUT = 60  # seconds for any one wait


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def start(farad, workdir, config):
    """farad serve on the work dir; the log is shared by every run (tests/serve_process.py)."""
    return ServeProcess(farad, ["--config", config, "--data-dir", os.path.join(workdir, "data")],
                        os.path.join(workdir, "serve.log"), TIMEOUT)


def fileout_script(example):
    """The example with its es() output replaced by fileOut('rollup.lp')."""
    with open(example) as f:
        text = f.read()
    head, sep, _ = text.partition("|es()")
    if not sep:
        fail("no |es() in " + example)
    return head + "|fileOut('rollup.lp')\n        .measurement('interface_daily')\n"


def check_task(daemon, expect_executing):
    status, body = daemon.request("GET", "/kapacitor/v1/tasks/rollup")
    if status != 200:
        fail("GET task: %d %s" % (status, body))
    task = json.loads(body)
    if task["status"] != "enabled" or task["executing"] != expect_executing:
        fail("task after restart: status %s executing %s error %s"
             % (task["status"], task["executing"], task.get("error")))
    if task["dbrps"] != [{"db": "telegraf", "rp": "autogen"}]:
        fail("task dbrps: %s" % task["dbrps"])


def post_body(daemon, body, compress):
    """POSTs until acknowledged; 503 (queue full) is retried as Telegraf does."""
    headers = {}
    if compress:
        body = gzip.compress(body)
        headers["Content-Encoding"] = "gzip"
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        status, answer = daemon.request(
            "POST", "/write?db=telegraf&rp=autogen&precision=s", body, headers)
        if status == 204:
            return
        if status != 503:
            fail("write answered %d: %s" % (status, answer))
        time.sleep(0.05)
    fail("write still refused after %ds" % TIMEOUT)


def main():
    farad, example = os.path.abspath(sys.argv[1]), sys.argv[2]
    workdir = tempfile.mkdtemp(prefix="farad-crash-")
    data = os.path.join(workdir, "day.lp")
    subprocess.run([farad, "gen", "snmp", "--devices", "4", "--ifaces", "3", "--duration", "1d",
                    "--reset-prob", "0.004", "--shuffle-window", "30s", "--precision", "s",
                    "--out", data], check=True)
    script = fileout_script(example)
    script_path = os.path.join(workdir, "rollup.tick")
    with open(script_path, "w") as f:
        f.write(script)
    # Hourly buckets: a day of data closes 23 windows (the last stays open, as it should).
    vars_json = {"period": {"type": "duration", "value": 3600 * 10**9}}
    vars_path = os.path.join(workdir, "vars.json")
    with open(vars_path, "w") as f:
        json.dump(vars_json, f)

    expected_dir = os.path.join(workdir, "expected")
    os.mkdir(expected_dir)
    # The reference takes the Point path (FARAD_NO_COMPACT=1); the daemon feeds the task compact
    # points, so the comparison also checks the worker's compact feed against it.
    subprocess.run([farad, "run", script_path, "--input", data, "--precision", "s",
                    "--vars", vars_path], check=True, cwd=expected_dir,
                   env=dict(os.environ, FARAD_NO_COMPACT="1"))
    with open(os.path.join(expected_dir, "rollup.lp"), "rb") as f:
        expected = f.read()
    if expected.count(b"\n") < 23 * 12:
        fail("farad run produced too little output: %d lines" % expected.count(b"\n"))

    config = os.path.join(workdir, "farad.toml")
    with open(config, "w") as f:
        # Checkpoints often, so that kills land between checkpoints and after some of them.
        f.write('[checkpoint]\ninterval = "150ms"\n[http]\nwrite-queue-size = 4\n')

    daemon = start(farad, workdir, config)
    status, answer = daemon.request("POST", "/kapacitor/v1/tasks", json.dumps(
        {"id": "bad", "type": "stream", "script": "dbrp \"a\".\"b\"\nstream|frm()"}))
    if status != 400 or "frm" not in json.loads(answer)["error"]:
        fail("a compile error was answered %d %s" % (status, answer))
    status, answer = daemon.request("POST", "/kapacitor/v1/tasks", json.dumps(
        {"id": "rollup", "type": "stream", "script": script, "vars": vars_json,
         "status": "enabled"}))
    if status != 200:
        fail("define answered %d %s" % (status, answer))
    check_task(daemon, True)

    with open(data, "rb") as f:
        lines = f.read().splitlines(keepends=True)
    bodies = [b"".join(lines[i:i + BODY_LINES]) for i in range(0, len(lines), BODY_LINES)]
    chance = random.Random(SEED)
    kill_after = sorted(chance.sample(range(1, len(bodies) - 1), KILLS))
    print("%d bodies, SIGKILL after bodies %s" % (len(bodies), kill_after))
    for index, body in enumerate(bodies):
        post_body(daemon, body, index % 2 == 1)
        # Paced so that checkpoints (every 150 ms) fall between bodies and between the kills.
        time.sleep(chance.uniform(0, 0.04))
        if index in kill_after:
            time.sleep(chance.uniform(0, 0.3))
            daemon.signal(signal.SIGKILL)
            daemon = start(farad, workdir, config)
            check_task(daemon, True)

    code = daemon.signal(signal.SIGTERM)
    if code != 0:
        fail("SIGTERM: exit code %d" % code)
    log = open(os.path.join(workdir, "serve.log"), errors="replace").read()
    replays = re.findall(r"replayed (\d+) bodies", log)
    print("bodies replayed after each start: %s" % replays)
    if len(replays) < KILLS:
        fail("expected a replay after every kill:\n" + log)
    with open(os.path.join(workdir, "data", "rollup.lp"), "rb") as f:
        got = f.read()
    if got != expected:
        fail("rollup.lp differs from farad run's output (%d vs %d bytes); see %s"
             % (len(got), len(expected), workdir))

    # Restart persistence: the task is loaded, compiled and started again after a clean stop.
    daemon = start(farad, workdir, config)
    check_task(daemon, True)
    if daemon.signal(signal.SIGTERM) != 0:
        fail("second SIGTERM: bad exit code")
    print("ok: %d bytes of rollup identical after %d kills" % (len(got), KILLS))
    subprocess.run(["rm", "-rf", workdir])


if __name__ == "__main__":
    main()
