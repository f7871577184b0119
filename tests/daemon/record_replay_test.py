#!/usr/bin/env python3
"""Record and replay in farad serve: the replayed output equals `farad run`'s, byte for byte.

Usage: record_replay_test.py FARAD EXAMPLE_SCRIPT

Generates a day of messy SNMP counters (reboots, out-of-order delivery) and defines the example
rollup with a fileOut output, enabled. Starts a stream recording of the task (stop: the last
poll's time), POSTs the data, checks the recording is still running, then writes one trigger
point after the stop time, which ends it (Kapacitor ends a recording at the first point after
its stop time, and drops that point). Then:

* a replay of the recording (fast clock, recording time) must write <file>.replay-<id> equal to
  the output of `farad run` over the data;
* a replay from the write-ahead log of [first poll, stop) (which leaves the trigger point out)
  must give the same bytes, with progress 1;
* a replay with shifted times must finish and stamp its output near now;
* the live task's own rollup.lp must be untouched by the replays: equal to `farad run` over the
  data and the trigger point;
* bad requests are refused (unknown task, unknown recording, nothing to replay), and deleting a
  recording removes its file.
"""

import gzip
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from serve_process import ServeProcess  # noqa: E402

BODY_LINES = 1000
TIMEOUT = 60  # seconds for any one wait
START = "2024-05-01T00:00:00Z"
START_S = 1714521600
LAST_POLL_S = START_S + 86400 - 60  # polls every 60 s for a day
TRIGGER_S = START_S + 2 * 86400


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


class Daemon(ServeProcess):
    starts = 0

    def __init__(self, farad, workdir, config):
        Daemon.starts += 1
        self.data_dir = os.path.join(workdir, "data")
        super().__init__(farad, ["--config", config, "--data-dir", self.data_dir],
                         os.path.join(workdir, "serve-%d.log" % Daemon.starts), TIMEOUT)

    def json(self, method, path, body, expect):
        status, answer = self.request(method, path, json.dumps(body) if body is not None else None)
        if status != expect:
            fail("%s %s answered %d (expected %d): %s" % (method, path, status, expect, answer))
        return json.loads(answer) if answer else None

    def write(self, body):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            status, answer = self.request("POST", "/write?db=telegraf&rp=autogen&precision=s", body)
            if status == 204:
                return
            if status != 503:
                fail("write answered %d: %s" % (status, answer))
            time.sleep(0.05)
        fail("write still refused after %ds" % TIMEOUT)

    def wait_done(self, kind, job_id):
        """Polls GET /kapacitor/v1/<kind>/<id> until it is no longer running (202)."""
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            status, answer = self.request("GET", "/kapacitor/v1/%s/%s" % (kind, job_id))
            job = json.loads(answer)
            if status == 200:
                if job["status"] != "finished":
                    fail("%s %s: %s" % (kind, job_id, job))
                return job
            if status != 202 or job["status"] != "running":
                fail("%s %s answered %d: %s" % (kind, job_id, status, job))
            time.sleep(0.05)
        fail("%s %s still running after %ds" % (kind, job_id, TIMEOUT))

    def stop(self):
        code = self.signal(signal.SIGTERM)
        if code != 0:
            fail("SIGTERM: exit code %d" % code)


def fileout_script(example):
    with open(example) as f:
        text = f.read()
    head, sep, _ = text.partition("|es()")
    if not sep:
        fail("no |es() in " + example)
    return head + "|fileOut('rollup.lp')\n        .measurement('interface_daily')\n"


