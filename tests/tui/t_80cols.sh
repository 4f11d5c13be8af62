#!/usr/bin/env bash
# 80x24, the terminal of SSH sessions, spends its columns on meaning:
# screen 4 shows each file's name whole and the folder once, in the title;
# screen 1's title keeps a (shortened) menu of the screens. Headless runs of
# the interface (GWR_SCRIPT) on the real reports.
set -u
GWR=$1
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8
fails=0
fail() { echo "FAIL - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -8 | sed 's/^/| /'; fails=$((fails + 1)); }
dump() { GWR_SIZE=80x24 GWR_SCRIPT="$1" "$GWR" "${@:2}" 2>/dev/null; }
for dir in samples/ tests/data/hailar/; do
  out=$(dump '4<Dump>' "$dir")
  title=$(printf '%s\n' "$out" | sed -n 2p)
  rows=$(printf '%s\n' "$out" | sed '1,3d;$d')
  case $title in *" in $dir │ 4 reports"*) echo "ok - $dir: the folder is in the title" ;; *) fail "$dir: no '$dir' in the title" "$title" ;; esac
  printf '%s\n' "$rows" | grep -qF -- "$dir" && fail "$dir: the folder is repeated on the rows" "$rows"
  before=$fails
  for f in "$dir"*.txt; do
    b=${f##*/}
    printf '%s\n' "$rows" | grep -qE -- " ${b//./\\.}\$" || fail "$dir: file name $b not shown whole" "$rows"
  done
  [ "$fails" = "$before" ] && echo "ok - $dir: every file name shown whole"
done
for f in samples/*.txt; do
  title=$(dump '<Dump>' "$f" | sed -n 2p)
  if printf '%s\n' "$title" | grep -qE 'outline\+document +1 .*2 .*3 .*4'; then
    echo "ok - $f: screen 1's title keeps the screen menu"
  else
    fail "$f: screen 1's title has no screen menu" "$title"
  fi
done
[ "$fails" = 0 ]
