#!/usr/bin/env python3
"""Checks a plain Kapacitor rollup (derivative().nonNegative() -> daily window -> mean) against
the generator's `non_negative` truth: every row equal, bit for bit.

Usage: check_kapacitor_mode.py ROLLUP.lp TRUTH.jsonl

ROLLUP.lp comes from scripts/bench/kapacitor_rollup.tick: measurement = the counter field, one
field `mean`, stamped at the window END as Kapacitor stamps a window; the truth is stamped at the
window start. Exits 1 on any difference, missing or extra row.
"""

import json
import sys


def main():
    got = {}
    for line in open(sys.argv[1]):
        series, fields, ts = line.rstrip("\n").rsplit(" ", 2)
        measurement, *tags = series.split(",")
        tags = dict(t.split("=", 1) for t in tags)
        value = float(fields.split("=", 1)[1])
        got[(measurement, tags["agent_host"], tags["ifName"], int(ts))] = value
    want = {}
    for line in open(sys.argv[2]):
        row = json.loads(line)
        if row.get("type") != "rollup" or row["variant"] != "non_negative":
            continue
        for field, mean in row["mean"].items():
            if mean is not None:
                key = (field, row["tags"]["agent_host"], row["tags"]["ifName"], row["stop_ns"])
                want[key] = mean
    differ = [k for k in want if k in got and got[k] != want[k]]
    missing = [k for k in want if k not in got]
    extra = [k for k in got if k not in want]
    print(f"{len(want)} expected rows, {len(got)} rows: {len(differ)} differ, "
          f"{len(missing)} missing, {len(extra)} unexpected")
    for key in (differ + missing + extra)[:5]:
        print(f"  {key}: got {got.get(key)}, expected {want.get(key)}")
    return 0 if want and not (differ or missing or extra) else 1


if __name__ == "__main__":
    sys.exit(main())
