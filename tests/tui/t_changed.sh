#!/usr/bin/env bash
# More than 200 reports: texts are dropped after analysis and read again when
# a report is opened. A file changed since it was loaded is not shown beside
# its old outline: the status line says so. An unchanged one opens as usual.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
d=$(mktemp -d)
for i in $(seq -w 1 201); do cp samples/jingmen-2024.txt "$d/r$i.txt"; done
tui_start 100x30 "$GWR" "$d"
tui_wait_for "report 1/201" 60 || tui_fail "201 reports not loaded"
tui_keys Enter
tui_wait_for "outline+document" && tui_ok "an unchanged report opens" || tui_fail "the report did not open"
tui_wait_for "changed since it was loaded" 1 && tui_fail "an unchanged report said to be changed"
tui_keys 4
tui_wait_for "report 1/201" || tui_fail "back to the reports"
# every file rewritten in place (same inode, other size and time)
for f in "$d"/*.txt; do cp samples/tianmen-2023.txt "$f"; done
tui_keys j Enter
tui_wait_for "changed since it was loaded" && tui_ok "a changed file is reported, not shown beside its old outline" ||
  tui_fail "no message for a file changed since loading"
tui_wait_for "天门" 1 && tui_fail "the new text is shown beside the old outline"
tui_keys q
rc=$(tui_wait_exit)
[ "$rc" = 0 ] && tui_ok "q exits 0" || tui_fail "exit status $rc"
rm -rf "$d"
tui_done
