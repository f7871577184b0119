#!/usr/bin/env python3
"""es() exactly once across kill -9: every rollup document is in Elasticsearch once.

Usage: es_crash_test.py FARAD EXAMPLE_SCRIPT

The example rollup (hourly buckets, action `create`, batches of 8) runs in farad serve while
the Elasticsearch double is down: the documents pile up in the spool. farad is killed with
SIGKILL once while the data is being posted (the spool is cut back to the checkpoint and the
log replayed), then the double comes back with slow answers and farad is killed twice more in
the middle of the spool flush. After a last restart, every document farad run captures for the
same input is stored exactly once, with the documented _id and shape: no create succeeded
twice, and nothing else is there.
"""

import json
import os
import shutil
import signal
import sys
import tempfile
import time

import es_harness as h


def main():
    farad, example = os.path.abspath(sys.argv[1]), sys.argv[2]
    workdir = tempfile.mkdtemp(prefix="farad-es-crash-")
    data, lines = h.generate(farad, workdir, devices=4, ifaces=2)
    with open(example) as f:
        script = (f.read().rstrip() + "\n        .action('create')\n        .batchSize(8)\n"
                  "        .flushInterval(50ms)\n")
    script_path, vars_path, node, points, expected = h.prepare_capture(
        farad, workdir, script, data, 100)

    double = h.EsDouble().start()  # only to reserve a port: it is down at first
    double.stop()
    config = os.path.join(workdir, "farad.toml")
    with open(config, "w") as f:
        f.write('[checkpoint]\ninterval = "150ms"\n[http]\nwrite-queue-size = 4\n\n'
                '[[elasticsearch]]\nname = "test"\nurls = ["%s"]\nrequest-timeout = "2s"\n'
                'connect-timeout = "1s"\nretry-initial = "50ms"\nretry-max = "200ms"\n'
                % double.url)
    daemon = h.Daemon(farad, workdir, config)
    daemon.define("rollup", script, h.HOURLY_VARS)

    bodies = [b"".join(lines[i:i + 500]) for i in range(0, len(lines), 500)]
    kill_at = len(bodies) // 2
    for index, body in enumerate(bodies):
        daemon.post(body)
        time.sleep(0.02)
        if index == kill_at:
            time.sleep(0.2)
            daemon.kill(signal.SIGKILL)
            daemon = h.Daemon(farad, workdir, config)
    h.wait_until("the task to catch up", lambda: daemon.node_stats(
        "rollup", node)["spool_bytes"] > 0 and daemon.node_stats("rollup", node)["retries"] > 0)
    time.sleep(1)  # the worker processes what is queued; a checkpoint or more pass

    # Back, but slow: each bulk is stored, then answered 0.15 s later.
    with double.store.lock:
        double.store.faults.append({"kind": "slow", "seconds": 0.15, "times": -1})
    double.start()
    for fraction in (0.3, 0.6):
        h.wait_until("a part of the flush", lambda: double.store.count("netrollup-*")
                     >= fraction * len(expected))
        daemon.kill(signal.SIGKILL)
        print("killed with %d of %d documents stored" % (double.store.count("netrollup-*"),
                                                         len(expected)))
        daemon = h.Daemon(farad, workdir, config)
    with double.store.lock:
        double.store.faults = []
    h.wait_until("every document", lambda: double.store.count("netrollup-*") >= len(expected))
    time.sleep(1)  # anything still coming would be an extra
    h.check_documents(double, expected, r"netrollup-.*")
    state = double.store.state()
    twice = {key: n for key, n in state["documents"].items() if n != 1}
    if twice:
        h.fail("documents created more than once: %s" % list(twice.items())[:3])
    print("double: %s" % state["counters"])
    stats = daemon.node_stats("rollup", node)
    print("stats after the last start: %s" % stats)
    if stats["docs_failed"] != 0:
        h.fail("documents were dead-lettered: %s" % stats)
    if daemon.kill(signal.SIGTERM) != 0:
        h.fail("SIGTERM: bad exit code")
    double.stop()
    print("ok: %d documents exactly once after 3 kills (%d create conflicts answered)"
          % (len(expected), state["counters"]["conflicts"]))
    shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
