#!/usr/bin/env bash
# `farad run --stats`: runs a golden case folder (script.tick, input.lp, args) and compares the
# node statistics it writes with the folder's expected.stats.jsonl.
set -euo pipefail
farad=$1
case_dir=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
args=()
# shellcheck disable=SC2207
[[ -f $case_dir/args ]] && args=($(cat "$case_dir/args"))
"$farad" run "$case_dir/script.tick" --input "$case_dir/input.lp" "${args[@]}" --stats "$out"
if ! diff -u "$case_dir/expected.stats.jsonl" "$out"; then
  echo "FAIL: farad run --stats differs from $case_dir/expected.stats.jsonl"; exit 1
fi
echo "ok: farad run --stats matches $(basename "$case_dir")/expected.stats.jsonl"
