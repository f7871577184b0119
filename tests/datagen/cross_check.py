#!/usr/bin/env python3
"""Cross-checks `farad gen snmp --truth` against an independent reference generator.

Usage: cross_check.py FARAD SNMPGEN_PY WORKDIR

For each case below, farad writes line protocol and its truth; the reference recomputes the
rollup from farad's line protocol (`snmpgen.py --truth-from`), and its `non_negative` rows must
match farad's rows: the same (agent_host, ifName, window) keys, the same counts, and means
within 1e-9 relative. farad stamps a row with its window end, the reference with `stop_ns`.
Exits 0 when every case matches, 1 otherwise.
"""

import datetime
import json
import os
import subprocess
import sys

REL_TOL = 1e-9
FIELDS = (("ifHCInOctets", "in_rate_mean", "in_count"),
          ("ifHCOutOctets", "out_rate_mean", "out_count"))

# (name, precision, truth period, extra farad flags)
CASES = [
    ("clean", "ns", "1d", ["--devices", "12", "--ifaces", "6", "--duration", "2d"]),
    ("messy", "s", "3h",
     ["--devices", "12", "--ifaces", "6", "--duration", "1d", "--seed", "7", "--wrap32",
      "--uptime", "--unsigned", "--reset-prob", "0.004", "--gap-prob", "0.02", "--jitter", "7s",
      "--shuffle-window", "45s", "--interval", "90s"]),
    ("millis", "ms", "1h",
     ["--devices", "5", "--ifaces", "30", "--duration", "6h", "--seed", "demo", "--jitter", "2s",
      "--reset-prob", "0.01"]),
]


def window_end_ns(text):
    when = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    delta = when - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    return (delta.days * 86400 + delta.seconds) * 10**9 + delta.microseconds * 1000


def load_farad(path):
    rows = {}
    with open(path) as fh:
        for line in fh:
            r = json.loads(line)
            key = (r["agent_host"], r["ifName"], window_end_ns(r["time"]))
            rows[key] = {f: (r[mean], r[count]) for f, mean, count in FIELDS}
    return rows


def load_reference(path):
    rows = {}
    with open(path) as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("type") != "rollup" or r["variant"] != "non_negative":
                continue
            key = (r["tags"]["agent_host"], r["tags"]["ifName"], r["stop_ns"])
            rows[key] = {f: (r["mean"].get(f), r["count"].get(f, 0)) for f, _, _ in FIELDS}
    return rows


def compare(ours, theirs):
    problems, worst = [], 0.0
    for key in sorted(set(ours) | set(theirs)):
        if key not in ours or key not in theirs:
            problems.append("row %s only in %s" % (key, "farad" if key in ours else "reference"))
            continue
        for field, _, _ in FIELDS:
            (m1, c1), (m2, c2) = ours[key][field], theirs[key][field]
            if c1 != c2 or (m1 is None) != (m2 is None):
                problems.append("%s %s: count %s vs %s" % (key, field, c1, c2))
                continue
            if m1 is None:
                continue
            rel = abs(m1 - m2) / max(abs(m2), 1e-300) if (m1 or m2) else 0.0
            worst = max(worst, rel)
            if rel > REL_TOL:
                problems.append("%s %s: mean %r vs %r" % (key, field, m1, m2))
    return worst, problems


def main():
    farad, snmpgen, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    failed = False
    for name, precision, period, flags in CASES:
        data = os.path.join(workdir, name + ".lp")
        ours = os.path.join(workdir, name + ".truth")
        theirs = os.path.join(workdir, name + ".reference.truth")
        subprocess.run([farad, "gen", "snmp", "--precision", precision, "--truth-period", period,
                        "--out", data, "--truth", ours] + flags, check=True)
        subprocess.run([sys.executable, snmpgen, "--truth-from", data, "--precision", precision,
                        "--truth-period", period, "--truth", theirs], check=True)
        a, b = load_farad(ours), load_reference(theirs)
        worst, problems = compare(a, b)
        print("%s: %d rows, max relative difference %.3g, %d problems"
              % (name, len(a), worst, len(problems)))
        for p in problems[:20]:
            print("  " + p)
        failed |= bool(problems) or not a
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
