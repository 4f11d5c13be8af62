#!/usr/bin/env bash
# Terminal tests under tmux: runs every tests/tui/t_*.sh with the gwr binary
# as $1. Each script exits non-zero when one of its assertions fails.
# Timing under tmux depends on the machine's load: a script that fails is run
# once more, and the retry is reported; a second failure fails the suite.
set -u
gwr=$(cd "$(dirname "${1:-./gwr}")" && pwd)/$(basename "${1:-./gwr}")
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
pass=0 failn=0 retried=""
for t in "$here"/t_*.sh; do
  [ -e "$t" ] || continue
  echo "== ${t##*/}"
  if bash "$t" "$gwr"; then
    pass=$((pass+1))
  elif echo "== ${t##*/}: failed once, running it again" && bash "$t" "$gwr"; then
    pass=$((pass+1)); retried="$retried ${t##*/}"
  else
    echo "FAIL ${t##*/}"; failn=$((failn+1))
  fi
done
[ -n "$retried" ] && echo "tui: passed on a second run:$retried"
echo "tui: $pass passed, $failn failed"
[ "$failn" = 0 ]
