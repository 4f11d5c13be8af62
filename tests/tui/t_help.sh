#!/usr/bin/env bash
# Help says what it does: the movement keys scroll it, the keys its footer
# names (q, Esc, ?) and F1 return to the screen it was opened from, a
# screen's number opens that screen, and any other key leaves it open with a
# hint — as the help text itself says.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
S=samples/jingmen-2024.txt
tui_start 80x24 "$GWR" "$S"
tui_wait_for "outline+document" || tui_fail "the first screen did not appear"
tui_keys 2
tui_wait_for "2 targets" || tui_fail "targets screen"
tui_keys '?'
tui_wait_for "Show this help" || tui_fail "? did not open help"
help_line=$(tui_screen | grep -F "Show this help")
footer=$(tui_screen | tail -n 1)
# the text and the footer agree with each other and name the keys tested below
for k in "q" "Esc" "?"; do
  printf '%s' "$help_line" | grep -qF -- "$k" || tui_fail "the help line does not name $k: $help_line"
  printf '%s' "$footer" | grep -qF -- "$k" || tui_fail "the footer does not name $k: $footer"
done
printf '%s' "$help_line" | grep -q "any key" && tui_fail "the help line still says any key returns"
printf '%s' "$help_line$footer" | grep -q "scroll" && tui_ok "help and footer say that it scrolls" || tui_fail "help does not say it scrolls"
# movement keys scroll
tui_keys j j
tui_wait_re "^ help 3/" || tui_fail "j did not scroll the help"
tui_keys G
tui_wait_re "^ help [0-9]{2}/" && tui_wait_for "other keys do nothing" && tui_ok "j and G scroll the help to its end" || tui_fail "G did not reach the end of the help"
# other keys do nothing (the help stays, with a hint)
for k in Enter x Tab; do
  tui_keys "$k"
  tui_wait_for "q, Esc or ? returns" 2 || tui_fail "$k: no hint"
  _tui_has "other keys do nothing" && tui_ok "$k keeps the help open" || tui_fail "$k left the help"
done
# each key of the footer returns to the screen help was opened from
for k in q Escape '?' F1; do
  tui_keys "$k"
  if tui_wait_gone "Show this help" 2 && tui_wait_for "2 targets" 2; then tui_ok "$k returns to screen 2"; else tui_fail "$k did not return to screen 2"; fi
  tui_keys '?'
  tui_wait_for "Show this help" || tui_fail "? did not reopen help"
done
# a screen's number opens it
tui_keys 3
tui_wait_for "3 compare" 2 && tui_wait_gone "Show this help" 2 && tui_ok "3 in help opens screen 3" || tui_fail "3 in help did not open screen 3"
tui_keys q
rc=$(tui_wait_exit)
[ "$rc" = 0 ] || tui_fail "exit status $rc"
tui_done
