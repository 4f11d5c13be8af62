#!/usr/bin/env bash
# Command-line contract and bad input: each case asserts exit status and message.
set -u
gwr=${1:-./gwr}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
pass=0 failn=0
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# expect NAME WANT_RC STDERR_REGEX -- CMD...
expect() {
  local name=$1 want=$2 re=$3; shift 4
  timeout 20 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  if [ "$rc" != "$want" ]; then
    echo "FAIL $name: exit $rc, expected $want"; head -3 "$tmp/err"; failn=$((failn+1)); return
  fi
  if [ -n "$re" ] && ! grep -Eq -- "$re" "$tmp/err"; then
    echo "FAIL $name: stderr does not match /$re/:"; head -3 "$tmp/err"; failn=$((failn+1)); return
  fi
  pass=$((pass+1))
}

expect help 0 '' -- "$gwr" --help
grep -q 'gwr outline' "$tmp/out" || { echo "FAIL help: no usage text"; failn=$((failn+1)); }
expect version 0 '' -- "$gwr" --version
grep -Eq '^gwr [0-9]+\.[0-9]+' "$tmp/out" || { echo "FAIL version: no version"; failn=$((failn+1)); }
expect unknown-option 2 "unknown option '--bogus'" -- "$gwr" --bogus samples
[ "$(wc -l <"$tmp/err")" -le 2 ] || { echo "FAIL unknown-option: hint longer than 2 lines"; failn=$((failn+1)); }
expect unknown-subcommand 2 "unknown sub-command 'frobnicate'" -- "$gwr" frobnicate
expect bad-format 2 "unknown format" -- "$gwr" outline --format xml samples/jingmen-2024.txt
expect missing-file 1 'nope\.txt: No such file' -- "$gwr" outline /nonexistent/nope.txt
: >"$tmp/empty.txt"
expect empty-file 1 'empty\.txt: empty' -- "$gwr" outline "$tmp/empty.txt"

echo "bad input: $pass passed, $failn failed"
[ "$failn" = 0 ]
