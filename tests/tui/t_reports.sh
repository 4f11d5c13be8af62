#!/usr/bin/env bash
# Several reports: a directory loads in the background onto the reports
# screen; Enter opens one; a file that cannot be read is named on the
# status line and, after the screen closes, on stderr with exit status 1.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
d=$(mktemp -d)
cp samples/jingmen-2024.txt samples/tianmen-2023.txt samples/enshi-2024.txt "$d/"
: > "$d/zz-empty.txt"
tui_start 80x24 "$GWR" "$d"
tui_wait_for "3 reports" || tui_fail "the title does not count 3 reports"
tui_wait_for "4 reports" || tui_fail "not on the reports screen"
for e in 荆门市 天门市 恩施市; do tui_wait_for "$e" 2 || tui_fail "$e not listed"; done
tui_wait_for "could not be read" 2 && tui_ok "the unreadable file is reported" || tui_fail "no message for the empty file"
tui_keys j Enter
tui_wait_for "outline+document" && tui_ok "Enter opens a report" || tui_fail "Enter did not open the report"
tui_keys 2
tui_wait_re "^st +entity" && tui_ok "targets show an entity column with several reports" || tui_fail "no entity column"
tui_keys 4
tui_wait_for "report 2/3" || tui_fail "the reports list lost its place"
tui_keys q
rc=$(tui_wait_exit)
[ "$rc" = 1 ] && tui_ok "exit status 1 when an input could not be read" || tui_fail "exit status $rc, wanted 1"
tui_wait_for "zz-empty.txt" 2 && tui_ok "the failure is named on stderr" || tui_fail "no stderr message after exit"
tui_stty_same || tui_fail "stty -a differs after exit"
rm -rf "$d"
tui_done
