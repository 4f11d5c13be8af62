#!/usr/bin/env bash
# Terminal tests under tmux: runs every tests/tui/t_*.sh with the gwr binary
# as $1. Each script exits non-zero when one of its assertions fails.
set -u
gwr=$(cd "$(dirname "${1:-./gwr}")" && pwd)/$(basename "${1:-./gwr}")
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
pass=0 failn=0
for t in "$here"/t_*.sh; do
  [ -e "$t" ] || continue
  echo "== ${t##*/}"
  if bash "$t" "$gwr"; then pass=$((pass+1)); else echo "FAIL ${t##*/}"; failn=$((failn+1)); fi
done
echo "tui: $pass passed, $failn failed"
[ "$failn" = 0 ]
