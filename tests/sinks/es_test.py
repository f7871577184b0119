#!/usr/bin/env python3
"""es() against the Elasticsearch double through every failure mode, farad serve live.

Usage: es_test.py FARAD EXAMPLE_SCRIPT

The example rollup (hourly buckets) runs as task `rollup` with `.template('netrollup')`, and as
task `rejects` writing to an index name Elasticsearch refuses. The double is scripted to answer
429 and 503 to whole bulks, 429 and 503 to some items, to close connections, to answer after the
request timeout and slowly; half-way through it is stopped (unreachable) and the documents wait
in the spool until it is back. In the end every document farad run captures for the same input
is stored once, with the documented _id and shape; the rejected ones are in the dead letters;
the node statistics count sends, retries and failures.
"""

import glob
import json
import os
import shutil
import signal
import sys
import tempfile
import time

import es_harness as h

FAULTS = [
    {"kind": "status", "status": 429, "times": 2},
    {"kind": "status", "status": 503, "times": 2},
    {"kind": "items", "status": 429, "every": 2, "times": 2},
    {"kind": "items", "status": 503, "every": 3, "times": 1},
    {"kind": "close", "times": 1},
    {"kind": "slow", "seconds": 1.5, "times": 1},  # beyond request-timeout: a transport error
    {"kind": "slow", "seconds": 0.3, "times": 2},
]


def main():
    farad, example = os.path.abspath(sys.argv[1]), sys.argv[2]
    workdir = tempfile.mkdtemp(prefix="farad-es-")
    data, lines = h.generate(farad, workdir)
    with open(example) as f:
        script = f.read().rstrip() + "\n        .batchSize(20)\n        .flushInterval(100ms)\n"
    rollup_script = script + "        .template('netrollup')\n"
    rejects_script = script.replace(".index('netrollup-%Y.%m')", ".index('REJECTED-%Y')")
    script_path, vars_path, node, points, expected = h.prepare_capture(
        farad, workdir, rollup_script, data, 60)

    double = h.EsDouble().start()
    config = os.path.join(workdir, "farad.toml")
    with open(config, "w") as f:
        f.write('[checkpoint]\ninterval = "200ms"\n\n[[elasticsearch]]\nname = "test"\n'
                'urls = ["%s"]\nrequest-timeout = "1s"\nconnect-timeout = "1s"\n'
                'retry-initial = "50ms"\nretry-max = "400ms"\n' % double.url)
    daemon = h.Daemon(farad, workdir, config)
    daemon.define("rollup", rollup_script, h.HOURLY_VARS)
    daemon.define("rejects", rejects_script, h.HOURLY_VARS)
    with double.store.lock:
        double.store.faults.extend(json.loads(json.dumps(FAULTS)))

    half = len(lines) // 2
    bodies = [b"".join(lines[i:i + 500]) for i in range(0, len(lines), 500)]
    posted = 0
    for body in bodies:
        daemon.post(body)
        posted += body.count(b"\n")
        if posted >= half and double.server is not None:
            h.wait_until("some documents", lambda: double.store.count("netrollup-*") > 0)
            double.stop()
            double.server = None
            unreachable_since = time.time()
            retries_before = daemon.node_stats("rollup", node)["retries"]
    # Unreachable: the documents wait in the spool and the retries show in the stats.
    stats = h.wait_until("retries while unreachable", lambda: (
        lambda s: s if s["retries"] > retries_before + 2 else None)(
        daemon.node_stats("rollup", node)))
    print("unreachable for %.1fs: %s" % (time.time() - unreachable_since, stats))
    if double.store.count("netrollup-*") >= len(expected) or stats["spool_bytes"] == 0:
        h.fail("nothing waits in the spool while unreachable: %s" % stats)
    if "retry" not in daemon.text():
        h.fail("no retry was logged:\n" + daemon.text()[-2000:])
    double.start()
    h.wait_until("every document", lambda: double.store.count("netrollup-*") == len(expected))
    h.wait_until("the rejected documents", lambda: daemon.node_stats(
        "rejects", node)["docs_failed"] == len(expected))
    time.sleep(0.5)  # anything still coming would be a duplicate or an extra
    h.check_documents(double, expected, r"netrollup-.*")

    state = double.store.state()
    print("double: %s" % state["counters"])
    counters = state["counters"]
    for name, least in (("refused_requests", 4), ("closed", 1), ("slow", 3), ("failed_items", 2)):
        if counters[name] < least:
            h.fail("the double saw %d %s, expected at least %d" % (counters[name], name, least))
    template = state["templates"].get("netrollup")
    if not template or template["index_patterns"] != ["netrollup-*"]:
        h.fail("index template: %s" % state["templates"])
    if state["templates"].keys() != {"netrollup"}:
        h.fail("only the rollup task installs a template: %s" % list(state["templates"]))

    stats = daemon.node_stats("rollup", node)
    print("rollup %s: %s" % (node, stats))
    if stats["docs_failed"] != 0 or stats["docs_sent"] < len(expected):
        h.fail("rollup stats: %s" % stats)
    rejects = daemon.node_stats("rejects", node)
    if rejects["docs_sent"] != 0:
        h.fail("rejects stats: %s" % rejects)
    # Each refused bulk (429 x2, 503 x2), the closed connection and the timeout made one of the
    # two tasks retry, and so did the outage (3 at least); item failures add more when a bulk
    # was long enough to hold one.
    if stats["retries"] + rejects["retries"] < 6 + 3:
        h.fail("retries: %d + %d" % (stats["retries"], rejects["retries"]))
    letters = glob.glob(os.path.join(workdir, "data", "spool", "elasticsearch", "test",
                                     "rejects", node, "dead-letter.ndjson"))
    if not letters:
        h.fail("no dead-letter file")
    with open(letters[0]) as f:
        dead = [json.loads(line) for line in f]
    if len(dead) != len(expected) or any(
            d["status"] != 400 or d["error"]["type"] != "invalid_index_name_exception"
            or d["action"]["index"]["_index"] != d["action"]["index"]["_index"].upper()
            for d in dead):
        h.fail("dead letters: %d, first %s" % (len(dead), dead[:1]))
    # Deleting a task removes its spools, dead letters included; the other task's stay.
    spools = os.path.join(workdir, "data", "spool", "elasticsearch", "test")
    status, answer = daemon.request("DELETE", "/kapacitor/v1/tasks/rejects")
    if status != 204:
        h.fail("DELETE answered %d %s" % (status, answer))
    if os.path.exists(os.path.join(spools, "rejects")):
        h.fail("the spool of the deleted task is still there")
    if not os.path.isdir(os.path.join(spools, "rollup", node)):
        h.fail("the spool of the task kept was removed too")
    if daemon.kill(signal.SIGTERM) != 0:
        h.fail("SIGTERM: bad exit code")
    double.stop()
    print("ok: %d documents once each through every failure mode, %d dead letters"
          % (len(expected), len(dead)))
    shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
