#!/usr/bin/env python3
"""Prints the demo's daily rates next to the generator's expected rollup.

Usage: demo_report.py [--tw-mean] ROLLUP.lp TRUTH.jsonl [STATS.jsonl]

ROLLUP.lp holds the job's output (measurement interface_daily, tags agent_host and ifName, fields
in_bps and out_bps, stamped at the window start). TRUTH.jsonl is `farad gen snmp --truth`: rows per
variant, series and window. Every output row must equal the `wrap_corrected` row of its series and
day within 1e-9 relative, and every such row must have an output row. The `non_negative` column
shows what Kapacitor's derivative().nonNegative() gives on the same data. With --tw-mean the
output is compared with the truth's time-weighted means (`tw_mean`, from `--tw-mean` truth)
instead. Exits 1 on disagreement.
"""

import json
import sys
from datetime import datetime, timezone

REL_TOL = 1e-9
FIELDS = (("in_bps", "ifHCInOctets"), ("out_bps", "ifHCOutOctets"))


def read_rollup(path):
    rows = {}
    for line in open(path):
        series, fields, ts = line.rstrip("\n").rsplit(" ", 2)
        _, *tags = series.split(",")
        tags = dict(t.split("=", 1) for t in tags)
        values = {k: float(v) for k, v in (f.split("=", 1) for f in fields.split(","))}
        rows[(tags["agent_host"], tags["ifName"], int(ts))] = values
    return rows


def read_truth(path, statistic):
    truth = {}
    for line in open(path):
        row = json.loads(line)
        if row.get("type") != "rollup":
            continue
        tags = row["tags"]
        key = (tags["agent_host"], tags["ifName"], row["start_ns"])
        truth.setdefault(row["variant"], {})[key] = row[statistic]
    return truth


def relative(got, want):
    if got == want:
        return 0.0
    return abs(got - want) / max(abs(want), 1e-300)


def main():
    args = sys.argv[1:]
    statistic = "mean"
    if args and args[0] == "--tw-mean":
        statistic = "tw_mean"
        args = args[1:]
    got = read_rollup(args[0])
    truth = read_truth(args[1], statistic)
    expected = truth["wrap_corrected"]
    kapacitor = truth.get("non_negative", {})
    print(f"{'agent_host':<11} {'ifName':<7} {'day (UTC)':<10} {'in B/s':>13} {'out B/s':>13}"
          f"  {'vs expected':<12} {'nonNegative would give (in, out)':>34}")
    worst, missing, extra = 0.0, 0, 0
    for key in sorted(set(got) | set(expected)):
        host, ifname, start = key
        day = datetime.fromtimestamp(start / 1e9, timezone.utc).strftime("%Y-%m-%d")
        if key not in got:
            missing += 1
            print(f"{host:<11} {ifname:<7} {day:<10} {'-':>13} {'-':>13}  MISSING")
            continue
        if key not in expected:
            extra += 1
            print(f"{host:<11} {ifname:<7} {day:<10} unexpected row {got[key]}")
            continue
        errs = [relative(got[key][out], expected[key][field])
                for out, field in FIELDS if expected[key].get(field) is not None]
        err = max(errs, default=0.0)
        worst = max(worst, err)
        status = "exact" if err == 0 else f"{err:.1e}"
        old = kapacitor.get(key, {})
        drops = []
        for out, field in FIELDS:
            value = old.get(field)
            if value is None:
                drops.append("none")
            else:
                diff = relative(value, expected[key][field])
                drops.append("same" if diff < REL_TOL else f"{(value / expected[key][field] - 1) * 100:+.1f}%")
        print(f"{host:<11} {ifname:<7} {day:<10} {got[key]['in_bps']:>13.1f} "
              f"{got[key]['out_bps']:>13.1f}  {status:<12} {', '.join(drops):>34}")
    print()
    print(f"{len(got)} daily rows; largest relative difference from the expected rollup: "
          f"{worst:.1e}; missing rows: {missing}; unexpected rows: {extra}")
    if len(args) > 2:
        for node in (json.loads(line) for line in open(args[2]) if line.strip()):
            counters = {k: v for k, v in node.items()
                        if k in ("wraps", "restarts", "gaps", "dropped_late", "equal_time")}
            if counters:
                print(f"{node['name']}: " + ", ".join(f"{k} {v}" for k, v in counters.items()))
    ok = worst <= REL_TOL and missing == 0 and extra == 0
    print("agreement: " + ("every row within 1e-9" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
