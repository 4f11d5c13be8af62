#!/usr/bin/env bash
# Headless screen tests (as tig's test harness does): each
# tests/tui/screens/NAME.script ("size: WxH" then keys, see tui/ui_script.c)
# runs the interface on two hand-built reports through
# build/rel/tests/tui/screens; every <Dump> is compared with NAME.txt.
# UPDATE=1 rewrites the expected screens (read the diff before committing).
set -u
cd "$(dirname "$0")/../.."
bin=build/rel/tests/tui/screens
[ -x "$bin" ] || { echo "FAIL - $bin not built (make $bin)"; exit 1; }
fails=0
for s in tests/tui/screens/*.script; do
  name=${s%.script}
  size=$(head -n 1 "$s" | sed 's/^size: *//')
  script=$(tail -n +2 "$s")
  out=$(LC_ALL=C.UTF-8 "$bin" "$size" "$script" 2>&1)
  rc=$?
  if [ "$rc" != 0 ]; then echo "FAIL - ${name##*/}: exit status $rc"; echo "$out" | head -5; fails=$((fails+1)); continue; fi
  # Chinese line breaking: no line of the document pane starts with closing punctuation
  bad=$(printf '%s\n' "$out" | grep -E '│ ?[，。、；：？！）」』】》]')
  if [ -n "$bad" ]; then echo "FAIL - ${name##*/}: a line starts with closing punctuation:"; echo "$bad"; fails=$((fails+1)); fi
  if [ "${UPDATE:-}" = 1 ]; then
    printf '%s\n' "$out" > "$name.txt"
    echo "updated ${name##*/}.txt"
  elif diff -u "$name.txt" <(printf '%s\n' "$out") > /tmp/gwr-screens.$$.diff; then
    echo "ok - screens ${name##*/}"
  else
    echo "FAIL - screens ${name##*/} differ from $name.txt (UPDATE=1 bash $0 rewrites):"
    head -60 /tmp/gwr-screens.$$.diff
    fails=$((fails+1))
  fi
  rm -f /tmp/gwr-screens.$$.diff
done
[ "$fails" = 0 ]
