#!/usr/bin/env bash
# The main job end to end, on data generated with every kind of mess (reboots, missed polls,
# jitter, lines up to 30 s out of order, seconds precision): examples/snmp_rollup.tick must give
# the generator's wrap-corrected daily means for every interface and day (scripts/demo_report.py,
# 1e-9 relative). On clean data, a plain Kapacitor script (derivative().nonNegative() -> window ->
# mean) must give the non_negative truth bit for bit. The time-weighted variant of the job must
# give the truth's tw_mean.
# With a fourth argument, the reference generator snmpgen.py, the messy run is also checked
# against the truth that generator recomputes from the same lines.
# Usage: run_example_case.sh FARAD REPO WORKDIR [SNMPGEN_PY]
set -euo pipefail
farad=$1
repo=$2
work=$3
reference=${4:-}
mkdir -p "$work"

"$farad" gen snmp --devices 5 --ifaces 4 --duration 2d --seed 11 --reset-prob 0.004 \
  --gap-prob 0.02 --jitter 5s --shuffle-window 30s --precision s --tw-mean \
  --out "$work/messy.lp" --truth "$work/messy.truth"
"$farad" run "$repo/examples/snmp_rollup.tick" --input "$work/messy.lp" --dbrp telegraf.autogen \
  --output "$work/messy.out.lp" --flush --stats "$work/messy.stats.jsonl"
python3 "$repo/scripts/demo_report.py" "$work/messy.out.lp" "$work/messy.truth" \
  "$work/messy.stats.jsonl" | tail -3
if [[ -n $reference && -f $reference ]]; then
  python3 "$reference" --truth-from "$work/messy.lp" --precision s --truth "$work/messy.ref.truth"
  python3 "$repo/scripts/demo_report.py" "$work/messy.out.lp" "$work/messy.ref.truth" | tail -2
fi

# The same data rolled up with time-weighted means.
"$farad" run "$repo/tests/example/time_weighted_rollup.tick" --input "$work/messy.lp" \
  --output "$work/messy.tw.lp" --flush
python3 "$repo/scripts/demo_report.py" --tw-mean "$work/messy.tw.lp" "$work/messy.truth" | tail -1

"$farad" gen snmp --devices 5 --ifaces 4 --duration 2d --seed 12 \
  --out "$work/clean.lp" --truth "$work/clean.truth"
"$farad" run "$repo/scripts/bench/kapacitor_rollup.tick" --input "$work/clean.lp" \
  --dbrp telegraf.autogen --output "$work/clean.out.lp" --flush
python3 "$repo/tests/example/check_kapacitor_mode.py" "$work/clean.out.lp" "$work/clean.truth"
