#!/usr/bin/env bash
# Golden tests of the command-line output.
# Each case is tests/golden/cases/NAME.args (the arguments, one line, run from
# the repository root) with NAME.out (expected stdout) and optionally NAME.rc
# (expected exit status, default 0). UPDATE=1 rewrites the expected files.
set -u
gwr=${1:-./gwr}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
pass=0 failn=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for args in tests/golden/cases/*.args; do
  [ -e "$args" ] || continue
  name=${args%.args}
  # shellcheck disable=SC2046
  eval "set -- $(cat "$args")"
  "$gwr" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  rc=$?
  want_rc=0
  [ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
  if [ "${UPDATE:-}" = 1 ]; then
    cp "$tmp/out" "$name.out"
    [ "$rc" != 0 ] && echo "$rc" >"$name.rc"
    pass=$((pass+1))
    continue
  fi
  if [ "$rc" != "$want_rc" ]; then
    echo "FAIL ${name##*/}: exit $rc, expected $want_rc"; head -3 "$tmp/err"
    failn=$((failn+1))
  elif ! diff -u "$name.out" "$tmp/out" >"$tmp/diff"; then
    echo "FAIL ${name##*/}: output differs"; head -40 "$tmp/diff"
    failn=$((failn+1))
  else
    pass=$((pass+1))
  fi
done
echo "golden: $pass passed, $failn failed"
[ "$failn" = 0 ]
