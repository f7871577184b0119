#!/usr/bin/env python3
"""Cross-checks `farad gen snmp --truth` against an independent reference generator.

Usage: cross_check.py FARAD SNMPGEN_PY WORKDIR

For each case below, farad writes line protocol and its truth; the reference recomputes the
rollup from farad's line protocol (`snmpgen.py --truth-from`, with the same precision, period,
wrap ceiling and --tw-mean). Both files are in the same JSON lines format, so:

* their rows must be byte-identical once sorted (the two write them in different orders, and
  their meta lines differ: each describes its own generator);
* read by one loader, every (variant, series, window) must have the same counts, means and
  tw_means, and the variants must be non_negative, wrap_corrected, plus uptime_aware when the
  data has sysUpTime;
* farad's meta line must describe its data (line count, fields, variants).

Exits 0 when every case matches, 1 otherwise.
"""

import json
import os
import subprocess
import sys

# (name, precision, truth period, extra farad flags)
CASES = [
    ("clean", "ns", "1d", ["--devices", "12", "--ifaces", "6", "--duration", "2d"]),
    # Every variant and tw_mean: 32-bit wraps, reboots (with sysUpTime), missed polls, jitter,
    # seconds precision and lines out of order.
    ("messy", "s", "3h",
     ["--devices", "12", "--ifaces", "6", "--duration", "1d", "--seed", "7", "--wrap32",
      "--uptime", "--tw-mean", "--unsigned", "--reset-prob", "0.004", "--gap-prob", "0.02",
      "--jitter", "7s", "--shuffle-window", "45s", "--interval", "90s"]),
    ("millis", "ms", "1h",
     ["--devices", "5", "--ifaces", "30", "--duration", "6h", "--seed", "demo", "--jitter", "2s",
      "--reset-prob", "0.01"]),
    # 500 days at 12 h: every device's sysUpTime wraps at 2^32 hundredths, which is no reboot.
    ("timeticks", "s", "30d",
     ["--devices", "3", "--ifaces", "4", "--interval", "12h", "--duration", "500d", "--wrap32",
      "--uptime", "--tw-mean", "--reset-prob", "0.01", "--gap-prob", "0.02", "--jitter", "600"]),
    # A low ceiling: some 32-bit wraps count as restarts.
    ("ceiling", "us", "30m",
     ["--devices", "4", "--ifaces", "8", "--duration", "6h", "--interval", "10s", "--jitter", "3s",
      "--wrap32", "--tw-mean", "--reset-prob", "0.05", "--gap-prob", "0.3", "--wrap-ceiling",
      "5e6"]),
]

BASE_VARIANTS = ["non_negative", "wrap_corrected"]


def load_truth(path):
    """Either generator's truth: (meta, rows as text, {(variant, tags, start_ns): row})."""
    meta, lines, rows = None, [], {}
    with open(path) as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("type") == "meta":
                meta = r
                continue
            lines.append(line)
            key = (r["variant"], tuple(sorted(r["tags"].items())), r["start_ns"])
            if key in rows:
                raise SystemExit("%s: two rows for %r" % (path, key))
            rows[key] = r
    return meta, lines, rows


def compare_rows(ours, theirs):
    problems = []
    for key in sorted(set(ours) | set(theirs)):
        if key not in ours or key not in theirs:
            problems.append("row %s only in %s" % (key, "farad" if key in ours else "reference"))
            continue
        a, b = ours[key], theirs[key]
        for part in ("count", "mean", "tw_mean", "stop_ns", "time"):
            if a.get(part) != b.get(part):
                problems.append("%s %s: %r vs %r" % (key, part, a.get(part), b.get(part)))
    return problems


def check_case(farad, snmpgen, workdir, name, precision, period, flags):
    data = os.path.join(workdir, name + ".lp")
    ours = os.path.join(workdir, name + ".truth")
    theirs = os.path.join(workdir, name + ".reference.truth")
    subprocess.run([farad, "gen", "snmp", "--precision", precision, "--truth-period", period,
                    "--out", data, "--truth", ours] + flags, check=True)
    reference_flags = [f for f in flags if f == "--tw-mean"]
    if "--wrap-ceiling" in flags:
        reference_flags += ["--wrap-ceiling", flags[flags.index("--wrap-ceiling") + 1]]
    subprocess.run([sys.executable, snmpgen, "--truth-from", data, "--precision", precision,
                    "--truth-period", period, "--truth", theirs] + reference_flags, check=True)
    meta, our_lines, our_rows = load_truth(ours)
    ref_meta, ref_lines, ref_rows = load_truth(theirs)

    problems = compare_rows(our_rows, ref_rows)
    if not problems and sorted(our_lines) != sorted(ref_lines):
        problems.append("rows are equal once parsed but not byte for byte")
    variants = BASE_VARIANTS + (["uptime_aware"] if "--uptime" in flags else [])
    fields = ["ifHCInOctets", "ifHCOutOctets"]
    if "--wrap32" in flags:
        fields += ["ifInOctets", "ifOutOctets"]
    with open(data) as fh:
        line_count = sum(1 for _ in fh)
    for what, got, want in (("meta variants", meta["variants"], variants),
                            ("reference variants", ref_meta["variants"], variants),
                            ("meta fields", meta["fields"], fields),
                            ("meta lines", meta["lines"], line_count),
                            ("meta tw_mean", meta.get("tw_mean", False), "--tw-mean" in flags)):
        if got != want:
            problems.append("%s: %r, expected %r" % (what, got, want))
    seen = set(key[0] for key in our_rows)
    if seen != set(variants):
        problems.append("variants with rows: %r" % sorted(seen))
    if "--tw-mean" in flags and not all("tw_mean" in r for r in our_rows.values()):
        problems.append("rows without tw_mean")

    # The case must exercise what it is there for, or agreeing proves little.
    differ = sum(1 for (v, s, w), r in our_rows.items()
                 if v != "non_negative" and r["mean"] != our_rows.get(("non_negative", s, w), {}).get("mean"))
    aware = sum(1 for (v, s, w), r in our_rows.items()
                if v == "uptime_aware" and r["mean"] != our_rows[("wrap_corrected", s, w)]["mean"])
    print("%s: %d rows (%s), %d differ from non_negative, %d uptime_aware from wrap_corrected; "
          "%d problems" % (name, len(our_rows), ", ".join(variants), differ, aware, len(problems)))
    if not our_rows or (("--wrap32" in flags or "--reset-prob" in flags) and differ == 0):
        problems.append("the case does not exercise the variants")
    if name == "messy" and aware == 0:
        problems.append("no reboot that only uptime_aware corrects")
    for p in problems[:20]:
        print("  " + p)
    return not problems


def main():
    farad, snmpgen, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    ok = True
    for case in CASES:
        ok &= check_case(farad, snmpgen, workdir, *case)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
