#!/usr/bin/env bash
# One script case: the script compiles with no diagnostics, `farad fmt` is idempotent on it, and
# the formatted script compiles to the same task spec (same nodes, properties, edges and vars).
# A sidecar NAME.vars.json next to NAME.tick is passed with --vars.
set -euo pipefail
farad=$1
script=$2
vars=${script%.tick}.vars.json
args=()
[[ -f $vars ]] && args+=(--vars "$vars")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=$(basename "$script")

"$farad" check --spec "${args[@]}" "$script" >"$work/spec.json" 2>"$work/check.err" || {
  echo "FAIL: farad check rejected $script:"; cat "$work/check.err"; exit 1; }
if [[ -s $work/check.err ]]; then
  echo "FAIL: farad check printed diagnostics for a valid script:"; cat "$work/check.err"; exit 1
fi

mkdir -p "$work/once" "$work/twice"
"$farad" fmt "$script" >"$work/once/$name"
"$farad" fmt "$work/once/$name" >"$work/twice/$name"
if ! diff -u "$work/once/$name" "$work/twice/$name"; then
  echo "FAIL: farad fmt is not idempotent on $script (diff above: once vs twice)"; exit 1
fi

"$farad" check --spec "${args[@]}" "$work/once/$name" >"$work/spec.formatted.json" || {
  echo "FAIL: the formatted script does not compile:"; cat "$work/once/$name"; exit 1; }
if ! diff -u "$work/spec.json" "$work/spec.formatted.json"; then
  echo "FAIL: the formatted script compiles to a different task (diff above)"; exit 1
fi
echo "ok: $name compiles, formats idempotently and round-trips"