def farad_run(farad, script, vars_path, inputs, workdir, name):
    out_dir = os.path.join(workdir, name)
    os.mkdir(out_dir)
    subprocess.run([farad, "run", script, "--precision", "s", "--vars", vars_path]
                   + sum([["--input", path] for path in inputs], []), check=True, cwd=out_dir)
    with open(os.path.join(out_dir, "rollup.lp"), "rb") as f:
        return f.read()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    farad, example = os.path.abspath(sys.argv[1]), sys.argv[2]
    workdir = tempfile.mkdtemp(prefix="farad-replay-")
    data = os.path.join(workdir, "day.lp")
    subprocess.run([farad, "gen", "snmp", "--devices", "3", "--ifaces", "2", "--duration", "1d",
                    "--start", START, "--reset-prob", "0.004", "--shuffle-window", "30s",
                    "--precision", "s", "--out", data], check=True)
    trigger_line = b"interface,agent_host=trigger,ifName=x ifHCInOctets=1i,ifHCOutOctets=1i %d\n" \
        % TRIGGER_S
    trigger = os.path.join(workdir, "trigger.lp")
    with open(trigger, "wb") as f:
        f.write(trigger_line)
    script = os.path.join(workdir, "rollup.tick")
    with open(script, "w") as f:
        f.write(fileout_script(example))
    vars_json = {"period": {"type": "duration", "value": 3600 * 10**9}}
    vars_path = os.path.join(workdir, "vars.json")
    with open(vars_path, "w") as f:
        json.dump(vars_json, f)
    expected = farad_run(farad, script, vars_path, [data], workdir, "expected")
    expected_live = farad_run(farad, script, vars_path, [data, trigger], workdir, "expected_live")
    if expected.count(b"\n") < 23 * 6:
        fail("farad run produced too little output: %d lines" % expected.count(b"\n"))

    config = os.path.join(workdir, "farad.toml")
    with open(config, "w") as f:
        f.write("[http]\nwrite-queue-size = 8\n")
    daemon = Daemon(farad, workdir, config)
    daemon.json("POST", "/kapacitor/v1/tasks",
                {"id": "rollup", "type": "stream", "script": open(script).read(),
                 "vars": vars_json, "status": "enabled"}, 200)

    # Refusals.
    daemon.json("POST", "/kapacitor/v1/recordings/stream", {"task": "nope", "duration": "1m"}, 404)
    daemon.json("POST", "/kapacitor/v1/recordings/stream", {"task": "rollup"}, 400)
    daemon.json("POST", "/kapacitor/v1/replays", {"task": "rollup", "recording": "nope"}, 404)
    daemon.json("POST", "/kapacitor/v1/replays", {"task": "rollup"}, 400)

    stop = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(LAST_POLL_S))
    recording = daemon.json("POST", "/kapacitor/v1/recordings/stream",
                            {"task": "rollup", "stop": stop, "id": "day"}, 201)
    if recording["status"] != "running" or recording["link"]["href"] != \
            "/kapacitor/v1/recordings/day":
        fail("recording as started: %s" % recording)

    with open(data, "rb") as f:
        lines = f.read().splitlines(keepends=True)
    for i in range(0, len(lines), BODY_LINES):
        daemon.write(b"".join(lines[i:i + BODY_LINES]))
    time.sleep(0.3)
    status, answer = daemon.request("GET", "/kapacitor/v1/recordings/day")
    if status != 202 or json.loads(answer)["status"] != "running":
        fail("before the trigger point the recording should run: %d %s" % (status, answer))
    daemon.write(trigger_line)
    recording = daemon.wait_done("recordings", "day")
    srpl = os.path.join(daemon.data_dir, "recordings", "day.srpl")
    if recording["size"] != os.path.getsize(srpl) or recording["progress"] != 1:
        fail("finished recording: %s" % recording)
    recorded = gzip.decompress(read(srpl)).splitlines()
    if len(recorded) != 3 * len(lines) or recorded[0] != b"telegraf" or recorded[1] != b"autogen":
        fail("the recording holds %d lines for %d points" % (len(recorded), len(lines)))
    listed = daemon.json("GET", "/kapacitor/v1/recordings", None, 200)["recordings"]
    if [r["id"] for r in listed] != ["day"]:
        fail("recordings list: %s" % listed)

    started = daemon.json("POST", "/kapacitor/v1/replays",
                          {"task": "rollup", "recording": "day", "recording-time": True,
                           "clock": "fast", "id": "fromrec"}, 201)
    if started["status"] != "running" or started["recording"] != "day":
        fail("replay as started: %s" % started)
    replay = daemon.wait_done("replays", "fromrec")
    if not replay["stats"].get("node-stats"):
        fail("finished replay without node stats: %s" % replay)
    got = read(os.path.join(daemon.data_dir, "rollup.lp.replay-fromrec"))
    if got != expected:
        fail("replay of the recording differs from farad run (%d vs %d bytes); see %s"
             % (len(got), len(expected), workdir))

    stop_range = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(START_S + 86400))
    daemon.json("POST", "/kapacitor/v1/replays",
                {"task": "rollup", "start": START, "stop": stop_range, "recording-time": True,
                 "id": "fromwal"}, 201)
    replay = daemon.wait_done("replays", "fromwal")
    if replay["progress"] != 1 or replay["recording"] != "" or replay["start"] != START:
        fail("finished log replay: %s" % replay)
    got = read(os.path.join(daemon.data_dir, "rollup.lp.replay-fromwal"))
    if got != expected:
        fail("replay of the log differs from farad run (%d vs %d bytes); see %s"
             % (len(got), len(expected), workdir))

    before = time.time()
    daemon.json("POST", "/kapacitor/v1/replays",
                {"task": "rollup", "recording": "day", "id": "shifted"}, 201)
    daemon.wait_done("replays", "shifted")
    shifted = read(os.path.join(daemon.data_dir, "rollup.lp.replay-shifted")).splitlines()
    if len(shifted) < 23 * 6:
        fail("shifted replay wrote %d lines" % len(shifted))
    first_time = int(shifted[0].rsplit(b" ", 1)[1]) / 1e9
    if first_time < before - 3600 - 5:
        fail("shifted replay's first window starts at %f, before the replay (%f)"
             % (first_time, before))

    listed = daemon.json("GET", "/kapacitor/v1/replays", None, 200)["replays"]
    if sorted(r["id"] for r in listed) != ["fromrec", "fromwal", "shifted"]:
        fail("replays list: %s" % listed)
    if daemon.request("DELETE", "/kapacitor/v1/replays/shifted")[0] != 204:
        fail("DELETE replay")
    if daemon.request("GET", "/kapacitor/v1/replays/shifted")[0] != 404:
        fail("a deleted replay is still there")

    daemon.stop()
    live = read(os.path.join(daemon.data_dir, "rollup.lp"))
    if live != expected_live:
        fail("the live task's output changed (%d vs %d bytes); see %s"
             % (len(live), len(expected_live), workdir))

    # After a restart the recording and the replays are still listed; deleting the recording
    # removes its file.
    daemon = Daemon(farad, workdir, config)
    recording = daemon.json("GET", "/kapacitor/v1/recordings/day", None, 200)
    if recording["status"] != "finished":
        fail("recording after restart: %s" % recording)
    daemon.json("GET", "/kapacitor/v1/replays/fromwal", None, 200)
    if daemon.request("DELETE", "/kapacitor/v1/recordings/day")[0] != 204:
        fail("DELETE recording")
    if os.path.exists(srpl) or daemon.request("GET", "/kapacitor/v1/recordings/day")[0] != 404:
        fail("a deleted recording is still there")
    daemon.stop()
    print("ok: %d points recorded; %d bytes of rollup replayed from the recording and the log"
          % (len(lines), len(expected)))
    subprocess.run(["rm", "-rf", workdir])


if __name__ == "__main__":
    main()
