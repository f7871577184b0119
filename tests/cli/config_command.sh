#!/usr/bin/env bash
# farad config: with no file it prints the documented defaults; its output is a config file that
# reads back to the same output; flags override; errors name file and line and exit 1.
set -euo pipefail
farad=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$farad" config >"$work/defaults.toml"
for line in \
  '[http]' \
  'bind-address = "127.0.0.1:9092"' \
  'max-body-size = "25MB"' \
  'data-dir = "./farad-data"' \
  'fsync = "interval"' \
  'fsync-interval = "100ms"' \
  'segment-size = "64MiB"' \
  'retention-age = "48h"' \
  'retention-size = "0"' \
  'interval = "30s"' \
  'level = "info"' \
  '# [[elasticsearch]]' \
  '# [[influxdb]]'; do
  grep -qxF -- "$line" "$work/defaults.toml" || fail "no line '$line' in the defaults:
$(cat "$work/defaults.toml")"
done

"$farad" config --bind 0.0.0.0:9999 --data-dir /srv/farad >"$work/flags.toml"
grep -qxF 'bind-address = "0.0.0.0:9999"' "$work/flags.toml" || fail "--bind not applied"
grep -qxF 'data-dir = "/srv/farad"' "$work/flags.toml" || fail "--data-dir not applied"
"$farad" config --config "$work/flags.toml" >"$work/reprinted.toml"
cmp -s "$work/flags.toml" "$work/reprinted.toml" || fail "printed config does not read back:
$(diff "$work/flags.toml" "$work/reprinted.toml")"

printf '[wal]\nfsync = "sometimes"\n' >"$work/bad.toml"
set +e
errors=$("$farad" config --config "$work/bad.toml" 2>&1)
status=$?
set -e
((status == 1)) || fail "bad config: exit $status, expected 1"
grep -qF "$work/bad.toml:2:9: error: wal.fsync: expected" <<<"$errors" || fail "bad config: $errors"
echo "ok: farad config prints defaults, applies flags, reads its output back, reports errors"
