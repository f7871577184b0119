#!/usr/bin/env python3
"""The alternative rollup path, end to end: raw SNMP counters in a real InfluxDB, a daily batch
task computing the rollup in InfluxQL, its rows written to Elasticsearch (the test double).

Usage: batch_to_es_test.py FARAD

Two days of generated counters (with counter resets) are loaded into a private influxd; `farad
run --config --start --stop` runs the batch task with [[influxdb]] and [[elasticsearch]]
configured. Every document must be in the index its day names, once, with the documented _id
(docs/sinks.md) and shape, and rates equal to the generator's non_negative truth.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

from batch_query_test import ROLLUP, fail, load_snmp
from influxdb_server import InfluxServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "es_double"))
from es_double import EsDouble  # noqa: E402

SCRIPT = ROLLUP.split("    |influxDBOut()")[0] + """    |es()
        .index('netrollup-%Y.%m.%d')
        .measurement('interface_daily')
"""


def document_id(task, node, measurement, tags, time_ns):
    """docs/sinks.md: sha256 of task, node, measurement, sorted tag pairs and the time."""
    parts = [task, node, measurement]
    for key, value in sorted(tags.items()):
        parts += [key, value]
    return hashlib.sha256(("\0".join(parts) + "\0" + str(time_ns)).encode()).hexdigest()


def main():
    farad = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="farad-batch-es-")
    os.makedirs(os.path.join(work, "influxdb"))
    influx = InfluxServer(os.path.join(work, "influxdb"))
    double = EsDouble().start()
    influx.start()
    try:
        expected = load_snmp(farad, influx, work)
        script = os.path.join(work, "rollup.tick")
        with open(script, "w") as f:
            f.write(SCRIPT)
        config = os.path.join(work, "run.toml")
        with open(config, "w") as f:
            f.write('[storage]\ndata-dir = "%s"\n\n[[influxdb]]\nname = "local"\nurls = ["%s"]\n'
                    '\n[[elasticsearch]]\nname = "es"\nurls = ["%s"]\n'
                    % (os.path.join(work, "data"), influx.url, double.url))
        run = subprocess.run([farad, "run", script, "--config", config,
                              "--start", "2017-04-11T00:00:00Z", "--stop", "2017-04-13T00:00:00Z"],
                             capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            fail("farad run: exit %d\n%s" % (run.returncode, run.stderr))

        state = double.store.state()
        if any(n != 1 for n in state["documents"].values()):
            fail("a document was written more than once: %s" % state["documents"])
        seen = set()
        for (tags, start_ns), (want_in, want_out) in expected.items():
            day = start_ns // 10**9
            index = "netrollup-" + time.strftime("%Y.%m.%d", time.gmtime(day))
            doc_id = document_id("rollup", "es2", "interface_daily", dict(tags), start_ns)
            doc = double.store.indices.get(index, {}).get(doc_id)
            if doc is None:
                fail("no document %s/%s for %s; indices: %s"
                     % (index, doc_id, tags, {k: list(v)[:3] for k, v in
                                              double.store.indices.items()}))
            source = doc["source"]
            for key, value in tags:
                if source.get(key) != value:
                    fail("document %s: tag %s=%r, expected %r" % (doc_id, key, source.get(key),
                                                                    value))
            if source.get("measurement") != "interface_daily":
                fail("document %s: measurement %r" % (doc_id, source.get("measurement")))
            for got, want in ((source.get("in_bps"), want_in), (source.get("out_bps"), want_out)):
                if got is None or abs(got - want) > 1e-9 * max(abs(got), abs(want)):
                    fail("document %s (%s): got %s, truth %s" % (doc_id, tags, got, want))
            seen.add((index, doc_id))
        total = sum(len(docs) for docs in double.store.indices.values())
        if total != len(seen):
            fail("%d documents stored, %d expected" % (total, len(seen)))
        print("batch rollup into Elasticsearch: %d documents equal to the truth" % total)
    finally:
        influx.stop()
        double.stop()
    shutil.rmtree(work, ignore_errors=True)
    print("PASS")


if __name__ == "__main__":
    main()
