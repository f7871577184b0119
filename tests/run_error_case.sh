#!/usr/bin/env bash
# One error case: a script with lines `// expect error: LINE:COL message`. farad check must
# exit 1 and print, for every expectation, a diagnostic `FILE:LINE:COL: error: MESSAGE...`
# (MESSAGE is matched as a prefix of the printed message). A sidecar NAME.vars.json is passed
# with --vars; a line `// farad-args: ...` adds flags.
set -euo pipefail
farad=$1
script=$2
vars=${script%.tick}.vars.json
args=()
[[ -f $vars ]] && args+=(--vars "$vars")
extra=$(sed -n 's|^// farad-args: *||p' "$script")
# shellcheck disable=SC2206
[[ -n $extra ]] && args+=($extra)

mapfile -t expected < <(sed -n 's|^.*// expect error: *||p' "$script")
if ((${#expected[@]} == 0)); then
  echo "FAIL: $script has no '// expect error: LINE:COL message' line"; exit 1
fi

set +e
output=$("$farad" check "${args[@]}" "$script" 2>&1)
status=$?
set -e
if ((status != 1)); then
  echo "FAIL: farad check exited $status, expected 1. Output:"; echo "$output"; exit 1
fi
for expectation in "${expected[@]}"; do
  position=${expectation%% *}
  message=${expectation#* }
  if ! grep -qF -- "$script:$position: error: $message" <<<"$output"; then
    echo "FAIL: expected '$script:$position: error: $message'"
    echo "got:"; echo "$output"; exit 1
  fi
done
count=$(grep -c ': error: ' <<<"$output" || true)
if ((count != ${#expected[@]})); then
  echo "FAIL: expected ${#expected[@]} error(s), got $count:"; echo "$output"; exit 1
fi
echo "ok: $(basename "$script") reports ${#expected[@]} expected error(s)"
